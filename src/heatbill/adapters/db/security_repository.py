"""Securities in the database: demands, securities given and their releases (append-only),
and the payment history a security is assessed and released on — read set-based for many
customers at once (one query per table and chunk of ids)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select

from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.register_tables import relationship
from heatbill.adapters.db.security_tables import security, security_demand, security_release
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.collections.securities import PaidItem
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.rulebook.closing import SecurityForm

CHUNK = 5000


@dataclass(frozen=True, slots=True)
class DemandRow:
    demand_id: int
    customer_id: int
    party_id: int
    on: date
    deadline: date
    amount: Money
    grounds: str
    note: str
    clause: str
    letter_id: int | None
    by: str


@dataclass(frozen=True, slots=True)
class ReleaseRow:
    security_id: int
    released_on: date
    reason: str
    """`on_time` (the period paid on time) or `lapsed` (a guarantee's expiry)."""
    set_off: Money
    refund: Money
    entry_id: int | None
    letter_id: int | None
    clause: str
    by: str


@dataclass(frozen=True, slots=True)
class SecurityRow:
    security_id: int
    customer_id: int
    party_id: int
    demand_id: int | None
    form: SecurityForm
    amount: Money
    provider: str | None
    reference: str | None
    provided_on: date
    expires_on: date | None
    entry_id: int | None
    note: str | None
    by: str
    release: ReleaseRow | None = None


@dataclass(frozen=True, slots=True)
class Relationship:
    relationship_id: int
    party_id: int
    start_on: date
    end_on: date | None


class SqlSecurities:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._u = utility_id
        self._ids = ids

    def new_demand_id(self) -> int:
        return self._ids.reserve("security_demand")

    def new_security_id(self) -> int:
        return self._ids.reserve("security")

    def relationships_of_parties(self, party_ids: Iterable[int]) -> dict[int, list[Relationship]]:
        """Every customer relationship of each party, oldest first."""
        found: dict[int, list[Relationship]] = defaultdict(list)
        for chunk in _chunks(sorted(set(party_ids))):
            rows = self._db.execute(
                select(relationship)
                .where(relationship.c.utility_id == self._u, relationship.c.party_id.in_(chunk))
                .order_by(relationship.c.start_on, relationship.c.relationship_id)
            )
            for r in rows:
                found[int(r.party_id)].append(
                    Relationship(int(r.relationship_id), int(r.party_id), r.start_on, r.end_on)
                )
        return found

    def paid_items(self, customer_ids: Iterable[int]) -> dict[int, list[PaidItem]]:
        """Each customer's principal items (the bills) with the day each was cleared: the
        booking date on which its residual first reached zero (None while open)."""
        found: dict[int, list[PaidItem]] = defaultdict(list)
        for chunk in _chunks(sorted(set(customer_ids))):
            rows = self._db.execute(
                select(
                    open_item.c.open_item_id,
                    open_item.c.customer_id,
                    open_item.c.reference,
                    open_item.c.due_date,
                    journal_entry.c.booking_date,
                    func.sum(posting.c.amount_ore).label("amount"),
                )
                .join(
                    posting,
                    and_(
                        posting.c.utility_id == open_item.c.utility_id,
                        posting.c.open_item_id == open_item.c.open_item_id,
                    ),
                )
                .join(
                    journal_entry,
                    and_(
                        journal_entry.c.utility_id == posting.c.utility_id,
                        journal_entry.c.entry_id == posting.c.entry_id,
                    ),
                )
                .where(
                    open_item.c.utility_id == self._u,
                    open_item.c.kind == OpenItemKind.PRINCIPAL.value,
                    open_item.c.customer_id.in_(chunk),
                    posting.c.account == Account.RECEIVABLES.value,
                )
                .group_by(
                    open_item.c.open_item_id,
                    open_item.c.customer_id,
                    open_item.c.reference,
                    open_item.c.due_date,
                    journal_entry.c.booking_date,
                )
                .order_by(open_item.c.open_item_id, journal_entry.c.booking_date)
            )
            by_item: dict[int, list[Any]] = defaultdict(list)
            for r in rows:
                by_item[int(r.open_item_id)].append(r)
            for moves in by_item.values():
                found[int(moves[0].customer_id)].append(_paid_item(moves))
        return found

    def add_demand(self, row: DemandRow, at: datetime) -> None:
        self._db.execute(
            insert(security_demand).values(
                utility_id=self._u,
                demand_id=row.demand_id,
                customer_id=row.customer_id,
                party_id=row.party_id,
                on_date=row.on,
                deadline=row.deadline,
                amount_ore=row.amount.ore,
                grounds=row.grounds,
                assessment_note=row.note,
                clause=row.clause,
                letter_id=row.letter_id,
                created_by=row.by,
                created_at=at,
            )
        )

    def demands(self, customer_ids: Sequence[int] | None = None) -> list[DemandRow]:
        query = select(security_demand).where(security_demand.c.utility_id == self._u)
        if customer_ids is not None:
            query = query.where(security_demand.c.customer_id.in_(sorted(set(customer_ids))))
        rows = self._db.execute(query.order_by(security_demand.c.demand_id))
        return [_demand(r) for r in rows]

    def add_security(self, row: SecurityRow, at: datetime) -> None:
        self._db.execute(
            insert(security).values(
                utility_id=self._u,
                security_id=row.security_id,
                customer_id=row.customer_id,
                party_id=row.party_id,
                demand_id=row.demand_id,
                form=row.form.value,
                amount_ore=row.amount.ore,
                provider=row.provider,
                reference=row.reference,
                provided_on=row.provided_on,
                expires_on=row.expires_on,
                entry_id=row.entry_id,
                note=row.note,
                created_by=row.by,
                created_at=at,
            )
        )

    def securities(self, *, unreleased: bool = False) -> list[SecurityRow]:
        """Every security of the utility with its release, if any (the release run's input:
        one query, joined)."""
        query = (
            select(security, security_release)
            .outerjoin(
                security_release,
                and_(
                    security_release.c.utility_id == security.c.utility_id,
                    security_release.c.security_id == security.c.security_id,
                ),
            )
            .where(security.c.utility_id == self._u)
            .order_by(security.c.security_id)
        )
        if unreleased:
            query = query.where(security_release.c.security_id.is_(None))
        return [_security(r) for r in self._db.execute(query)]

    def add_releases(self, rows: Sequence[ReleaseRow], at: datetime) -> None:
        if not rows:
            return
        self._db.execute(
            insert(security_release),
            [
                {
                    "utility_id": self._u,
                    "security_id": r.security_id,
                    "released_on": r.released_on,
                    "reason": r.reason,
                    "set_off_ore": r.set_off.ore,
                    "refund_ore": r.refund.ore,
                    "entry_id": r.entry_id,
                    "letter_id": r.letter_id,
                    "clause": r.clause,
                    "created_by": r.by,
                    "created_at": at,
                }
                for r in rows
            ],
        )


def _paid_item(moves: list[Any]) -> PaidItem:
    running, cleared = 0, None
    for move in moves:
        running += int(move.amount)
        if running <= 0 and cleared is None:
            cleared = move.booking_date
        elif running > 0:
            cleared = None  # reopened (a charge-back): not cleared after all
    first = moves[0]
    amount = Money(max(int(first.amount), 0))
    return PaidItem(int(first.open_item_id), first.reference, first.due_date, amount, cleared)


def _demand(r: Any) -> DemandRow:
    return DemandRow(
        int(r.demand_id), int(r.customer_id), int(r.party_id), r.on_date, r.deadline,
        Money(int(r.amount_ore)), r.grounds, r.assessment_note, r.clause,
        None if r.letter_id is None else int(r.letter_id), r.created_by,
    )  # fmt: skip


def _security(r: Any) -> SecurityRow:
    m = r._mapping
    release = None
    if m[security_release.c.security_id] is not None:
        release = ReleaseRow(
            int(m[security_release.c.security_id]), m[security_release.c.released_on],
            m[security_release.c.reason], Money(int(m[security_release.c.set_off_ore])),
            Money(int(m[security_release.c.refund_ore])),
            _int(m[security_release.c.entry_id]), _int(m[security_release.c.letter_id]),
            m[security_release.c.clause], m[security_release.c.created_by],
        )  # fmt: skip
    return SecurityRow(
        int(m[security.c.security_id]), int(m[security.c.customer_id]),
        int(m[security.c.party_id]), _int(m[security.c.demand_id]),
        SecurityForm(m[security.c.form]), Money(int(m[security.c.amount_ore])),
        m[security.c.provider], m[security.c.reference], m[security.c.provided_on],
        m[security.c.expires_on], _int(m[security.c.entry_id]), m[security.c.note],
        m[security.c.created_by], release,
    )  # fmt: skip


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _chunks(values: Sequence[int]) -> list[Sequence[int]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]
