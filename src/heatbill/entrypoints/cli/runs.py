"""`heatbill run …`: the billing runs over a whole utility, with progress and a summary.

    heatbill run budgets    --year 2027 -u demo      budgets for a heating year
    heatbill run billing    --date 2027-01-04 -u demo  move-in budgets, move settlements,
                                                        installments charged that day
    heatbill run settlement --year 2026 -u demo      the annual settlement
    heatbill run interest   --date 2027-03-01 -u demo  late interest up to the date

Every run is idempotent for its date or year; `--dry-run` computes the same and books nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from heatbill.adapters.clock import FixedClock
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.billing_runs import RunReport, bill_installments, set_budgets
from heatbill.services.late_interest import post_late_interest
from heatbill.services.move_runs import set_move_in_budgets, settle_moves
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("runs.cli.app"), no_args_is_help=True)
console = Console()
DRY_RUN = typer.Option(False, "--dry-run", help="Beregn det samme, men bogfør intet.")
Step = Callable[[UnitOfWork], RunReport]


def _parse_day(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise typer.BadParameter(say("runs.cli.bad_date", text=text))


def _run(database: str | None, code: str, steps: list[tuple[str, Step]], dry_run: bool) -> None:
    table = Table(title=say("runs.cli.summary_dry" if dry_run else "runs.cli.summary"))
    for key in ("step", "done", "already", "total", "problems"):
        table.add_column(say(f"runs.cli.col.{key}"), justify="left" if key == "step" else "right")
    problems: list[str] = []
    with (
        engine_for(database) as engine,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        utility_id_of(engine, code)
        for name, step in steps:
            task = progress.add_task(name, total=None)
            with UnitOfWork(engine) as uow:
                report = step(uow)
            progress.remove_task(task)
            table.add_row(
                name,
                str(report.done),
                str(report.already),
                report.total.format_da(),
                str(len(report.problems)),
            )
            problems += report.problems
    console.print(table)
    for problem in problems:
        console.print(f"[yellow]![/] {problem}")


@app.command("budgets", help=say("runs.cli.help.budgets"))
def budgets(
    year: int = typer.Option(..., help="Varmeåret (året for årsaflæsningen)."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    dry_run: bool = DRY_RUN,
) -> None:
    """Set every customer's budget (a-conto) for a heating year."""
    clock = FixedClock.on(date(year, 1, 1))
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
    _run(
        database,
        utility,
        [
            (
                say("runs.cli.step.budgets", year=year),
                lambda uow: set_budgets(u, year, uow, clock, dry_run=dry_run),
            )
        ],
        dry_run,
    )


@app.command("billing", help=say("runs.cli.help.billing"))
def billing(
    on: str = typer.Option(..., "--date", help="Kørselsdatoen, fx 04-01-2027."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    dry_run: bool = DRY_RUN,
) -> None:
    """Move-in budgets, move settlements and the installments charged on the date."""
    day = _parse_day(on)
    clock = FixedClock.on(day)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
    _run(
        database,
        utility,
        [
            (
                say("runs.cli.step.move_in_budgets"),
                lambda uow: set_move_in_budgets(u, day, uow, clock, dry_run=dry_run),
            ),
            (
                say("runs.cli.step.move_settlements"),
                lambda uow: settle_moves(u, day, uow, clock, dry_run=dry_run),
            ),
            (
                say("runs.cli.step.installments"),
                lambda uow: bill_installments(u, day, uow, clock, dry_run=dry_run),
            ),
        ],
        dry_run,
    )


@app.command("settlement", help=say("runs.cli.help.settlement"))
def settlement(
    year: int = typer.Option(..., help="Varmeåret der afregnes."),
    on: str | None = typer.Option(None, "--date", help="Kørselsdatoen (ellers i dag)."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    dry_run: bool = DRY_RUN,
) -> None:
    """The annual settlement of a heating year."""
    day = _parse_day(on) if on else CLOCK.today()
    clock = FixedClock.on(day)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
    _run(
        database,
        utility,
        [
            (
                say("runs.cli.step.settlement", year=year),
                lambda uow: settle_year_run(u, year, uow, clock, dry_run=dry_run),
            )
        ],
        dry_run,
    )


@app.command("interest", help=say("runs.cli.help.interest"))
def interest(
    on: str = typer.Option(..., "--date", help="Kørselsdatoen: renter frem til (ikke med) den."),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    dry_run: bool = DRY_RUN,
) -> None:
    """Late interest (morarente) on every overdue principal, posted as its own open item."""
    day = _parse_day(on)
    clock = FixedClock.on(day)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
    _run(
        database,
        utility,
        [
            (
                say("interest.cli.step", day=day.strftime("%d-%m-%Y")),
                lambda uow: post_late_interest(u, day, uow, clock, dry_run=dry_run),
            )
        ],
        dry_run,
    )
