"""A utility in arrears for the collections benchmark, built fast: the settled-year state of
`settlement_state` (N installations of a `4rater` utility, the four installments of 2026 and
installment 2 of 2027 billed — five open items each), then every customer's payment and the
steps already taken on the claims left unpaid.

- Paid: one payment entry per customer (booked 12-03-2027: bank debit, a receivables credit
  per paid item), derived inside the database (INSERT … SELECT) from the bills' receivables
  lines. Every item is paid except one item of every 20th customer: 5 % of N claims.
- Unpaid, by the customer's group (`(c // 20) % 10`), on the collections day 06-04-2027
  (installment 2 of 2027 billed 01-03-2027, day 37 of its timeline):
  0-3 installment 2 of 2027, no step yet (a reminder is due);
  4-6 the same with a reminder sent on day 15-26 (10 days to pay: some wait, some are due
      the collection notice);
  7-8 the same with a reminder and a collection notice sent on day 26-33 (closing date 8
      days on: some wait, some are due the closing visit);
  9   installment 4 of 2026, reminder and collection notice in November: due the closing
      visit, or held where the visit is already ordered (every other one).
  The steps are written as claim_step rows with their fees (the fee items themselves are not
  booked: the claims' fees read as paid) and no letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import (
    Connection,
    Date,
    Engine,
    String,
    case,
    func,
    insert,
    literal,
    select,
    text,
)

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db import residuals
from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.collection_tables import claim_step
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.register_tables import relationship
from heatbill.adapters.db.tables import journal_entry, posting
from heatbill.domain.collections.claim import StepKind
from settlement_state import BILLS_PER_CUSTOMER, State, build

COLLECTED_ON = date(2027, 4, 6)
PAID_ON = date(2027, 3, 12)
EVERY = 20
"""Every 20th customer leaves one item unpaid: 5 % of N claims."""
CREATED = datetime(2027, 3, 12, tzinfo=UTC)
CLAUSE = "vestervig 6.13"
REMINDER_FEE_ORE = 10_000
NOTICE_FEE_ORE = 10_000
"""The `4rater` tariff sheet's fees (100 kr each, outside VAT)."""
LAST_2026 = 3
CURRENT = 4
"""Slots of a customer's bills: 0-3 the installments of 2026, 4 installment 2 of 2027."""


@dataclass(frozen=True, slots=True)
class ArrearsState:
    utility_id: int
    installations: int
    claims: int
    clock: FixedClock


def build_arrears(engine: Engine, n: int, seed: int = 2026) -> ArrearsState:
    settled = build(engine, n, seed)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        _pay(connection, settled, n)
        claims = _steps(connection, settled, n)
        if connection.dialect.name == "postgresql":
            residuals.rebuild(connection, settled.utility_id)  # loaded with triggers off
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    return ArrearsState(settled.utility_id, n, claims, FixedClock.on(COLLECTED_ON))


def _unpaid_slot(customer: int) -> int | None:
    if customer % EVERY:
        return None
    return LAST_2026 if (customer // EVERY) % 10 == 9 else CURRENT


def _pay(connection: Connection, state: State, n: int) -> None:
    """One payment entry per customer: bank debit, a receivables credit per paid item."""
    u = state.utility_id
    first = IdAllocator(connection, u).reserve("entry", n)
    assert first == BILLS_PER_CUSTOMER * n + 1
    r = relationship.c
    entries = select(
        r.utility_id, r.relationship_id + (first - 1), literal(PAID_ON, Date), literal("payment"),
        literal("Indbetaling"), literal(None), literal(None),
        literal("bench-payment:") + r.relationship_id.cast(String), literal(None),
        literal(CREATED, journal_entry.c.created_at.type),
    ).where(r.utility_id == u)  # fmt: skip
    columns = [c.name for c in journal_entry.columns if c.name != "created_txid"]
    connection.execute(insert(journal_entry).from_select(columns, entries))
    p = posting.c
    slot = (p.open_item_id - 1) % BILLS_PER_CUSTOMER
    unpaid_slot = case(
        ((p.customer_id // EVERY) % 10 == 9, literal(LAST_2026)), else_=literal(CURRENT)
    )
    unpaid = (p.customer_id % EVERY == 0) & (slot == unpaid_slot)
    paid = (p.utility_id == u) & (p.account == "receivables") & (p.line_no == 1) & ~unpaid
    credits = select(
        p.utility_id, p.customer_id + (first - 1), slot + 2, p.account, -p.amount_ore,
        p.customer_id, p.open_item_id,
    ).where(paid)  # fmt: skip
    posting_columns = [c.name for c in posting.columns]
    connection.execute(insert(posting).from_select(posting_columns, credits))
    debits = (
        select(
            p.utility_id,
            p.customer_id + (first - 1),
            literal(1),
            literal("bank"),
            func.sum(p.amount_ore),
            literal(None),
            literal(None),
        )
        .where(paid)
        .group_by(p.utility_id, p.customer_id)
    )
    connection.execute(insert(posting).from_select(posting_columns, debits))


def _steps(connection: Connection, state: State, n: int) -> int:
    """The claim_step rows of the unpaid claims; returns the number of claims."""
    current = state.schedules[2027][1].charge_date
    last_2026 = state.schedules[2026][3].charge_date
    rows = []
    claims = 0
    for customer in range(EVERY, n + 1, EVERY):
        claims += 1
        slot = _unpaid_slot(customer)
        assert slot is not None
        claim_id = (customer - 1) * BILLS_PER_CUSTOMER + slot + 1
        group, spread = (customer // EVERY) % 10, customer // (EVERY * 10)
        steps: list[tuple[StepKind, date, date | None, int]] = []
        if group >= 4:
            bill_date = last_2026 if group == 9 else current
            reminded = _day(bill_date, 15 + (spread % 12 if group <= 6 else 0))
            steps.append((StepKind.REMINDER, reminded, reminded + timedelta(10), REMINDER_FEE_ORE))
            if group >= 7:
                noticed = _day(bill_date, 26 + (spread % 8 if group <= 8 else 0))
                steps.append(
                    (StepKind.COLLECTION_NOTICE, noticed, noticed + timedelta(8), NOTICE_FEE_ORE)
                )
            if group == 9 and spread % 2:
                ordered = _day(bill_date, 40)
                steps.append((StepKind.CLOSING_VISIT, ordered, None, 0))
        rows += [
            (state.utility_id, claim_id, no, kind.value, on, deadline, fee, None, None, CLAUSE,
             None, "bench", CREATED)
            for no, (kind, on, deadline, fee) in enumerate(steps, start=1)
        ]  # fmt: skip
    insert_rows(connection, claim_step, [c.name for c in claim_step.columns], rows)
    return claims


def _day(bill_date: date, day: int) -> date:
    """Day `day` of a claim's timeline, the bill date being day 1."""
    return bill_date + timedelta(days=day - 1)
