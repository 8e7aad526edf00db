"""`heatbill demo`: the README's main job — the demo utility on SQLite, shown in full.

For now: a fresh SQLite database, the demo utility with Solrød's rulebook and tariff sheet,
the rulebook printed with its clauses, and a small sample ledger proved balanced. Later issues
extend this to the simulated year and the web app.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.rule import Rule

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
from heatbill.services.demo_utility import DEMO_CODE, create_demo_utility
from heatbill.services.ledger import trial_balance
from heatbill.services.sample_ledger import SAMPLE_CUSTOMERS, build_sample_ledger
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

DEFAULT_DEMO_DATABASE = Path("var") / "demo.sqlite3"


def demo(
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
