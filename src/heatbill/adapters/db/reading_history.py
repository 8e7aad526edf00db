"""The few readings of each meter that checking a new reading needs, from two range scans.

Checking a reading on day d (`services.readings`, `vestervig 5.9`) reads the meter's readings
from its last accepted real (not estimated) reading before d — the start — on, and the last
accepted real reading a year or more before the start. For a meter read monthly both lie in a
short window: the weeks before d, and the weeks before the same day a year earlier. So two
range scans of the (utility, meter, day) index fetch them for thousands of meters at once —
plain ranges, whose plan no stale statistics can spoil — and only the rows the check reads
become objects. A meter whose windows do not settle it (read seldom, or under a year old) is
left out: its caller loads its whole history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Final

from sqlalchemy import Connection, select

from heatbill.adapters.db.reading_rows import (
    recorded,
    recorded_columns,
    row_day,
    row_is_accepted_real,
    row_meter_id,
)
from heatbill.adapters.db.register_tables import reading
from heatbill.domain.last_year import one_year_before
from heatbill.domain.register.readings import RecordedReading

WINDOW: Final = timedelta(days=45)
"""How far back the start is looked for before the new reading, and last year's reference
before the same day a year earlier: a month, with slack for a reading a few days late."""
_CHUNK: Final = 5000
"""Meters per query: well inside SQLite's and PostgreSQL's limits on bound parameters."""

_Row = Sequence[Any]


def for_checks(
    connection: Connection, utility_id: int, days: Mapping[int, date]
) -> dict[int, list[RecordedReading]]:
    """Per meter with one new reading on its day in `days`: the reference reading, then every
    reading from the start's day on (all statuses, by day and id). Meters the windows do not
    settle are left out."""
    found: dict[int, list[RecordedReading]] = {}
    for day, chunk in _chunks(days):
        year_before = one_year_before(day)
        recent = _rows(connection, utility_id, chunk, day - WINDOW, None)
        earlier = _rows(connection, utility_id, chunk, year_before - WINDOW, year_before)
        for meter_id in chunk:
            needed = _needed(recent.get(meter_id, []), earlier.get(meter_id, []), day)
            if needed is not None:
                found[meter_id] = needed
    return found


def _needed(recent: list[_Row], earlier: list[_Row], day: date) -> list[RecordedReading] | None:
    """The reference and the rows from the start's day on; None when the windows miss one."""
    start = next(
        (i for i in reversed(range(len(recent))) if _real(recent[i]) and row_day(recent[i]) < day),
        None,
    )
    if start is None:
        return None
    start_day = row_day(recent[start])
    while start and row_day(recent[start - 1]) == start_day:
        start -= 1
    cutoff = one_year_before(start_day)
    reference = next((r for r in reversed(earlier) if _real(r) and row_day(r) <= cutoff), None)
    if reference is None:
        return None
    return [recorded(reference)] + [recorded(row) for row in recent[start:]]


_real = row_is_accepted_real


def _rows(
    connection: Connection, utility_id: int, meter_ids: list[int], low: date, high: date | None
) -> dict[int, list[_Row]]:
    """The meters' readings from `low` (through `high`), by meter, day and id, undecoded."""
    query = (
        select(*recorded_columns())
        .where(
            reading.c.utility_id == utility_id,
            reading.c.meter_id.in_(meter_ids),
            reading.c.read_on >= low,
        )
        .order_by(reading.c.meter_id, reading.c.read_on, reading.c.reading_id)
    )
    if high is not None:
        query = query.where(reading.c.read_on <= high)
    found: dict[int, list[_Row]] = defaultdict(list)
    for row in connection.execute(query):
        found[row_meter_id(row)].append(row)
    return found


def _chunks(days: Mapping[int, date]) -> Iterator[tuple[date, list[int]]]:
    """The meters by day (a batch has few days), in chunks of `_CHUNK`."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for meter_id, day in days.items():
        by_day[day].append(meter_id)
    for day, meter_ids in sorted(by_day.items()):
        meter_ids.sort()
        for start in range(0, len(meter_ids), _CHUNK):
            yield day, meter_ids[start : start + _CHUNK]
