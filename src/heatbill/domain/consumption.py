"""Heat use (forbrug) by the weather: normalising a year, splitting a period, the expected use.

A year's use is two parts (DANISH-RULES.md "Degree days (graddage) and estimates"): domestic hot
water, a fixed share h % that runs by calendar days, and space heating, the rest, which runs by
degree days. The same split serves a normal-year budget, the expected use that a reading is
checked against (`vestervig 5.9`), an estimate for a missing reading (`vestervig 5.7`, `6.3`)
and a split of a period at a move or a price change.

Number policy: quantities are Decimal, never float, and computed exactly (to Decimal's 28
significant digits). Use that is booked, split or added to a register is rounded once, half-up,
to `MWH_RESOLUTION` = 0.001 MWh (1 kWh) — assumed to be the resolution of the energy register.
MWh is shown with 3 decimals only for display. Volume likewise, at 0.001 m³ (1 litre).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Final

from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.wording import say

MWH_RESOLUTION: Final = Decimal("0.001")
"""1 kWh: the assumed resolution of an energy register, and of every booked or split use."""
M3_RESOLUTION: Final = Decimal("0.001")
"""1 litre: the resolution the register keeps volume in."""
_HUNDRED: Final = Decimal(100)
_ZERO: Final = Decimal(0)


def to_mwh_resolution(mwh: Decimal) -> Decimal:
    """The one rounding rule for energy: half-up to 0.001 MWh."""
    return mwh.quantize(MWH_RESOLUTION, rounding=ROUND_HALF_UP)


def to_m3_resolution(m3: Decimal) -> Decimal:
    """The one rounding rule for volume: half-up to 0.001 m³."""
    return m3.quantize(M3_RESOLUTION, rounding=ROUND_HALF_UP)


def format_mwh(mwh: Decimal) -> str:
    """Danish display with 3 decimals: `4.409,430 MWh`."""
    return _format_da(to_mwh_resolution(mwh)) + " MWh"


def format_m3(m3: Decimal) -> str:
    """Danish display with 3 decimals: `1.234,500 m³`."""
    return _format_da(to_m3_resolution(m3)) + " m³"


def normalise_use(
    use_mwh: Decimal, actual_dd: Decimal, normal_dd: Decimal, hot_water_share_percent: Decimal
) -> Decimal:
    """A period's use as it would have been in a normal year, unrounded.

    `normal_use = use × ((100 − h) × normal_dd / actual_dd + h) / 100` (DANISH-RULES.md): the
    hot-water share is weather-independent, the space-heating share scales with degree days.
    """
    h = _share_percent(hot_water_share_percent)
    if actual_dd <= 0:
        raise ValidationError(say("metering.normalise.no_dd", actual_dd=actual_dd))
    return use_mwh * ((_HUNDRED - h) * normal_dd / actual_dd + h) / _HUNDRED


def normal_year_use(
    use_mwh: Decimal, period: Period, table: DegreeDayTable, hot_water_share_percent: Decimal
) -> Decimal:
    """`normalise_use` with the period's measured and normal degree days from `table`."""
    actual_dd, normal_dd = table.degree_days(period), table.normal_degree_days(period)
    return normalise_use(use_mwh, actual_dd, normal_dd, hot_water_share_percent)


@dataclass(frozen=True, slots=True)
class UseProfile:
    """A use taken apart: hot water in MWh per day, space heating in MWh per degree day."""

    hot_water_mwh_per_day: Decimal
    space_heating_mwh_per_dd: Decimal

    @classmethod
    def of(
        cls, use_mwh: Decimal, days: int, dd: Decimal, hot_water_share_percent: Decimal
    ) -> UseProfile:
        """The profile of `use_mwh` over `days` days with `dd` degree days.

        Without degree days (a summer with none) nothing shows as space heating, so the whole
        use is spread by days.
        """
        return cls(*_profile(use_mwh, days, dd, _share_percent(hot_water_share_percent)))

    def use_over(self, period: Period, table: DegreeDayTable) -> Decimal:
        """The expected use in `period`, unrounded, with the table's degree days there."""
        return self.use_for(period.days, table.degree_days(period))

    def use_for(self, days: int, dd: Decimal) -> Decimal:
        """The expected use over `days` days with `dd` degree days, unrounded."""
        return self.hot_water_mwh_per_day * days + self.space_heating_mwh_per_dd * dd


def use_moved(
    use_mwh: Decimal,
    days: int,
    dd: Decimal,
    hot_water_share_percent: Decimal,
    *,
    to_days: int,
    to_dd: Decimal,
) -> Decimal:
    """`UseProfile.of(use_mwh, days, dd, h).use_for(to_days, to_dd)` — the same arithmetic,
    without the object: a batch asks it for every meter."""
    hot_water, space_heating = _profile(use_mwh, days, dd, _share_percent(hot_water_share_percent))
    return hot_water * to_days + space_heating * to_dd


