"""Use by the weather: normalised to a normal year, split by days and degree days, expected.

DANISH-RULES.md "Degree days (graddage) and estimates": hot water h % by days, space heating
by degree days. Quantities are exact Decimals; use that is split is at 0.001 MWh.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.consumption import (
    MWH_RESOLUTION,
    allocate_mwh,
    expected_use,
    format_m3,
    format_mwh,
    normal_year_use,
    normalise_use,
    split_use,
    to_mwh_resolution,
)
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError

NORMAL = DegreeDayTable()
MILD_2024_DD = (420, 390, 360, 250, 120, 40, 10, 10, 70, 170, 280, 380)  # 2500 in all
MILD_2024 = DegreeDayTable(
    {(2024, month): Decimal(dd) for month, dd in enumerate(MILD_2024_DD, start=1)}
)
YEAR_2024 = Period.calendar_year(2024)
H = Decimal(25)


# --- normalisation -----------------------------------------------------------------------------
def test_published_example_3808_4_mwh_normalises_to_4409_43_mwh() -> None:
    """DANISH-RULES.md: 3 808,4 MWh, h = 25, normal 3112, actual 2 571,0 → 4 409,43 MWh."""
    normal = normalise_use(Decimal("3808.4"), Decimal("2571.0"), Decimal(3112), H)
    assert normal.quantize(Decimal("0.01")) == Decimal("4409.43")
    assert to_mwh_resolution(normal) == Decimal("4409.434")  # computed exactly, rounded to show
    assert format_mwh(normal) == "4.409,434 MWh"


def test_a_mild_year_normalises_upwards_with_the_tables_degree_days() -> None:
    assert MILD_2024.degree_days(YEAR_2024) == 2500
    normal = normal_year_use(Decimal(20), YEAR_2024, MILD_2024, H)
    assert normal == Decimal(20) * (75 * Decimal(3112) / 2500 + 25) / 100


def test_normalising_without_degree_days_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_use(Decimal(10), Decimal(0), Decimal(3112), H)
    assert caught.value.message == (
        "forbruget kan ikke normaliseres uden graddage i perioden, fik 0"
    )


def test_a_hot_water_share_above_100_percent_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_use(Decimal(10), Decimal(3000), Decimal(3112), Decimal(101))
    assert caught.value.message == "varmtvandsandelen skal være fra 0 til 100 %, fik 101"


uses = st.decimals(min_value=0, max_value=100_000, places=3)
shares = st.decimals(min_value=0, max_value=100, places=1)
degree_days = st.decimals(min_value=1, max_value=5000, places=1)


@given(uses, degree_days, shares)
def test_normalising_a_normal_year_returns_the_use_unchanged(
    use: Decimal, dd: Decimal, h: Decimal
) -> None:
    assert normalise_use(use, dd, dd, h) == use


@given(uses, degree_days, degree_days)
def test_normalising_pure_hot_water_returns_the_use_unchanged(
    use: Decimal, actual: Decimal, normal: Decimal
) -> None:
    assert normalise_use(use, actual, normal, Decimal(100)) == use


@given(uses, degree_days, degree_days, shares)
def test_a_colder_year_normalises_downwards(
    use: Decimal, a: Decimal, b: Decimal, h: Decimal
) -> None:
    actual, normal = max(a, b), min(a, b)
    assert normalise_use(use, actual, normal, h) <= use


# --- splitting a period ------------------------------------------------------------------------
def test_a_move_on_1_march_puts_the_winter_on_the_first_customer() -> None:
    winter = Period(date(2024, 1, 1), date(2024, 3, 1))
    rest = Period(date(2024, 3, 1), date(2025, 1, 1))
    first, second = split_use(Decimal("20.000"), (winter, rest), MILD_2024, H)
    assert first + second == Decimal("20.000")
    # hot water 5 MWh by days (60 of 366), space heating 15 MWh by degree days (810 of 2500)
    exact = Decimal(5) * 60 / 366 + Decimal(15) * 810 / 2500
    assert first == to_mwh_resolution(exact) == Decimal("5.680")


def test_with_only_hot_water_the_split_is_by_days() -> None:
    halves = (
        Period(date(2025, 1, 1), date(2025, 7, 2)),
        Period(date(2025, 7, 2), date(2026, 1, 1)),
    )
    assert split_use(Decimal("3.650"), halves, NORMAL, Decimal(100)) == (
        Decimal("1.820"),
        Decimal("1.830"),
    )


def test_the_last_kwh_goes_to_the_largest_remainders() -> None:
    assert allocate_mwh(Decimal("0.010"), [Decimal(1)] * 3) == (
        Decimal("0.004"),
        Decimal("0.003"),
        Decimal("0.003"),
    )


def test_sub_periods_with_a_gap_are_refused() -> None:
    parts = (Period(date(2024, 1, 1), date(2024, 2, 1)), Period(date(2024, 2, 2), date(2024, 3, 1)))
    with pytest.raises(ValidationError) as caught:
        split_use(Decimal(1), parts, NORMAL, H)
    assert caught.value.message == (
        "delperioderne skal følge lige efter hinanden; én slutter før 01-02-2024, "
        "den næste begynder 02-02-2024"
    )


def test_a_use_finer_than_a_kwh_is_refused_because_the_parts_could_not_add_up() -> None:
    with pytest.raises(ValidationError) as caught:
        split_use(Decimal("1.0005"), (YEAR_2024,), NORMAL, H)
    assert caught.value.message == (
        "et forbrug der fordeles skal være mindst 0 og i hele kWh (0,001 MWh), fik 1,0005"
    )


@st.composite
def consecutive_periods(draw: st.DrawFn) -> list[Period]:
    start = draw(st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 12, 31)))
    lengths = draw(st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=8))
    periods = []
    for days in lengths:
        periods.append(Period(start, start + timedelta(days=days)))
        start += timedelta(days=days)
    return periods


@given(uses, consecutive_periods(), shares)
def test_the_parts_of_a_split_add_up_exactly_to_the_whole(
    use: Decimal, parts: list[Period], h: Decimal
) -> None:
    split = split_use(use, parts, MILD_2024, h)
    assert sum(split, Decimal(0)) == use
    assert all(part >= 0 and part % MWH_RESOLUTION == 0 for part in split)


@given(uses, consecutive_periods())
def test_a_split_by_days_alone_is_proportional_to_days_within_a_kwh(
    use: Decimal, parts: list[Period]
) -> None:
    split = split_use(use, parts, MILD_2024, Decimal(100))
    total_days = sum(p.days for p in parts)
    for part, period in zip(split, parts, strict=True):
        assert abs(part - use * period.days / total_days) < MWH_RESOLUTION


# --- the expected use ------------------------------------------------------------------------
def test_last_years_use_is_expected_again_in_the_same_weather() -> None:
    expected = expected_use(YEAR_2024, Decimal(20), YEAR_2024, MILD_2024, H)
    assert to_mwh_resolution(expected) == Decimal("20.000")


def test_a_normal_winter_after_a_mild_year_is_expected_to_use_more() -> None:
    """vestervig 5.9: the likely use moves with degree days; 2025 has only the normal year."""
    expected = expected_use(Period.calendar_year(2025), Decimal(20), YEAR_2024, MILD_2024, H)
    hot_water = Decimal(5) / 366 * 365
    assert expected == hot_water + Decimal(15) / 2500 * 3112


def test_the_expected_january_is_mostly_space_heating() -> None:
    january = Period(date(2025, 1, 1), date(2025, 2, 1))
    expected = expected_use(january, Decimal(20), YEAR_2024, MILD_2024, H)
    assert to_mwh_resolution(expected) == to_mwh_resolution(
        Decimal(5) / 366 * 31 + Decimal(15) / 2500 * 519
    )


@given(uses, shares)
def test_expected_use_over_a_normal_year_is_the_normalised_use(use: Decimal, h: Decimal) -> None:
    normal_2025 = Period.calendar_year(2025)  # 365 days, the normal year only
    last_year = Period.calendar_year(2023)  # 365 days; MILD_2024 has no 2023: normal too
    expected = expected_use(normal_2025, use, last_year, MILD_2024, h)
    assert abs(expected - use) < Decimal("1e-18")


def test_quantities_are_shown_in_danish_notation() -> None:
    assert format_mwh(Decimal("1234.5")) == "1.234,500 MWh"
    assert format_m3(Decimal("0.0005")) == "0,001 m³"
    assert format_mwh(Decimal("-2")) == "-2,000 MWh"
