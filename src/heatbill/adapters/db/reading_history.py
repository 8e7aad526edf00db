"""The few readings of each meter that checking a new reading needs, in one query per day.

Checking a reading on day d (`domain.reading_checks`, `vestervig 5.9`) reads the meter's
readings from its last accepted real (not estimated) reading before d — the start — on, and the
last accepted real reading a year or more before the start — the reference. For a meter read
monthly both lie in a short window: the weeks before d, and the weeks up to the same day a year
before d − 1 (the latest a reference can be). So one query per day of the batch (a head-end file
has one) fetches both windows: for a file of most of the utility's meters, two ranges of the
(utility, day) index, every meter's rows; for a smaller one, its meters' rows — the meters as
one array parameter (`raw.in_keys`), ranges of the (utility, meter, day) index. The rows stay
the driver's tuples (`HistoryRow`). The check reads them as they are: the rows between the windows
are later than any reference and earlier than any start, so it finds in the windows what it
would find in the whole history — once the windows hold a start and its reference. A meter
whose windows do not (read seldom, or under a year old) is left out: its caller loads its whole
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
"""How far back the start is looked for before the new reading, and the reference before the
latest day it can have: a month, with slack for a reading a few days late."""
_ONE_DAY: Final = timedelta(days=1)
_COLUMNS: Final = "meter_id, reading_id, read_on, energy_mwh, volume_m3, source, status"
_DAY_AND_ID: Final = itemgetter(1, 0)
_ACCEPTED: Final = ReadingStatus.ACCEPTED.value
_ESTIMATED: Final = ReadingSource.ESTIMATED.value


def for_checks(
    connection: Connection, utility_id: int, days: Mapping[int, date]
) -> dict[int, list[HistoryRow]]:
    """Per meter with one new reading on its day in `days`: its readings in the two windows
    (all statuses; the rows of a day by id). Meters the windows do not settle are left out."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for meter_id, day in days.items():
        by_day[day].append(meter_id)
    windows = " AND read_on >= :recent UNION ALL {0} AND read_on >= :low AND read_on <= :high"
    by_meter, by_days = (f"{s}{windows.format(s)}" for s in (_select(connection), _select_all()))
    found: dict[int, list[HistoryRow]] = {}
    settled = _Settled()
    utility_meters = _meter_count(connection, utility_id)
    for day, meter_ids in sorted(by_day.items()):
        recent, latest_reference = day - WINDOW, one_year_before(day - _ONE_DAY)
        params = {
            "utility_id": utility_id,
            "recent": raw.day_param(connection, recent),
            "low": raw.day_param(connection, latest_reference - WINDOW),
            "high": raw.day_param(connection, latest_reference),
        }
        statement = by_days
        if len(meter_ids) * _MOST < utility_meters:
            statement, params["meters"] = by_meter, raw.keys(connection, meter_ids)
        rows = _grouped(raw.fetch(connection, statement, params))
        for meter_id in meter_ids:
            meter_rows = rows.get(meter_id)
            if meter_rows is not None and settled(meter_rows, recent, day):
                meter_rows.sort()  # by id: the order the check reads a day's rows in
                found[meter_id] = meter_rows
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


_MOST: Final = 2
"""A day's file reads at least 1/_MOST of the utility's meters: both windows are fetched for
every meter, by the (utility, day) index — cheaper than two index searches a meter."""


def _meter_count(connection: Connection, utility_id: int) -> int:
    statement = "SELECT count(*) FROM meter WHERE utility_id = :utility_id"
    count: int = raw.fetch(connection, statement, {"utility_id": utility_id})[0][0]
    return count


def _select_all() -> str:
    """The readings of all the utility's meters (in the windows `for_checks` adds)."""
    return f"SELECT {_COLUMNS} FROM reading WHERE utility_id = :utility_id"  # noqa: S608


def _select(connection: Connection) -> str:
    """The readings of the meters passed as parameter `meters` (`raw.keys`)."""
    meters = raw.in_keys(connection, "meter_id", "meters")
    return f"SELECT {_COLUMNS} FROM reading WHERE utility_id = :utility_id AND {meters}"  # noqa: S608


class _Settled:
    """Whether a meter's rows in the windows hold its start — the last accepted real reading
    before the day, in the recent window — and a reference for it in the earlier window."""

    def __init__(self) -> None:
        self._cutoffs: dict[date, date] = {}

    def __call__(self, rows: Sequence[HistoryRow], recent: date, day: date) -> bool:
        start: date | None = None
        for _, on, _, _, source, status in rows:
            if recent <= on < day and status == _ACCEPTED and source != _ESTIMATED:
                start = on if start is None or on > start else start
        if start is None:
            return False
        cutoff = self._cutoffs.get(start)
        if cutoff is None:
            cutoff = self._cutoffs[start] = one_year_before(start)
        for _, on, _, _, source, status in rows:
            if on <= cutoff and status == _ACCEPTED and source != _ESTIMATED:
                return True
        return False


def _grouped(rows: Iterable[Any]) -> dict[int, list[HistoryRow]]:
    """Driver rows of `_COLUMNS` as `HistoryRow`s by meter, in the driver's order."""
    days: dict[Any, date] = {}
    found: dict[int, list[HistoryRow]] = {}
    for meter_id, reading_id, read_on, energy, volume, source, status in rows:
        day = days.get(read_on)
        if day is None:
            day = days[read_on] = raw.as_day(read_on)
        row = (reading_id, day, energy, volume, source, status)
        meter_rows = found.get(meter_id)
        if meter_rows is None:
            found[meter_id] = [row]
        else:
            meter_rows.append(row)
    return found


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
