"""Read models for the staff screens: search, the arrears list, a customer's claims.

Each is one or two queries however large the utility, and pages through its rows (LIMIT and
OFFSET), so a screen answers as fast with a million installations as with a hundred.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    cast,
    func,
    or_,
    select,
    text,
    union,
)

from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.billing_tables import budget
from heatbill.adapters.db.collection_tables import claim_step
from heatbill.adapters.db.register_tables import (
    customers_with_places,
    installation,
    meter,
    party,
    property_,
    relationship,
)
from heatbill.adapters.db.tables import open_item, open_item_residual
from heatbill.domain.ledger import OpenItemKind
from heatbill.domain.money import Money


@dataclass(frozen=True, slots=True)
class Hit:
    installation_number: str
    address: str
    customer_id: int
    party_id: int
    name: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ArrearsLine:
    customer_id: int
    name: str
    installation_number: str
    address: str
    ended_on: date | None
    overdue: Money
    by_age: tuple[Money, Money, Money, Money]
    """0–30, 31–60, 61–90 and over 90 days past due."""
    oldest_due: date
    claims: int


@dataclass(frozen=True, slots=True)
class Ranked:
    """A customer's overdue sums, as the arrears list ranks them (before names are added)."""

    customer_id: int
    overdue: Money
    by_age: tuple[Money, Money, Money, Money]
    oldest_due: date
    claims: int


OverdueRow = tuple[int, int, int, int, int, int, date, int]
"""customer, overdue, the four age buckets (øre), oldest due date, claims: one ranked row."""


def ranked(row: Sequence[Any]) -> Ranked:
    customer, overdue, b0, b1, b2, b3, oldest, claims = row[:8]
    ages = (Money(int(b0)), Money(int(b1)), Money(int(b2)), Money(int(b3)))
    return Ranked(int(customer), Money(int(overdue)), ages, oldest, int(claims))


@dataclass(frozen=True, slots=True)
class ArrearsFilter:
    min_days: int = 1
    """Only items at least this many days past due."""
    min_ore: int = 0
    """Only customers owing at least this much overdue."""
    former: bool | None = None
    """True: only ended relationships (old debt); False: only current; None: both."""
    page: int = 1
    size: int = 50


