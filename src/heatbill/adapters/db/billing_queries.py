"""What a batch of a billing run reads about its installations, in a few lean queries.

A settlement over a million installations runs in batches; each batch reads its installations'
properties, meters and the billable readings of a date window (not the whole history), as
rows decoded by position — scaled integers and days as the driver gives them, each day's text
parsed once — with the same values the repositories' Core types give.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    String,
    any_,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY

from heatbill.adapters.db.register_tables import (
    installation,
    meter,
    property_,
    reading,
    relationship,
)
from heatbill.domain.register.installations import (
    Meter,
    MeterSize,
    Property,
    PropertyUse,
    ReadingMethod,
)
from heatbill.domain.register.readings import Reading, ReadingSource, ReadingStatus
from heatbill.domain.register.relationships import Relationship, Role

CHUNK: Final = 5000
"""Installations or meters per query: well inside both databases' limits on parameters."""
_SOURCES: Final = {s.value: s for s in ReadingSource}
_METHODS: Final = {m.value: m for m in ReadingMethod}
_SIZES: Final = {s.value: s for s in MeterSize}
_USES: Final = {u.value: u for u in PropertyUse}
_ROLES: Final = {r.value: r for r in Role}


def among(connection: Connection, column: Any, ids: Sequence[int]) -> ColumnElement[bool]:
    """`column IN ids` for thousands of ids: one array parameter on PostgreSQL (`= ANY`), whose
    driver would otherwise rewrite a query with thousands of placeholders each time."""
    found: ColumnElement[bool]
    if connection.dialect.name == "postgresql":
        found = column == any_(literal(list(ids), ARRAY(BigInteger)))
    else:
        found = column.in_(ids)
    return found


def relationships_on(connection: Connection, utility_id: int, day: date) -> list[Relationship]:
    """Every relationship in force on `day` (`SqlInstallations.relationships_on`), decoded by
    position: a settlement reads a million."""
    r = relationship.c
    columns = (
        r.relationship_id, r.installation_id, r.party_id, r.role, _day_column(r.start_on),
        _day_column(r.end_on), r.interim,
    )  # fmt: skip
    query = select(*columns).where(
        r.utility_id == utility_id, r.start_on <= day, or_(r.end_on.is_(None), r.end_on > day)
    )
    return [
        Relationship(
            rid,
            iid,
            pid,
            _ROLES[role],
            _day(start),
            None if end is None else _day(end),
            bool(interim),
        )
        for rid, iid, pid, role, start, end, interim in connection.execute(query)
    ]


def properties_of(
    connection: Connection, utility_id: int, ids: Sequence[int]
) -> dict[int, Property]:
    """Each installation's property, by installation id."""
    p = property_.c
    columns = (
        installation.c.installation_id, p.property_id, p.address, p.postcode, p.city,
        type_coerce(p.heated_area_m2, BigInteger), p.use, type_coerce(p.volume_m3, BigInteger),
        p.bbr_id,
    )  # fmt: skip
    found: dict[int, Property] = {}
    for chunk in _chunks(ids):
        query = (
            select(*columns)
            .join(
                property_,
                (p.utility_id == installation.c.utility_id)
                & (p.property_id == installation.c.property_id),
            )
            .where(
                installation.c.utility_id == utility_id,
                among(connection, installation.c.installation_id, chunk),
            )
        )
        for row in connection.execute(query):
            iid, pid, address, postcode, city, area, use, volume, bbr = row
            found[iid] = Property(
                pid, address, postcode, city, _scaled(area, 2), _USES[use],
                None if volume is None else _scaled(volume, 2), bbr,
            )  # fmt: skip
    return found


def meters_of(
    connection: Connection, utility_id: int, ids: Sequence[int]
) -> dict[int, list[Meter]]:
    """Every meter (past and present) of each installation, oldest first."""
    m = meter.c
    columns = (
        m.meter_id,
        m.installation_id,
        m.serial,
        _day_column(m.installed_on),
        m.method,
        m.size,
        _day_column(m.removed_on),
    )
    found: dict[int, list[Meter]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        query = (
            select(*columns)
            .where(m.utility_id == utility_id, among(connection, m.installation_id, chunk))
            .order_by(m.installation_id, m.installed_on)
        )
        for meter_id, iid, serial, installed, method, size, removed in connection.execute(query):
            found[iid].append(
                Meter(meter_id, iid, serial, _day(installed), _METHODS[method], _SIZES[size],
                      None if removed is None else _day(removed))
            )  # fmt: skip
    return found


def billable_readings(
    connection: Connection, utility_id: int, meter_ids: Sequence[int], since: date, until: date
) -> dict[int, list[Reading]]:
    """The accepted readings of each meter from `since` through `until`, oldest first."""
    r = reading.c
    columns = (
        r.meter_id, _day_column(r.read_on), type_coerce(r.energy_mwh, BigInteger),
        type_coerce(r.volume_m3, BigInteger), r.source, type_coerce(r.forward_c, BigInteger),
        type_coerce(r.return_c, BigInteger),
    )  # fmt: skip
    found: dict[int, list[Reading]] = {}
    for chunk in _chunks(meter_ids):
        query = (
            select(*columns)
            .where(
                r.utility_id == utility_id,
                among(connection, r.meter_id, chunk),
                r.read_on >= since,
                r.read_on <= until,
                r.status == ReadingStatus.ACCEPTED.value,
            )
            .order_by(r.meter_id, r.read_on, r.reading_id)
        )
        for meter_id, day, energy, volume, source, forward, back in connection.execute(query):
            found.setdefault(meter_id, []).append(
                Reading(
                    meter_id, _day(day), _scaled(energy, 3), _scaled(volume, 3), _SOURCES[source],
                    None if forward is None else _scaled(forward, 2),
                    None if back is None else _scaled(back, 2),
                )
            )  # fmt: skip
    return found


def _day_column(column: Any) -> Any:
    """A date column as the driver gives it: text on SQLite (parsed once per day), a date on
    PostgreSQL."""
    return type_coerce(column, String())


def _day(value: Any) -> date:
    return value if type(value) is date else _parse_day(value)


@lru_cache(maxsize=8192)
def _parse_day(text: str) -> date:
    return date.fromisoformat(text)


def _scaled(value: int, scale: int) -> Decimal:
    """A stored scaled integer as its Decimal quantity (`types.from_scaled`)."""
    return Decimal(int(value)).scaleb(-scale)


def _chunks(values: Sequence[int]) -> Iterator[list[int]]:
    unique = sorted(set(values))
    for start in range(0, len(unique), CHUNK):
        yield unique[start : start + CHUNK]
