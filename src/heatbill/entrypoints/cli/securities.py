"""`heatbill security …` and `heatbill run securities`: security deposits and guarantees.

heatbill security assess 17 -u demo [--date D] [--json]   grounds, late payments, amount
heatbill security demand 17 --note "…" --by kbh -u demo [--amount 5.000] [--date D]
heatbill security record 17 --form cash_deposit --amount 5.000 --by kbh -u demo
heatbill security record 17 --form bank_guarantee --amount 5.000 --provider "Nordea"
    --reference G-123 --expires 31-12-2026 --by kbh -u demo
heatbill security list -u demo [--json]
heatbill run securities --date 01-06-2026 -u demo [--dry-run]   release what has earned it
"""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.db.security_repository import SecurityRow
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.entrypoints.cli import runs
from heatbill.entrypoints.cli.arguments import choice, day, dk, iso, print_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.securities import (
    DemandSecurity,
    RecordSecurity,
    demand_security,
    record_security,
    security_list,
)
from heatbill.services.security_assessment import CustomerAssessment, assess_customer
from heatbill.services.security_release import release_due
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.security.app"), no_args_is_help=True)
console = Console()
CUSTOMER = typer.Argument(..., help=say("cli.security.opt.customer"))
DATE_OPTION = typer.Option(None, "--date", help=say("cli.security.opt.date"))
BY = typer.Option(..., "--by", help=say("cli.security.opt.by"))
FORMS = {form.value: form for form in SecurityForm}


