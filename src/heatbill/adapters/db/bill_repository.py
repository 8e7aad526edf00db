"""Bills in the database: written once with their lines, found by their natural key."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, select

from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.billing_tables import bill, bill_line
from heatbill.adapters.db.bulk import insert_rows
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money

_BILL_COLUMNS = tuple(c.name for c in bill.columns)
_LINE_COLUMNS = tuple(c.name for c in bill_line.columns)

BillKey = tuple[int, str, date, date, int]
"""(installation, kind, period start, period end, revision): one bill, ever."""


def key_of(item: Bill) -> BillKey:
    return (
        item.installation_id,
        item.kind.value,
        item.period_start,
        item.period_end,
        item.revision,
    )


class SqlBills:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def existing(self, keys: Sequence[BillKey]) -> dict[BillKey, int]:
        """Which of these bills exist already (their ids): per kind, period and revision, the
        installations in chunks — the unique index's own order, so each chunk is one range
        scan (a run asks this for a million bills)."""
        found: dict[BillKey, int] = {}
        groups: dict[tuple[str, date, date, int], list[int]] = {}
        for installation_id, kind, start, end, revision in set(keys):
            groups.setdefault((kind, start, end, revision), []).append(installation_id)
        for (kind, start, end, revision), installations in sorted(groups.items()):
            installations.sort()
            for first in range(0, len(installations), 5000):
                rows = self._db.execute(
                    select(bill.c.installation_id, bill.c.bill_id).where(
                        bill.c.utility_id == self._u,
                        among(
                            self._db, bill.c.installation_id, installations[first : first + 5000]
                        ),
                        bill.c.kind == kind,
                        bill.c.period_start == start,
                        bill.c.period_end == end,
                        bill.c.revision == revision,
                    )
                )
                for installation_id, bill_id in rows:
                    found[(int(installation_id), kind, start, end, revision)] = int(bill_id)
        return found

    def add(
        self,
        items: Sequence[tuple[Bill, int, int]],
        created_at: datetime,
        run_id: int | None = None,
    ) -> None:
        """Write bills with the ids of the journal entry and open item that booked them (as
        plain tuples: COPY on PostgreSQL, raw executemany on SQLite, `bulk`)."""
        if not items:
            return
        u = self._u
        insert_rows(
            self._db,
            bill,
            _BILL_COLUMNS,
            (
                (u, b.bill_id, b.number, b.kind.value, b.customer_id, b.installation_id,
                 b.period_start, b.period_end, b.revision, b.issue_date, b.due_date, b.net.ore,
                 b.vat.ore, entry_id, item_id, b.corrects_bill_id, run_id, created_at)
                for b, entry_id, item_id in items
            ),
        )  # fmt: skip
        insert_rows(
            self._db,
            bill_line,
            _LINE_COLUMNS,
            (
                (u, b.bill_id, n, line.text, line.account.value, line.amount.ore, line.vat.ore,
                 line.clause, line.quantity, line.unit, line.rate)
                for b, _, _ in items
                for n, line in enumerate(b.lines, start=1)
            ),
        )  # fmt: skip

    def customers_with(self, kind: BillKind, relationship_ids: Sequence[int]) -> set[int]:
        """Which of these customers have a bill of `kind` already."""
        found: set[int] = set()
        unique = sorted(set(relationship_ids))
        for first in range(0, len(unique), 500):
            found.update(
                int(r)
                for r in self._db.execute(
                    select(bill.c.relationship_id).where(
                        bill.c.utility_id == self._u,
                        bill.c.kind == kind.value,
                        bill.c.relationship_id.in_(unique[first : first + 500]),
                    )
                ).scalars()
            )
        return found

    def of_customer(self, relationship_id: int) -> list[Bill]:
        heads = self._db.execute(
            select(bill)
            .where(bill.c.utility_id == self._u, bill.c.relationship_id == relationship_id)
            .order_by(bill.c.issue_date, bill.c.bill_id)
        ).all()
        return self._with_lines(heads)

    def billed(
        self, relationship_ids: Sequence[int], kind: BillKind, start: date, end: date
    ) -> dict[int, tuple[Money, Money]]:
        """Per customer: (net, VAT) of the bills of `kind` issued in [start, end)."""
        totals: dict[int, tuple[Money, Money]] = {}
        unique = sorted(set(relationship_ids))
        for first in range(0, len(unique), 5000):
            rows = self._db.execute(
                select(bill.c.relationship_id, func.sum(bill.c.net_ore), func.sum(bill.c.vat_ore))
                .where(
                    bill.c.utility_id == self._u,
                    bill.c.kind == kind.value,
                    bill.c.issue_date >= start,
                    bill.c.issue_date < end,
                    among(self._db, bill.c.relationship_id, unique[first : first + 5000]),
                )
                .group_by(bill.c.relationship_id)
            )
            for customer, net, vat in rows:
                totals[int(customer)] = (Money(int(net)), Money(int(vat)))
        return totals

    def _with_lines(self, heads: Sequence[Any]) -> list[Bill]:
        if not heads:
            return []
        ids = [int(h.bill_id) for h in heads]
        lines: dict[int, list[BillLine]] = {i: [] for i in ids}
        for r in self._db.execute(
            select(bill_line)
            .where(bill_line.c.utility_id == self._u, bill_line.c.bill_id.in_(ids))
            .order_by(bill_line.c.bill_id, bill_line.c.line_no)
        ):
            lines[int(r.bill_id)].append(
                BillLine(
                    r.text,
                    Money(int(r.amount_ore)),
                    Money(int(r.vat_ore)),
                    Account(r.account),
                    r.clause,
                    None if r.quantity is None else Decimal(r.quantity),
                    r.unit,
                    None if r.rate is None else Decimal(r.rate),
                )
            )
        return [
            Bill(
                int(h.bill_id),
                h.number,
                BillKind(h.kind),
                int(h.relationship_id),
                int(h.installation_id),
                h.period_start,
                h.period_end,
                h.issue_date,
                h.due_date,
                tuple(lines[int(h.bill_id)]),
                int(h.revision),
                h.corrects_bill_id,
            )
            for h in heads
        ]
