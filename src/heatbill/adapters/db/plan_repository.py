"""Payment plans in the database: plans with their items, installments and outcomes; the
ledger movements a running plan is checked against; customers' requests and staff's
decisions. Reads are set-based (one query per table and chunk); writes append only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select

from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.plan_tables import (
    payment_plan,
    payment_plan_installment,
    payment_plan_item,
    payment_plan_outcome,
    plan_request,
    plan_request_claim,
    plan_request_decision,
)
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.collections.plan_watch import Movement, PlanOutcome, WatchedItem
from heatbill.domain.collections.plans import Installment
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.money import Money

CHUNK = 5000


@dataclass(frozen=True, slots=True)
class PlanItemRow:
    open_item_id: int
    claim_id: int | None
    role: str
    """claim (the bill), fee, interest, or plan_fee."""


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    outcome: PlanOutcome
    on: date
    reason: str
    by: str


@dataclass(frozen=True, slots=True)
class PlanRow:
    plan_id: int
    customer_id: int
    granted_on: date
    start_on: date
    months: int
    owed: Money
    fee: Money
    fee_item_id: int | None
    total: Money
    reason: str
    clause: str
    request_id: int | None
    letter_id: int | None
    granted_by: str
    installments: tuple[Installment, ...] = ()
    items: tuple[PlanItemRow, ...] = ()
    outcome: OutcomeRow | None = None

    @property
    def claim_ids(self) -> list[int]:
        return sorted({i.claim_id for i in self.items if i.claim_id is not None})


@dataclass(frozen=True, slots=True)
class RequestRow:
    request_id: int
    customer_id: int
    received_on: date
    start_on: date
    months: int
    note: str
    by: str
    claim_ids: tuple[int, ...] = ()
    decision: str | None = None
    decision_reason: str | None = None
    plan_id: int | None = None


class SqlPlans:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._u = utility_id
        self._ids = ids

    # --- plans ----------------------------------------------------------------------------
    def new_plan_id(self) -> int:
        return self._ids.reserve("payment_plan")

    def add_plan(self, row: PlanRow, at: datetime) -> None:
        u = self._u
        self._db.execute(insert(payment_plan).values(
            utility_id=u, plan_id=row.plan_id, customer_id=row.customer_id,
            granted_on=row.granted_on, start_on=row.start_on, months=row.months,
            owed_ore=row.owed.ore, fee_ore=row.fee.ore, fee_item_id=row.fee_item_id,
            total_ore=row.total.ore, reason=row.reason, clause=row.clause,
            request_id=row.request_id, letter_id=row.letter_id, granted_by=row.granted_by,
            created_at=at,
        ))  # fmt: skip
        self._db.execute(insert(payment_plan_item), [
            {"utility_id": u, "plan_id": row.plan_id, "open_item_id": i.open_item_id,
             "claim_id": i.claim_id, "role": i.role} for i in row.items
        ])  # fmt: skip
        self._db.execute(insert(payment_plan_installment), [
            {"utility_id": u, "plan_id": row.plan_id, "number": i.number, "due_date": i.due,
             "amount_ore": i.amount.ore} for i in row.installments
        ])  # fmt: skip

    def plans(self, *, running_only: bool = False) -> list[PlanRow]:
        """Every plan (or the running ones: no outcome yet), oldest first, with its parts."""
        query = (
            select(payment_plan, payment_plan_outcome.c.outcome, payment_plan_outcome.c.on_date,
                   payment_plan_outcome.c.reason.label("outcome_reason"),
                   payment_plan_outcome.c.created_by.label("outcome_by"))
            .outerjoin(payment_plan_outcome, and_(
                payment_plan_outcome.c.utility_id == payment_plan.c.utility_id,
                payment_plan_outcome.c.plan_id == payment_plan.c.plan_id))
            .where(payment_plan.c.utility_id == self._u)
            .order_by(payment_plan.c.plan_id)
        )  # fmt: skip
        if running_only:
            query = query.where(payment_plan_outcome.c.plan_id.is_(None))
        heads = list(self._db.execute(query))
        ids = [int(r.plan_id) for r in heads]
        installments = self._installments(ids)
        items = self._items(ids)
        return [_plan(r, installments[int(r.plan_id)], items[int(r.plan_id)]) for r in heads]

    def _installments(self, plan_ids: Sequence[int]) -> dict[int, tuple[Installment, ...]]:
        found: dict[int, list[Installment]] = defaultdict(list)
        for chunk in _chunks(plan_ids):
            rows = self._db.execute(
                select(payment_plan_installment)
                .where(payment_plan_installment.c.utility_id == self._u,
                       payment_plan_installment.c.plan_id.in_(chunk))
                .order_by(payment_plan_installment.c.plan_id, payment_plan_installment.c.number)
            )  # fmt: skip
            for r in rows:
                found[int(r.plan_id)].append(
                    Installment(int(r.number), r.due_date, Money(int(r.amount_ore)))
                )
        return defaultdict(tuple, {k: tuple(v) for k, v in found.items()})

    def _items(self, plan_ids: Sequence[int]) -> dict[int, tuple[PlanItemRow, ...]]:
        found: dict[int, list[PlanItemRow]] = defaultdict(list)
        for chunk in _chunks(plan_ids):
            rows = self._db.execute(
                select(payment_plan_item)
                .where(payment_plan_item.c.utility_id == self._u,
                       payment_plan_item.c.plan_id.in_(chunk))
                .order_by(payment_plan_item.c.plan_id, payment_plan_item.c.open_item_id)
            )  # fmt: skip
            for r in rows:
                claim = None if r.claim_id is None else int(r.claim_id)
                found[int(r.plan_id)].append(PlanItemRow(int(r.open_item_id), claim, r.role))
        return defaultdict(tuple, {k: tuple(v) for k, v in found.items()})

    def add_outcomes(self, outcomes: Iterable[tuple[int, OutcomeRow]], at: datetime) -> None:
        rows = [
            {"utility_id": self._u, "plan_id": plan_id, "outcome": o.outcome.value,
             "on_date": o.on, "reason": o.reason, "created_by": o.by, "created_at": at}
            for plan_id, o in outcomes
        ]  # fmt: skip
        if rows:
            self._db.execute(insert(payment_plan_outcome), rows)

    def watched_items(self, plans: Sequence[PlanRow]) -> dict[int, tuple[WatchedItem, ...]]:
        """For each plan: its own items and the customer's items falling due since its grant,
        with every receivables posting on them and its booking date."""
        by_customer: dict[int, list[PlanRow]] = defaultdict(list)
        for p in plans:
            by_customer[p.customer_id].append(p)
        rows: dict[int, list[Any]] = defaultdict(list)
        for chunk in _chunks(sorted(by_customer)):
            mine = [p for c in chunk for p in by_customer[c]]
            since = min(p.granted_on for p in mine)
            items = sorted({i.open_item_id for p in mine for i in p.items})
            for r in self._db.execute(_movements_query(self._u, chunk, since, items)):
                rows[int(r.customer_id)].append(r)
        found: dict[int, tuple[WatchedItem, ...]] = {}
        for p in plans:
            own = {i.open_item_id for i in p.items}
            mine = [r for r in rows[p.customer_id]
                    if int(r.open_item_id) in own or r.due_date >= p.granted_on]  # fmt: skip
            found[p.plan_id] = _watched(mine, own)
        return found

    # --- requests -------------------------------------------------------------------------
    def add_request(self, row: RequestRow, at: datetime) -> int:
        request_id = self._ids.reserve("plan_request")
        self._db.execute(insert(plan_request).values(
            utility_id=self._u, request_id=request_id, customer_id=row.customer_id,
            received_on=row.received_on, start_on=row.start_on, months=row.months,
            note=row.note, created_by=row.by, created_at=at,
        ))  # fmt: skip
        self._db.execute(insert(plan_request_claim), [
            {"utility_id": self._u, "request_id": request_id, "claim_id": c}
            for c in sorted(set(row.claim_ids))
        ])  # fmt: skip
        return request_id

    def requests(self, *, open_only: bool = False) -> list[RequestRow]:
        d = plan_request_decision
        query = (
            select(plan_request, d.c.decision, d.c.reason.label("decision_reason"), d.c.plan_id)
            .outerjoin(d, and_(d.c.utility_id == plan_request.c.utility_id,
                               d.c.request_id == plan_request.c.request_id))
            .where(plan_request.c.utility_id == self._u)
            .order_by(plan_request.c.request_id)
        )  # fmt: skip
        if open_only:
            query = query.where(d.c.request_id.is_(None))
        heads = list(self._db.execute(query))
        claims: dict[int, list[int]] = defaultdict(list)
        for chunk in _chunks([int(r.request_id) for r in heads]):
            for r in self._db.execute(
                select(plan_request_claim.c.request_id, plan_request_claim.c.claim_id)
                .where(plan_request_claim.c.utility_id == self._u,
                       plan_request_claim.c.request_id.in_(chunk))
                .order_by(plan_request_claim.c.claim_id)
            ):  # fmt: skip
                claims[int(r.request_id)].append(int(r.claim_id))
        return [_request(r, claims[int(r.request_id)]) for r in heads]

    def decide(  # noqa: PLR0917 - one decision's facts
        self, request_id: int, decision: str, plan_id: int | None, reason: str, on: date,
        by: str, at: datetime,
    ) -> None:  # fmt: skip
        self._db.execute(insert(plan_request_decision).values(
            utility_id=self._u, request_id=request_id, decision=decision, plan_id=plan_id,
            reason=reason, decided_on=on, decided_by=by, created_at=at,
        ))  # fmt: skip


def _movements_query(u: int, customers: Sequence[int], since: date, own: Sequence[int]) -> Any:
    opened = open_item.c.opened_by_entry_id == posting.c.entry_id
    return (
        select(open_item.c.open_item_id, open_item.c.customer_id, open_item.c.kind,
               open_item.c.due_date, open_item.c.reference, journal_entry.c.booking_date,
               posting.c.amount_ore, opened.label("opening"))
        .join(posting, and_(posting.c.utility_id == open_item.c.utility_id,
                            posting.c.open_item_id == open_item.c.open_item_id))
        .join(journal_entry, and_(journal_entry.c.utility_id == posting.c.utility_id,
                                  journal_entry.c.entry_id == posting.c.entry_id))
        .where(open_item.c.utility_id == u, open_item.c.customer_id.in_(customers),
               posting.c.account == Account.RECEIVABLES.value,
               or_(open_item.c.due_date >= since, open_item.c.open_item_id.in_(own)))
        .order_by(open_item.c.open_item_id, journal_entry.c.booking_date, posting.c.entry_id)
    )  # fmt: skip


def _watched(rows: list[Any], own: set[int]) -> tuple[WatchedItem, ...]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for r in rows:
        grouped[int(r.open_item_id)].append(r)
    items = []
    for item_id, found in grouped.items():
        first = found[0]
        kind = OpenItemKind(first.kind)
        items.append(WatchedItem(
            open_item_id=item_id, in_plan=item_id in own,
            bill=kind is OpenItemKind.PRINCIPAL and item_id not in own,
            credit=kind is OpenItemKind.CREDIT, due=first.due_date, reference=first.reference,
            movements=tuple(Movement(r.booking_date, Money(int(r.amount_ore)), bool(r.opening))
                            for r in found),
        ))  # fmt: skip
    return tuple(items)


def _plan(r: Any, installments: tuple[Installment, ...], items: tuple[PlanItemRow, ...]) -> PlanRow:
    outcome = (
        None if r.outcome is None
        else OutcomeRow(PlanOutcome(r.outcome), r.on_date, r.outcome_reason, r.outcome_by)
    )  # fmt: skip
    return PlanRow(
        int(r.plan_id), int(r.customer_id), r.granted_on, r.start_on, int(r.months),
        Money(int(r.owed_ore)), Money(int(r.fee_ore)),
        None if r.fee_item_id is None else int(r.fee_item_id), Money(int(r.total_ore)),
        r.reason, r.clause, None if r.request_id is None else int(r.request_id),
        None if r.letter_id is None else int(r.letter_id), r.granted_by,
        installments, items, outcome,
    )  # fmt: skip


def _request(r: Any, claims: list[int]) -> RequestRow:
    return RequestRow(
        int(r.request_id), int(r.customer_id), r.received_on, r.start_on, int(r.months), r.note,
        r.created_by, tuple(claims), r.decision, r.decision_reason,
        None if r.plan_id is None else int(r.plan_id),
    )  # fmt: skip


def _chunks(values: Sequence[int]) -> list[Sequence[int]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]
