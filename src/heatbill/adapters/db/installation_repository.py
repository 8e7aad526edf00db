"""Properties, installations, meters and customer relationships in the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from sqlalchemy import Connection, insert, or_, select, update

from heatbill.adapters.db import raw
from heatbill.adapters.db.register_tables import installation, meter, property_, relationship
from heatbill.domain.errors import NotFoundError
from heatbill.domain.register.installations import (
    Installation,
    Meter,
    MeterSize,
    Property,
    PropertyUse,
    ReadingMethod,
)
from heatbill.domain.register.relationships import Relationship, Role


class SqlInstallations:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    # --- writing ------------------------------------------------------------------------
    def add_properties(self, items: Sequence[Property]) -> None:
        self._insert(
            property_,
            [
                {
                    "property_id": p.property_id,
                    "address": p.address,
                    "postcode": p.postcode,
                    "city": p.city,
                    "heated_area_m2": p.heated_area_m2,
                    "volume_m3": p.volume_m3,
                    "use": p.use.value,
                    "bbr_id": p.bbr_id,
                }
                for p in items
            ],
        )

    def add_installations(self, items: Sequence[Installation]) -> None:
        self._insert(
            installation,
            [
                {
                    "installation_id": i.installation_id,
                    "property_id": i.property_id,
                    "number": i.number,
                }
                for i in items
            ],
        )

    def add_meters(self, items: Sequence[Meter]) -> None:
        self._insert(
            meter,
            [
                {
                    "meter_id": m.meter_id,
                    "installation_id": m.installation_id,
                    "serial": m.serial,
                    "installed_on": m.installed_on,
                    "removed_on": m.removed_on,
                    "method": m.method.value,
                    "size": m.size.value,
                }
                for m in items
            ],
        )

    def remove_meter(self, meter_id: int, removed_on: date) -> None:
        self._db.execute(
            update(meter)
            .where(meter.c.utility_id == self._u, meter.c.meter_id == meter_id)
            .values(removed_on=removed_on)
        )

    def add_relationships(
        self,
        items: Sequence[Relationship],
        created_at: datetime,
        notified_on: date | None = None,
        late_notice: bool = False,
    ) -> None:
        self._insert(
            relationship,
            [
                {
                    "relationship_id": r.relationship_id,
                    "installation_id": r.installation_id,
                    "party_id": r.party_id,
                    "role": r.role.value,
                    "start_on": r.start,
                    "end_on": r.end,
                    "interim": r.interim,
                    "notified_on": notified_on,
                    "late_notice": late_notice,
                    "created_at": created_at,
                }
                for r in items
            ],
        )

    def end_relationship(self, relationship_id: int, end_on: date) -> None:
        self._db.execute(
            update(relationship)
            .where(
                relationship.c.utility_id == self._u,
                relationship.c.relationship_id == relationship_id,
            )
            .values(end_on=end_on)
        )

    def _insert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._db.execute(insert(table), [{"utility_id": self._u, **row} for row in rows])

    # --- reading ------------------------------------------------------------------------
    def installation_by_number(self, number: str) -> Installation:
        row = self._db.execute(
            select(installation).where(
                installation.c.utility_id == self._u, installation.c.number == number
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"målested {number} findes ikke")
        return Installation(int(row.installation_id), int(row.property_id), row.number)

    def existing_numbers(self, numbers: Sequence[str]) -> set[str]:
        """Which of these installation numbers the register already has."""
        found: set[str] = set()
        unique = sorted(set(numbers))
        for start in range(0, len(unique), 500):
            found.update(
                self._db.execute(
                    select(installation.c.number).where(
                        installation.c.utility_id == self._u,
                        installation.c.number.in_(unique[start : start + 500]),
                    )
                ).scalars()
            )
        return found

    def installation(self, installation_id: int) -> Installation:
        row = self._db.execute(
            select(installation).where(
                installation.c.utility_id == self._u,
                installation.c.installation_id == installation_id,
            )
        ).one()
        return Installation(int(row.installation_id), int(row.property_id), row.number)

    def property(self, property_id: int) -> Property:
        row = self._db.execute(
            select(property_).where(
                property_.c.utility_id == self._u, property_.c.property_id == property_id
            )
        ).one()
        return _property(row)

    def meters_of(self, installation_id: int) -> list[Meter]:
        rows = self._db.execute(
            select(*_METER_COLUMNS)
            .where(meter.c.utility_id == self._u, meter.c.installation_id == installation_id)
            .order_by(meter.c.installed_on)
        )
        return [_meter(r) for r in rows]

    def meters_by_serial(self, serials: Sequence[str]) -> dict[str, list[Meter]]:
        """Every meter (past and present) carrying each serial, for matching imported rows
        (a whole utility's in an import: thousands per query)."""
        found: dict[str, list[Meter]] = {}
        unique = sorted(set(serials))
        for start in range(0, len(unique), 5000):
            rows = self._db.execute(
                select(*_METER_COLUMNS).where(
                    meter.c.utility_id == self._u, meter.c.serial.in_(unique[start : start + 5000])
                )
            )
            for r in rows:
                found.setdefault(r.serial, []).append(_meter(r))
        return found

    def meter_serials(self) -> dict[str, list[tuple[int, date, date | None]]]:
        """Every meter of the utility (past and present) by serial, as (meter_id, installed on,
        removed on): a whole file's rows are matched against it, in one query however many."""
        statement = (
            "SELECT serial, meter_id, installed_on, removed_on FROM meter"
            " WHERE utility_id = :utility_id ORDER BY meter_id"
        )
        day = raw.DayCache()
        found: dict[str, list[tuple[int, date, date | None]]] = {}
        for serial, meter_id, installed, removed in raw.fetch(
            self._db, statement, {"utility_id": self._u}
        ):
            item = (meter_id, day(installed), None if removed is None else day(removed))
            found.setdefault(serial, []).append(item)
        return found

    def meters_on(self, day: date) -> dict[str, int]:
        """The meter carrying each serial on `day` (its removal day still counts): the first by
        id, as `meter_serials` is searched; for a file of one day, in one query."""
        statement = (
            "SELECT serial, meter_id FROM meter WHERE utility_id = :utility_id"
            " AND installed_on <= :day AND (removed_on IS NULL OR removed_on >= :day)"
            " ORDER BY meter_id DESC"  # the first by id is the last one kept
        )
        params = {"utility_id": self._u, "day": raw.day_param(self._db, day)}
        return dict(raw.fetch(self._db, statement, params))

    def meters_by_id(self, meter_ids: Sequence[int]) -> dict[int, Meter]:
        found: dict[int, Meter] = {}
        unique = sorted(set(meter_ids))
        for start in range(0, len(unique), 500):
            rows = self._db.execute(
                select(*_METER_COLUMNS).where(
                    meter.c.utility_id == self._u,
                    meter.c.meter_id.in_(unique[start : start + 500]),
                )
            )
            found.update({int(r.meter_id): _meter(r) for r in rows})
        return found

    def meters_of_installations(self, installation_ids: Sequence[int]) -> dict[int, list[Meter]]:
        """Every meter (past and present) of each installation, oldest first."""
        found: dict[int, list[Meter]] = {i: [] for i in installation_ids}
        unique = sorted(set(installation_ids))
        for start in range(0, len(unique), 500):
            rows = self._db.execute(
                select(*_METER_COLUMNS)
                .where(
                    meter.c.utility_id == self._u,
                    meter.c.installation_id.in_(unique[start : start + 500]),
                )
                .order_by(meter.c.installation_id, meter.c.installed_on)
            )
            for r in rows:
                found[int(r.installation_id)].append(_meter(r))
        return found

    def properties_of(self, installation_ids: Sequence[int]) -> dict[int, Property]:
        """Each installation's property, by installation id."""
        found: dict[int, Property] = {}
        unique = sorted(set(installation_ids))
        for start in range(0, len(unique), 500):
            rows = self._db.execute(
                select(installation.c.installation_id, property_)
                .join(
                    property_,
                    (property_.c.utility_id == installation.c.utility_id)
                    & (property_.c.property_id == installation.c.property_id),
                )
                .where(
                    installation.c.utility_id == self._u,
                    installation.c.installation_id.in_(unique[start : start + 500]),
                )
            )
            found.update({int(r.installation_id): _property(r) for r in rows})
        return found

    def meters_in_service(self, day: date) -> list[Meter]:
        """Every meter in service at the end of `day` (its removal day still counts)."""
        rows = self._db.execute(
            select(*_METER_COLUMNS).where(
                meter.c.utility_id == self._u,
                meter.c.installed_on <= day,
                or_(meter.c.removed_on.is_(None), meter.c.removed_on >= day),
            )
        )
        return [_meter(r) for r in rows]

    def heated_areas(self, installation_ids: Sequence[int]) -> dict[int, Decimal]:
        """Each installation's BBR heated area in m² (the estimate for a new installation)."""
        found: dict[int, Decimal] = {}
        unique = sorted(set(installation_ids))
        for start in range(0, len(unique), 500):
            rows = self._db.execute(
                select(installation.c.installation_id, property_.c.heated_area_m2)
                .join(
                    property_,
                    (property_.c.utility_id == installation.c.utility_id)
                    & (property_.c.property_id == installation.c.property_id),
                )
                .where(
                    installation.c.utility_id == self._u,
                    installation.c.installation_id.in_(unique[start : start + 500]),
                )
            )
            found.update({int(r.installation_id): Decimal(r.heated_area_m2) for r in rows})
        return found

    def relationships_of(self, installation_id: int) -> list[Relationship]:
        rows = self._db.execute(
            select(relationship)
            .where(
                relationship.c.utility_id == self._u,
                relationship.c.installation_id == installation_id,
            )
            .order_by(relationship.c.start_on)
        )
        return [_relationship(r) for r in rows]

    def relationship(self, relationship_id: int) -> Relationship:
        row = self._db.execute(
            select(relationship).where(
                relationship.c.utility_id == self._u,
                relationship.c.relationship_id == relationship_id,
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"kundeforhold {relationship_id} findes ikke")
        return _relationship(row)

    def relationships_on(self, day: date) -> list[Relationship]:
        """Every relationship in force on `day`, utility-wide (billing runs)."""
        rows = self._db.execute(
            select(relationship).where(
                relationship.c.utility_id == self._u,
                relationship.c.start_on <= day,
                or_(relationship.c.end_on.is_(None), relationship.c.end_on > day),
            )
        )
        return [_relationship(r) for r in rows]

    def ended_on_or_before(self, day: date) -> list[Relationship]:
        """Relationships that have ended by `day` (their customers have moved out)."""
        rows = self._db.execute(
            select(relationship).where(
                relationship.c.utility_id == self._u,
                relationship.c.end_on.is_not(None),
                relationship.c.end_on <= day,
            )
        )
        return [_relationship(r) for r in rows]

    def late_notice(self, relationship_id: int) -> bool:
        return bool(
            self._db.execute(
                select(relationship.c.late_notice).where(
                    relationship.c.utility_id == self._u,
                    relationship.c.relationship_id == relationship_id,
                )
            ).scalar_one()
        )


_METER_COLUMNS: Final = tuple(meter.c[name] for name in Meter.__dataclass_fields__)
_METHODS: Final = {method.value: method for method in ReadingMethod}
_SIZES: Final = {size.value: size for size in MeterSize}


def _meter(row: Any) -> Meter:
    """A row of `_METER_COLUMNS` (by position: an import decodes a whole utility's meters)."""
    meter_id, installation_id, serial, installed_on, method, size, removed_on = row
    return Meter(
        meter_id=int(meter_id),
        installation_id=int(installation_id),
        serial=serial,
        installed_on=installed_on,
        method=_METHODS[method],
        size=_SIZES[size],
        removed_on=removed_on,
    )


def _relationship(row: Any) -> Relationship:
    return Relationship(
        relationship_id=int(row.relationship_id),
        installation_id=int(row.installation_id),
        party_id=int(row.party_id),
        role=Role(row.role),
        start=row.start_on,
        end=row.end_on,
        interim=bool(row.interim),
    )


def _property(row: Any) -> Property:
    return Property(
        property_id=int(row.property_id),
        address=row.address,
        postcode=row.postcode,
        city=row.city,
        heated_area_m2=Decimal(row.heated_area_m2),
        use=PropertyUse(row.use),
        volume_m3=None if row.volume_m3 is None else Decimal(row.volume_m3),
        bbr_id=row.bbr_id,
    )