def use_moved_factor(
    days: int, dd: Decimal, hot_water_share_percent: Decimal, *, to_days: int, to_dd: Decimal
) -> Fraction | None:
    """`use_moved(use_mwh, …) / use_mwh` as an exact fraction (the arithmetic is linear in the
    use): a batch scales each meter's use by it in integers. None when the hot-water and the
    space-heating part would not both be ≥ 0 — then only `use_moved`'s own steps decide."""
    h = Fraction(_share_percent(hot_water_share_percent)) / 100
    if dd <= 0:
        return Fraction(to_days, days)
    hot_water, space_heating = h * to_days / days, (1 - h) * Fraction(to_dd) / Fraction(dd)
    if hot_water < 0 or space_heating < 0:
        return None
    return hot_water + space_heating


def _profile(use_mwh: Decimal, days: int, dd: Decimal, h: Decimal) -> tuple[Decimal, Decimal]:
    """(hot water in MWh per day, space heating in MWh per degree day); see `UseProfile.of`."""
    if dd <= 0:
        return use_mwh / days, _ZERO
    hot_water_mwh = use_mwh * h / _HUNDRED
    return hot_water_mwh / days, (use_mwh - hot_water_mwh) / dd


def expected_use(
    period: Period,
    last_year_use_mwh: Decimal,
    last_year_period: Period,
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
) -> Decimal:
    """The likely use in `period` from last year's actual use, moved by degree days (unrounded).

    The likely use (det sandsynlige forbrug, `vestervig 5.9`) that a reading is checked against
    and an estimate is built from (`vestervig 5.7`): last year's hot water per day and space
    heating per degree day, applied to `period`'s days and degree days — measured where the
    table has them, the normal year after.
    """
    dd = table.degree_days(last_year_period)
    profile = UseProfile.of(last_year_use_mwh, last_year_period.days, dd, hot_water_share_percent)
    return profile.use_over(period, table)


def split_use(
    use_mwh: Decimal,
    parts: Sequence[Period],
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
) -> tuple[Decimal, ...]:
    """`use_mwh` over consecutive `parts`: hot water by days, space heating by degree days.

    For a move, a price change or a missing reading inside a period (DANISH-RULES.md); a real
    reading at a cut always wins over this split. The parts add up to `use_mwh` exactly: each is
    at 0.001 MWh, the last kWh going to the parts with the largest remainders.
    """
    if not parts:
        raise ValidationError(say("metering.split.no_parts"))
    for before, after in pairwise(parts):
        if before.end != after.start:
            end, start = f"{before.end:%d-%m-%Y}", f"{after.start:%d-%m-%Y}"
            raise ValidationError(say("metering.split.gap", end=end, start=start))
    h = _share_percent(hot_water_share_percent)
    part_days = [Decimal(part.days) for part in parts]
    part_dd = [table.degree_days(part) for part in parts]
    if sum(part_dd, Decimal(0)) <= 0:
        part_dd, h = part_days, _HUNDRED  # no degree days at all: everything by days
    total_days, total_dd = sum(part_days, Decimal(0)), sum(part_dd, Decimal(0))
    weights = [
        h * days / total_days + (_HUNDRED - h) * dd / total_dd
        for days, dd in zip(part_days, part_dd, strict=True)
    ]
    return allocate_mwh(use_mwh, weights)


def allocate_mwh(total_mwh: Decimal, weights: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Split `total_mwh` (at 0.001 MWh, not negative) by `weights`, the parts summing exactly.

    Largest remainder, as `money.allocate` does for øre: each part rounded down to 1 kWh, the
    kWh left over to the parts with the largest remainders (ties to the earliest). The shares
    are exact fractions of the Decimal weights, so no part can round past the total.
    """
    if total_mwh < 0 or to_mwh_resolution(total_mwh) != total_mwh:
        raise ValidationError(say("metering.split.total", total=_format_da(total_mwh)))
    weight_sum = sum(weights, Decimal(0))
    if not weights or any(w < 0 for w in weights) or weight_sum <= 0:
        raise ValidationError(say("metering.split.weights"))
    kwh = int(total_mwh / MWH_RESOLUTION)
    exact = [kwh * Fraction(w) / Fraction(weight_sum) for w in weights]  # exact rationals
    floors = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (floors[i] - exact[i], i))
    for i in by_remainder[: kwh - sum(floors)]:
        floors[i] += 1
    return tuple(part * MWH_RESOLUTION for part in floors)


def _share_percent(percent: Decimal) -> Decimal:
    if not isinstance(percent, Decimal) or not 0 <= percent <= _HUNDRED:
        raise ValidationError(say("metering.hot_water_share", got=percent))
    return percent


def _format_da(value: Decimal) -> str:
    whole, _, decimals = f"{abs(value):f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".") + (f",{decimals}" if decimals else "")
    return "-" + text if value < 0 else text
