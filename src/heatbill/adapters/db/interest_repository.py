"""Late interest in the database: the reference-rate table, the claims that may owe interest on
a date (with their postings), and the recorded basis of each charge.

Set-based: the claims come in one grouped query, their postings in one query per 500 claims,
the charge rows go in with one executemany. Nothing here updates or deletes a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, insert, or_, select

from heatbill.adapters.db.interest_tables import interest_charge, reference_rate
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.collections.reference_rates import ReferenceRates
from heatbill.domain.ledger import OpenItemKind
from heatbill.domain.money import Money


@dataclass(frozen=True, slots=True)
class RateRow:
    valid_from: date
    rate_percent: Decimal
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class OverdueClaim:
    """A principal open item that may owe interest on the run date, with what it needs."""

    open_item_id: int
    customer_id: int
    due_date: date
    reference: str
    demanded_on: date
    """The booking date of the entry that opened it: the bill's date."""
    covered_until: date | None
    """The end of the interest already charged (or let go) on it."""
    postings: tuple[tuple[date, Money], ...] = ()


@dataclass(frozen=True, slots=True)
class ChargeRow:
    """One part of an interest charge, as `interest_charge` keeps it."""

    principal_item_id: int
    from_date: date
    to_date: date
    interest_item_id: int | None
    principal: Money
    days: int
    rate_percent: Decimal
    day_count: str
    clause: str
    booked_on: date


class SqlReferenceRates:
    """Nationalbanken's udlånsrente by half-year: one table for the whole installation."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def rows(self) -> list[RateRow]:
        found = self._db.execute(select(reference_rate).order_by(reference_rate.c.valid_from))
        return [RateRow(r.valid_from, r.rate_percent, r.added_by, r.added_at) for r in found]

    def table(self) -> ReferenceRates:
        return ReferenceRates.of((r.valid_from, r.rate_percent) for r in self.rows())

    def add(self, valid_from: date, rate_percent: Decimal, added_by: str, at: datetime) -> None:
        self._db.execute(
            insert(reference_rate).values(
                valid_from=valid_from, rate_percent=rate_percent, added_by=added_by, added_at=at
            )
        )


class SqlInterestCharges:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._utility_id = utility_id

    def claims_to_charge(
        self, on: date, claim_ids: Sequence[int] | None = None
    ) -> list[OverdueClaim]:
        """Principal items due before `on` that are unpaid on the day before, or were paid
        after the interest charged on them ended — each with its postings booked before `on`;
        only the given ones when `claim_ids` names them."""
        claims = self._claims(on, claim_ids)
        ids = [c.open_item_id for c in claims]
        postings: dict[int, list[tuple[date, Money]]] = {i: [] for i in ids}
        for chunk in _chunks(ids, 500):
            rows = self._db.execute(
                select(posting.c.open_item_id, journal_entry.c.booking_date, posting.c.amount_ore)
                .join(
                    journal_entry,
                    (journal_entry.c.utility_id == posting.c.utility_id)
                    & (journal_entry.c.entry_id == posting.c.entry_id),
                )
                .where(
                    posting.c.utility_id == self._utility_id,
                    posting.c.open_item_id.in_(chunk),
                    journal_entry.c.booking_date < on,
                )
            )
            for item_id, booked_on, amount in rows:
                postings[int(item_id)].append((booked_on, Money(int(amount))))
        return [
            OverdueClaim(
                c.open_item_id,
                c.customer_id,
                c.due_date,
                c.reference,
                c.demanded_on,
                c.covered_until,
                tuple(sorted(postings[c.open_item_id])),
            )
            for c in claims
        ]

    def _claims(self, on: date, claim_ids: Sequence[int] | None) -> list[OverdueClaim]:
        u = self._utility_id
        covered = (
            select(
                interest_charge.c.principal_item_id,
                func.max(interest_charge.c.to_date).label("covered_until"),
            )
            .where(interest_charge.c.utility_id == u)
            .group_by(interest_charge.c.principal_item_id)
            .subquery()
        )
        booked = journal_entry.alias("booked")
        opening = journal_entry.alias("opening")
        residual = func.sum(posting.c.amount_ore)
        query = (
            select(
                open_item.c.open_item_id,
                open_item.c.customer_id,
                open_item.c.due_date,
                open_item.c.reference,
                opening.c.booking_date,
                covered.c.covered_until,
            )
            .select_from(open_item)
            .join(
                posting,
                (posting.c.utility_id == open_item.c.utility_id)
                & (posting.c.open_item_id == open_item.c.open_item_id),
            )
            .join(
                booked,
                (booked.c.utility_id == posting.c.utility_id)
                & (booked.c.entry_id == posting.c.entry_id),
            )
            .join(
                opening,
                (opening.c.utility_id == open_item.c.utility_id)
                & (opening.c.entry_id == open_item.c.opened_by_entry_id),
            )
            .outerjoin(covered, covered.c.principal_item_id == open_item.c.open_item_id)
            .where(
                open_item.c.utility_id == u,
                open_item.c.kind == OpenItemKind.PRINCIPAL.value,
                open_item.c.due_date < on,
                booked.c.booking_date < on,
            )
            .group_by(
                open_item.c.open_item_id,
                open_item.c.customer_id,
                open_item.c.due_date,
                open_item.c.reference,
                opening.c.booking_date,
                covered.c.covered_until,
            )
            .having(
                or_(
                    residual > 0,
                    func.max(booked.c.booking_date)
                    > func.coalesce(covered.c.covered_until, open_item.c.due_date),
                )
            )
            .order_by(open_item.c.open_item_id)
        )
        if claim_ids is not None:
            query = query.where(open_item.c.open_item_id.in_(sorted(set(claim_ids))))
        return [
            OverdueClaim(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5])
            for r in self._db.execute(query)
        ]

    def record(self, rows: Sequence[ChargeRow], created_at: datetime) -> None:
        if not rows:
            return
        self._db.execute(
            insert(interest_charge),
            [
                {
                    "utility_id": self._utility_id,
                    "principal_item_id": r.principal_item_id,
                    "from_date": r.from_date,
                    "to_date": r.to_date,
                    "interest_item_id": r.interest_item_id,
                    "principal_ore": r.principal.ore,
                    "days": r.days,
                    "rate_percent": r.rate_percent,
                    "day_count": r.day_count,
                    "clause": r.clause,
                    "booked_on": r.booked_on,
                    "created_at": created_at,
                }
                for r in rows
            ],
        )

    def of_interest_item(self, interest_item_id: int) -> list[ChargeRow]:
        """The basis of one interest open item, part by part."""
        found = self._db.execute(
            select(interest_charge)
            .where(
                interest_charge.c.utility_id == self._utility_id,
                interest_charge.c.interest_item_id == interest_item_id,
            )
            .order_by(interest_charge.c.from_date)
        )
        return [
            ChargeRow(
                r.principal_item_id,
                r.from_date,
                r.to_date,
                r.interest_item_id,
                Money(int(r.principal_ore)),
                r.days,
                r.rate_percent,
                r.day_count,
                r.clause,
                r.booked_on,
            )
            for r in found
        ]


def _chunks(values: Sequence[int], size: int) -> list[Sequence[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
