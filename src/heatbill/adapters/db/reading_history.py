"""The few readings of each meter that checking a new reading needs, in one query per day.

Checking a reading on day d (`services.reading_checks`, `vestervig 5.9`) reads the meter's
readings from its last accepted real (not estimated) reading before d — the start — on, and the
last accepted real reading a year or more before the start. For a meter read monthly both lie
in a short window: the weeks before d, and the weeks before the same day a year earlier. So
one query per day of the batch (a head-end file has one) fetches both windows for all its
meters — the meters as one array parameter (`raw.in_keys`), plain ranges of the (utility,
meter, day) index — and the rows stay the driver's tuples (`HistoryRow`). A meter whose windows
do not settle it (read seldom, or under a year old) is left out: its caller loads its whole
history (`whole_histories`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from operator import itemgetter
from typing import Any, Final

from sqlalchemy import Connection

from heatbill.adapters.db import raw
from heatbill.domain.last_year import one_year_before
from heatbill.domain.register.readings import HistoryRow, ReadingSource, ReadingStatus

WINDOW: Final = timedelta(days=45)
"""How far back the start is looked for before the new reading, and last year's reference
before the same day a year earlier: a month, with slack for a reading a few days late."""
_COLUMNS: Final = "meter_id, reading_id, read_on, energy_mwh, volume_m3, source, status"
_DAY_AND_ID: Final = itemgetter(1, 0)
_ACCEPTED: Final = ReadingStatus.ACCEPTED.value
_ESTIMATED: Final = ReadingSource.ESTIMATED.value


def for_checks(
    connection: Connection, utility_id: int, days: Mapping[int, date]
) -> dict[int, list[HistoryRow]]:
    """Per meter with one new reading on its day in `days`: the reference reading, then every
    reading from the start's day on (all statuses, by day and id). Meters the windows do not
    settle are left out."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for meter_id, day in days.items():
        by_day[day].append(meter_id)
    meters = _select(connection)
    statement = (
        f"{meters} AND read_on >= :recent"
        f" UNION ALL {meters} AND read_on >= :low AND read_on <= :high"
    )
    found: dict[int, list[HistoryRow]] = {}
    for day, meter_ids in sorted(by_day.items()):
        recent, year_before = day - WINDOW, one_year_before(day)
        params = {
            "utility_id": utility_id,
            "meters": raw.keys(connection, meter_ids),
            "recent": raw.day_param(connection, recent),
            "low": raw.day_param(connection, year_before - WINDOW),
            "high": raw.day_param(connection, year_before),
        }
        rows = _by_meter(raw.fetch(connection, statement, params))
        for meter_id in meter_ids:
            meter_rows = rows.get(meter_id, [])
            split = next((i for i, r in enumerate(meter_rows) if r[1] >= recent), len(meter_rows))
            needed = _needed(meter_rows[split:], meter_rows[:split], day)
            if needed is not None:
                found[meter_id] = needed
    return found


def whole_histories(
    connection: Connection, utility_id: int, meter_ids: Sequence[int]
) -> dict[int, list[HistoryRow]]:
    """Every reading of each meter (all statuses, by day and id); [] for a meter without."""
    found: dict[int, list[HistoryRow]] = {m: [] for m in meter_ids}
    if meter_ids:
        statement = _select(connection)
        params = {"utility_id": utility_id, "meters": raw.keys(connection, sorted(meter_ids))}
        found.update(_by_meter(raw.fetch(connection, statement, params)))
    return found


def _select(connection: Connection) -> str:
    """The readings of the meters passed as parameter `meters` (`raw.keys`)."""
    meters = raw.in_keys(connection, "meter_id", "meters")
    return f"SELECT {_COLUMNS} FROM reading WHERE utility_id = :utility_id AND {meters}"  # noqa: S608


def _needed(
    recent: list[HistoryRow], earlier: list[HistoryRow], day: date
) -> list[HistoryRow] | None:
    """The reference and the rows from the start's day on; None when the windows miss one."""
    start = next(
        (i for i in reversed(range(len(recent))) if _real(recent[i]) and recent[i][1] < day),
        None,
    )
    if start is None:
        return None
    start_day = recent[start][1]
    while start and recent[start - 1][1] == start_day:
        start -= 1
    cutoff = one_year_before(start_day)
    reference = next((r for r in reversed(earlier) if _real(r) and r[1] <= cutoff), None)
    if reference is None:
        return None
    return [reference, *recent[start:]]


def _real(row: HistoryRow) -> bool:
    """An accepted reading that is not an estimate (what plausibility measures from)."""
    return row[5] == _ACCEPTED and row[4] != _ESTIMATED


def _by_meter(rows: Iterable[Any]) -> dict[int, list[HistoryRow]]:
    """Driver rows of `_COLUMNS` as `HistoryRow`s by meter, by day and id: sorted here, per
    meter (a few rows each), which costs SQLite less than an ORDER BY over the batch."""
    day = raw.DayCache()
    found: dict[int, list[HistoryRow]] = defaultdict(list)
    for meter_id, reading_id, read_on, energy, volume, source, status in rows:
        found[meter_id].append((reading_id, day(read_on), energy, volume, source, status))
    for meter_rows in found.values():
        meter_rows.sort(key=_DAY_AND_ID)
    return found
