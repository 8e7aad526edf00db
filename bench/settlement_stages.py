"""Where the settlement run's time goes: the run's steps wrapped with timers (`--stages`).

The steps are looked up by `settlement_runs` at call time, so wrapping the module's names
times them without changing the run; what is left is the loop around them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from heatbill.adapters.db import billing_queries
from heatbill.adapters.db.bill_repository import SqlBills
from heatbill.adapters.db.ledger_repository import SqlLedger
from heatbill.services import billing, settlement_runs
from heatbill.services.unit_of_work import UnitOfWork

STEPS: tuple[tuple[Any, str, str], ...] = (
    (settlement_runs, "settlement_date", "rulebook, settlement date"),
    (settlement_runs, "load_rules", "rulebook, tariffs, degree days"),
    (billing_queries, "relationships_on", "customers in force (one query)"),
    (settlement_runs, "_next_installments", "next installments (a query per batch)"),
    (SqlBills, "billed", "installments billed (a query per 5 000)"),
    (settlement_runs, "with_customers", "batch context: properties, meters, readings"),
    (settlement_runs, "_settlement", "price and settle (per customer, pure)"),
    (SqlBills, "existing", "  of which: existing bills"),
    (SqlBills, "add", "  of which: bills and lines written"),
    (SqlLedger, "post_new", "  of which: ledger rows written (issue and dispose)"),
    (SqlLedger, "open_items_of", "  of which: open items of the refunds"),
    (settlement_runs, "_dispose", "set-offs and pay-outs (open items, entries, writes)"),
    (UnitOfWork, "commit", "commit (PostgreSQL: deferred balance checks)"),
)


@contextmanager
def timed_stages() -> Iterator[Counter[str]]:
    """Seconds per step while the block runs ("of which": inside another step)."""
    seconds: Counter[str] = Counter()
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in STEPS]
    saved += [(settlement_runs, "issue_bills", settlement_runs.issue_bills)]
    try:
        for owner, name, label in STEPS:
            setattr(owner, name, _timer(getattr(owner, name), label, seconds))
        issue = _timer(billing.issue_bills, "issue bills (existing, entries, writes)", seconds)
        settlement_runs.issue_bills = issue  # type: ignore[assignment]
        yield seconds
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def _timer(function: Callable[..., Any], label: str, seconds: Counter[str]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] += time.perf_counter() - started

    return timed
