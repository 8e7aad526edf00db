"""Estimated readings (beregnet forbrug) where a reading is missing or cannot be used.

`vestervig 5.7` / `solrod 5.5`: no card back, no access — the bill rests on a calculated use;
`vestervig 6.3`, `5.11`: a stopped or faulty meter is corrected the same way, per Dansk
Fjernvarme's guidance. An estimate adds to the last real reading, best basis first:

1. `between_readings` — a real reading after the date too: the use between the two is split at
   the date, hot water by days and space heating by degree days (a real reading always wins);
2. `last_year` — the use of the last year (the real readings a year or more apart, the
   shortest such span) moved by degree days to the days since the last reading (`vestervig 5.9`);
3. `area` — under a year of history: a normal year of `mwh_per_m2` per m² of heated area.
   ASSUMPTION: 0.13 MWh/m² by default (a typical Danish house); the rulebook's
   `metering.new_installation_mwh_per_m2` is what callers pass.

The volume register moves with energy at the history's m³/MWh; without history at
`DEFAULT_M3_PER_MWH` — ASSUMPTION: 28.7 m³/MWh, water cooled by 30 °C (3.6 GJ per MWh over
4.18 MJ/m³K × 30 K). A reading closes its day, so the use between readings on d1 and d2 is the
use of the period [d1 + 1, d2 + 1). Use is at 0.001 MWh, volume at 0.001 m³ (`consumption`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Final

from heatbill.domain.consumption import UseProfile, split_use, to_m3_resolution, to_mwh_resolution
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.last_year import LastYear, last_year_span, use_period
from heatbill.domain.register.installations import Meter
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.wording import say

__all__ = [
    "DEFAULT_M3_PER_MWH",
    "NEW_INSTALLATION_MWH_PER_M2",
    "Estimate",
    "EstimateBasis",
    "EstimateMethod",
    "estimate_reading",
    "use_period",
]

NEW_INSTALLATION_MWH_PER_M2: Final = Decimal("0.13")
"""ASSUMPTION: a normal year's use per m² heated area for an installation without history."""
DEFAULT_M3_PER_MWH: Final = Decimal("28.7")
"""ASSUMPTION: m³ of district heating water per MWh at 30 °C cooling."""
_NORMAL_YEAR_DAYS: Final = 365


class EstimateMethod(StrEnum):
    BETWEEN_READINGS = "between_readings"
    LAST_YEAR = "last_year"
    AREA = "area"


@dataclass(frozen=True, slots=True)
class EstimateBasis:
    """What an estimate rests on, so a letter can explain it (`vestervig 5.7`)."""

    method: EstimateMethod
    start_reading: Reading
    """The last real reading before the date; the estimate adds `use_mwh` to it."""
    period: Period
    """The days estimated: from the day after `start_reading` through the estimate's date."""
    period_dd: Decimal
    period_dd_measured: bool
    """False when the normal year stood in for months without measured degree days."""
    hot_water_share_percent: Decimal
    use_mwh: Decimal
    m3_per_mwh: Decimal
    reference_use_mwh: Decimal
    """The use the estimate is drawn from: between the two real readings, or the area's year."""
    reference_reading: Reading | None = None
    """The other real reading: the next one, or the one a year back; None for `area`."""
    heated_area_m2: Decimal | None = None

    def estimated_reading(self) -> Reading:
        """The start reading plus the estimated use; the volume moves at `m3_per_mwh`."""
        return Reading(
            meter_id=self.start_reading.meter_id,
            read_on=self.period.last_day,
            energy_mwh=self.start_reading.energy_mwh + self.use_mwh,
            volume_m3=self.start_reading.volume_m3
            + to_m3_resolution(self.use_mwh * self.m3_per_mwh),
            source=ReadingSource.ESTIMATED,
        )


@dataclass(frozen=True, slots=True)
class Estimate:
    reading: Reading
    """The estimated registers, source ESTIMATED, superseded by any real reading that day."""
    basis: EstimateBasis


