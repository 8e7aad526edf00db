"""Issued bills with their booking: the journal entry and the open item each one was booked
with, and the bills that correct a bill (its credit note and its next revision)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from heatbill.adapters.db.bill_repository import SqlBills
from heatbill.adapters.db.billing_tables import bill
from heatbill.domain.billing.bill import Bill
from heatbill.domain.errors import NotFoundError
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class IssuedBill:
    bill: Bill
    entry_id: int
    """The journal entry that booked it."""
    open_item_id: int
    """Its open item: the claim (or credit) the FI payment id names."""


class SqlIssuedBills:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def get(self, bill_id: int) -> IssuedBill:
        heads = self._heads(bill.c.bill_id == bill_id)
        if not heads:
            raise NotFoundError(say("corrections.bill_not_found", bill_id=bill_id))
        return self._issued(heads)[0]

    def corrections_of(self, bill_id: int) -> list[IssuedBill]:
        """The bills that correct `bill_id` (its credit note and its next revision), oldest
        first."""
        return self._issued(self._heads(bill.c.corrects_bill_id == bill_id))

    def _heads(self, condition: Any) -> Sequence[Any]:
        columns = (bill.c.bill_id, bill.c.relationship_id, bill.c.entry_id, bill.c.open_item_id)
        return self._db.execute(
            select(*columns).where(bill.c.utility_id == self._u, condition).order_by(bill.c.bill_id)
        ).all()

    def _issued(self, heads: Sequence[Any]) -> list[IssuedBill]:
        """The bills with their lines, loaded per customer by the bill repository."""
        bills = SqlBills(self._db, self._u)
        loaded: dict[int, Bill] = {}
        for customer in sorted({int(h.relationship_id) for h in heads}):
            loaded.update((b.bill_id, b) for b in bills.of_customer(customer))
        return [
            IssuedBill(loaded[int(h.bill_id)], int(h.entry_id), int(h.open_item_id)) for h in heads
        ]
