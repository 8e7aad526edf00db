"""DMI's climateData response for monthly degree days (`acc_heating_degree_days_17`).

The API (dmigw.govcloud.dk/v2/climateData, OGC API – Features) answers with a GeoJSON
FeatureCollection; each feature's `properties` carry `parameterId`, `timeResolution`, `from`
and `to` (RFC 3339) and `value`, next to the station, municipality or grid cell it is for. Only
the fields read here are checked; the rest (ids, `created`, `qcStatus`, geometry) is ignored.
Problems name the feature by its number from 1 ("objekt 3") and the property.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from heatbill.adapters.formats.problems import ProblemLog
from heatbill.domain.degree_days import YearMonth
from heatbill.wording import say

DMI_PARAMETER: Final = "acc_heating_degree_days_17"
DMI_RESOLUTION: Final = "month"
YEARS: Final = (1900, 2100)
DD_MAX: Final = Decimal(1000)
DD_RESOLUTION: Final = Decimal("0.1")
"""The register keeps degree days to 0.1; DMI's values are rounded half-up to it."""
_ONE_DAY: Final = timedelta(days=1)

FoundMonth = tuple[int, int, int, Decimal]
"""(feature number, year, month, degree days)."""


def dmi_months(text: str, log: ProblemLog) -> list[FoundMonth]:
    """The months of a climateData response; every problem logged (the caller raises)."""
    try:
        document = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        detail = say("metering.dd.json.syntax", column=error.colno, detail=error.msg)
        log.add(error.lineno, None, detail)
        return []
    is_collection = isinstance(document, dict) and document.get("type") == "FeatureCollection"
    features = document.get("features") if is_collection else None
    if not isinstance(features, list):
        log.add(None, None, say("metering.dd.json.shape", got=_show(document)))
        return []
    if not features:
        log.add(None, None, say("metering.dd.json.empty"))
    found: list[FoundMonth] = []
    first: dict[YearMonth, int] = {}
    for n, feature in enumerate(features, start=1):
        month = _feature(n, feature, _FeatureLog(log, n))
        if month is None:
            continue
        key = (month[1], month[2])
        if key in first:
            where = say("metering.dd.file.feature", n=first[key])
            twice = say("metering.dd.file.twice", year=key[0], month=key[1], first=where)
            _FeatureLog(log, n)("from", twice)
        first.setdefault(key, n)
        found.append(month)
    return found


class _FeatureLog:
    """Logs a problem with one property of feature `n`."""

    def __init__(self, log: ProblemLog, n: int) -> None:
        self._log = log
        self._n = n

    def __call__(self, field: str, message: str) -> None:
        text = say("metering.dd.json.problem", n=self._n, field=field, message=message)
        self._log.add(None, None, text)


def _feature(n: int, feature: object, problem: _FeatureLog) -> FoundMonth | None:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict):
        problem("properties", say("metering.dd.json.feature", got=_show(feature)))
        return None
    for field, expected in (("parameterId", DMI_PARAMETER), ("timeResolution", DMI_RESOLUTION)):
        if properties.get(field) != expected:
            got = _show(properties.get(field))
            problem(field, say("metering.dd.json.exact", expected=expected, got=got))
    start, end = _moment(properties, "from", problem), _moment(properties, "to", problem)
    value = _value(properties, problem)
    month = None if start is None or end is None else _calendar_month(start, end, problem)
    if month is None or value is None:
        return None
    return (n, month[0], month[1], value)


def _moment(properties: Mapping[str, object], field: str, problem: _FeatureLog) -> datetime | None:
    raw = properties.get(field)
    try:
        moment = datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        problem(field, say("metering.dd.json.time", got=_show(raw)))
        return None
    return moment


def _calendar_month(start: datetime, end: datetime, problem: _FeatureLog) -> YearMonth | None:
    """The month `[start, end)` spans, each end within a day of the month's bounds (time zones)."""
    middle = start + (end - start) / 2
    first = date(middle.year, middle.month, 1)
    after = (first + timedelta(days=31)).replace(day=1)
    lo, hi = YEARS
    near = abs(start.date() - first) <= _ONE_DAY and abs(end.date() - after) <= _ONE_DAY
    if end <= start or not near or not lo <= first.year <= hi:
        span = say("metering.dd.json.span", start=start.isoformat(), end=end.isoformat())
        problem("to", span)
        return None
    return first.year, first.month


def _value(properties: Mapping[str, object], problem: _FeatureLog) -> Decimal | None:
    raw = properties.get("value")
    value = None if isinstance(raw, bool) or not isinstance(raw, int | Decimal) else Decimal(raw)
    if value is None or not value.is_finite() or not 0 <= value <= DD_MAX:
        problem("value", say("metering.dd.json.value", hi=DD_MAX, got=_show(raw)))
        return None
    return value.quantize(DD_RESOLUTION, rounding=ROUND_HALF_UP)


def _show(raw: object) -> str:
    """A JSON value as the file spells it, cut short for a message."""
    if raw is None:
        return say("metering.dd.json.missing")
    if isinstance(raw, Decimal):
        return str(raw)  # as the file wrote it (JSON numbers are read as Decimal)
    text = json.dumps(raw, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"
