"""Read models of the register for the CLI and screens: the customer of every installation,
and one installation's whole story (property, owners, meters, customers, readings, letters).

Read models query the tables directly (no use case, nothing committed) and are set-based: a
listing costs a few queries however long it is, never one per row. Parties come from the
parties repository, which opens sealed CPR numbers; callers show them masked only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, and_, or_, select

from heatbill.adapters.db.register_tables import (
    installation,
    letter,
    property_,
    property_owner,
    relationship,
)
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.register.installations import Installation, Meter, Property
from heatbill.domain.register.parties import Party
from heatbill.domain.register.relationships import Relationship, Role
from heatbill.services.reading_queries import ReadingLine, installation_readings
from heatbill.services.unit_of_work import UnitOfWork

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CustomerLine:
    """An installation and its customer on the day asked (None: nobody is liable that day)."""

    installation_number: str
    address: str
    party: Party | None
    role: Role | None
    since: date | None
    interim: bool


@dataclass(frozen=True, slots=True)
class CustomerPeriod:
    """A customer relationship with its party, and how its start was notified."""

    relationship: Relationship
    party: Party
    notified_on: date | None
    late_notice: bool


@dataclass(frozen=True, slots=True)
class Ownership:
    party: Party
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class LetterLine:
    letter_id: int
    status: str
    request: LetterRequest
    party: Party


@dataclass(frozen=True, slots=True)
class InstallationFile:
    """Everything about one installation, oldest first: what `customers show` prints."""

    installation: Installation
    property: Property
    owners: list[Ownership]
    meters: list[Meter]
    customers: list[CustomerPeriod]
    readings: list[ReadingLine]
    letters: list[LetterLine]


def customers_on(uow: UnitOfWork, utility_id: int, day: date) -> list[CustomerLine]:
    """Every installation with its customer on `day`, by installation number (two queries)."""
    in_force = and_(
        relationship.c.utility_id == installation.c.utility_id,
        relationship.c.installation_id == installation.c.installation_id,
        relationship.c.start_on <= day,
        or_(relationship.c.end_on.is_(None), relationship.c.end_on > day),
    )
    query = (
        select(
            installation.c.number,
            property_.c.address,
            property_.c.postcode,
            property_.c.city,
            relationship.c.party_id,
            relationship.c.role,
            relationship.c.start_on,
            relationship.c.interim,
        )
        .join(property_, _property_of_installation())
        .outerjoin(relationship, in_force)
        .where(installation.c.utility_id == utility_id)
        .order_by(installation.c.number)
    )
    rows = uow.connection.execute(query).all()
    parties = uow.parties(utility_id).all()
    return [
        CustomerLine(
            r.number,
            f"{r.address}, {r.postcode} {r.city}",
            None if r.party_id is None else parties[int(r.party_id)],
            None if r.role is None else Role(r.role),
            r.start_on,
            bool(r.interim),
        )
        for r in rows
    ]


def installation_file(uow: UnitOfWork, utility_id: int, number: str) -> InstallationFile:
    """One installation's property, owners, meters, customers, readings and letters."""
    installations = uow.installations(utility_id)
    found = installations.installation_by_number(number)
    prop = installations.property(found.property_id)
    periods = uow.connection.execute(
        select(relationship)
        .where(
            relationship.c.utility_id == utility_id,
            relationship.c.installation_id == found.installation_id,
        )
        .order_by(relationship.c.start_on, relationship.c.relationship_id)
    ).all()
    owned = uow.connection.execute(
        select(property_owner)
        .where(
            property_owner.c.utility_id == utility_id,
            property_owner.c.property_id == prop.property_id,
        )
        .order_by(property_owner.c.start_on)
    ).all()
    letters = _letters_of(uow, utility_id, [int(r.relationship_id) for r in periods])
    party_ids = {int(r.party_id) for r in [*periods, *owned]} | {x.party_id for _, _, x in letters}
    parties = uow.parties(utility_id).get_many(sorted(party_ids))
    return InstallationFile(
        installation=found,
        property=prop,
        owners=[Ownership(parties[int(o.party_id)], o.start_on, o.end_on) for o in owned],
        meters=installations.meters_of(found.installation_id),
        customers=[_period(r, parties) for r in periods],
        readings=installation_readings(uow, utility_id, found.installation_id),
        letters=[LetterLine(i, s, x, parties[x.party_id]) for i, s, x in letters],
    )


def customer_periods(
    uow: UnitOfWork, utility_id: int, relationship_ids: Sequence[int]
) -> dict[int, CustomerPeriod]:
    """Relationships by id with their parties (what a move ended and began)."""
    unique = sorted(set(relationship_ids))
    rows: list[Row[Any]] = []
    for start in range(0, len(unique), _CHUNK):
        rows += uow.connection.execute(
            select(relationship).where(
                relationship.c.utility_id == utility_id,
                relationship.c.relationship_id.in_(unique[start : start + _CHUNK]),
            )
        ).all()
    parties = uow.parties(utility_id).get_many(sorted({int(r.party_id) for r in rows}))
    return {int(r.relationship_id): _period(r, parties) for r in rows}


def _property_of_installation() -> Any:
    return and_(
        property_.c.utility_id == installation.c.utility_id,
        property_.c.property_id == installation.c.property_id,
    )


def _letters_of(
    uow: UnitOfWork, utility_id: int, relationship_ids: list[int]
) -> list[tuple[int, str, LetterRequest]]:
    """(letter id, status, request) of the letters about these relationships, oldest first."""
    if not relationship_ids:
        return []
    rows = uow.connection.execute(
        select(letter)
        .where(letter.c.utility_id == utility_id, letter.c.relationship_id.in_(relationship_ids))
        .order_by(letter.c.letter_id)
    )
    return [
        (
            int(r.letter_id),
            r.status,
            LetterRequest(
                kind=LetterKind(r.kind),
                party_id=int(r.party_id),
                on=r.created_on,
                clause=r.clause,
                relationship_id=r.relationship_id,
                facts=json.loads(r.facts),
            ),
        )
        for r in rows
    ]


def _period(row: Any, parties: dict[int, Party]) -> CustomerPeriod:
    return CustomerPeriod(
        Relationship(
            relationship_id=int(row.relationship_id),
            installation_id=int(row.installation_id),
            party_id=int(row.party_id),
            role=Role(row.role),
            start=row.start_on,
            end=row.end_on,
            interim=bool(row.interim),
        ),
        parties[int(row.party_id)],
        row.notified_on,
        bool(row.late_notice),
    )
