"""`heatbill demo`: the README's main job — the demo utility's year on SQLite, shown in full.

`heatbill demo` makes a fresh SQLite database, the demo utility with Solrød's rulebook and
tariff sheet and a synthetic town of installations, and lives through a whole year day by day
(`services.demo_year`): readings, moves, payments — on time, late, disputed, after closing —
and the daily run's reminders, notices, closings, reopenings, interest, installments and the
annual settlement. It prints the year in figures, proves the books balanced, and leaves the
letters as PDF and a chart of the arrears over the year in the output folder.

`heatbill demo-ledger` shows the rulebook with its clauses and a small sample ledger.
"""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.rule import Rule
from rich.table import Table

from heatbill.adapters.charts import arrears_chart
from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.engine import make_engine, sqlite_url
from heatbill.adapters.db.migrate import upgrade
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.money import total
from heatbill.entrypoints.cli.ledger_view import (
    journal_table,
    open_items_table,
    trial_balance_table,
)
from heatbill.entrypoints.cli.rulebook_view import rulebook_overview
from heatbill.entrypoints.cli.web import run_web
from heatbill.services.accounting import reconciliation
from heatbill.services.demo_access import open_demo_doors
from heatbill.services.demo_utility import DEMO_CODE, create_demo_utility
from heatbill.services.demo_year import DemoYear, YearSummary
from heatbill.services.ledger import trial_balance
from heatbill.services.letter_delivery import Channels
from heatbill.services.sample_ledger import SAMPLE_CUSTOMERS, build_sample_ledger
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

DEFAULT_DEMO_DATABASE = Path("var") / "demo.sqlite3"
DEFAULT_DEMO_OUT = Path("var") / "demo"
DEFAULT_INSTALLATIONS = 2000
HOST = "127.0.0.1"


def demo_ledger(
    database: Path = typer.Option(DEFAULT_DEMO_DATABASE, help="SQLite-fil til demoen."),
    year: int = typer.Option(2026, help="Året der vises."),
) -> None:
    """Create the demo utility on SQLite and show its rulebook and a balanced sample ledger."""
    console = Console()
    path = database.resolve()
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    clock = FixedClock(datetime(year, 1, 1, 8, tzinfo=UTC))
    console.print(say("demo.database", path=path))

    with UnitOfWork(engine) as uow:
        created = create_demo_utility(uow, clock)
    utility_id, rulebook = created.utility_id, created.rulebook
    console.print(Rule(say("demo.title", name=DEMO_CODE)))
    console.print(say("demo.utility_created", code=DEMO_CODE))
    console.print(Rule(say("demo.rulebook_heading", title=rulebook.title)))
    console.print(rulebook_overview(rulebook))

    with UnitOfWork(engine) as uow:
        build_sample_ledger(uow, clock, danish_bank_calendar(), utility_id, year)
    console.print(Rule(say("demo.ledger_heading", year=year)))
    console.print(say("demo.customers_heading"))
    for customer in SAMPLE_CUSTOMERS:
        story = say(f"demo.story.{customer.pays}")
        console.print(
            "  "
            + say(
                "demo.customer_line",
                customer_id=customer.customer_id,
                name=customer.name,
                story=story,
            )
        )
    with UnitOfWork(engine, write=False) as uow:
        ledger = uow.ledger(utility_id)
        console.print(journal_table(ledger.journal()))
        table, verdict = trial_balance_table(trial_balance(uow, utility_id))
        items = ledger.open_items()
        receivables = total(ledger.customer_balances().values())
    console.print(table)
    console.print(verdict)
    console.print(open_items_table(items))
    items_total = total(residual for _, residual in items)
    key = (
        "ledger.receivables_check" if items_total == receivables else "ledger.receivables_mismatch"
    )
    console.print(say(key, items=items_total.format_da(), receivables=receivables.format_da()))
    engine.dispose()
    console.print(say("demo.done"))