def estimate_reading(
    meter: Meter,
    on_date: date,
    previous_readings: Iterable[Reading],
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
    *,
    heated_area_m2: Decimal | None = None,
    mwh_per_m2: Decimal = NEW_INSTALLATION_MWH_PER_M2,
) -> Estimate:
    """The meter's estimated registers at the end of `on_date` (the method: see the module).

    `previous_readings` may hold other meters' readings and earlier estimates: only this
    meter's real readings count. A real reading after `on_date` is used to interpolate.
    """
    real = sorted(
        (r for r in previous_readings if r.meter_id == meter.meter_id and _is_real(r)),
        key=lambda r: r.read_on,
    )
    if any(r.read_on == on_date for r in real):
        raise ValidationError(say("metering.estimate.real_exists", day=f"{on_date:%d-%m-%Y}"))
    before = [r for r in real if r.read_on < on_date]
    if not before:
        day = f"{on_date:%d-%m-%Y}"
        raise ValidationError(say("metering.estimate.no_start", meter=meter.serial, day=day))
    start = before[-1]
    draft = _Draft(start, use_period(start.read_on, on_date), table, hot_water_share_percent)
    after = next((r for r in real if r.read_on > on_date), None)
    last_year = last_year_span(before)
    if after is not None:
        basis = draft.between_readings(_Span(start, after))
    elif last_year is not None:
        basis = draft.from_last_year(_Span(*last_year))
    elif heated_area_m2 is not None:
        basis = draft.by_area(heated_area_m2, mwh_per_m2)
    else:
        raise ValidationError(say("metering.estimate.no_area", meter=meter.serial))
    return Estimate(basis.estimated_reading(), basis)


@dataclass(frozen=True, slots=True)
class _Span:
    """Two real readings of one meter and the use between them."""

    first: Reading
    last: Reading

    def __post_init__(self) -> None:
        if self.energy_mwh < 0 or self.last.volume_m3 < self.first.volume_m3:
            first, last = f"{self.first.read_on:%d-%m-%Y}", f"{self.last.read_on:%d-%m-%Y}"
            raise ValidationError(say("metering.estimate.decreasing", first=first, last=last))

    @property
    def period(self) -> Period:
        return use_period(self.first.read_on, self.last.read_on)

    @property
    def energy_mwh(self) -> Decimal:
        return self.last.energy_mwh - self.first.energy_mwh

    @property
    def m3_per_mwh(self) -> Decimal:
        if self.energy_mwh <= 0:
            return DEFAULT_M3_PER_MWH
        return (self.last.volume_m3 - self.first.volume_m3) / self.energy_mwh


@dataclass(frozen=True, slots=True)
class _Draft:
    """An estimate in the making: the reading it adds to, the days to fill, and the weather."""

    start: Reading
    period: Period
    table: DegreeDayTable
    h: Decimal

    def between_readings(self, span: _Span) -> EstimateBasis:
        """The use between two real readings, split at the date (hot water by days)."""
        rest = Period(self.period.end, span.period.end)
        use_mwh = split_use(span.energy_mwh, (self.period, rest), self.table, self.h)[0]
        method = EstimateMethod.BETWEEN_READINGS
        return self._basis(method, use_mwh, span.m3_per_mwh, span.energy_mwh, reference=span.last)

    def from_last_year(self, span: _Span) -> EstimateBasis:
        """Last year's use moved by degree days to the days since the last reading."""
        last_year = LastYear.between(span.first, span.last, self.table, self.h)
        use_mwh = last_year.use_until(self.period.last_day, self.table)
        method = EstimateMethod.LAST_YEAR
        return self._basis(method, use_mwh, span.m3_per_mwh, span.energy_mwh, reference=span.first)

    def by_area(self, area_m2: Decimal, mwh_per_m2: Decimal) -> EstimateBasis:
        """A normal year of `area_m2 × mwh_per_m2` (365 days, the normal year's degree days)."""
        year_mwh = area_m2 * mwh_per_m2
        profile = UseProfile.of(year_mwh, _NORMAL_YEAR_DAYS, self.table.normal_year_dd, self.h)
        use_mwh = to_mwh_resolution(profile.use_over(self.period, self.table))
        method = EstimateMethod.AREA
        return self._basis(method, use_mwh, DEFAULT_M3_PER_MWH, year_mwh, area_m2=area_m2)

    def _basis(
        self,
        method: EstimateMethod,
        use_mwh: Decimal,
        m3_per_mwh: Decimal,
        reference_use_mwh: Decimal,
        *,
        reference: Reading | None = None,
        area_m2: Decimal | None = None,
    ) -> EstimateBasis:
        return EstimateBasis(
            method=method,
            start_reading=self.start,
            period=self.period,
            period_dd=self.table.degree_days(self.period),
            period_dd_measured=self.table.is_measured(self.period),
            hot_water_share_percent=self.h,
            use_mwh=use_mwh,
            m3_per_mwh=m3_per_mwh,
            reference_use_mwh=reference_use_mwh,
            reference_reading=reference,
            heated_area_m2=area_m2,
        )


def _is_real(reading: Reading) -> bool:
    return reading.source is not ReadingSource.ESTIMATED
