"""Budgets in the database: one revision per re-set, installments with their dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, insert, or_, select

from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.billing_tables import budget, budget_installment
from heatbill.adapters.db.register_tables import relationship
from heatbill.domain.billing.budget import Budget
from heatbill.domain.money import Money


@dataclass(frozen=True, slots=True)
class StoredInstallment:
    relationship_id: int
    year: int
    number: int
    charge_date: date
    due_date: date
    amount: Money


@dataclass(frozen=True, slots=True)
class StoredBudget:
    relationship_id: int
    year: int
    revision: int
    basis: str
    expected_mwh: Decimal
    amount: Money


class SqlBudgets:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def add(
        self,
        items: Sequence[tuple[int, Budget, int]],
        created_at: datetime,
        reason: str | None = None,
    ) -> None:
        """(relationship_id, budget, revision) rows with their installments."""
        if not items:
            return
        self._db.execute(
            insert(budget),
            [
                {
                    "utility_id": self._u,
                    "relationship_id": r,
                    "year": b.year,
                    "revision": rev,
                    "period_start": b.period.start,
                    "period_end": b.period.end,
                    "basis": b.basis.value,
                    "expected_mwh": b.expected_mwh,
                    "amount_ore": b.amount.ore,
                    "clause": str(b.clause),
                    "reason": reason,
                    "created_at": created_at,
                }
                for r, b, rev in items
            ],
        )
        self._db.execute(
            insert(budget_installment),
            [
                {
                    "utility_id": self._u,
                    "relationship_id": r,
                    "year": b.year,
                    "revision": rev,
                    "number": i.number,
                    "charge_date": i.charge_date,
                    "due_date": i.due_date,
                    "amount_ore": i.amount.ore,
                }
                for r, b, rev in items
                for i in b.installments
            ],
        )

    def latest(self, year: int) -> dict[int, StoredBudget]:
        """Each customer's newest budget revision for the heating year."""
        newest = (
            select(budget.c.relationship_id, func.max(budget.c.revision).label("revision"))
            .where(budget.c.utility_id == self._u, budget.c.year == year)
            .group_by(budget.c.relationship_id)
            .subquery()
        )
        rows = self._db.execute(
            select(budget)
            .join(
                newest,
                (budget.c.relationship_id == newest.c.relationship_id)
                & (budget.c.revision == newest.c.revision),
            )
            .where(budget.c.utility_id == self._u, budget.c.year == year)
        )
        return {
            int(r.relationship_id): StoredBudget(
                int(r.relationship_id),
                int(r.year),
                int(r.revision),
                r.basis,
                Decimal(r.expected_mwh),
                Money(int(r.amount_ore)),
            )
            for r in rows
        }

    def newcomer_without_budget(self, year: int, began_after: date, on: date) -> bool:
        """Whether a customer in force on `on` who began after `began_after` has no budget for
        the heating year: one cheap query a day before the move-in budgets' whole load."""
        r, b = relationship.c, budget.c
        has_budget = (
            select(b.relationship_id)
            .where(b.utility_id == self._u, b.relationship_id == r.relationship_id, b.year == year)
            .exists()
        )
        found = self._db.execute(
            select(r.relationship_id)
            .where(
                r.utility_id == self._u,
                r.start_on > began_after,
                r.start_on <= on,
                or_(r.end_on.is_(None), r.end_on > on),
                ~has_budget,
            )
            .limit(1)
        ).first()
        return found is not None

    def installments_charged_on(
        self, day: date, relationship_ids: Sequence[int] | None = None
    ) -> list[StoredInstallment]:
        """The installments of every customer's newest budget that are charged on `day` — of
        the customers `relationship_ids` only, when given (a batch of a run)."""
        if relationship_ids is None:
            return self._charged_on(day, None)
        found: list[StoredInstallment] = []
        unique = sorted(set(relationship_ids))
        for first in range(0, len(unique), 5000):
            found += self._charged_on(day, unique[first : first + 5000])
        return found

    def _charged_on(self, day: date, chunk: Sequence[int] | None) -> list[StoredInstallment]:
        b, bi = budget.c, budget_installment.c
        mine = [b.utility_id == self._u]
        if chunk is not None:
            mine.append(among(self._db, b.relationship_id, chunk))
        newest = (
            select(b.relationship_id, b.year, func.max(b.revision).label("revision"))
            .where(*mine)
            .group_by(b.relationship_id, b.year)
            .subquery()
        )
        rows = self._db.execute(
            select(
                bi.relationship_id, bi.year, bi.number, bi.charge_date, bi.due_date, bi.amount_ore
            )
            .join(
                newest,
                (bi.relationship_id == newest.c.relationship_id)
                & (bi.year == newest.c.year)
                & (bi.revision == newest.c.revision),
            )
            .where(bi.utility_id == self._u, bi.charge_date == day)
        )
        return [
            StoredInstallment(int(r), int(y), int(n), charged, due, Money(int(amount)))
            for r, y, n, charged, due, amount in rows
        ]
