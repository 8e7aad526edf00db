"""Last year's use of a meter: what a new reading is expected to add (`vestervig 5.9`) and what
an estimate builds on (`vestervig 5.7`).

Last year is the span between two real readings of the meter: the last one before the date
(`start`) and the last one at least a year before that (`reference`), the shortest such span.
Its use, taken apart into hot water by days and space heating by degree days
(`consumption.UseProfile`), is moved to the days since `start`. The span is found once and its
profile computed once; a batch of readings asks it for any number of dates after `start`.
A reading closes its day: the use between readings on d1 and d2 is the use of [d1 + 1, d2 + 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from heatbill.domain.consumption import (
    UseProfile,
    to_mwh_resolution,
    use_moved,
    use_moved_factor,
)
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.register.readings import Reading
from heatbill.wording import say

_ONE_DAY: Final = timedelta(days=1)
_MARGIN: Final = 10**20
"""How much closer than the use itself (×10⁻²⁰ kWh, +10⁻²⁰) an exact use may lie to a rounding
boundary and still be rounded in integers: `use_moved`'s Decimal steps (28 digits) stray from
the exact value by less than 10⁻²⁶ of it, so beyond that margin both round alike."""


def use_period(earlier_on: date, later_on: date) -> Period:
    """The days whose use lies between readings on `earlier_on` and `later_on`."""
    return Period(earlier_on + _ONE_DAY, later_on + _ONE_DAY)


def one_year_before(day: date) -> date:
    """The same date a year earlier; 29 February goes to 28 February."""
    if (day.month, day.day) == (2, 29):
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def last_year_span(real_before: Sequence[Reading]) -> tuple[Reading, Reading] | None:
    """(reference, start) from one meter's real readings before a date, sorted by day (ties
    in the order given): `start` is the last, `reference` the last a year or more before it."""
    if not real_before:
        return None
    start = real_before[-1]
    cutoff = one_year_before(start.read_on)
    reference = next((r for r in reversed(real_before) if r.read_on <= cutoff), None)
    return None if reference is None else (reference, start)


@dataclass(frozen=True, slots=True)
class LastYear:
    """A meter's use between `reference` and `start`, as hot water per day and space heating
    per degree day."""

    reference: Reading
    start: Reading
    use_mwh: Decimal
    period: Period
    profile: UseProfile

    @classmethod
    def between(
        cls,
        reference: Reading,
        start: Reading,
        table: DegreeDayTable,
        hot_water_share_percent: Decimal,
    ) -> LastYear:
        """Refused (ValidationError) when a register went down between the two readings."""
        use_mwh = start.energy_mwh - reference.energy_mwh
        if use_mwh < 0 or start.volume_m3 < reference.volume_m3:
            first, last = f"{reference.read_on:%d-%m-%Y}", f"{start.read_on:%d-%m-%Y}"
            raise ValidationError(say("metering.estimate.decreasing", first=first, last=last))
        period = use_period(reference.read_on, start.read_on)
        dd = table.degree_days(period)
        profile = UseProfile.of(use_mwh, period.days, dd, hot_water_share_percent)
        return cls(reference, start, use_mwh, period, profile)

    def use_until(self, on_date: date, table: DegreeDayTable) -> Decimal:
        """The use expected from the day after `start` through `on_date`, at 0.001 MWh."""
        return to_mwh_resolution(
            self.profile.use_over(use_period(self.start.read_on, on_date), table)
        )


class ExpectedUse:
    """`LastYear.between(reference, start, …).use_until(on_date, …)` for a whole batch of
    meters, with the same arithmetic: the days and degree days of each (reference day, start
    day, date) — a batch has a handful — are found once, so a meter costs a few Decimal
    operations, or (`kwh`) a few integer ones. The caller has checked that no register went
    down between the two readings."""

    def __init__(self, table: DegreeDayTable, hot_water_share_percent: Decimal) -> None:
        self._table = table
        self._h = hot_water_share_percent
        self._spans: dict[tuple[date, date, date], tuple[int, Decimal, int, Decimal]] = {}
        self._factors: dict[tuple[date, date, date], tuple[int, int] | None] = {}

    def kwh(self, reference_on: date, start_on: date, last_year_use_kwh: int, on_date: date) -> int:
        """`mwh` in kWh (0.001 MWh) for a use in kWh: the same number, worked out as the exact
        use (the use × `use_moved_factor`) rounded half-up in integers — or by `mwh` itself
        when the exact use lies within `_MARGIN` of a rounding boundary."""
        key = (reference_on, start_on, on_date)
        try:
            factor = self._factors[key]
        except KeyError:
            factor = self._factors[key] = self._factor(reference_on, start_on, on_date)
        if factor is not None and last_year_use_kwh >= 0:
            numerator, denominator = factor
            exact = last_year_use_kwh * numerator  # / denominator kWh
            twice = 2 * denominator
            kwh, rest = divmod(2 * exact + denominator, twice)
            margin = 2 * (exact + denominator)
            if rest * _MARGIN > margin and (twice - rest) * _MARGIN > margin:
                return kwh
        use_mwh = Decimal(last_year_use_kwh).scaleb(-3)
        return int(self.mwh(reference_on, start_on, use_mwh, on_date).scaleb(3))

    def _factor(self, reference_on: date, start_on: date, on_date: date) -> tuple[int, int] | None:
        """(numerator, denominator) of `use_moved_factor` for the key, None where `mwh` must
        decide (a negative factor, a refusal: `mwh` raises it)."""
        last, new = use_period(reference_on, start_on), use_period(start_on, on_date)
        table = self._table
        try:
            dd, new_dd = table.degree_days(last), table.degree_days(new)
            factor = use_moved_factor(last.days, dd, self._h, to_days=new.days, to_dd=new_dd)
        except ValidationError:
            return None
        if factor is None or factor < 0:
            return None
        return factor.numerator, factor.denominator

    def mwh(
        self, reference_on: date, start_on: date, last_year_use_mwh: Decimal, on_date: date
    ) -> Decimal:
        """The use expected from the day after `start_on` through `on_date`, at 0.001 MWh,
        when the meter used `last_year_use_mwh` between its readings on the two days."""
        key = (reference_on, start_on, on_date)
        spans = self._spans.get(key)
        if spans is None:
            last, new = use_period(reference_on, start_on), use_period(start_on, on_date)
            table = self._table
            spans = (last.days, table.degree_days(last), new.days, table.degree_days(new))
            self._spans[key] = spans
        days, dd, new_days, new_dd = spans
        use_mwh = use_moved(last_year_use_mwh, days, dd, self._h, to_days=new_days, to_dd=new_dd)
        return to_mwh_resolution(use_mwh)
