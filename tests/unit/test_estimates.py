"""Estimated readings (beregnet forbrug, `vestervig 5.7`, `6.3`): from the last real reading.

Between two real readings the use is split at the date; after the last one, last year's use is
moved by degree days; without a year of history a normal year per m² heated area stands in.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from heatbill.domain.consumption import to_m3_resolution, to_mwh_resolution
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.estimates import (
    DEFAULT_M3_PER_MWH,
    EstimateMethod,
    estimate_reading,
    use_period,
)
from heatbill.domain.register.installations import Meter, ReadingMethod
from heatbill.domain.register.readings import Reading, ReadingSource

MILD_2024_DD = (420, 390, 360, 250, 120, 40, 10, 10, 70, 170, 280, 380)  # 2500 in all
TABLE = DegreeDayTable(
    {(2024, month): Decimal(dd) for month, dd in enumerate(MILD_2024_DD, start=1)}
)
H = Decimal(25)
METER = Meter(1, 10, "A-100", date(2020, 1, 1), ReadingMethod.SELF)


def reading(
    day: date,
    energy_mwh: str,
    volume_m3: str,
    *,
    source: ReadingSource = ReadingSource.CARD,
    meter_id: int = 1,
) -> Reading:
    return Reading(meter_id, day, Decimal(energy_mwh), Decimal(volume_m3), source)


END_2023 = reading(date(2023, 12, 31), "100.000", "2000.000")
END_2024 = reading(date(2024, 12, 31), "120.000", "2574.000")  # 20 MWh, 574 m³: 28.7 m³/MWh


def test_a_missing_card_is_estimated_from_last_years_use_by_degree_days_vestervig_5_7() -> None:
    estimate = estimate_reading(METER, date(2025, 1, 31), [END_2023, END_2024], TABLE, H)
    january_mwh = to_mwh_resolution(Decimal(5) / 366 * 31 + Decimal(15) / 2500 * 519)
    assert january_mwh == Decimal("3.537")
    assert estimate.reading == Reading(
        1,
        date(2025, 1, 31),
        Decimal("123.537"),
        Decimal("2574.000") + to_m3_resolution(january_mwh * Decimal("28.7")),
        ReadingSource.ESTIMATED,
    )
    basis = estimate.basis
    assert basis.method is EstimateMethod.LAST_YEAR
    assert (basis.start_reading, basis.reference_reading) == (END_2024, END_2023)
    assert basis.period == Period(date(2025, 1, 1), date(2025, 2, 1))
    assert (basis.period_dd, basis.period_dd_measured) == (Decimal(519), False)
    assert (basis.use_mwh, basis.reference_use_mwh) == (january_mwh, Decimal(20))
    assert basis.m3_per_mwh == Decimal("28.7")
    assert basis.hot_water_share_percent == H


def test_a_real_reading_after_the_date_wins_the_use_between_is_split_at_the_date() -> None:
    """A move on 1 March 2024 with no move reading: the year's real use, split by weather."""
    estimate = estimate_reading(METER, date(2024, 2, 29), [END_2023, END_2024], TABLE, H)
    assert estimate.basis.method is EstimateMethod.BETWEEN_READINGS
    assert estimate.basis.reference_reading == END_2024
    expected = to_mwh_resolution(Decimal(5) * 60 / 366 + Decimal(15) * 810 / 2500)
    assert estimate.reading.energy_mwh == Decimal(100) + expected
    assert estimate.basis.period_dd_measured


def test_under_a_year_of_history_falls_back_to_the_heated_area() -> None:
    """ASSUMPTION: 0.13 MWh per m² in a normal year; 130 m² → 16.9 MWh."""
    start = reading(date(2025, 1, 1), "0.000", "0.000", source=ReadingSource.TECHNICIAN)
    estimate = estimate_reading(
        METER, date(2025, 1, 31), [start], TABLE, H, heated_area_m2=Decimal(130)
    )
    basis = estimate.basis
    assert basis.method is EstimateMethod.AREA
    assert basis.reference_use_mwh == Decimal("16.90")
    assert basis.heated_area_m2 == 130
    exact = (
        Decimal("16.9") * 25 / 100 / 365 * 30 + Decimal("16.9") * 75 / 100 / 3112 * 519 * 30 / 31
    )
    assert estimate.reading.energy_mwh == to_mwh_resolution(exact)
    assert basis.m3_per_mwh == DEFAULT_M3_PER_MWH


def test_the_rulebooks_area_figure_replaces_the_default() -> None:
    start = reading(date(2025, 1, 1), "0.000", "0.000")
    estimate = estimate_reading(
        METER,
        date(2025, 12, 31),
        [start],
        TABLE,
        Decimal(0),
        heated_area_m2=Decimal(100),
        mwh_per_m2=Decimal("0.2"),
    )
    # the whole of 2025 but its first day: 20 MWh of space heating less 1 January's share
    assert estimate.reading.energy_mwh == to_mwh_resolution(
        Decimal(20) / 3112 * (3112 - Decimal(519) / 31)
    )


def test_estimates_and_other_meters_readings_are_not_history() -> None:
    earlier_estimate = reading(
        date(2023, 6, 30), "90.000", "1700.000", source=ReadingSource.ESTIMATED
    )
    other_meter = reading(date(2023, 12, 31), "5.000", "100.000", meter_id=2)
    readings = [earlier_estimate, other_meter, END_2024]
    with pytest.raises(ValidationError) as caught:
        estimate_reading(METER, date(2025, 1, 31), readings, TABLE, H)
    assert caught.value.message == (
        "måler A-100 har aflæsninger for mindre end et år; beregningen kræver ejendommens "
        "opvarmede areal"
    )


def test_a_real_reading_on_the_date_is_never_replaced_by_an_estimate() -> None:
    with pytest.raises(ValidationError) as caught:
        estimate_reading(METER, date(2024, 12, 31), [END_2023, END_2024], TABLE, H)
    assert caught.value.message == (
        "der findes en rigtig aflæsning den 31-12-2024; den går forud for et beregnet forbrug"
    )


def test_an_estimate_needs_a_reading_to_start_from() -> None:
    with pytest.raises(ValidationError) as caught:
        estimate_reading(METER, date(2023, 6, 30), [END_2023], TABLE, H)
    assert caught.value.message == (
        "måler A-100 har ingen aflæsning før 30-06-2023 at beregne forbruget fra"
    )


def test_a_decreasing_history_cannot_be_used() -> None:
    wrong = reading(date(2024, 12, 31), "90.000", "2574.000")
    with pytest.raises(ValidationError) as caught:
        estimate_reading(METER, date(2025, 1, 31), [END_2023, wrong], TABLE, H)
    assert caught.value.message == (
        "målerstanden faldt mellem aflæsningerne 31-12-2023 og 31-12-2024; de kan ikke bruges "
        "til at beregne forbruget"
    )


def test_a_year_back_from_29_february_is_28_february() -> None:
    leap = reading(date(2024, 2, 29), "110.000", "2287.000")
    year_before = reading(date(2023, 2, 28), "90.000", "1713.000")
    estimate = estimate_reading(METER, date(2024, 3, 31), [year_before, leap], TABLE, H)
    assert estimate.basis.method is EstimateMethod.LAST_YEAR
    assert estimate.basis.reference_reading == year_before


def test_the_use_between_readings_belongs_to_the_days_after_the_first() -> None:
    assert use_period(date(2023, 12, 31), date(2024, 12, 31)) == Period.calendar_year(2024)
