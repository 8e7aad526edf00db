"""Claims in the database: the overdue bills, their steps and events, the customer facts the
timeline needs — read set-based for a whole utility (one query per table and chunk of ids) —
and the append-only writes of new steps and events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select

from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.billing_tables import bill
from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.collection_tables import claim_event, claim_step
from heatbill.adapters.db.interest_tables import interest_charge
from heatbill.adapters.db.plan_tables import payment_plan_item
from heatbill.adapters.db.register_tables import party, relationship
from heatbill.adapters.db.tables import open_item, open_item_residual, posting
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.money import Money

CHUNK = 5000
_STEP_COLUMNS = tuple(c.name for c in claim_step.columns)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    claim_id: int
    customer_id: int
    reference: str
    due_date: date
    residual: Money
    bill_date: date | None
    """The bill's issue date (day 1), when the item is a bill."""


@dataclass(frozen=True, slots=True)
class StepRow:
    claim_id: int
    step_no: int
    kind: StepKind
    on: date
    deadline: date | None
    fee: Money
    fee_item_id: int | None
    letter_id: int | None
    clause: str
    note: str | None
    by: str


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    customer_id: int
    party_id: int
    installation_id: int
    business: bool
    ended_on: date | None
    """The relationship's end: its claims are old debt once it has ended."""