@app.command("assess", help=say("cli.security.assess"))
def assess_command(
    customer: int = CUSTOMER,
    when: str | None = DATE_OPTION,
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    on = _on(when)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = assess_customer(uow, u, customer, on)
    if as_json:
        print_json(_assessment_json(found))
        return
    a = found.assessment
    typer.echo(say("cli.security.heading", customer=customer, since=dk(a.since), on=dk(a.on)))
    table = Table(title=say("cli.security.late_title"))
    for column in ("reference", "due", "paid", "days", "amount"):
        table.add_column(say(f"cli.security.col.{column}"))
    for late in a.late:
        paid = dk(late.item.cleared_on) if late.paid else say("cli.security.unpaid")
        table.add_row(late.item.reference, dk(late.item.due_date), paid, str(late.days_late),
                      late.item.amount.format_da())  # fmt: skip
    console.print(table)
    if a.old_debt.is_positive:
        typer.echo(say("cli.security.old_debt", amount=a.old_debt.format_da()))
    grounds = ", ".join(say(f"securities.ground.{g.value}") for g in a.grounds)
    key = "cli.security.eligible" if a.eligible else "cli.security.not_eligible"
    typer.echo(say(key, grounds=grounds, clause=a.clause))
    typer.echo(
        say("cli.security.amount", months=found.months, year=found.year_charges.format_da(),
            amount=found.amount.format_da(), mwh=str(found.year_use.mwh).replace(".", ","))
    )  # fmt: skip


@app.command("demand", help=say("cli.security.demand"))
def demand_command(
    customer: int = CUSTOMER,
    note: str = typer.Option(..., "--note", help=say("cli.security.opt.note")),
    by: str = BY,
    amount: str | None = typer.Option(None, "--amount", help=say("cli.security.opt.amount")),
    when: str | None = DATE_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    money = None if amount is None else _amount(amount, "--amount")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            command = DemandSecurity(u, customer, note, by, _on(when), money)
            done = demand_security(command, uow, CLOCK)
    typer.echo(say("cli.security.demanded", demand=done.demand_id, amount=done.amount.format_da(),
                   deadline=dk(done.deadline), claims=len(done.claims)))  # fmt: skip
    for refusal in done.refused:
        typer.echo(say("cli.security.refused", reason=refusal))


@app.command("record", help=say("cli.security.record"))
def record_command(
    customer: int = CUSTOMER,
    form: str = typer.Option(..., "--form", help=say("cli.security.opt.form")),
    amount: str = typer.Option(..., "--amount", help=say("cli.security.opt.amount")),
    by: str = BY,
    provider: str | None = typer.Option(None, "--provider", help=say("cli.security.opt.provider")),
    reference: str | None = typer.Option(None, "--reference", help=say("cli.security.opt.ref")),
    expires: str | None = typer.Option(None, "--expires", help=say("cli.security.opt.expires")),
    note: str | None = typer.Option(None, "--note", help=say("cli.security.opt.note")),
    when: str | None = DATE_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    command_form = choice(form, "--form", FORMS)
    expires_on = None if expires is None else day(expires, "--expires")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            command = RecordSecurity(u, customer, command_form, _amount(amount, "--amount"), by,
                                     _on(when), provider, reference, expires_on, note)  # fmt: skip
            row = record_security(command, uow, CLOCK)
    form_name = say(f"securities.form.{row.form.value}")
    typer.echo(
        say("cli.security.recorded", security=row.security_id, form=form_name,
            amount=row.amount.format_da())
    )  # fmt: skip


@app.command("list", help=say("cli.security.list"))
def list_command(
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            demands, securities = security_list(uow, u)
    if as_json:
        print_json({
            "demands": [
                {"demand_id": d.demand_id, "customer_id": d.customer_id, "on": iso(d.on),
                 "deadline": iso(d.deadline), "amount_ore": d.amount.ore, "grounds": d.grounds,
                 "note": d.note, "clause": d.clause, "letter_id": d.letter_id, "by": d.by}
                for d in demands
            ],
            "securities": [_security_json(s) for s in securities],
        })  # fmt: skip
        return
    table = Table(title=say("cli.security.list_title"))
    for column in ("security", "customer", "form", "amount", "provider", "given", "expires",
                   "released"):  # fmt: skip
        table.add_column(say(f"cli.security.col.{column}"))
    for s in securities:
        released = (
            ""
            if s.release is None
            else say(f"cli.security.released.{s.release.reason}", day=dk(s.release.released_on))
        )
        form_name = say(f"securities.form.{s.form.value}")
        table.add_row(str(s.security_id), str(s.customer_id), form_name,
                      s.amount.format_da(), s.provider or "", dk(s.provided_on),
                      dk(s.expires_on) if s.expires_on else "", released)  # fmt: skip
    console.print(table)
    typer.echo(say("cli.security.demands", count=len(demands)))


@runs.app.command("securities", help=say("cli.security.run"))
def run_command(
    when: str = typer.Option(..., "--date", help=say("cli.security.opt.date")),
    dry_run: bool = typer.Option(False, "--dry-run", help=say("cli.security.opt.dry_run")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    on = day(when, "--date")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            report = release_due(u, on, uow, CLOCK, dry_run=dry_run)
    key = "cli.security.run_title_dry" if dry_run else "cli.security.run_title"
    typer.echo(say(key, day=dk(on), count=len(report.released), held=report.held))
    for r in report.released:
        typer.echo(say(f"cli.security.release_line.{r.reason}", security=r.security.security_id,
                       customer=r.security.customer_id, set_off=r.set_off.format_da(),
                       refund=r.refund.format_da()))  # fmt: skip


def _on(when: str | None) -> date:
    return CLOCK.today() if when is None else day(when, "--date")


def _amount(text: str, option: str) -> Money:
    try:
        return Money.parse_da(text)
    except ValueError as error:
        raise ValidationError(say("cli.security.amount_arg", option=option, got=text)) from error


def _assessment_json(found: CustomerAssessment) -> dict[str, object]:
    a = found.assessment
    return {
        "customer_id": found.customer_id,
        "on": iso(a.on),
        "since": iso(a.since),
        "eligible": a.eligible,
        "grounds": [g.value for g in a.grounds],
        "clause": a.clause,
        "late_payments": [
            {"open_item_id": late.item.open_item_id, "reference": late.item.reference,
             "due_date": iso(late.item.due_date), "cleared_on": iso(late.item.cleared_on),
             "days_late": late.days_late, "amount_ore": late.item.amount.ore}
            for late in a.late
        ],
        "old_debt_ore": a.old_debt.ore,
        "year_mwh": str(found.year_use.mwh),
        "year_charges_ore": found.year_charges.ore,
        "months": found.months,
        "amount_ore": found.amount.ore,
        "forms": [f.value for f in found.forms],
    }  # fmt: skip


def _security_json(s: SecurityRow) -> dict[str, object]:
    release = None
    if s.release is not None:
        r = s.release
        release = {
            "on": iso(r.released_on), "reason": r.reason, "set_off_ore": r.set_off.ore,
            "refund_ore": r.refund.ore, "entry_id": r.entry_id, "letter_id": r.letter_id,
        }  # fmt: skip
    return {
        "security_id": s.security_id, "customer_id": s.customer_id, "form": s.form.value,
        "amount_ore": s.amount.ore, "provider": s.provider, "reference": s.reference,
        "provided_on": iso(s.provided_on), "expires_on": iso(s.expires_on),
        "entry_id": s.entry_id, "demand_id": s.demand_id, "by": s.by, "release": release,
    }  # fmt: skip
