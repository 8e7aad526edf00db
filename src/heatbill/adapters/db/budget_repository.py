"""Budgets in the database: one revision per re-set, installments with their dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, insert, select

from heatbill.adapters.db.billing_tables import budget, budget_installment
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

    def installments_charged_on(self, day: date) -> list[StoredInstallment]:
        """The installments of every customer's newest budget that are charged on `day`."""
        newest = (
            select(
                budget.c.relationship_id,
                budget.c.year,
                func.max(budget.c.revision).label("revision"),
            )
            .where(budget.c.utility_id == self._u)
            .group_by(budget.c.relationship_id, budget.c.year)
            .subquery()
        )
        rows = self._db.execute(
            select(budget_installment)
            .join(
                newest,
                (budget_installment.c.relationship_id == newest.c.relationship_id)
                & (budget_installment.c.year == newest.c.year)
                & (budget_installment.c.revision == newest.c.revision),
            )
            .where(
                budget_installment.c.utility_id == self._u, budget_installment.c.charge_date == day
            )
        )
        return [
            StoredInstallment(
                int(r.relationship_id),
                int(r.year),
                int(r.number),
                r.charge_date,
                r.due_date,
                Money(int(r.amount_ore)),
            )
            for r in rows
        ]
