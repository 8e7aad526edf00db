"""Degree days (graddage, base 17 °C): a utility's dated monthly table, with the normal year.

Space heating follows the weather, so use is compared, estimated and split by degree days
(DANISH-RULES.md "Degree days (graddage) and estimates"; `vestervig 5.7`, `5.9`, `6.3`). A
utility keeps the measured months it has (imported from DMI, `acc_heating_degree_days_17`) and
falls back to its normal year for the rest, so a period that runs into the future is valued
at a normal winter. The default normal year is Dansk Fjernvarme's (3112 degree days).

Degree days over a half-open period `[start, end)`: whole months count in full; a month the
period only partly covers counts pro rata by calendar days (e.g. 10 of 31 days of January get
10/31 of January's degree days). Whole months are exact; a pro-rata share is a Decimal division,
exact to Decimal's 28 significant digits, far below any meter's resolution.
"""

from __future__ import annotations

import calendar
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from heatbill.domain.errors import ValidationError
from heatbill.wording import say

YearMonth = tuple[int, int]
"""(year, month), month 1–12."""

DANSK_FJERNVARME_NORMAL_YEAR_DD: Final[tuple[Decimal, ...]] = tuple(
    Decimal(dd) for dd in (519, 486, 444, 311, 154, 58, 22, 18, 91, 207, 341, 461)
)
"""Dansk Fjernvarme's normal year, January → December; 3112 degree days in all."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A half-open date range `[start, end)`: `end` is the first day not included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            start, end = f"{self.start:%d-%m-%Y}", f"{self.end:%d-%m-%Y}"
            raise ValidationError(say("metering.period.empty", start=start, end=end))

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DegreeDayTable:
    """Measured degree days by (year, month); months without a value take the normal year's."""

    actual_dd: Mapping[YearMonth, Decimal] = field(default_factory=dict)
    normal_dd: tuple[Decimal, ...] = DANSK_FJERNVARME_NORMAL_YEAR_DD
    """The utility's normal year, January → December (a per-utility setting)."""
    _known: dict[tuple[date, date], Decimal] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Degree days of periods asked before: a batch asks for the same few periods again and
    again (every meter read on the same days), and the table never changes."""

    def __post_init__(self) -> None:
        if len(self.normal_dd) != 12:
            raise ValidationError(say("metering.dd.normal_months", got=len(self.normal_dd)))
        for month, dd in enumerate(self.normal_dd, start=1):
            _check_dd(dd, f"{month:02d}")
        for (year, month), dd in self.actual_dd.items():
            if not 1 <= month <= 12:
                raise ValidationError(say("metering.dd.month", year=year, month=month))
            _check_dd(dd, f"{year}-{month:02d}")
        frozen = MappingProxyType(dict(sorted(self.actual_dd.items())))
        object.__setattr__(self, "actual_dd", frozen)

    def month_dd(self, year: int, month: int) -> Decimal:
        """The month's measured degree days, or the normal year's for that month."""
        return self.actual_dd.get((year, month), self.normal_dd[month - 1])

    def with_months(self, months: Mapping[YearMonth, Decimal]) -> DegreeDayTable:
        """This table with `months` added or replaced (a new month from DMI, a correction)."""
        return DegreeDayTable({**self.actual_dd, **months}, self.normal_dd)

    def degree_days(self, period: Period) -> Decimal:
        """Degree days in `period`: measured where known, the normal year elsewhere."""
        key = (period.start, period.end)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._sum(period, self.month_dd)
        return known

    def normal_degree_days(self, period: Period) -> Decimal:
        """Degree days in `period` in a normal year (the same months, normal values)."""
        return self._sum(period, lambda _year, month: self.normal_dd[month - 1])

    @property
    def normal_year_dd(self) -> Decimal:
        """A whole normal year's degree days (3112 in Dansk Fjernvarme's)."""
        return sum(self.normal_dd, Decimal(0))

    def is_measured(self, period: Period) -> bool:
        """True when every month `period` touches has a measured value (no normal-year fill)."""
        return all((y, m) in self.actual_dd for y, m, _, _ in _months(period))

    @staticmethod
    def _sum(period: Period, month_dd: Callable[[int, int], Decimal]) -> Decimal:
        total = Decimal(0)
        for year, month, covered_days, month_days in _months(period):
            dd = month_dd(year, month)
            total += dd if covered_days == month_days else dd * covered_days / month_days
        return total


_TABLES: OrderedDict[tuple[tuple[YearMonth, Decimal], ...], DegreeDayTable] = OrderedDict()
_KEPT_TABLES = 32


def table_of(months: Mapping[YearMonth, Decimal]) -> DegreeDayTable:
    """The table of these measured months (the normal year's elsewhere) — the same object for
    the same months, so the degree days of a period are summed once however many screens ask
    (a table never changes: new months make a new one). The last few are remembered."""
    key = tuple(sorted(months.items()))
    found = _TABLES.get(key)
    if found is None:
        found = DegreeDayTable(dict(key))
        _TABLES[key] = found
        while len(_TABLES) > _KEPT_TABLES:
            _TABLES.popitem(last=False)
    return found


def _months(period: Period) -> Iterator[tuple[int, int, int, int]]:
    """(year, month, days of the month inside `period`, days in the month) for each month."""
    year, month = period.start.year, period.start.month
    while date(year, month, 1) < period.end:
        length = calendar.monthrange(year, month)[1]
        first, after = date(year, month, 1), date(year, month, length) + timedelta(days=1)
        covered = (min(after, period.end) - max(first, period.start)).days
        yield year, month, covered, length
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _check_dd(dd: Decimal, month: str) -> None:
    if not isinstance(dd, Decimal):
        raise TypeError(f"degree days are Decimal, not {type(dd).__name__}")
    if not dd.is_finite() or dd < 0:
        raise ValidationError(say("metering.dd.negative", month=month, dd=dd))
