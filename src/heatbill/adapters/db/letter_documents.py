"""Letters as sent: the queue to render, documents and deliveries (append-only), the sources.

Set-based: the queue of a day is one query (with each letter's recipient address: relationship
→ installation → property), documents and deliveries are bulk inserts, the queue's status is
one UPDATE.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from heatbill.adapters.db.letter_tables import (
    letter_delivery,
    letter_document,
    letter_profile,
    letter_source,
)
from heatbill.adapters.db.register_tables import installation, letter, property_, relationship
from heatbill.domain.errors import NotFoundError

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class LetterRow:
    letter_id: int
    party_id: int
    relationship_id: int | None
    kind: str
    clause: str | None
    status: str
    facts: dict[str, str]
    on: date
    installation_number: str | None
    address: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentRow:
    letter_id: int
    language: str
    title: str
    text: str
    pdf: bytes
    pdf_sha256: str


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    letter_id: int
    attempt_no: int
    channel: str
    outcome: str
    address: str | None = None
    detail: str | None = None
    batch: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    logo_path: str | None = None


class SqlLetterDocuments:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    # --- the queue ----------------------------------------------------------------------
    def letters(
        self, *, status: str | None = None, until: date | None = None, ids: Sequence[int] = ()
    ) -> list[LetterRow]:
        """Letters with their recipient's address, oldest first."""
        query = (
            select(
                letter,
                installation.c.number.label("installation_number"),
                property_.c.address.label("street"),
                property_.c.postcode,
                property_.c.city,
            )
            .select_from(
                letter.outerjoin(
                    relationship,
                    (relationship.c.utility_id == letter.c.utility_id)
                    & (relationship.c.relationship_id == letter.c.relationship_id),
                )
                .outerjoin(
                    installation,
                    (installation.c.utility_id == relationship.c.utility_id)
                    & (installation.c.installation_id == relationship.c.installation_id),
                )
                .outerjoin(
                    property_,
                    (property_.c.utility_id == installation.c.utility_id)
                    & (property_.c.property_id == installation.c.property_id),
                )
            )
            .where(letter.c.utility_id == self._u)
            .order_by(letter.c.letter_id)
        )
        if status is not None:
            query = query.where(letter.c.status == status)
        if until is not None:
            query = query.where(letter.c.created_on <= until)
        if ids:
            query = query.where(letter.c.letter_id.in_(ids))
        return [_letter_row(r) for r in self._db.execute(query)]

    def mark(self, letter_ids: Sequence[int], status: str) -> None:
        for start in range(0, len(letter_ids), _CHUNK):
            chunk = letter_ids[start : start + _CHUNK]
            self._db.execute(
                update(letter)
                .where(letter.c.utility_id == self._u, letter.c.letter_id.in_(chunk))
                .values(status=status)
            )

    # --- documents and deliveries -------------------------------------------------------
    def add_documents(self, rows: Sequence[DocumentRow], rendered_at: datetime) -> None:
        if rows:
            self._db.execute(
                insert(letter_document),
                [{"utility_id": self._u, "rendered_at": rendered_at, **_fields(r)} for r in rows],
            )

    def add_deliveries(self, rows: Sequence[DeliveryRow], attempted_at: datetime) -> None:
        if rows:
            self._db.execute(
                insert(letter_delivery),
                [{"utility_id": self._u, "attempted_at": attempted_at, **_fields(r)} for r in rows],
            )

    def document(self, letter_id: int) -> DocumentRow:
        found = self._db.execute(
            select(letter_document).where(
                letter_document.c.utility_id == self._u, letter_document.c.letter_id == letter_id
            )
        ).one_or_none()
        if found is None:
            raise NotFoundError(f"brev {letter_id} er ikke sendt endnu")
        return DocumentRow(
            int(found.letter_id),
            found.language,
            found.title,
            found.text,
            bytes(found.pdf),
            found.pdf_sha256,
        )

    def deliveries(self, letter_ids: Sequence[int] = ()) -> list[DeliveryRow]:
        query = select(letter_delivery).where(letter_delivery.c.utility_id == self._u)
        if letter_ids:
            query = query.where(letter_delivery.c.letter_id.in_(letter_ids))
        rows = self._db.execute(
            query.order_by(letter_delivery.c.letter_id, letter_delivery.c.attempt_no)
        )
        return [
            DeliveryRow(
                int(r.letter_id), r.attempt_no, r.channel, r.outcome, r.address, r.detail, r.batch
            )
            for r in rows
        ]

    # --- sources: the bill or budget a letter carries -----------------------------------
    def sourced(self, source_kind: str) -> set[str]:
        rows = self._db.execute(
            select(letter_source.c.source_id).where(
                letter_source.c.utility_id == self._u, letter_source.c.source_kind == source_kind
            )
        )
        return {r.source_id for r in rows}

    def add_sources(self, source_kind: str, pairs: Sequence[tuple[str, int]]) -> None:
        if pairs:
            self._db.execute(
                insert(letter_source),
                [
                    {
                        "utility_id": self._u,
                        "source_kind": source_kind,
                        "source_id": source_id,
                        "letter_id": letter_id,
                    }
                    for source_id, letter_id in pairs
                ],
            )

    # --- the letterhead -----------------------------------------------------------------
    def profile(self) -> Profile:
        found = self._db.execute(
            select(letter_profile).where(letter_profile.c.utility_id == self._u)
        ).one_or_none()
        if found is None:
            return Profile()
        return Profile(found.email, found.phone, found.website, found.logo_path)

    def set_profile(self, profile: Profile) -> None:
        exists = self._db.execute(
            select(letter_profile.c.utility_id).where(letter_profile.c.utility_id == self._u)
        ).one_or_none()
        values = _fields(profile)
        if exists is None:
            self._db.execute(insert(letter_profile).values(utility_id=self._u, **values))
        else:
            self._db.execute(
                update(letter_profile)
                .where(letter_profile.c.utility_id == self._u)
                .values(**values)
            )


def _fields(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in row.__dataclass_fields__}


def _letter_row(r: Any) -> LetterRow:
    address: tuple[str, ...] = ()
    if r.street is not None:
        address = (r.street, f"{r.postcode} {r.city}")
    return LetterRow(
        letter_id=int(r.letter_id),
        party_id=int(r.party_id),
        relationship_id=None if r.relationship_id is None else int(r.relationship_id),
        kind=r.kind,
        clause=r.clause,
        status=r.status,
        facts=json.loads(r.facts),
        on=r.created_on,
        installation_number=r.installation_number,
        address=address,
    )