class SqlClaims:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def overdue(self, on: date, claim_ids: Sequence[int] | None = None) -> list[ClaimRow]:
        """Principal items with a residual, due before `on` (or the given ones, whatever
        their state), with their bill's issue date, by id.

        Read from the residuals the database keeps (`residuals`): the partial index of the
        items not settled leads to those due before `on`, never to the paid ones."""
        r, o, b = open_item_residual.c, open_item.c, bill.c
        bill_date = (
            select(func.min(b.issue_date))
            .where(b.utility_id == o.utility_id, b.open_item_id == o.open_item_id)
            .scalar_subquery()
        )
        query = (
            select(
                o.open_item_id,
                o.customer_id,
                o.reference,
                o.due_date,
                r.residual_ore.label("residual"),
                bill_date.label("bill_date"),
            )
            .select_from(open_item_residual)
            .join(open_item, and_(o.utility_id == r.utility_id, o.open_item_id == r.open_item_id))
            .where(r.utility_id == self._u, o.kind == OpenItemKind.PRINCIPAL.value)
            .order_by(o.open_item_id)
        )
        if claim_ids is None:
            # `<> 0` as the partial index states it (SQLite uses the index only then).
            unsettled = query.where(r.residual_ore != 0, r.residual_ore > 0, r.due_date < on)
            return [_claim(row) for row in self._db.execute(unsettled)]
        found: list[ClaimRow] = []
        for chunk in _chunks(sorted(set(claim_ids))):
            rows = self._db.execute(query.where(among(self._db, o.open_item_id, chunk)))
            found += [_claim(row) for row in rows]
        return found

    def steps(self, claim_ids: Iterable[int]) -> dict[int, list[StepRow]]:
        found: dict[int, list[StepRow]] = defaultdict(list)
        for chunk in _chunks(sorted(set(claim_ids))):
            rows = self._db.execute(
                select(claim_step)
                .where(
                    claim_step.c.utility_id == self._u,
                    among(self._db, claim_step.c.claim_id, chunk),
                )
                .order_by(claim_step.c.claim_id, claim_step.c.step_no)
            )
            for r in rows:
                found[int(r.claim_id)].append(_step(r))
        return found

    def events(self, claim_ids: Iterable[int]) -> dict[int, list[ClaimEvent]]:
        found: dict[int, list[ClaimEvent]] = defaultdict(list)
        for chunk in _chunks(sorted(set(claim_ids))):
            rows = self._db.execute(
                select(claim_event)
                .where(
                    claim_event.c.utility_id == self._u,
                    among(self._db, claim_event.c.claim_id, chunk),
                )
                .order_by(claim_event.c.claim_id, claim_event.c.event_no)
            )
            for r in rows:
                found[int(r.claim_id)].append(
                    ClaimEvent(EventKind(r.kind), r.on_date, r.reason, r.created_by)
                )
        return found

    def open_fees(self, fee_item_ids: Iterable[int]) -> dict[int, Money]:
        """What is left of each fee item (0 when paid)."""
        found: dict[int, Money] = {}
        for chunk in _chunks(sorted(set(fee_item_ids))):
            rows = self._db.execute(
                select(posting.c.open_item_id, func.sum(posting.c.amount_ore))
                .where(
                    posting.c.utility_id == self._u,
                    posting.c.account == Account.RECEIVABLES.value,
                    among(self._db, posting.c.open_item_id, chunk),
                )
                .group_by(posting.c.open_item_id)
            )
            found.update({int(i): Money(int(a)) for i, a in rows})
        return found

    def interest_items(self, claim_ids: Iterable[int]) -> dict[int, set[int]]:
        """The interest items charged on each claim (late interest, `interest_charge`)."""
        found: dict[int, set[int]] = defaultdict(set)
        for chunk in _chunks(sorted(set(claim_ids))):
            rows = self._db.execute(
                select(interest_charge.c.principal_item_id, interest_charge.c.interest_item_id)
                .where(
                    interest_charge.c.utility_id == self._u,
                    among(self._db, interest_charge.c.principal_item_id, chunk),
                    interest_charge.c.interest_item_id.is_not(None),
                )
                .distinct()
            )
            for claim_id, item_id in rows:
                found[int(claim_id)].add(int(item_id))
        return found

    def plan_fee_items(self, claim_ids: Iterable[int]) -> dict[int, set[int]]:
        """The fee items of the payment plans on each claim: a plan's fee grew from its claims
        and is carried by the first of them (the lowest claim id), so it is counted once."""
        i = payment_plan_item.c
        lead = (
            select(i.plan_id, func.min(i.claim_id).label("claim_id"))
            .where(i.utility_id == self._u, i.claim_id.is_not(None))
            .group_by(i.plan_id)
            .subquery()
        )
        found: dict[int, set[int]] = defaultdict(set)
        for chunk in _chunks(sorted(set(claim_ids))):
            rows = self._db.execute(
                select(lead.c.claim_id, i.open_item_id)
                .join(lead, lead.c.plan_id == i.plan_id)
                .where(
                    i.utility_id == self._u,
                    i.role == "plan_fee",
                    among(self._db, lead.c.claim_id, chunk),
                )
            )
            for claim_id, item_id in rows:
                found[int(claim_id)].add(int(item_id))
        return found

    def customers(self, customer_ids: Iterable[int]) -> dict[int, CustomerFacts]:
        found: dict[int, CustomerFacts] = {}
        for chunk in _chunks(sorted(set(customer_ids))):
            rows = self._db.execute(
                select(
                    relationship.c.relationship_id,
                    relationship.c.party_id,
                    relationship.c.installation_id,
                    relationship.c.end_on,
                    party.c.kind,
                )
                .join(
                    party,
                    and_(
                        party.c.utility_id == relationship.c.utility_id,
                        party.c.party_id == relationship.c.party_id,
                    ),
                )
                .where(
                    relationship.c.utility_id == self._u,
                    among(self._db, relationship.c.relationship_id, chunk),
                )
            )
            for r in rows:
                found[int(r.relationship_id)] = CustomerFacts(
                    int(r.relationship_id),
                    int(r.party_id),
                    int(r.installation_id),
                    r.kind == "company",
                    r.end_on,
                )
        return found

    def in_force(self, party_ids: Iterable[int], on: date) -> dict[int, list[CustomerFacts]]:
        """Each party's relationships in force on `on` (started, not ended), latest first."""
        found: dict[int, list[CustomerFacts]] = defaultdict(list)
        rel = relationship.c
        for chunk in _chunks(sorted(set(party_ids))):
            rows = self._db.execute(
                select(rel.relationship_id, rel.party_id, rel.installation_id, party.c.kind)
                .join(party, and_(party.c.utility_id == rel.utility_id,
                                  party.c.party_id == rel.party_id))
                .where(
                    rel.utility_id == self._u,
                    among(self._db, rel.party_id, chunk),
                    rel.start_on <= on,
                    (rel.end_on.is_(None)) | (rel.end_on > on),
                )
                .order_by(rel.party_id, rel.start_on.desc(), rel.relationship_id.desc())
            )  # fmt: skip
            for r in rows:
                found[int(r.party_id)].append(
                    CustomerFacts(int(r.relationship_id), int(r.party_id), int(r.installation_id),
                                  r.kind == "company", None)
                )  # fmt: skip
        return found

    def closed_claims(self) -> list[int]:
        """Claims with a closing recorded (whether reopened since or not)."""
        rows = self._db.execute(
            select(claim_step.c.claim_id)
            .where(
                claim_step.c.utility_id == self._u,
                claim_step.c.kind == StepKind.CLOSED.value,
            )
            .distinct()
        )
        return [int(r) for (r,) in rows]

    def add_steps(self, rows: Sequence[StepRow], at: datetime) -> None:
        """Append steps (COPY / raw executemany: a daily pass writes thousands)."""
        if not rows:
            return
        insert_rows(
            self._db,
            claim_step,
            _STEP_COLUMNS,
            [
                (self._u, r.claim_id, r.step_no, r.kind.value, r.on, r.deadline, r.fee.ore,
                 r.fee_item_id, r.letter_id, r.clause, r.note, r.by, at)
                for r in rows
            ],
        )  # fmt: skip

    def add_event(self, claim_id: int, event: ClaimEvent, at: datetime) -> None:
        last = self._db.execute(
            select(func.max(claim_event.c.event_no)).where(
                claim_event.c.utility_id == self._u, claim_event.c.claim_id == claim_id
            )
        ).scalar_one_or_none()
        self._db.execute(
            insert(claim_event).values(
                utility_id=self._u,
                claim_id=claim_id,
                event_no=int(last or 0) + 1,
                kind=event.kind.value,
                on_date=event.on,
                reason=event.reason,
                created_by=event.by,
                created_at=at,
            )
        )


def _claim(r: Any) -> ClaimRow:
    return ClaimRow(
        int(r.open_item_id),
        int(r.customer_id),
        r.reference,
        r.due_date,
        Money(int(r.residual)),
        r.bill_date,
    )


def _step(r: Any) -> StepRow:
    return StepRow(
        int(r.claim_id),
        int(r.step_no),
        StepKind(r.kind),
        r.on_date,
        r.deadline,
        Money(int(r.fee_ore)),
        None if r.fee_item_id is None else int(r.fee_item_id),
        None if r.letter_id is None else int(r.letter_id),
        r.clause,
        r.note,
        r.created_by,
    )


def _chunks(values: Sequence[int]) -> list[Sequence[int]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]
