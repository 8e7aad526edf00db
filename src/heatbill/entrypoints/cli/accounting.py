"""`heatbill export …` and `heatbill report …`: the books for the accountant and the auditor.

    heatbill export gl   --from 01-01-2026 --to 31-12-2026 [-o finans.csv] -u demo
    heatbill export saft --from 01-01-2026 --to 31-12-2026 -o saft.xml -u demo
    heatbill report reconciliation --date 31-12-2026 -u demo [--json]
    heatbill report ageing --date 31-12-2026 -u demo [--csv aldersfordeling.csv] [--xlsx …] [--json]
    heatbill report statement|debtors …  (the customer reports: `entrypoints.cli.reports`)

Exports write the file (or, for the GL CSV without -o, print it); reports print Danish tables
for people and, with --json, amounts in øre and ISO dates for programs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.formats.ageing_csv import write_ageing_csv
from heatbill.adapters.formats.reports_xlsx import ageing_workbook
from heatbill.domain.ledger.ageing import AgeBucket, AgeingLine, totals
from heatbill.domain.ledger.reconciliation import Reconciliation
from heatbill.domain.money import Money
from heatbill.entrypoints.cli import reports
from heatbill.entrypoints.cli.arguments import day, dk, print_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.accounting import gl_export, reconciliation, saft_export
from heatbill.services.debtor_reports import ageing_report
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

export_app = typer.Typer(help=say("accounting.cli.export_app"), no_args_is_help=True)
report_app = typer.Typer(help=say("accounting.cli.report_app"), no_args_is_help=True)
report_app.command("statement")(reports.report_statement)
report_app.command("debtors")(reports.report_debtors)
console = Console()
FROM_OPTION = typer.Option(..., "--from", help="Første dag i perioden, fx 01-01-2026.")
TO_OPTION = typer.Option(..., "--to", help="Sidste dag i perioden, fx 31-12-2026.")


@export_app.command("gl")
def export_gl(
    first: str = FROM_OPTION,
    last: str = TO_OPTION,
    output: Path | None = typer.Option(None, "--output", "-o", help="CSV-fil (ellers stdout)."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    """The period's journal in the utility's chart of accounts, as a bookkeeping CSV."""
    start, end = day(first, "--from"), day(last, "--to")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            exported = gl_export(uow, u, start, end)
    if output is None:
        sys.stdout.buffer.write(exported.content)
        return
    output.write_bytes(exported.content)
    console.print(
        say(
            "accounting.cli.written",
            what=say("accounting.what.gl"),
            path=output,
            count=exported.lines,
        )
    )


@export_app.command("saft")
def export_saft(
    first: str = FROM_OPTION,
    last: str = TO_OPTION,
    output: Path = typer.Option(..., "--output", "-o", help="XML-fil der skrives."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    """SAF-T Financial (DK) for the period: accounts, customers and every journal entry."""
    start, end = day(first, "--from"), day(last, "--to")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            exported = saft_export(uow, u, start, end, CLOCK.today())
    output.write_bytes(exported.content)
    console.print(
        say(
            "accounting.cli.saft_written",
            path=output,
            entries=exported.lines,
            debit=exported.debit.format_da(),
            credit=exported.credit.format_da(),
        )
    )


@report_app.command("reconciliation")
def report_reconciliation(
    on: str = typer.Option(..., "--date", help="Afstemningsdatoen, fx 31-12-2026."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Receivables subledger = open items = GL control account, or the differences."""
    when = day(on, "--date")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = reconciliation(uow, u, when)
    if as_json:
        print_json(_reconciliation_json(found))
        return
    _print_reconciliation(found)
    if not found.balanced:
        raise typer.Exit(1)


def _print_reconciliation(found: Reconciliation) -> None:
    table = Table(title=say("accounting.recon.title", on=dk(found.on)))
    table.add_column(say("accounting.col.figure"))
    table.add_column(say("accounting.col.amount"), justify="right")
    gl = found.control_account
    for key, amount in (
        ("accounting.recon.subledger", found.subledger),
        ("accounting.recon.open_items", found.open_items),
    ):
        table.add_row(say(key), amount.format_da())
    table.add_row(
        say("accounting.recon.control", number=gl.number, name=gl.name), found.control.format_da()
    )
    console.print(table)
    if found.balanced:
        console.print(say("accounting.recon.balanced"))
        return
    console.print(say("accounting.recon.unbalanced"))
    if found.control != found.subledger:
        difference = found.control - found.subledger
        console.print(say("accounting.recon.control_difference", difference=difference.format_da()))
    if found.differences:
        listing = Table(title=say("accounting.recon.differences_title"))
        for key in ("customer", "subledger", "open_items", "difference"):
            listing.add_column(
                say(f"accounting.col.{key}"), justify="left" if key == "customer" else "right"
            )
        for d in found.differences:
            listing.add_row(
                str(d.customer_id), _da(d.subledger), _da(d.open_items), _da(d.difference)
            )
        console.print(listing)


def _da(amount: Money) -> str:
    return amount.format_da(unit=False)


def _reconciliation_json(found: Reconciliation) -> dict[str, object]:
    return {
        "date": found.on.isoformat(),
        "balanced": found.balanced,
        "subledger_ore": found.subledger.ore,
        "open_items_ore": found.open_items.ore,
        "control_account": found.control_account.number,
        "control_ore": found.control.ore,
        "differences": [
            {
                "customer_id": d.customer_id,
                "subledger_ore": d.subledger.ore,
                "open_items_ore": d.open_items.ore,
            }
            for d in found.differences
        ],
    }


@report_app.command("ageing")
def report_ageing(
    on: str = typer.Option(..., "--date", help="Datoen, fx 31-12-2026."),
    csv_file: Path | None = reports.CSV_OPTION,
    xlsx_file: Path | None = reports.XLSX_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Open items by days past due: not due, 0-30, 31-60, 61-90 and over 90 days."""
    when = day(on, "--date")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            lines = ageing_report(uow, u, when)
    if csv_file is not None:
        csv_file.write_bytes(write_ageing_csv(lines))
    if xlsx_file is not None:
        xlsx_file.write_bytes(ageing_workbook(lines))
    if as_json:
        print_json(
            [
                {"customer_id": line.customer_id}
                | {f"{b.value}_ore": line.amount(b).ore for b in AgeBucket}
                | {"total_ore": line.total.ore}
                for line in lines
            ]
        )
        return
    table = Table(title=say("accounting.age.title", on=dk(when)))
    table.add_column(say("accounting.col.customer"))
    for bucket in AgeBucket:
        table.add_column(say(f"accounting.age.{bucket.value}"), justify="right")
    table.add_column(say("accounting.age.total"), justify="right")
    for line in lines:
        table.add_row(str(line.customer_id), *_ageing_cells(line))
    table.add_section()
    table.add_row(say("accounting.age.all"), *_ageing_cells(totals(lines)))
    console.print(table)
    what = say("accounting.what.ageing")
    for written in (csv_file, xlsx_file):
        if written is not None:
            console.print(say("accounting.cli.written", what=what, path=written, count=len(lines)))


def _ageing_cells(line: AgeingLine) -> list[str]:
    return [_da(line.amount(b)) for b in AgeBucket] + [_da(line.total)]
