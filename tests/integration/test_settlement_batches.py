"""The annual settlement runs in batches (a million customers in batches of 50 000): the same
bills and ledger as one batch, a dry run books nothing and foresees the same, a repeated run
books nothing new — here with batches of two customers for the three of `settled_story`."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from heatbill.adapters.db.tables import journal_entry, posting
from heatbill.domain.billing.bill import BillKind
from heatbill.services import settlement_runs
from heatbill.services.billing_runs import RunReport
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration import settled_story
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.settled_story import customer_of, settled_year, settlement_of


def _ledger_rows(uow: UnitOfWork) -> tuple[int, int]:
    entries = uow.connection.execute(select(func.count()).select_from(journal_entry))
    postings = uow.connection.execute(select(func.count()).select_from(posting))
    return entries.scalar_one(), postings.scalar_one()


def test_a_batched_settlement_books_each_customer_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settlement_runs, "BATCH", 2)
    told: list[tuple[int, int]] = []
    dry: list[RunReport] = []

    def dry_run_first(utility_id: int, year: int, uow: UnitOfWork, *args: Any) -> RunReport:
        before = _ledger_rows(uow)
        dry.append(settle_year_run(utility_id, year, uow, *args, dry_run=True))
        assert _ledger_rows(uow) == before
        progress = lambda done, total: told.append((done, total))  # noqa: E731
        return settle_year_run(utility_id, year, uow, *args, progress=progress)

    monkeypatch.setattr(settled_story, "settle_year_run", dry_run_first)
    settled = settled_year(engine)
    assert told == [(2, 3), (3, 3)]
    [foreseen] = dry
    assert (foreseen.done, foreseen.problems) == (3, [])

    with UnitOfWork(engine) as uow:
        again = settle_year_run(settled.utility_id, 2026, uow, settled.clock)
    assert (again.done, again.already) == (0, 3)
    u = settled.utility_id
    bills = [
        settlement_of(engine, u, customer_of(engine, u, n)) for n in ("10001", "10002", "10003")
    ]
    assert {b.kind for b in bills} == {BillKind.ANNUAL_SETTLEMENT}
    assert sum(b.total.ore for b in bills) == foreseen.total.ore
    assert_ledger_invariants(engine, settled.utility_id)
