"""Degree days: measured months where known, Dansk Fjernvarme's normal year elsewhere."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.degree_days import (
    DANSK_FJERNVARME_NORMAL_YEAR_DD,
    DegreeDayTable,
    Period,
    table_of,
)
from heatbill.domain.errors import ValidationError

NORMAL = DegreeDayTable()
WINTER_2024 = DegreeDayTable({(2024, 1): Decimal("600.5"), (2024, 2): Decimal(400)})


def test_dansk_fjernvarmes_normal_year_has_3112_degree_days() -> None:
    assert sum(DANSK_FJERNVARME_NORMAL_YEAR_DD) == 3112
    assert NORMAL.normal_year_dd == 3112
    assert NORMAL.degree_days(Period.calendar_year(2025)) == 3112


def test_a_heating_year_from_june_also_has_the_whole_normal_year() -> None:
    heating_year = Period(date(2024, 6, 1), date(2025, 6, 1))
    assert NORMAL.normal_degree_days(heating_year) == 3112


def test_a_measured_month_replaces_the_normal_month() -> None:
    assert WINTER_2024.month_dd(2024, 1) == Decimal("600.5")
    assert WINTER_2024.month_dd(2025, 1) == 519  # not measured: the normal January
    january = Period(date(2024, 1, 1), date(2024, 2, 1))
    assert WINTER_2024.degree_days(january) == Decimal("600.5")
    assert WINTER_2024.normal_degree_days(january) == 519


def test_a_partly_covered_month_counts_pro_rata_by_days() -> None:
    ten_days_of_january = Period(date(2025, 1, 22), date(2025, 2, 1))
    assert NORMAL.degree_days(ten_days_of_january) == Decimal(519) * 10 / 31


def test_february_of_a_leap_year_is_shared_over_29_days() -> None:
    first_half = Period(date(2024, 2, 1), date(2024, 2, 15))
    assert WINTER_2024.degree_days(first_half) == Decimal(400) * 14 / 29


def test_a_period_over_a_year_end_sums_both_years() -> None:
    period = Period(date(2023, 12, 1), date(2024, 3, 1))
    assert WINTER_2024.degree_days(period) == 461 + Decimal("600.5") + 400
    assert not WINTER_2024.is_measured(period)  # December 2023 is the normal year's
    assert WINTER_2024.is_measured(Period(date(2024, 1, 5), date(2024, 2, 20)))


def test_new_months_are_added_without_changing_the_table() -> None:
    later = WINTER_2024.with_months({(2024, 3): Decimal(300), (2024, 1): Decimal(590)})
    assert later.month_dd(2024, 3) == 300
    assert later.month_dd(2024, 1) == 590
    assert WINTER_2024.month_dd(2024, 1) == Decimal("600.5")


def test_a_utility_may_use_its_own_normal_year() -> None:
    own = DegreeDayTable(normal_dd=tuple(Decimal(250) for _ in range(12)))
    assert own.normal_year_dd == 3000


def test_negative_degree_days_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        DegreeDayTable({(2024, 1): Decimal(-1)})
    assert caught.value.message == "graddage for 2024-01 skal være et tal på mindst 0, fik -1"


def test_a_month_13_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        DegreeDayTable({(2024, 13): Decimal(1)})
    assert caught.value.message == "måneden 2024-13 findes ikke; forventede måned 1–12"


def test_a_normal_year_needs_twelve_months() -> None:
    with pytest.raises(ValidationError) as caught:
        DegreeDayTable(normal_dd=(Decimal(1),) * 11)
    assert caught.value.message == "et normalår har graddage for 12 måneder, fik 11"


def test_degree_days_are_decimal_never_float() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        DegreeDayTable({(2024, 1): 600.5})  # type: ignore[dict-item]


def test_a_period_must_end_after_it_begins() -> None:
    with pytest.raises(ValidationError) as caught:
        Period(date(2024, 3, 1), date(2024, 3, 1))
    assert caught.value.message == (
        "en periode skal slutte efter den begynder, fik 01-03-2024 – 01-03-2024"
    )


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(days, st.integers(min_value=1, max_value=800), st.integers(min_value=1, max_value=800))
def test_degree_days_of_consecutive_periods_add_up(start: date, first: int, second: int) -> None:
    cut, end = start + timedelta(days=first), start + timedelta(days=first + second)
    whole = WINTER_2024.degree_days(Period(start, end))
    parts = WINTER_2024.degree_days(Period(start, cut)) + WINTER_2024.degree_days(Period(cut, end))
    assert abs(whole - parts) < Decimal("1e-20")


def test_the_same_months_give_the_same_table_and_new_months_a_new_one() -> None:
    months = {(2026, 1): Decimal("512.3"), (2026, 2): Decimal("430.0")}
    table = table_of(months)
    assert table_of(dict(reversed(list(months.items())))) is table
    period = Period(date(2026, 1, 10), date(2026, 3, 5))
    assert table.degree_days(period) == DegreeDayTable(months).degree_days(period)
    changed = table_of({**months, (2026, 2): Decimal("431.0")})
    assert changed is not table
    assert changed.degree_days(period) == DegreeDayTable(changed.actual_dd).degree_days(period)
