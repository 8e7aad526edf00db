"""A utility for the web load tool, built fast: the arrears state of `collections_state` (N
installations of a `4rater` utility, five installment bills each, all paid but one item of
every 20th customer: 5 % of N claims with their collection steps), and on top what the
customer page shows of an installation that the settlement state leaves out:

- monthly head-end readings of 2026 and of January-March 2027 for every 10th installation (the
  sample the load tool asks for; every installation has its year-end readings of 2025 and
  2026 already), registers following a normal year's degree days;
- the letters of the claims' steps (a reminder or collection notice letter per step, sent on
  the step's day), and a welcome letter for every installation of the sample;
- the degree days of 2025-2027 (the use chart) and a staff user to sign in with.

Every customer with a claim (number divisible by 20) is in the sample (number divisible by 10).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, select, text

from collections_state import COLLECTED_ON, EVERY, ArrearsState, build_arrears
from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.collection_tables import claim_step
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.register_tables import degree_day, letter, reading
from heatbill.adapters.synthetic.readings import NORMAL_YEAR_DD
from heatbill.domain.access import Role
from heatbill.services.staff_access import add_staff_user
from heatbill.services.unit_of_work import UnitOfWork
from settlement_state import BILLS_PER_CUSTOMER, CHUNK, sites

SAMPLE = 10
"""Every 10th installation has monthly readings and letters: the customer pages asked for."""
USERNAME = "bench"
PASSWORD = "bench-password-2027"
CREATED = datetime(2027, 3, 12, tzinfo=UTC)
MONTH_ENDS = [date(2026, m + 1, 1) - timedelta(days=1) for m in range(1, 12)] + [
    date(2027, 1, 31),
    date(2027, 2, 28),
    date(2027, 3, 31),
]
"""Month ends between the year-end readings the state has (31-12-2025, 31-12-2026), and after."""


@dataclass(frozen=True, slots=True)
class WebState:
    utility_id: int
    code: str
    installations: int
    claims: int
    today: date


def build_web(engine: Engine, n: int, seed: int = 2026) -> WebState:
    arrears: ArrearsState = build_arrears(engine, n, seed)
    u = arrears.utility_id
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        _monthly_readings(connection, u, n, seed)
        _letters(connection, u, n)
        _degree_days(connection, u)
    with UnitOfWork(engine) as uow:
        code = next(x.code for x in uow.utilities.all() if x.utility_id == u)
        add_staff_user(
            uow, u, USERNAME, "Bench", Role.READ_ONLY, PASSWORD, FixedClock.on(COLLECTED_ON)
        )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    return WebState(u, code, n, arrears.claims, COLLECTED_ON)


def _monthly_readings(connection: Connection, u: int, n: int, seed: int) -> None:
    sampled = n // SAMPLE
    first = IdAllocator(connection, u).reserve("reading", len(MONTH_ENDS) * sampled)
    weights = [Decimal(d) / sum(NORMAL_YEAR_DD) for d in NORMAL_YEAR_DD]

    def rows() -> Iterator[tuple[Any, ...]]:
        next_id = first
        for s in sites(n, seed):
            if s.number % SAMPLE:
                continue
            for day in MONTH_ENDS:
                if day.year == 2026:
                    energy = s.register_mwh + s.year_mwh * sum(weights[: day.month])
                else:
                    energy = s.register_mwh + s.year_mwh + s.year_mwh * sum(weights[: day.month])
                energy = energy.quantize(Decimal("0.001"))
                yield (
                    u, next_id, s.number, day, energy, energy * 20, Decimal("70.00"),
                    Decimal("40.00"), "remote", "accepted", None, None, None, None, None, None,
                    CREATED,
                )  # fmt: skip
                next_id += 1

    batch: list[tuple[Any, ...]] = []
    columns = [c.name for c in reading.columns]
    for row in rows():
        batch.append(row)
        if len(batch) == CHUNK:
            insert_rows(connection, reading, columns, batch)
            batch = []
    insert_rows(connection, reading, columns, batch)


def _letters(connection: Connection, u: int, n: int) -> None:
    """A letter per claim step (reminder, collection notice, closing order) on the step's day,
    and a welcome letter for every installation of the sample."""
    steps = connection.execute(
        select(claim_step.c.claim_id, claim_step.c.kind, claim_step.c.on_date).where(
            claim_step.c.utility_id == u
        )
    ).all()
    sampled = n // SAMPLE
    first = IdAllocator(connection, u).reserve("letter", sampled + len(steps))
    rows: list[tuple[Any, ...]] = []
    for k, number in enumerate(range(SAMPLE, n + 1, SAMPLE)):
        facts = {"installation": f"{number:08d}", "start": "2015-01-01"}
        rows.append(
            (u, first + k, number, number, "welcome", "vestervig 1.4", "sent",
             json.dumps(facts), date(2015, 1, 1), CREATED)
        )  # fmt: skip
    kinds = {"reminder": "reminder", "collection_notice": "collection_notice"}
    for k, step in enumerate(steps, start=sampled):
        customer = (int(step.claim_id) - 1) // BILLS_PER_CUSTOMER + 1
        assert customer % EVERY == 0
        kind = kinds.get(step.kind, "closing_order")
        facts = {"claim": int(step.claim_id), "step": step.kind}
        rows.append(
            (u, first + k, customer, customer, kind, "vestervig 6.13", "sent", json.dumps(facts),
             step.on_date, CREATED)
        )  # fmt: skip
    insert_rows(connection, letter, [c.name for c in letter.columns], rows)


def _degree_days(connection: Connection, u: int) -> None:
    rows = [
        (u, year, month, Decimal(dd), None)
        for year in (2025, 2026, 2027)
        for month, dd in enumerate(NORMAL_YEAR_DD, start=1)
        if date(year, month, 1) < COLLECTED_ON
    ]
    insert_rows(connection, degree_day, [c.name for c in degree_day.columns], rows)
