"""Where the payments import's time goes: its steps wrapped with timers (`--stages`).

The steps are looked up by `services.payments` at call time, so wrapping the module's names
times them without changing the import; what is left is the booking loop around them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from heatbill.adapters.db.ledger_repository import SqlLedger
from heatbill.adapters.db.payment_repository import SqlPayments
from heatbill.services import payments
from heatbill.services.unit_of_work import UnitOfWork

STEPS: tuple[tuple[Any, str, str], ...] = (
    (payments, "read_payments", "read the file (parse, checks, hash)"),
    (payments, "_matches", "match (items' customers: a query per chunk)"),
    (SqlLedger, "open_items_of", "open items of the customers (a query per chunk)"),
    (payments, "booking_entry", "clear and build the entries (pure)"),
    (payments, "after_entry", "what each entry leaves open (pure)"),
    (SqlLedger, "post_new", "ledger rows written (bulk)"),
    (SqlPayments, "add_payments", "payment rows written (bulk)"),
    (UnitOfWork, "commit", "commit (PostgreSQL: deferred balance checks)"),
)


@contextmanager
def timed_stages() -> Iterator[Counter[str]]:
    """Seconds per step while the block runs."""
    seconds: Counter[str] = Counter()
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in STEPS]
    try:
        for owner, name, label in STEPS:
            setattr(owner, name, _timer(getattr(owner, name), label, seconds))
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
