"""External collection, write-offs, cut-offs and landlords in the database (issue 6, 7–9):
the append-only rows of `external_collection_tables`, and the register facts the closing
letters need (a customer's role and property, the property's owners on a day) — set-based."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, and_, func, insert, or_, select

from heatbill.adapters.db.external_collection_tables import (
    agency_file,
    agency_payment,
    cut_off,
    rental_property,
    write_off,
)
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.register_tables import installation, property_, property_owner
from heatbill.adapters.db.register_tables import relationship as relationship_table
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.ledger.bad_debt import BilledVat
from heatbill.domain.money import Money
from heatbill.domain.register.relationships import Role


@dataclass(frozen=True, slots=True)
class AgencyLine:
    line_no: int
    claim_id: int
    paid_on: date
    amount: Money
    costs: Money
    entry_id: int


@dataclass(frozen=True, slots=True)
class WriteOffRow:
    write_off_id: int
    claim_id: int
    reverses_id: int | None
    on: date
    amount: Money
    entry_id: int
    reason: str
    by: str


@dataclass(frozen=True, slots=True)
class Tenancy:
    """Where a customer (relationship) is supplied, and as what."""

    customer_id: int
    role: Role
    property_id: int
    address: str


class SqlExternalCollection:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._u = utility_id
        self._ids = ids

    # --- the partner's return files -----------------------------------------------------
    def file_with_hash(self, content_hash: str) -> int | None:
        found = self._db.execute(
            select(agency_file.c.file_id).where(
                agency_file.c.utility_id == self._u, agency_file.c.content_hash == content_hash
            )
        ).scalar_one_or_none()
        return None if found is None else int(found)

    def new_file_id(self) -> int:
        return self._ids.reserve("agency_file")

    def add_file(  # noqa: PLR0917 - one file's facts
        self,
        file_id: int,
        name: str,
        content_hash: str,
        lines: Sequence[AgencyLine],
        by: str,
        at: datetime,
    ) -> None:
        total = sum((line.amount for line in lines), Money(0))
        self._db.execute(
            insert(agency_file).values(
                utility_id=self._u, file_id=file_id, file_name=name[:200],
                content_hash=content_hash, lines=len(lines), total_ore=total.ore,
                created_by=by, created_at=at,
            )
        )  # fmt: skip
        self._db.execute(
            insert(agency_payment),
            [
                {"utility_id": self._u, "file_id": file_id, "line_no": line.line_no,
                 "claim_id": line.claim_id, "paid_on": line.paid_on,
                 "amount_ore": line.amount.ore, "costs_ore": line.costs.ore,
                 "entry_id": line.entry_id}
                for line in lines
            ],
        )  # fmt: skip

    # --- write-offs -----------------------------------------------------------------------
    def add_write_off(self, row: WriteOffRow, at: datetime) -> None:
        self._db.execute(
            insert(write_off).values(
                utility_id=self._u, write_off_id=row.write_off_id, claim_id=row.claim_id,
                reverses_id=row.reverses_id, on_date=row.on, amount_ore=row.amount.ore,
                entry_id=row.entry_id, reason=row.reason[:400], created_by=row.by,
                created_at=at,
            )
        )  # fmt: skip

    def new_write_off_id(self) -> int:
        return self._ids.reserve("write_off")

    def write_offs(self, claim_id: int | None = None) -> list[WriteOffRow]:
        query = select(write_off).where(write_off.c.utility_id == self._u)
        if claim_id is not None:
            query = query.where(write_off.c.claim_id == claim_id)
        return [
            WriteOffRow(
                int(r.write_off_id), int(r.claim_id),
                None if r.reverses_id is None else int(r.reverses_id), r.on_date,
                Money(int(r.amount_ore)), int(r.entry_id), r.reason, r.created_by,
            )
            for r in self._db.execute(query.order_by(write_off.c.write_off_id))
        ]  # fmt: skip

    # --- claims ---------------------------------------------------------------------------
    def billed(self, claim_ids: Iterable[int]) -> dict[int, Money]:
        """What each claim's bill asked for: the debits on its principal item."""
        rows = self._db.execute(
            select(posting.c.open_item_id, func.sum(posting.c.amount_ore))
            .where(
                posting.c.utility_id == self._u,
                posting.c.account == Account.RECEIVABLES.value,
                posting.c.amount_ore > 0,
                posting.c.open_item_id.in_(sorted(set(claim_ids))),
            )
            .group_by(posting.c.open_item_id)
        )
        return {int(i): Money(int(a)) for i, a in rows}

    def billed_vat(self, item_ids: Iterable[int]) -> dict[int, BilledVat]:
        """Each item as its opening entry billed it: the debit on the item and the entry's
        output VAT (shared by the debits when one entry opened several items)."""
        ids = sorted(set(item_ids))
        if not ids:
            return {}
        opened = dict(
            self._db.execute(
                select(open_item.c.open_item_id, open_item.c.opened_by_entry_id).where(
                    open_item.c.utility_id == self._u, open_item.c.open_item_id.in_(ids)
                )
            ).all()
        )
        rows = self._db.execute(
            select(posting.c.entry_id, posting.c.account, posting.c.open_item_id,
                   func.sum(posting.c.amount_ore))
            .where(
                posting.c.utility_id == self._u,
                posting.c.entry_id.in_(sorted(set(opened.values()))),
                posting.c.account.in_([Account.RECEIVABLES.value, Account.VAT_PAYABLE.value]),
            )
            .group_by(posting.c.entry_id, posting.c.account, posting.c.open_item_id)
        )  # fmt: skip
        debits: dict[tuple[int, int], int] = {}
        vat: dict[int, int] = defaultdict(int)
        for entry_id, account, item_id, amount in rows:
            if account == Account.VAT_PAYABLE.value:
                vat[int(entry_id)] -= int(amount)
            elif item_id is not None and int(amount) > 0:
                debits[int(entry_id), int(item_id)] = int(amount)
        found: dict[int, BilledVat] = {}
        for item_id, entry_id in opened.items():
            mine = debits.get((int(entry_id), int(item_id)), 0)
            entry_debits = sum(a for (e, _), a in debits.items() if e == int(entry_id))
            share = vat[int(entry_id)] * mine // entry_debits if entry_debits else 0
            found[int(item_id)] = BilledVat(Money(mine), Money(share))
        return found

    def claims_of(self, customer_id: int, before: date) -> list[int]:
        """The customer's bills (principal items) booked before `before` and not paid."""
        residual = func.sum(posting.c.amount_ore)
        rows = self._db.execute(
            select(open_item.c.open_item_id)
            .join(
                journal_entry,
                and_(
                    journal_entry.c.utility_id == open_item.c.utility_id,
                    journal_entry.c.entry_id == open_item.c.opened_by_entry_id,
                ),
            )
            .join(
                posting,
                and_(
                    posting.c.utility_id == open_item.c.utility_id,
                    posting.c.open_item_id == open_item.c.open_item_id,
                ),
            )
            .where(
                open_item.c.utility_id == self._u,
                open_item.c.customer_id == customer_id,
                open_item.c.kind == OpenItemKind.PRINCIPAL.value,
                journal_entry.c.booking_date < before,
            )
            .group_by(open_item.c.open_item_id)
            .having(residual > 0)
            .order_by(open_item.c.open_item_id)
        )
        return [int(r) for (r,) in rows]

    def add_cut_off(  # noqa: PLR0917 - one cut-off's facts
        self, customer_id: int, kind: str, on: date, claims: int, by: str, at: datetime
    ) -> int:
        cut_off_id = self._ids.reserve("cut_off")
        self._db.execute(
            insert(cut_off).values(
                utility_id=self._u, cut_off_id=cut_off_id, customer_id=customer_id, kind=kind,
                on_date=on, claims=claims, created_by=by, created_at=at,
            )
        )  # fmt: skip
        return cut_off_id

    # --- tenants and landlords ------------------------------------------------------------
    def tenancies(self, customer_ids: Iterable[int]) -> dict[int, Tenancy]:
        r, i, p = relationship_table, installation, property_
        rows = self._db.execute(
            select(r.c.relationship_id, r.c.role, p.c.property_id, p.c.address)
            .join(i, and_(i.c.utility_id == r.c.utility_id,
                          i.c.installation_id == r.c.installation_id))
            .join(p, and_(p.c.utility_id == i.c.utility_id, p.c.property_id == i.c.property_id))
            .where(r.c.utility_id == self._u, r.c.relationship_id.in_(sorted(set(customer_ids))))
        )  # fmt: skip
        return {
            int(row.relationship_id): Tenancy(
                int(row.relationship_id), Role(row.role), int(row.property_id), row.address
            )
            for row in rows
        }

    def owners(self, property_ids: Iterable[int], on: date) -> dict[int, list[int]]:
        o = property_owner
        rows = self._db.execute(
            select(o.c.property_id, o.c.party_id)
            .where(
                o.c.utility_id == self._u,
                o.c.property_id.in_(sorted(set(property_ids))),
                o.c.start_on <= on,
                or_(o.c.end_on.is_(None), o.c.end_on > on),
            )
            .order_by(o.c.property_id, o.c.party_id)
        )
        found: dict[int, list[int]] = defaultdict(list)
        for property_id, party_id in rows:
            found[int(property_id)].append(int(party_id))
        return found

    def rental_properties(self, property_ids: Iterable[int], on: date) -> set[int]:
        rows = self._db.execute(
            select(rental_property.c.property_id).where(
                rental_property.c.utility_id == self._u,
                rental_property.c.property_id.in_(sorted(set(property_ids))),
                rental_property.c.since_on <= on,
            )
        )
        return {int(r) for (r,) in rows}

    def mark_rental(self, property_id: int, since: date, by: str, at: datetime) -> None:
        self._db.execute(
            insert(rental_property).values(
                utility_id=self._u, property_id=property_id, since_on=since, created_by=by,
                created_at=at,
            )
        )  # fmt: skip
