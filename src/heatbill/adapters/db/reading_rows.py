"""Reading rows to and from the database, in bulk: an import reads and writes rows for a whole
utility, so a row is a plain tuple decoded here — no per-column type processing, enums found
in a dict, each day's text parsed once — with the same values `types.ScaledDecimal` gives."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import BigInteger, ColumnElement, String, type_coerce

from heatbill.adapters.db.register_tables import reading
from heatbill.adapters.db.types import ScaledDecimal, from_scaled
from heatbill.domain.register.readings import (
    Reading,
    ReadingSource,
    ReadingStatus,
    RecordedReading,
)

COLUMNS: Final = (
    "utility_id",
    "reading_id",
    "meter_id",
    "read_on",
    "energy_mwh",
    "volume_m3",
    "forward_c",
    "return_c",
    "source",
    "status",
    "hold_reasons",
    "import_id",
    "supersedes_reading_id",
    "note",
    "created_at",
)
"""The columns a new reading is written with (a decision comes later, by update)."""
_SOURCES: Final = {source.value: source for source in ReadingSource}
_STATUSES: Final = {status.value: status for status in ReadingStatus}


def row_values(
    utility_id: int, item: RecordedReading, created_at: datetime, import_id: int | None
) -> tuple[Any, ...]:
    """A new reading as a tuple in the order of `COLUMNS`."""
    r = item.reading
    return (
        utility_id,
        item.reading_id,
        r.meter_id,
        r.read_on,
        r.energy_mwh,
        r.volume_m3,
        r.forward_c,
        r.return_c,
        r.source.value,
        item.status.value,
        "\n".join(item.hold_reasons) or None,
        import_id,
        item.supersedes_reading_id,
        item.note,
        created_at,
    )


def recorded_columns() -> list[ColumnElement[Any]]:
    """The columns `recorded` decodes, as the driver gives them (scaled integers; a day as
    text on SQLite, as a date on PostgreSQL)."""
    c = reading.c
    raw: list[ColumnElement[Any]] = [
        *(type_coerce(c[name], BigInteger) for name in ("reading_id", "meter_id")),
        type_coerce(c.read_on, String()),
        *(type_coerce(c[name], BigInteger) for name in _QUANTITIES),
        *(c[name] for name in ("source", "status", "hold_reasons", "note")),
        type_coerce(c.supersedes_reading_id, BigInteger),
    ]
    return [column.label(f"r_{i}") for i, column in enumerate(raw)]


_QUANTITIES: Final = ("energy_mwh", "volume_m3", "forward_c", "return_c")


def _scale(name: str) -> int:
    column_type = reading.c[name].type
    assert isinstance(column_type, ScaledDecimal)
    return column_type.scale


_MWH, _M3, _C = _scale("energy_mwh"), _scale("volume_m3"), _scale("forward_c")


def recorded(row: Sequence[Any]) -> RecordedReading:
    """A row of `recorded_columns` as the register keeps it."""
    reading_id, meter_id, day, energy, volume, forward, back, source, status = row[:9]
    reasons, note, supersedes = row[9:]
    return RecordedReading(
        reading_id=reading_id,
        reading=Reading(
            meter_id=meter_id,
            read_on=day if type(day) is date else _day(day),
            energy_mwh=from_scaled(energy, _MWH),
            volume_m3=from_scaled(volume, _M3),
            source=_SOURCES[source],
            forward_c=None if forward is None else from_scaled(forward, _C),
            return_c=None if back is None else from_scaled(back, _C),
        ),
        status=_STATUSES[status],
        hold_reasons=tuple(reasons.split("\n")) if reasons else (),
        note=note,
        supersedes_reading_id=supersedes,
    )


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text)
