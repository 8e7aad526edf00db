"""`heatbill case …` and `heatbill run collections`: the arrears process, claim by claim.

heatbill run collections --date 20-11-2025 -u demo [--dry-run]
heatbill case list -u demo [--json]                every claim in collection, next step
heatbill case show 17 -u demo [--json]             the whole case: steps, letters, fees,
                                                   clauses, and what happens next
heatbill case next 17 -u demo                      the road ahead if nothing is paid
heatbill case dispute 17 --reason "…" --by kbh -u demo
heatbill case lift 17 --reason "…" --by kbh -u demo
heatbill case visit 17 --date 21-11-2025 --closed --reading 123,456 --by tek -u demo
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.clock import Clock
from heatbill.domain.collections.timeline import Hold, NextStep
from heatbill.entrypoints.cli import runs
from heatbill.entrypoints.cli.arguments import day, dk, iso, print_json, quantity
from heatbill.entrypoints.cli.case_view import case_json, next_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.collection_cases import (
    Case,
    VisitReport,
    case_of,
    cases,
    dispute,
    lift_dispute,
    report_visit,
)
from heatbill.services.collections import run_collections
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.case.app"), no_args_is_help=True)
console = Console()
CLAIM = typer.Argument(..., help=say("cli.case.opt.claim"))
DATE_OPTION = typer.Option(None, "--date", help=say("cli.case.opt.date"))
REASON = typer.Option(..., "--reason", help=say("cli.case.opt.reason"))
BY = typer.Option(..., "--by", help=say("cli.case.opt.by"))


@runs.app.command("collections", help=say("cli.case.run"))
def run_command(
    when: str = typer.Option(..., "--date", help=say("cli.case.opt.date")),
    dry_run: bool = typer.Option(False, "--dry-run", help=say("cli.case.opt.dry_run")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    on = day(when, "--date")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            report = run_collections(u, on, uow, CLOCK, dry_run=dry_run)
    table = Table(
        title=say("cli.case.run_title_dry" if dry_run else "cli.case.run_title", day=dk(on))
    )
    table.add_column(say("cli.case.col.step"))
    table.add_column(say("cli.case.col.count"), justify="right")
    for kind, count in sorted(report.taken.items()):
        table.add_row(say(f"collections.step.{kind.value}", number=""), str(count))
    table.add_row(say("cli.case.row.fees"), report.fees.format_da())
    table.add_row(say("cli.case.row.waiting"), str(report.waiting))
    table.add_row(say("cli.case.row.held"), str(report.held))
    table.add_row(say("cli.plan.breached_row"), str(report.plans_breached))
    table.add_row(say("cli.plan.completed_row"), str(report.plans_completed))
    console.print(table)
    for refusal in report.refused:
        typer.echo(say("cli.case.refused", reason=refusal))


@app.command("list", help=say("cli.case.list"))
def list_command(
    when: str | None = DATE_OPTION,
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    on = _on(when)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = cases(uow, u, on)
    if as_json:
        print_json(
            [
                {
                    "claim_id": c.claim_id,
                    "customer_id": c.customer_id,
                    "reference": c.reference,
                    "owed_ore": c.owed.ore,
                    "due_date": iso(c.due_date),
                    "next": next_json(n),
                }
                for c, n in found
            ]
        )
        return
    table = Table(title=say("cli.case.list_title", day=dk(on)))
    for column in ("claim", "customer", "reference", "owed", "due", "next"):
        table.add_column(say(f"cli.case.col.{column}"))
    for c, n in found:
        table.add_row(
            str(c.claim_id),
            str(c.customer_id),
            c.reference,
            c.owed.format_da(),
            dk(c.due_date),
            _next_text(n),
        )
    console.print(table)


@app.command("show", help=say("cli.case.show"))
def show_command(
    claim: int = CLAIM,
    when: str | None = DATE_OPTION,
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    case = _case(claim, when, utility, database)
    if as_json:
        print_json(case_json(case))
        return
    c = case.claim
    typer.echo(
        say(
            "cli.case.heading",
            reference=c.reference,
            claim=c.claim_id,
            customer=c.customer_id,
            due=dk(c.due_date),
        )
    )
    typer.echo(
        say(
            "cli.case.owed",
            principal=c.principal.format_da(),
            fees=c.fees.format_da(),
            interest=c.interest.format_da(),
            owed=c.owed.format_da(),
        )
    )
    for event in case.events:
        typer.echo(
            say(
                "cli.case.event",
                day=dk(event.on),
                kind=say(f"cli.case.event.{event.kind.value}"),
                reason=event.reason,
                by=event.by,
            )
        )
    table = Table(title=say("cli.case.steps_title"))
    for column in ("no", "day", "step", "fee", "deadline", "clause", "letter", "by"):
        table.add_column(say(f"cli.case.col.{column}"))
    for s in case.steps:
        table.add_row(
            str(s.step_no),
            dk(s.on),
            say(f"collections.step.{s.kind.value}", number=""),
            s.fee.format_da() if s.fee.is_positive else "",
            dk(s.deadline) if s.deadline else "",
            s.clause,
            "" if s.letter_id is None else str(s.letter_id),
            s.by,
        )
    console.print(table)
    typer.echo(say("cli.case.next", text=_next_text(case.next)))
    _print_ahead(case)


@app.command("next", help=say("cli.case.next_help"))
def next_command(
    claim: int = CLAIM,
    when: str | None = DATE_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    case = _case(claim, when, utility, database)
    typer.echo(say("cli.case.next", text=_next_text(case.next)))
    _print_ahead(case)


@app.command("dispute", help=say("cli.case.dispute"))
def dispute_command(
    claim: int = CLAIM,
    reason: str = REASON,
    by: str = BY,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    _record(dispute, claim, reason, by, utility, database)
    typer.echo(say("cli.case.disputed", claim=claim))


@app.command("lift", help=say("cli.case.lift"))
def lift_command(
    claim: int = CLAIM,
    reason: str = REASON,
    by: str = BY,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    _record(lift_dispute, claim, reason, by, utility, database)
    typer.echo(say("cli.case.lifted", claim=claim))


def _record(
    action: Callable[[UnitOfWork, int, int, str, str, Clock], None],
    claim: int,
    reason: str,
    by: str,
    utility: str,
    database: str | None,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            action(uow, u, claim, reason, by, CLOCK)


@app.command("visit", help=say("cli.case.visit"))
def visit_command(
    claim: int = CLAIM,
    when: str = typer.Option(..., "--date", help=say("cli.case.opt.date")),
    closed: bool = typer.Option(..., "--closed/--avoided", help=say("cli.case.opt.closed")),
    reading: str | None = typer.Option(None, "--reading", help=say("cli.case.opt.reading")),
    note: str = typer.Option("", "--note", help=say("cli.case.opt.note")),
    by: str = BY,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    mwh: Decimal | None = None if reading is None else quantity(reading, "--reading")
    report = VisitReport(claim, day(when, "--date"), by, closed, mwh, note)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            report_visit(u, report, uow, CLOCK)
    typer.echo(say("cli.case.visit_closed" if closed else "cli.case.visit_avoided", claim=claim))


def _on(when: str | None) -> date:
    return CLOCK.today() if when is None else day(when, "--date")


def _case(claim: int, when: str | None, utility: str, database: str | None) -> Case:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            return case_of(uow, u, claim, _on(when))


def _next_text(found: NextStep | Hold) -> str:
    if isinstance(found, Hold):
        clause = f" ({found.clause})" if found.clause else ""
        return say("cli.case.hold", reason=found.reason, clause=clause)
    fee = say("cli.case.with_fee", fee=found.fee_amount.format_da()) if found.fee else ""
    return say(
        "cli.case.step_on",
        step=say(f"collections.step.{found.kind.value}", number=found.number or ""),
        day=dk(found.earliest),
        fee=fee,
        clause=found.clause,
    )


def _print_ahead(case: Case) -> None:
    if not case.ahead:
        return
    typer.echo(say("cli.case.ahead"))
    running = case.claim.owed
    for step in case.ahead:
        running += step.fee_amount
        typer.echo(say("cli.case.ahead_line", text=_next_text(step), owed=running.format_da()))