def demo(
    database: Path = typer.Option(DEFAULT_DEMO_DATABASE, help="SQLite-fil til demoen."),
    installations: int = typer.Option(DEFAULT_INSTALLATIONS, help="Antal målesteder i demobyen."),
    out: Path = typer.Option(DEFAULT_DEMO_OUT, help="Mappe til breve (PDF) og grafen."),
    year: int = typer.Option(2026, help="Året der leves igennem."),
    days: int | None = typer.Option(None, help="Kun de første dage (en kort demo)."),
    web: bool | None = typer.Option(
        None, "--web/--no-web", help="Start web-appen bagefter (standard: når der er en terminal)."
    ),
    port: int = typer.Option(8000, help="Porten web-appen lytter på."),
) -> None:
    """Live a synthetic utility's whole year day by day on SQLite, then show it in figures,
    then serve it in the web app."""
    console = Console()
    path = _fresh(database)
    out = out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    console.print(say("demo.database", path=path))
    with UnitOfWork(engine) as uow:
        utility_id = create_demo_utility(uow, FixedClock.on(date(year - 1, 1, 1))).utility_id
    console.print(Rule(say("demo.title", name=DEMO_CODE)))
    console.print(say("demo.year_intro", installations=installations, year=year))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(say("demo.year_progress"), total=None)

        def advance(day: date, last: date) -> None:
            if progress.tasks[task].total is None:
                progress.update(task, total=(last - day).days + 1)
            progress.update(task, advance=1, description=say("demo.day", day=f"{day:%d-%m-%Y}"))

        channels = Channels(out / "breve")
        summary = DemoYear(
            engine,
            utility_id,
            out,
            installations,
            year,
            progress=advance,
            channels=channels,
            days=days,
        ).run()
    console.print(year_table(summary))
    with UnitOfWork(engine, write=False) as uow:
        check = reconciliation(uow, utility_id, summary.last)
    key = "demo.balanced" if check.balanced else "demo.unbalanced"
    console.print(say(key, amount=check.subledger.format_da()))
    chart = arrears_chart(
        summary.arrears,
        out / "restancer.png",
        title=say("demo.chart_title", year=year),
        ylabel=say("demo.chart_axis"),
    )
    console.print(say("demo.chart", path=chart))
    console.print(say("demo.letters", path=out / "breve"))
    with UnitOfWork(engine) as uow:
        doors = open_demo_doors(uow, utility_id, FixedClock.on(summary.last))
    engine.dispose()
    console.print(say("demo.year_done"))
    users = " / ".join(f"{u} ({say(f'web.role.{r.value}')})" for u, r in doors.users)
    console.print(say("web.demo.doors", host=HOST, port=port, users=users, password=doors.password))
    for number, pin in doors.pins.items():
        console.print(say("web.demo.pin", number=number, pin=pin))
    if web if web is not None else sys.stdout.isatty():
        today = summary.last.isoformat()
        run_web(HOST, port, sqlite_url(path), today, out / "indbakke", out / "breve")


def demo_web(
    database: Path = typer.Option(DEFAULT_DEMO_DATABASE, help="SQLite-fil til demoen."),
    port: int = typer.Option(8000, help="Porten web-appen lytter på."),
) -> None:
    """Serve the last demo year in the web app again, on the demo's last day."""
    path = database.resolve()
    engine = make_engine(sqlite_url(path))
    with UnitOfWork(engine, write=False) as uow:
        last = uow.daily_runs(uow.utilities.get(DEMO_CODE).utility_id).last_finished("settlement")
    engine.dispose()
    out = DEFAULT_DEMO_OUT.resolve()
    today = None if last is None else last.isoformat()
    run_web(HOST, port, sqlite_url(path), today, out / "indbakke", out / "breve")


def _fresh(database: Path) -> Path:
    path = database.resolve()
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return path


def year_table(summary: YearSummary) -> Table:
    table = Table(title=say("demo.summary_title"))
    table.add_column(say("demo.col.what"))
    table.add_column(say("demo.col.figure"), justify="right")
    rows = [
        (say("demo.row.installations"), str(summary.installations)),
        (say("demo.row.period"), f"{summary.first:%d-%m-%Y} – {summary.last:%d-%m-%Y}"),
        (say("demo.row.readings_files"), str(summary.readings_files)),
        (say("demo.row.moves"), str(summary.moves)),
    ]
    rows += [
        (say(f"demo.bill.{kind}"), str(count)) for kind, count in sorted(summary.bills.items())
    ]
    rows += [
        (say("demo.row.billed"), summary.billed.format_da()),
        (say("demo.row.payments"), str(summary.payments)),
        (say("demo.row.paid"), summary.paid.format_da()),
        (say("demo.row.fees"), summary.fees.format_da()),
        (say("demo.row.interest"), summary.interest.format_da()),
    ]
    rows += [
        (say(f"collections.step.{kind}", number=""), str(count))
        for kind, count in sorted(summary.steps.items())
    ]
    rows += [
        (say("demo.row.disputes"), str(summary.disputes)),
        (say("demo.row.letters"), str(summary.letters)),
        (say("demo.row.arrears"), summary.arrears[-1][1].format_da() if summary.arrears else "0"),
    ]
    for what, figure in rows:
        table.add_row(what, figure)
    return table
