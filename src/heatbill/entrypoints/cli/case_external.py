"""`heatbill case …` for external collection, landlords and cut-offs (issue 6, items 7–9).

heatbill case hand-over 17 --by kbh [--date D] -u demo          to the external partner now
heatbill case recall 17 --reason "…" --by kbh [--date D] -u demo
heatbill case agency-file retur.csv --by kbh [--date D] -u demo  the partner's payments
heatbill case write-off 17 [--amount 250,00] --reason "…" --by kbh [--date D] -u demo
heatbill case write-off-reverse 3 --reason "…" --by kbh [--date D] -u demo
heatbill case rental 10001 --from 01-01-2025 --by kbh -u demo     owner supplies the tenants
heatbill case cut-off 7 --date 01-12-2025 --kind bankruptcy --by kbh [--csv F] [--json] -u demo

The return file's layout: `adapters/formats/agency_returns.py`. `cut-off` prints the statement
for the estate (claims, fees, interest up to the date); --csv writes it, --json prints it in
øre and ISO dates.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.clock import Clock, FixedClock
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money
from heatbill.entrypoints.cli.arguments import choice, day, dk, file_bytes, iso, print_json
from heatbill.entrypoints.cli.cases import BY, CLAIM, REASON, app
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.cut_off import CutOff, CutOffKind, EstateStatement, cut_off
from heatbill.services.external_collection import (
    hand_over,
    import_agency_file,
    mark_rental_property,
    recall,
    reverse_write_off,
    write_off,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

console = Console()
WHEN = typer.Option(None, "--date", help=say("cli.case.opt.date"))
KINDS = {"reconstruction": CutOffKind.RECONSTRUCTION, "rekonstruktion": CutOffKind.RECONSTRUCTION,
         "bankruptcy": CutOffKind.BANKRUPTCY, "konkurs": CutOffKind.BANKRUPTCY}  # fmt: skip


@app.command("hand-over", help=say("cli.external.hand_over"))
def hand_over_command(
    claim: int = CLAIM,
    by: str = BY,
    when: str | None = WHEN,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        hand_over(uow, utility_id_of(engine, utility), claim, by, _clock(when))
    typer.echo(say("cli.external.handed", claim=claim))


@app.command("recall", help=say("cli.external.recall"))
def recall_command(
    claim: int = CLAIM,
    reason: str = REASON,
    by: str = BY,
    when: str | None = WHEN,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        recall(uow, utility_id_of(engine, utility), claim, reason, by, _clock(when))
    typer.echo(say("cli.external.recalled", claim=claim))


@app.command("agency-file", help=say("cli.external.agency_file"))
def agency_file_command(
    path: Path = typer.Argument(..., help=say("cli.external.opt.file")),
    by: str = BY,
    when: str | None = WHEN,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    data = file_bytes(path)
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        done = import_agency_file(
            uow, utility_id_of(engine, utility), path.name, data, by, _clock(when)
        )
    typer.echo(say("cli.external.imported", file=done.file_id, count=done.payments,
                   total=done.total.format_da(), costs=done.costs.format_da()))  # fmt: skip


@app.command("write-off", help=say("cli.external.write_off"))
def write_off_command(
    claim: int = CLAIM,
    amount: str | None = typer.Option(None, "--amount", help=say("cli.external.opt.amount")),
    reason: str = REASON,
    by: str = BY,
    when: str | None = WHEN,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    wanted = None if amount is None else _money(amount)
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        row = write_off(uow, utility_id_of(engine, utility), claim, wanted, reason, by,
                        _clock(when))  # fmt: skip
    typer.echo(say("cli.external.written_off", write_off=row.write_off_id, claim=claim,
                   amount=row.amount.format_da()))  # fmt: skip


@app.command("write-off-reverse", help=say("cli.external.write_off_reverse"))
def write_off_reverse_command(
    write_off_id: int = typer.Argument(..., help=say("cli.external.opt.write_off")),
    reason: str = REASON,
    by: str = BY,
    when: str | None = WHEN,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        row = reverse_write_off(uow, utility_id_of(engine, utility), write_off_id, reason, by,
                                _clock(when))  # fmt: skip
    typer.echo(say("cli.external.reversed", write_off=write_off_id, amount=row.amount.format_da()))


@app.command("rental", help=say("cli.external.rental"))
def rental_command(
    installation: str = typer.Argument(..., help=say("cli.external.opt.installation")),
    since: str = typer.Option(..., "--from", help=say("cli.case.opt.date")),
    by: str = BY,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        mark_rental_property(uow, utility_id_of(engine, utility), installation,
                             day(since, "--from"), by, CLOCK)  # fmt: skip
    typer.echo(say("cli.external.rental_marked", number=installation))


@app.command("cut-off", help=say("cli.external.cut_off"))
def cut_off_command(
    customer: int = typer.Argument(..., help=say("cli.external.opt.customer")),
    when: str = typer.Option(..., "--date", help=say("cli.case.opt.date")),
    kind: str = typer.Option(..., "--kind", help=say("cli.external.opt.kind")),
    by: str = BY,
    csv_path: Path | None = typer.Option(None, "--csv", help=say("cli.external.opt.csv")),
    as_json: bool = JSON_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    command = CutOff(customer, day(when, "--date"), choice(kind, "--kind", KINDS), by)
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        statement = cut_off(utility_id_of(engine, utility), command, uow, CLOCK)
    if csv_path is not None:
        csv_path.write_text(estate_csv(statement), encoding="utf-8")
    if as_json:
        print_json(_json(statement))
        return
    _table(statement)


def estate_csv(statement: EstateStatement) -> str:
    """The statement for the estate: one line per claim, Danish amounts, `;` between."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["krav", "reference", "forfald", "hovedstol", "gebyrer", "renter", "i_alt"])
    for c in statement.claims:
        writer.writerow([c.claim_id, c.reference, dk(c.due_date), *(_da(m) for m in (
            c.principal, c.fees, c.interest, c.total))])  # fmt: skip
    writer.writerow(["", say("cli.external.total"), "", "", "", "", _da(statement.total)])
    return out.getvalue()


