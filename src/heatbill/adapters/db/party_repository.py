"""Parties in the database: CPR sealed by the vault, found by its keyed lookup hash."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from heatbill.adapters.cpr_vault import CprVault
from heatbill.adapters.db.register_tables import party, property_owner
from heatbill.domain.errors import NotFoundError
from heatbill.domain.register.parties import Contact, Cpr, Party, PartyKind


class SqlParties:
    def __init__(self, connection: Connection, utility_id: int, vault: CprVault) -> None:
        self._db = connection
        self._u = utility_id
        self._vault = vault

    def add_many(self, parties: Sequence[Party], created_at: datetime) -> None:
        if not parties:
            return
        rows = [
            {
                "utility_id": self._u,
                "party_id": p.party_id,
                "kind": p.kind.value,
                "name": p.name,
                "cpr_sealed": None if p.cpr is None else self._vault.seal(p.cpr),
                "cpr_lookup": None if p.cpr is None else self._vault.lookup(p.cpr),
                "cvr": p.cvr,
                "ean": p.ean,
                "email": p.contact.email,
                "mobile": p.contact.mobile,
                "digital_post": p.contact.digital_post,
                "digital_post_exempt": p.contact.digital_post_exempt,
                "created_at": created_at,
            }
            for p in parties
        ]
        self._db.execute(insert(party), rows)

    def get(self, party_id: int) -> Party:
        found = self.get_many([party_id])
        if party_id not in found:
            raise NotFoundError(f"part {party_id} findes ikke")
        return found[party_id]

    def get_many(self, party_ids: Sequence[int]) -> dict[int, Party]:
        rows = self._db.execute(
            select(party).where(party.c.utility_id == self._u, party.c.party_id.in_(party_ids))
        )
        return {int(r.party_id): self._party(r) for r in rows}

    def all(self) -> dict[int, Party]:
        """Every party of the utility in one query (read models over the whole register)."""
        rows = self._db.execute(select(party).where(party.c.utility_id == self._u))
        return {int(r.party_id): self._party(r) for r in rows}

    def find_by_cpr(self, cpr: Cpr) -> list[Party]:
        """Exact match only: the lookup hash of the whole number (no partial CPR search)."""
        rows = self._db.execute(
            select(party).where(
                party.c.utility_id == self._u, party.c.cpr_lookup == self._vault.lookup(cpr)
            )
        )
        return [self._party(r) for r in rows]

    def find_by_cvr(self, cvr: str) -> list[Party]:
        rows = self._db.execute(
            select(party).where(party.c.utility_id == self._u, party.c.cvr == cvr)
        )
        return [self._party(r) for r in rows]

    def update_contact(self, party_id: int, contact: Contact) -> None:
        self._db.execute(
            update(party)
            .where(party.c.utility_id == self._u, party.c.party_id == party_id)
            .values(
                email=contact.email,
                mobile=contact.mobile,
                digital_post=contact.digital_post,
                digital_post_exempt=contact.digital_post_exempt,
            )
        )

    # --- ownership ----------------------------------------------------------------------
    def add_owners(self, owners: Sequence[tuple[int, int, date]]) -> None:
        """(property_id, party_id, start_on) rows: who owns a property from when."""
        if owners:
            self._db.execute(
                insert(property_owner),
                [
                    {"utility_id": self._u, "property_id": p, "party_id": o, "start_on": s}
                    for p, o, s in owners
                ],
            )

    def owners_on(self, property_id: int, day: date) -> list[int]:
        rows = self._db.execute(
            select(property_owner.c.party_id).where(
                property_owner.c.utility_id == self._u,
                property_owner.c.property_id == property_id,
                property_owner.c.start_on <= day,
                or_(property_owner.c.end_on.is_(None), property_owner.c.end_on > day),
            )
        )
        return [int(r.party_id) for r in rows]

    def end_ownership(self, property_id: int, party_id: int, end_on: date) -> None:
        self._db.execute(
            update(property_owner)
            .where(
                and_(
                    property_owner.c.utility_id == self._u,
                    property_owner.c.property_id == property_id,
                    property_owner.c.party_id == party_id,
                    property_owner.c.end_on.is_(None),
                )
            )
            .values(end_on=end_on)
        )

    def _party(self, row: Any) -> Party:
        return Party(
            party_id=int(row.party_id),
            kind=PartyKind(row.kind),
            name=row.name,
            contact=Contact(row.email, row.mobile, row.digital_post, row.digital_post_exempt),
            cpr=None if row.cpr_sealed is None else self._vault.open(row.cpr_sealed),
            cvr=row.cvr,
            ean=row.ean,
        )
