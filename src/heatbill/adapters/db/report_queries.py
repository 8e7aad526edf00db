"""Read queries for the customer statement and the debtor list: set-based, nothing written.

A statement is a fixed handful of queries for its customer (the period's receivables postings
with their entries, the customer's open items with residuals at the end, the two balances, the
bills and the payments behind the entries); the debtor list's register cards are one query
over every customer of the utility, never one per customer. Dates are business dates: "before
`day`" compares `booking_date < day`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select

from heatbill.adapters.db.billing_tables import bill
from heatbill.adapters.db.payment_tables import payment, payment_assignment
from heatbill.adapters.db.register_tables import (
    customers_with_places,
    installation,
    party,
    property_,
    relationship,
)
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.ledger import Account, OpenItem, OpenItemKind, Reason
from heatbill.domain.ledger.debtors import DebtorCard
from heatbill.domain.ledger.statement import EntryFacts, PaymentFacts
from heatbill.domain.money import Money
from heatbill.domain.payments.incoming import PaymentKind

CHUNK = 5000

_JOIN = and_(
    posting.c.utility_id == journal_entry.c.utility_id,
    posting.c.entry_id == journal_entry.c.entry_id,
)


class ReportQueries:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def balances_before(self, customer_id: int, first: date, second: date) -> tuple[Money, Money]:
        """The customer's receivables balance of everything booked before `first`, and before
        `second`, in one pass over the customer's postings."""
        booked = journal_entry.c.booking_date
        rows = self._db.execute(
            select(
                func.coalesce(func.sum(case((booked < first, posting.c.amount_ore), else_=0)), 0),
                func.coalesce(func.sum(case((booked < second, posting.c.amount_ore), else_=0)), 0),
            )
            .join(journal_entry, _JOIN)
            .where(*self._receivables_of(customer_id), booked < max(first, second))
        ).one()
        return Money(int(rows[0])), Money(int(rows[1]))

    def entries_between(self, customer_id: int, start: date, end: date) -> list[EntryFacts]:
        """The entries booked in `[start, end)` that post on the customer's receivables, with
        the bill, the payment and the open items behind each."""
        rows = self._db.execute(
            select(
                journal_entry.c.entry_id,
                journal_entry.c.booking_date,
                journal_entry.c.reason,
                journal_entry.c.description,
                journal_entry.c.reverses_entry_id,
                posting.c.open_item_id,
                posting.c.amount_ore,
            )
            .join(journal_entry, _JOIN)
            .where(
                *self._receivables_of(customer_id),
                journal_entry.c.booking_date >= start,
                journal_entry.c.booking_date < end,
            )
            .order_by(journal_entry.c.booking_date, posting.c.entry_id, posting.c.line_no)
        ).all()
        heads: dict[int, Any] = {}
        postings: dict[int, list[tuple[int, Money]]] = {}
        for r in rows:
            heads.setdefault(int(r.entry_id), r)
            postings.setdefault(int(r.entry_id), []).append(
                (int(r.open_item_id), Money(int(r.amount_ore)))
            )
        ids = sorted(heads)
        bills = self._bills_of(customer_id)
        payments = self._payments_of(ids)
        opened = self._opened_by(customer_id, ids)
        return [
            EntryFacts(
                entry_id=i,
                booking_date=heads[i].booking_date,
                reason=Reason(heads[i].reason),
                description=heads[i].description,
                postings=tuple(postings[i]),
                reverses_entry_id=heads[i].reverses_entry_id,
                opens=tuple(opened.get(i, ())),
                bill_number=bills[i][0] if i in bills else None,
                bill_due=bills[i][1] if i in bills else None,
                payment=payments.get(i),
            )
            for i in ids
        ]

    def items_of(self, customer_id: int, day: date) -> list[tuple[OpenItem, Money]]:
        """Every open item of the customer with its residual from what was booked before
        `day` (0 for a settled item, or one opened later)."""
        booked = and_(
            posting.c.utility_id == open_item.c.utility_id,
            posting.c.open_item_id == open_item.c.open_item_id,
        )
        in_time = and_(
            journal_entry.c.utility_id == posting.c.utility_id,
            journal_entry.c.entry_id == posting.c.entry_id,
            journal_entry.c.booking_date < day,
        )
        # A posting booked on or after `day` finds no entry in the join and counts 0.
        in_residual = case((journal_entry.c.entry_id.is_not(None), posting.c.amount_ore), else_=0)
        residual = func.coalesce(func.sum(in_residual), 0)
        rows = self._db.execute(
            select(open_item, residual.label("residual"))
            .outerjoin(posting, booked)
            .outerjoin(journal_entry, in_time)
            .where(
                open_item.c.utility_id == self._u,
                open_item.c.customer_id == customer_id,
            )
            .group_by(*open_item.c)
            .order_by(open_item.c.due_date, open_item.c.open_item_id)
        )
        return [(_open_item(r), Money(int(r.residual))) for r in rows]

    def debtor_cards(self, customer_id: int | None = None) -> dict[int, DebtorCard]:
        """Every customer of the utility (or the one asked) with the party's name, installation
        and supply address."""
        query = (
            select(
                relationship.c.relationship_id,
                party.c.name,
                installation.c.number,
                property_.c.address,
                property_.c.postcode,
                property_.c.city,
            )
            .select_from(customers_with_places())
            .where(relationship.c.utility_id == self._u)
        )
        if customer_id is not None:
            query = query.where(relationship.c.relationship_id == customer_id)
        return {
            int(r.relationship_id): DebtorCard(
                int(r.relationship_id), r.name, r.number, f"{r.address}, {r.postcode} {r.city}"
            )
            for r in self._db.execute(query)
        }

    def customer_of_installation(self, number: str, day: date) -> int | None:
        """The installation's customer on `day`, else the last one that started before it."""
        row = self._db.execute(
            select(relationship.c.relationship_id)
            .join(
                installation,
                and_(
                    installation.c.utility_id == relationship.c.utility_id,
                    installation.c.installation_id == relationship.c.installation_id,
                ),
            )
            .where(
                relationship.c.utility_id == self._u,
                installation.c.number == number,
                relationship.c.start_on <= day,
            )
            .order_by(
                or_(relationship.c.end_on.is_(None), relationship.c.end_on > day).desc(),
                relationship.c.start_on.desc(),
                relationship.c.relationship_id.desc(),
            )
            .limit(1)
        ).scalar_one_or_none()
        return None if row is None else int(row)

    def _receivables_of(self, customer_id: int) -> tuple[Any, ...]:
        return (
            posting.c.utility_id == self._u,
            posting.c.account == Account.RECEIVABLES.value,
            posting.c.customer_id == customer_id,
        )

    def _bills_of(self, customer_id: int) -> dict[int, tuple[str, date]]:
        """Entry id → (bill number, due date) of the customer's bills."""
        rows = self._db.execute(
            select(bill.c.entry_id, bill.c.number, bill.c.due_date).where(
                bill.c.utility_id == self._u, bill.c.relationship_id == customer_id
            )
        )
        return {int(r.entry_id): (r.number, r.due_date) for r in rows}

    def _payments_of(self, entry_ids: Sequence[int]) -> dict[int, PaymentFacts]:
        """Entry id → the payment (or charge-back, or staff assignment) it books."""
        found: dict[int, PaymentFacts] = {}
        for chunk in _chunks(entry_ids):
            rows = self._db.execute(
                select(payment.c.entry_id, payment.c.source, payment.c.kind, payment.c.matched_by)
                .where(payment.c.utility_id == self._u, payment.c.entry_id.in_(chunk))
                .order_by(payment.c.payment_id)
            )
            for r in rows:
                back = r.kind == PaymentKind.CHARGE_BACK.value
                found[int(r.entry_id)] = PaymentFacts(r.source, r.matched_by, charge_back=back)
            assigned = self._db.execute(
                select(payment_assignment.c.entry_id, payment.c.source)
                .join(
                    payment,
                    and_(
                        payment.c.utility_id == payment_assignment.c.utility_id,
                        payment.c.payment_id == payment_assignment.c.payment_id,
                    ),
                )
                .where(
                    payment_assignment.c.utility_id == self._u,
                    payment_assignment.c.entry_id.in_(chunk),
                )
            )
            for entry_id, source in assigned:
                found[int(entry_id)] = PaymentFacts(source, "assigned")
        return found

    def _opened_by(self, customer_id: int, entry_ids: Sequence[int]) -> dict[int, list[int]]:
        """Entry id → the customer's open items it opened."""
        found: dict[int, list[int]] = {}
        for chunk in _chunks(entry_ids):
            rows = self._db.execute(
                select(open_item.c.opened_by_entry_id, open_item.c.open_item_id)
                .where(
                    open_item.c.utility_id == self._u,
                    open_item.c.customer_id == customer_id,
                    open_item.c.opened_by_entry_id.in_(chunk),
                )
                .order_by(open_item.c.open_item_id)
            )
            for entry_id, item_id in rows:
                found.setdefault(int(entry_id), []).append(int(item_id))
        return found


def _open_item(r: Any) -> OpenItem:
    return OpenItem(
        open_item_id=int(r.open_item_id),
        customer_id=int(r.customer_id),
        kind=OpenItemKind(r.kind),
        due_date=r.due_date,
        reference=r.reference,
        clause=r.clause,
    )


def _chunks(values: Sequence[int]) -> list[Sequence[int]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]
