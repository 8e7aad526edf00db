"""Read queries of the ledger for exports and reports: set-based, one query per table asked.

A period's journal is two queries (entries, postings) however many entries it holds; balances
on a date are one grouped query each; customer master data is one query over the register.
Dates are business dates: "on or before `day`" compares `booking_date <= day`, and a period is
half-open `[start, end)`. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, and_, func, select

from heatbill.adapters.db.register_tables import (
    customers_with_places,
    party,
    property_,
    relationship,
)
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.ledger.journal import BookedEntry
from heatbill.domain.money import Money

_JOIN = and_(
    posting.c.utility_id == journal_entry.c.utility_id,
    posting.c.entry_id == journal_entry.c.entry_id,
)


@dataclass(frozen=True, slots=True)
class CustomerCard:
    """What an export says about a customer: the party's name, CVR and the supply address."""

    customer_id: int
    name: str
    cvr: str | None
    street: str
    postcode: str
    city: str


class LedgerQueries:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def journal_between(self, start: date, end: date) -> list[BookedEntry]:
        """Entries booked in `[start, end)`, by booking date and id, with their postings."""
        heads = self._db.execute(
            select(journal_entry)
            .where(
                journal_entry.c.utility_id == self._u,
                journal_entry.c.booking_date >= start,
                journal_entry.c.booking_date < end,
            )
            .order_by(journal_entry.c.booking_date, journal_entry.c.entry_id)
        ).all()
        lines: dict[int, list[Posting]] = {int(h.entry_id): [] for h in heads}
        rows = self._db.execute(
            select(posting)
            .join(journal_entry, _JOIN)
            .where(
                posting.c.utility_id == self._u,
                journal_entry.c.booking_date >= start,
                journal_entry.c.booking_date < end,
            )
            .order_by(posting.c.entry_id, posting.c.line_no)
        )
        for p in rows:
            customer = None if p.customer_id is None else int(p.customer_id)
            item = None if p.open_item_id is None else int(p.open_item_id)
            lines[int(p.entry_id)].append(
                Posting(Account(p.account), Money(int(p.amount_ore)), customer, item)
            )
        return [
            BookedEntry(
                int(h.entry_id),
                JournalEntry(
                    booking_date=h.booking_date,
                    reason=Reason(h.reason),
                    description=h.description,
                    postings=tuple(lines[int(h.entry_id)]),
                    clause=h.clause,
                    idempotency_key=h.idempotency_key,
                    reverses_entry_id=h.reverses_entry_id,
                ),
                _utc_day(h.created_at),
            )
            for h in heads
        ]

    def account_balances_before(self, day: date) -> dict[Account, Money]:
        """Debit-positive balance per account of everything booked before `day`."""
        rows = self._db.execute(
            select(posting.c.account, func.sum(posting.c.amount_ore))
            .join(journal_entry, _JOIN)
            .where(posting.c.utility_id == self._u, journal_entry.c.booking_date < day)
            .group_by(posting.c.account)
        )
        return {Account(account): Money(int(amount)) for account, amount in rows}

    def customer_balances_before(self, day: date) -> dict[int, Money]:
        """Receivables balance per customer of everything booked before `day`."""
        rows = self._db.execute(
            select(posting.c.customer_id, func.sum(posting.c.amount_ore))
            .join(journal_entry, _JOIN)
            .where(
                posting.c.utility_id == self._u,
                posting.c.account == Account.RECEIVABLES.value,
                journal_entry.c.booking_date < day,
            )
            .group_by(posting.c.customer_id)
        )
        return {int(customer): Money(int(amount)) for customer, amount in rows}

    def open_items_before(self, day: date) -> list[tuple[OpenItem, Money]]:
        """Every open item with a residual ≠ 0 from what was booked before `day`."""
        residual = func.sum(posting.c.amount_ore).label("residual")
        query = (
            select(open_item, residual)
            .join(
                posting,
                and_(
                    posting.c.utility_id == open_item.c.utility_id,
                    posting.c.open_item_id == open_item.c.open_item_id,
                ),
            )
            .join(journal_entry, _JOIN)
            .where(open_item.c.utility_id == self._u, journal_entry.c.booking_date < day)
            .group_by(*open_item.c)
            .having(residual != 0)
            .order_by(open_item.c.customer_id, open_item.c.due_date, open_item.c.open_item_id)
        )
        return [
            (
                OpenItem(
                    open_item_id=int(row.open_item_id),
                    customer_id=int(row.customer_id),
                    kind=OpenItemKind(row.kind),
                    due_date=row.due_date,
                    reference=row.reference,
                    clause=row.clause,
                ),
                Money(int(row.residual)),
            )
            for row in self._db.execute(query)
        ]

    def customer_cards(self) -> dict[int, CustomerCard]:
        """Every customer relationship of the utility with its party and supply address."""
        rows = self._db.execute(
            select(
                relationship.c.relationship_id,
                party.c.name,
                party.c.cvr,
                property_.c.address,
                property_.c.postcode,
                property_.c.city,
            )
            .select_from(customers_with_places())
            .where(relationship.c.utility_id == self._u)
        )
        return {
            int(r.relationship_id): CustomerCard(
                int(r.relationship_id), r.name, r.cvr, r.address, r.postcode, r.city
            )
            for r in rows
        }


def _utc_day(moment: datetime) -> date:
    """The UTC date of an audit timestamp (SQLite hands it back without its zone, in UTC)."""
    return (moment if moment.tzinfo is None else moment.astimezone(UTC)).date()