def _json(statement: EstateStatement) -> dict[str, object]:
    return {
        "cut_off": statement.cut_off_id,
        "customer": statement.customer_id,
        "kind": statement.kind.value,
        "date": iso(statement.on),
        "claims": [
            {"claim": c.claim_id, "reference": c.reference, "due_date": iso(c.due_date),
             "principal_ore": c.principal.ore, "fees_ore": c.fees.ore,
             "interest_ore": c.interest.ore, "total_ore": c.total.ore}
            for c in statement.claims
        ],
        "total_ore": statement.total.ore,
    }  # fmt: skip


def _table(statement: EstateStatement) -> None:
    title = say(f"cli.external.estate.{statement.kind.value}", customer=statement.customer_id,
                day=dk(statement.on))  # fmt: skip
    table = Table(title=title)
    for key in ("claim", "reference", "due", "principal", "fees", "interest", "total"):
        table.add_column(say(f"cli.external.col.{key}"))
    for c in statement.claims:
        table.add_row(str(c.claim_id), c.reference, dk(c.due_date), *(m.format_da() for m in (
            c.principal, c.fees, c.interest, c.total)))  # fmt: skip
    table.add_row("", say("cli.external.total"), "", "", "", "", statement.total.format_da())
    console.print(table)


def _clock(when: str | None) -> Clock:
    return CLOCK if when is None else FixedClock.on(day(when, "--date"))


def _money(text: str) -> Money:
    try:
        return Money.parse_da(text)
    except ValueError:
        raise ValidationError(say("cli.external.bad_amount", got=text)) from None


def _da(amount: Money) -> str:
    return amount.format_da(unit=False)