class ScreenQueries:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._c = connection
        self._u = utility_id

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        """Installation number (exact), name, address or phone (contains), newest first."""
        needle = f"%{text.strip().lower()}%"
        digits = "".join(ch for ch in text if ch.isdigit())
        found = or_(
            installation.c.number == text.strip(),
            func.lower(party.c.name).like(needle),
            func.lower(property_.c.address).like(needle),
            func.lower(property_.c.city).like(needle),
        )
        if len(digits) >= 6:
            found = or_(found, party.c.mobile.like(f"%{digits}%"))
        return self._hits(found, limit)

    def by_parties(self, party_ids: list[int], limit: int = 50) -> list[Hit]:
        if not party_ids:
            return []
        return self._hits(among(self._c, party.c.party_id, party_ids), limit)

    def _hits(self, condition: object, limit: int) -> list[Hit]:
        query = (
            select(
                installation.c.number,
                property_.c.address,
                property_.c.postcode,
                property_.c.city,
                relationship.c.relationship_id,
                party.c.party_id,
                party.c.name,
                relationship.c.start_on,
                relationship.c.end_on,
            )
            .select_from(customers_with_places())
            .where(relationship.c.utility_id == self._u, condition)  # type: ignore[arg-type]
            .order_by(relationship.c.end_on.is_not(None), relationship.c.start_on.desc())
            .limit(limit)
        )
        return [
            Hit(
                r.number,
                f"{r.address}, {r.postcode} {r.city}",
                int(r.relationship_id),
                int(r.party_id),
                r.name,
                r.start_on,
                r.end_on,
            )
            for r in self._c.execute(query)
        ]

    def arrears(self, on: date, wanted: ArrearsFilter) -> tuple[list[ArrearsLine], int]:
        """Customers with principal, fees or interest past due on `on`, most owed first (the
        page `wanted` asks for); and how many customers match in all."""
        page = max(wanted.page, 1)
        ranked, total = self.arrears_ranked(on, wanted, wanted.size, (page - 1) * wanted.size)
        if not ranked and page > 1:
            total = self.arrears_ranked(on, wanted, 1, 0)[1]
        return self.arrears_lines(ranked), total

    def arrears_ranked(
        self, on: date, wanted: ArrearsFilter, limit: int, offset: int
    ) -> tuple[list[Ranked], int]:
        """The matching customers' overdue sums, most owed first, rows `offset` to `offset +
        limit`; and how many match in all (0 when the slice is empty).

        The overdue items are summed per customer from the kept residuals' unsettled index
        alone (it covers customer, kind and residual); the count rides along as a window over
        the same sums. Former or current customers are told apart by the few ended
        relationships (their partial index, migration 0019), not by a lookup per customer."""
        conditions = []
        if wanted.former is not None:
            ended = self._ended_on(on)
            customer = open_item_residual.c.customer_id
            conditions.append(customer.in_(ended) if wanted.former else customer.not_in(ended))
        query = (
            self._overdue_sums(on, wanted.min_days, max(wanted.min_ore, 1), conditions)
            .add_columns(func.count().over().label("total"))
            .limit(limit)
            .offset(offset)
        )
        self._room_to_sort()
        rows = self._c.execute(query).all()
        return [ranked(row) for row in rows], int(rows[0].total) if rows else 0

    def arrears_sums(self, on: date, min_days: int) -> list[OverdueRow]:
        """Every customer with at least `min_days` days overdue on `on`, most owed first, as
        plain rows (a web worker keeps them: `services.arrears_list`)."""
        self._room_to_sort()
        result = self._c.execute(self._overdue_sums(on, min_days, 1, []))
        return [
            (c, overdue, b0, b1, b2, b3, oldest, claims)
            for c, overdue, b0, b1, b2, b3, oldest, claims in result
        ]

    def ended_customers(self, on: date) -> frozenset[int]:
        """The customer relationships ended on or before `on` (former customers)."""
        return frozenset(int(x) for x in self._c.execute(self._ended_on(on)).scalars())

    def _room_to_sort(self) -> None:
        if self._c.dialect.name == "postgresql":
            # The sort and the window hold every overdue customer (50 000 at a million
            # installations): in memory, not spilled to temporary files; this transaction only.
            self._c.execute(text("SET LOCAL work_mem = '32MB'"))

    def _ended_on(self, on: date) -> Select[Any]:
        rel = relationship.c
        return select(rel.relationship_id).where(
            rel.utility_id == self._u, rel.end_on.is_not(None), rel.end_on <= on
        )

    def _overdue_sums(
        self, on: date, min_days: int, min_ore: int, conditions: Sequence[ColumnElement[bool]]
    ) -> Select[Any]:
        r = open_item_residual.c
        cutoff = date.fromordinal(on.toordinal() - max(min_days, 1) + 1)
        # Days past due `on - due_date` in 0-30, 31-60, 61-90, over 90: compared as dates
        # (due on or after the day 30, 60, 90 days back), no arithmetic per row.
        since = [on - timedelta(days=d) for d in (30, 60, 90)]
        buckets = [
            r.due_date >= since[0],
            and_(r.due_date < since[0], r.due_date >= since[1]),
            and_(r.due_date < since[1], r.due_date >= since[2]),
            r.due_date < since[2],
        ]
        overdue = func.sum(r.residual_ore)
        return (
            select(
                r.customer_id,
                cast(overdue, BigInteger).label("overdue"),
                *[
                    cast(func.sum(case((b, r.residual_ore), else_=0)), BigInteger).label(f"b{n}")
                    for n, b in enumerate(buckets)
                ],
                func.min(r.due_date).label("oldest"),
                cast(
                    func.sum(case((r.kind == OpenItemKind.PRINCIPAL.value, 1), else_=0)),
                    BigInteger,
                ).label("claims"),
            )
            .where(
                r.utility_id == self._u,
                r.residual_ore != 0,
                r.residual_ore > 0,
                r.due_date < cutoff,
                *conditions,
            )
            .group_by(r.customer_id)
            .having(overdue >= min_ore)
            .order_by(overdue.desc(), r.customer_id)
        )

    def arrears_lines(self, ranked: list[Ranked]) -> list[ArrearsLine]:
        """The ranked customers with their names and addresses, in the same order."""
        if not ranked:
            return []
        rel = relationship.c
        rows = self._c.execute(
            select(
                rel.relationship_id,
                party.c.name,
                installation.c.number,
                property_.c.address,
                property_.c.postcode,
                property_.c.city,
                rel.end_on,
            )
            .select_from(customers_with_places())
            .where(
                rel.utility_id == self._u,
                rel.relationship_id.in_([x.customer_id for x in ranked]),
            )
        ).all()
        named = {int(row.relationship_id): row for row in rows}
        lines = []
        for x in ranked:
            row = named[x.customer_id]
            lines.append(
                ArrearsLine(
                    x.customer_id,
                    row.name,
                    row.number,
                    f"{row.address}, {row.postcode} {row.city}",
                    row.end_on,
                    x.overdue,
                    x.by_age,
                    x.oldest_due,
                    x.claims,
                )
            )
        return lines

    def claims_of(self, customer_ids: list[int], on: date) -> list[int]:
        """The customers' claims in collection: principal items overdue and unpaid on `on`,
        and every item that has taken a collection step (closed and paid ones too)."""
        if not customer_ids:
            return []
        r, o = open_item_residual.c, open_item.c
        overdue = (
            select(o.open_item_id)
            .select_from(open_item)
            .join(
                open_item_residual,
                and_(o.utility_id == r.utility_id, o.open_item_id == r.open_item_id),
            )
            .where(
                o.utility_id == self._u,
                among(self._c, o.customer_id, customer_ids),
                o.kind == OpenItemKind.PRINCIPAL.value,
                r.residual_ore > 0,
                r.due_date < on,
            )
        )
        stepped = (
            select(claim_step.c.claim_id)
            .join(
                open_item,
                and_(
                    o.utility_id == claim_step.c.utility_id, o.open_item_id == claim_step.c.claim_id
                ),
            )
            .where(claim_step.c.utility_id == self._u, among(self._c, o.customer_id, customer_ids))
        )
        return sorted({int(x) for x in self._c.execute(union(overdue, stepped)).scalars()})

    def places(self, installation_ids: set[int]) -> dict[int, tuple[str, str, str]]:
        """installation id → (number, address, the serial of the meter in service)."""
        if not installation_ids:
            return {}
        ids = sorted(installation_ids)
        rows = self._c.execute(
            select(
                installation.c.installation_id,
                installation.c.number,
                property_.c.address,
                property_.c.postcode,
                property_.c.city,
            )
            .join(
                property_,
                and_(
                    property_.c.utility_id == installation.c.utility_id,
                    property_.c.property_id == installation.c.property_id,
                ),
            )
            .where(
                installation.c.utility_id == self._u,
                among(self._c, installation.c.installation_id, ids),
            )
        ).all()
        meters = self._c.execute(
            select(meter.c.installation_id, meter.c.serial).where(
                meter.c.utility_id == self._u,
                among(self._c, meter.c.installation_id, ids),
                meter.c.removed_on.is_(None),
            )
        ).all()
        serial = {int(m.installation_id): m.serial for m in meters}
        return {
            int(r.installation_id): (
                r.number,
                f"{r.address}, {r.postcode} {r.city}",
                serial.get(int(r.installation_id), ""),
            )
            for r in rows
        }

    def budget_use(self, customer_ids: list[int]) -> dict[int, Decimal]:
        """Year → the expected use of the newest budget of any of the customers that year."""
        if not customer_ids:
            return {}
        rows = self._c.execute(
            select(
                budget.c.year,
                budget.c.revision,
                budget.c.expected_mwh,
                budget.c.period_start,
                budget.c.period_end,
            )
            .where(
                budget.c.utility_id == self._u,
                among(self._c, budget.c.relationship_id, customer_ids),
            )
            .order_by(budget.c.year, budget.c.period_start, budget.c.revision)
        ).all()
        found: dict[int, Decimal] = {}
        for r in rows:
            whole = r.period_start == date(r.year, 1, 1) and r.period_end == date(r.year + 1, 1, 1)
            if whole or int(r.year) not in found:
                found[int(r.year)] = Decimal(r.expected_mwh)
        return found
