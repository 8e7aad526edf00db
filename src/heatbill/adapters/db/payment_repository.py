"""Payments in the database: files, payments, assignments and mandate events (append-only).

Set-based: a file's payments go in as tuples in one bulk insert (COPY on PostgreSQL, raw
executemany on SQLite); the lookups matching needs (which customer an open item belongs to,
which customer numbers exist, which payments a charge-back may take back) are one query per
chunk of ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select

from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.payment_tables import (
    mandate_event,
    payment,
    payment_assignment,
    payment_file,
)
from heatbill.adapters.db.register_tables import file_import, relationship
from heatbill.adapters.db.tables import journal_entry, open_item
from heatbill.domain.money import Money
from heatbill.domain.payments.incoming import IncomingPayment, PaymentKind, PaymentSource

CHUNK = 5000
_PAYMENT_COLUMNS = (
    "utility_id", "payment_id", "import_id", "line", "source", "kind", "amount_ore", "paid_on",
    "booked_on", "reference", "bs_customer", "payer", "external_ref", "customer_id", "matched_by",
    "why_unmatched", "entry_id", "charges_back_payment_id",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredPayment:
    payment_id: int
    import_id: int
    line: int
    source: PaymentSource
    kind: PaymentKind
    amount: Money
    paid_on: date
    booked_on: date
    reference: str | None
    bs_customer: int | None
    payer: str | None
    customer_id: int | None
    matched_by: str | None
    why_unmatched: str | None
    entry_id: int | None
    file_name: str


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """A payment as written: the incoming payment, whom it matched, and its entry."""

    payment_id: int
    payment: IncomingPayment
    customer_id: int | None
    matched_by: str | None
    why_unmatched: str | None
    entry_id: int | None
    charges_back_payment_id: int | None = None


class SqlPayments:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    # --- files --------------------------------------------------------------------------
    def find_delivery(
        self, source: PaymentSource, delivery_key: str
    ) -> tuple[int, str, datetime] | None:
        row = self._db.execute(
            select(file_import.c.import_id, file_import.c.file_name, file_import.c.imported_at)
            .join(
                payment_file,
                and_(
                    payment_file.c.utility_id == file_import.c.utility_id,
                    payment_file.c.import_id == file_import.c.import_id,
                ),
            )
            .where(
                payment_file.c.utility_id == self._u,
                payment_file.c.source == source.value,
                payment_file.c.delivery_key == delivery_key,
            )
        ).one_or_none()
        return None if row is None else (int(row.import_id), row.file_name, row.imported_at)

    def add_file(
        self,
        import_id: int,
        source: PaymentSource,
        delivery_key: str,
        *,
        created_on: date,
        count: int,
        paid: Money,
    ) -> None:
        self._db.execute(
            insert(payment_file).values(
                utility_id=self._u,
                import_id=import_id,
                source=source.value,
                delivery_key=delivery_key,
                created_on=created_on,
                payment_count=count,
                paid_ore=paid.ore,
            )
        )

    def add_payments(self, import_id: int, rows: Sequence[PaymentRow]) -> None:
        """A file's payments as plain tuples in one bulk insert (COPY on PostgreSQL)."""
        if not rows:
            return
        u = self._u
        insert_rows(
            self._db,
            payment,
            _PAYMENT_COLUMNS,
            (
                (u, r.payment_id, import_id, p.line, p.source.value, p.kind.value, p.amount.ore,
                 p.paid_on, p.booked_on, p.payment_id, p.bs_customer, p.payer, p.external_ref,
                 r.customer_id, r.matched_by, r.why_unmatched, r.entry_id,
                 r.charges_back_payment_id)
                for r in rows
                for p in (r.payment,)
            ),
        )  # fmt: skip

    # --- lookups for matching ------------------------------------------------------------
    def customers_of_items(self, item_ids: Iterable[int]) -> dict[int, int]:
        """Open item id → its customer, for the items that exist."""
        found: dict[int, int] = {}
        for chunk in _chunks(sorted(set(item_ids))):
            rows = self._db.execute(
                select(open_item.c.open_item_id, open_item.c.customer_id).where(
                    open_item.c.utility_id == self._u,
                    among(self._db, open_item.c.open_item_id, chunk),
                )
            )
            found.update({int(i): int(c) for i, c in rows})
        return found

    def existing_customers(self, customer_ids: Iterable[int]) -> set[int]:
        found: set[int] = set()
        for chunk in _chunks(sorted(set(customer_ids))):
            rows = self._db.execute(
                select(relationship.c.relationship_id).where(
                    relationship.c.utility_id == self._u,
                    among(self._db, relationship.c.relationship_id, chunk),
                )
            )
            found.update(int(r) for (r,) in rows)
        return found

    def reversible_payments(self, customer_ids: Iterable[int]) -> list[StoredPayment]:
        """The customers' booked Betalingsservice payments not yet charged back or reversed
        (the candidates a charge-back takes back), oldest first."""
        reversed_entries = select(journal_entry.c.reverses_entry_id).where(
            journal_entry.c.utility_id == self._u,
            journal_entry.c.reverses_entry_id.is_not(None),
        )
        found: list[StoredPayment] = []
        for chunk in _chunks(sorted(set(customer_ids))):
            found += self._select(
                payment.c.customer_id.in_(chunk),
                payment.c.kind == PaymentKind.PAYMENT.value,
                payment.c.source == PaymentSource.BETALINGSSERVICE.value,
                payment.c.entry_id.is_not(None),
                payment.c.entry_id.not_in(reversed_entries),
            )
        return found

    # --- the clarification list ----------------------------------------------------------
    def unmatched(self) -> list[StoredPayment]:
        """Payments that matched nothing and are not assigned yet, oldest first."""
        assigned = select(payment_assignment.c.payment_id).where(
            payment_assignment.c.utility_id == self._u
        )
        return self._select(
            payment.c.customer_id.is_(None),
            payment.c.kind != PaymentKind.NOT_PAID.value,
            payment.c.payment_id.not_in(assigned),
        )

    def get(self, payment_id: int) -> StoredPayment | None:
        found = self._select(payment.c.payment_id == payment_id)
        return found[0] if found else None

    def of_customer(self, customer_id: int) -> list[StoredPayment]:
        assigned = select(payment_assignment.c.payment_id).where(
            payment_assignment.c.utility_id == self._u,
            payment_assignment.c.customer_id == customer_id,
        )
        return self._select(
            (payment.c.customer_id == customer_id) | payment.c.payment_id.in_(assigned)
        )

    def assignment_of(self, payment_id: int) -> tuple[int, str, str, datetime] | None:
        row = self._db.execute(
            select(payment_assignment).where(
                payment_assignment.c.utility_id == self._u,
                payment_assignment.c.payment_id == payment_id,
            )
        ).one_or_none()
        if row is None:
            return None
        return int(row.customer_id), row.reason, row.assigned_by, row.assigned_at

    def add_assignment(
        self,
        payment_id: int,
        customer_id: int,
        *,
        entry_id: int,
        reason: str,
        by: str,
        at: datetime,
    ) -> None:
        self._db.execute(
            insert(payment_assignment).values(
                utility_id=self._u,
                payment_id=payment_id,
                customer_id=customer_id,
                entry_id=entry_id,
                reason=reason,
                assigned_by=by,
                assigned_at=at,
            )
        )

    def _select(self, *where: Any) -> list[StoredPayment]:
        rows = self._db.execute(
            select(payment, file_import.c.file_name)
            .join(
                file_import,
                and_(
                    file_import.c.utility_id == payment.c.utility_id,
                    file_import.c.import_id == payment.c.import_id,
                ),
            )
            .where(payment.c.utility_id == self._u, *where)
            .order_by(payment.c.booked_on, payment.c.payment_id)
        )
        return [_stored(r) for r in rows]

    # --- mandates ------------------------------------------------------------------------
    def add_mandate_events(
        self,
        events: Sequence[tuple[int, int, str, date, str | None]],
        import_id: int | None,
        at: datetime,
    ) -> None:
        """(mandate number, customer, event, date, reason) appended after each mandate's
        newest event."""
        if not events:
            return
        numbers = sorted({e[0] for e in events})
        last: dict[int, int] = {}
        for chunk in _chunks(numbers):
            rows = self._db.execute(
                select(mandate_event.c.mandate_number, func.max(mandate_event.c.event_no))
                .where(
                    mandate_event.c.utility_id == self._u,
                    mandate_event.c.mandate_number.in_(chunk),
                )
                .group_by(mandate_event.c.mandate_number)
            )
            last.update({int(n): int(e) for n, e in rows})
        values = []
        for number, customer, event, on, reason in events:
            last[number] = last.get(number, 0) + 1
            values.append(
                {
                    "utility_id": self._u,
                    "mandate_number": number,
                    "event_no": last[number],
                    "customer_id": customer,
                    "event": event,
                    "on_date": on,
                    "import_id": import_id,
                    "reason": reason,
                    "recorded_at": at,
                }
            )
        self._db.execute(insert(mandate_event), values)

    def mandates(
        self, customer_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[int, str, date]]:
        """Each mandate's newest event: mandate number → (customer, event, date)."""
        newest = (
            select(
                mandate_event.c.mandate_number,
                func.max(mandate_event.c.event_no).label("event_no"),
            )
            .where(mandate_event.c.utility_id == self._u)
            .group_by(mandate_event.c.mandate_number)
            .subquery()
        )
        query = (
            select(mandate_event)
            .join(
                newest,
                and_(
                    mandate_event.c.mandate_number == newest.c.mandate_number,
                    mandate_event.c.event_no == newest.c.event_no,
                ),
            )
            .where(mandate_event.c.utility_id == self._u)
        )
        if customer_ids is not None:
            query = query.where(mandate_event.c.customer_id.in_(sorted(set(customer_ids))))
        return {
            int(r.mandate_number): (int(r.customer_id), r.event, r.on_date)
            for r in self._db.execute(query)
        }


def _stored(r: Any) -> StoredPayment:
    return StoredPayment(
        payment_id=int(r.payment_id),
        import_id=int(r.import_id),
        line=int(r.line),
        source=PaymentSource(r.source),
        kind=PaymentKind(r.kind),
        amount=Money(int(r.amount_ore)),
        paid_on=r.paid_on,
        booked_on=r.booked_on,
        reference=r.reference,
        bs_customer=None if r.bs_customer is None else int(r.bs_customer),
        payer=r.payer,
        customer_id=None if r.customer_id is None else int(r.customer_id),
        matched_by=r.matched_by,
        why_unmatched=r.why_unmatched,
        entry_id=None if r.entry_id is None else int(r.entry_id),
        file_name=r.file_name,
    )


def _chunks(values: Sequence[int]) -> list[Sequence[int]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]
