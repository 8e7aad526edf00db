"""Danish bank days (DANISH-RULES.md "Danish bank days") and the due-date rules built on them.

The rules and worked examples run on a small fake holiday provider, so they test the domain and
not the `holidays` package; the Nationalbanken checks run on the real adapter.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar, danish_public_holidays
from heatbill.domain.calendar import BankCalendar, ClosingDay, easter_sunday
from heatbill.domain.errors import ValidationError

DAY = timedelta(days=1)


def fake_public_holidays(year: int) -> dict[date, str]:
    """Denmark's public holidays written out by hand; no bank closing days, no 1 May."""
    easter = easter_sunday(year)
    by_easter = {-3: "Skærtorsdag", -2: "Langfredag", 0: "Påskedag", 1: "Anden påskedag"}
    by_easter |= {39: "Kristi himmelfartsdag", 49: "Pinsedag", 50: "Anden pinsedag"}
    fixed = {date(year, 1, 1): "Nytårsdag", date(year, 12, 25): "Juledag"}
    fixed[date(year, 12, 26)] = "Anden juledag"
    return fixed | {easter + timedelta(days=n): name for n, name in by_easter.items()}


FAKE = BankCalendar(fake_public_holidays)
REAL = danish_bank_calendar()

# --- the calendar ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1818, date(1818, 3, 22)),  # the earliest possible Easter
        (2000, date(2000, 4, 23)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),  # the latest possible Easter
    ],
)
def test_easter_sunday_by_the_gregorian_computus(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_the_four_bank_closing_days_are_added_to_any_provider() -> None:
    calendar = BankCalendar(lambda _year: {})
    closed = [date(2026, 5, 15), date(2026, 6, 5), date(2026, 12, 24), date(2026, 12, 31)]
    assert [calendar.is_bank_day(day) for day in closed] == [False] * 4
    assert calendar.is_bank_day(date(2026, 5, 14))  # the provider's holiday, absent here


def test_weekends_are_never_bank_days_and_1_may_is_one() -> None:
    assert not FAKE.is_bank_day(date(2026, 11, 21))  # Saturday
    assert not FAKE.is_bank_day(date(2026, 11, 22))  # Sunday
    assert FAKE.is_bank_day(date(2026, 5, 1))  # Arbejdernes kampdag, a Friday


def test_closing_days_are_sorted_and_named_in_danish() -> None:
    days = FAKE.closing_days(2026)
    assert days == tuple(sorted(days))
    assert ClosingDay(date(2026, 5, 15), "Fredag efter Kristi himmelfartsdag") in days
    assert ClosingDay(date(2026, 12, 31), "Nytårsaftensdag") in days


def test_grundlovsdag_on_anden_pinsedag_carries_both_names() -> None:
    assert ClosingDay(date(2017, 6, 5), "Anden pinsedag, Grundlovsdag") in FAKE.closing_days(2017)


def test_the_provider_is_asked_once_per_year_and_only_its_year_counts() -> None:
    asked: list[int] = []

    def provider(year: int) -> dict[date, str]:
        asked.append(year)
        return {date(year, 3, 3): "Testdag", date(year + 1, 3, 3): "Andet år"}

    calendar = BankCalendar(provider)
    assert not calendar.is_bank_day(date(2026, 3, 3))
    assert not calendar.is_bank_day(date(2027, 3, 3))  # from 2027's own answer
    assert calendar.is_bank_day(date(2026, 3, 4))
    assert asked == [2026, 2027]
    assert calendar.closing_days(2026)[0] == ClosingDay(date(2026, 3, 3), "Testdag")


# --- worked examples -------------------------------------------------------------------------


def test_a_closing_day_rolls_to_the_next_bank_day() -> None:
    assert FAKE.bank_day_on_or_after(date(2026, 12, 22)) == date(2026, 12, 22)
    assert FAKE.bank_day_on_or_after(date(2026, 12, 24)) == date(2026, 12, 28)
    assert FAKE.following_bank_day(date(2026, 12, 22)) == date(2026, 12, 23)
    assert FAKE.following_bank_day(date(2026, 12, 23)) == date(2026, 12, 28)


def test_aalborg_2_7_five_working_days_notice_skips_christmas() -> None:
    assert FAKE.add_bank_days(date(2026, 12, 21), 5) == date(2026, 12, 30)
    assert FAKE.add_bank_days(date(2027, 1, 4), -1) == date(2026, 12, 30)
    assert FAKE.add_bank_days(date(2026, 12, 24), 0) == date(2026, 12, 24)


def test_4rater_charges_on_the_first_bank_day_of_the_month() -> None:
    assert FAKE.nth_bank_day_of_month(2026, 1, 1) == date(2026, 1, 2)  # 1 Jan is Nytårsdag
    assert FAKE.nth_bank_day_of_month(2026, 3, 1) == date(2026, 3, 2)  # 1 March is a Sunday


def test_a_month_has_no_zeroth_or_twenty_fourth_bank_day() -> None:
    with pytest.raises(ValueError, match="counts from 1"):
        FAKE.nth_bank_day_of_month(2026, 3, 0)
    with pytest.raises(ValueError, match="fewer than 24 bank days"):
        FAKE.nth_bank_day_of_month(2026, 3, 24)


def test_vestervig_6_4_fourteen_days_across_a_month_end() -> None:
    assert FAKE.due_at_least(date(2026, 11, 20), 14) == date(2026, 12, 4)
    # 10 Dec + 14 days is 24 Dec, still December: the month end pushes it to 1 Jan, Nytårsdag.
    assert FAKE.due_at_least(date(2026, 12, 10), 14) == date(2027, 1, 4)
    assert FAKE.due_at_least(date(2026, 12, 10), 14, roll_to_bank_day=False) == date(2027, 1, 1)
    # Without the month-end rule 24 Dec is the date, a closing day, rolled past Christmas.
    in_december = FAKE.due_at_least(date(2026, 12, 10), 14, across_month_end=False)
    assert in_december == date(2026, 12, 28)
    assert FAKE.due_at_least(date(2026, 11, 2), 14) == date(2026, 12, 1)  # 16 Nov: same month
    assert FAKE.due_at_least(date(2026, 11, 2), 14, across_month_end=False) == date(2026, 11, 16)


def test_aalborg_2_2_fourteen_days_then_the_second_bank_day_of_a_month() -> None:
    assert FAKE.due_on_nth_bank_day(date(2026, 11, 10), 14, 2) == date(2026, 12, 2)
    assert FAKE.due_on_nth_bank_day(date(2026, 11, 20), 14, 2) == date(2027, 1, 5)  # 1 Jan shut
    assert FAKE.due_on_nth_bank_day(date(2026, 12, 18), 14, 2) == date(2027, 1, 5)


def test_a_negative_payment_period_is_refused() -> None:
    with pytest.raises(ValueError, match="not negative"):
        FAKE.due_at_least(date(2026, 11, 20), -1)
    with pytest.raises(ValueError, match="not negative"):
        FAKE.due_on_nth_bank_day(date(2026, 11, 20), -1, 2)


# --- properties ------------------------------------------------------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def bank_days_between(first: date, last: date) -> int:
    """Bank days in the closed range [first, last]."""
    return sum(FAKE.is_bank_day(first + n * DAY) for n in range((last - first).days + 1))


@given(days)
def test_next_bank_day_is_the_first_bank_day_on_or_after(day: date) -> None:
    found = FAKE.bank_day_on_or_after(day)
    assert found >= day
    assert FAKE.is_bank_day(found)
    assert bank_days_between(day, found - DAY) == 0
    assert FAKE.following_bank_day(day) == FAKE.bank_day_on_or_after(day + DAY)


@given(days, st.integers(min_value=-40, max_value=40))
def test_add_bank_days_skips_exactly_that_many_bank_days(day: date, count: int) -> None:
    found = FAKE.add_bank_days(day, count)
    if count == 0:
        assert found == day
        return
    assert FAKE.is_bank_day(found)
    first, last = (day + DAY, found) if count > 0 else (found, day - DAY)
    assert bank_days_between(first, last) == abs(count)


@given(days, st.integers(min_value=0, max_value=60), st.booleans(), st.booleans())
def test_due_at_least_is_the_earliest_date_meeting_every_condition(
    issue: date, min_days: int, across_month_end: bool, roll: bool
) -> None:
    def acceptable(due: date) -> bool:
        return (
            due >= issue + min_days * DAY
            and (not across_month_end or (due.year, due.month) > (issue.year, issue.month))
            and (not roll or FAKE.is_bank_day(due))
        )

    due = FAKE.due_at_least(
        issue, min_days, across_month_end=across_month_end, roll_to_bank_day=roll
    )
    assert acceptable(due)
    assert not any(acceptable(issue + n * DAY) for n in range((due - issue).days))


@given(days, st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=3))
def test_due_on_nth_bank_day_is_the_first_such_day_late_enough(
    issue: date, min_days: int, nth: int
) -> None:
    due = FAKE.due_on_nth_bank_day(issue, min_days, nth)
    assert due == FAKE.nth_bank_day_of_month(due.year, due.month, nth)
    assert due >= issue + min_days * DAY
    before = date(due.year, due.month, 1) - DAY
    assert FAKE.nth_bank_day_of_month(before.year, before.month, nth) < issue + min_days * DAY


@given(days, st.integers(min_value=1, max_value=19))
def test_nth_bank_day_has_n_minus_one_bank_days_before_it_in_its_month(day: date, nth: int) -> None:
    # An Easter month can hold fewer than 19 bank days: ask for at most as many as there are.
    first = date(day.year, day.month, 1)
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    nth = min(nth, bank_days_between(first, next_month - DAY))
    found = FAKE.nth_bank_day_of_month(day.year, day.month, nth)
    assert (found.year, found.month) == (day.year, day.month)
    assert FAKE.is_bank_day(found)
    assert bank_days_between(date(day.year, day.month, 1), found) == nth


# --- the real calendar against Nationalbanken ------------------------------------------------

NATIONALBANKEN_CLOSED = {
    2026: {date(2026, 1, 1), date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 6),
           date(2026, 5, 14), date(2026, 5, 15), date(2026, 5, 25), date(2026, 6, 5),
           date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 31)},
    2027: {date(2027, 1, 1), date(2027, 3, 25), date(2027, 3, 26), date(2027, 3, 29),
           date(2027, 5, 6), date(2027, 5, 7), date(2027, 5, 17), date(2027, 6, 5),
           date(2027, 12, 24), date(2027, 12, 31)},
}  # fmt: skip
"""DANISH-RULES.md. The list names some Saturday closings (26 Dec 2026, 5 Jun 2027) but not
others (25 Dec 2027) nor the Sundays, so the weekdays are compared exactly."""


@pytest.mark.parametrize("year", sorted(NATIONALBANKEN_CLOSED))
def test_weekday_closing_days_are_exactly_nationalbankens(year: int) -> None:
    listed = NATIONALBANKEN_CLOSED[year]
    ours = {closing.day for closing in REAL.closing_days(year)}
    assert {day for day in ours if day.weekday() < 5} == {d for d in listed if d.weekday() < 5}
    assert listed <= ours  # the Saturdays it lists are closing days too
    weekdays = [date(year, 1, 1) + n * DAY for n in range(365)]
    closed = {d for d in weekdays if d.weekday() < 5 and not REAL.is_bank_day(d)}
    assert closed == {d for d in listed if d.weekday() < 5}


def test_store_bededag_closed_in_2023_and_a_bank_day_from_2024() -> None:
    assert not REAL.is_bank_day(date(2023, 5, 5))
    assert REAL.is_bank_day(date(2024, 4, 26))


def test_1_may_and_grundlovsdag_are_not_taken_from_the_package() -> None:
    assert date(2026, 5, 1) not in danish_public_holidays(2026)
    assert date(2026, 6, 5) not in danish_public_holidays(2026)  # the domain adds it
    assert REAL.is_bank_day(date(2026, 5, 1))


def test_the_computed_ascension_is_the_packages_kristi_himmelfartsdag() -> None:
    for year in range(1950, 2101):
        by_name = {name: day for day, name in danish_public_holidays(year).items()}
        assert by_name["Kristi himmelfartsdag"] == easter_sunday(year) + 39 * DAY
        assert by_name["Påskedag"] == easter_sunday(year)


def test_easter_2026_closes_thursday_to_monday() -> None:
    assert REAL.bank_day_on_or_after(date(2026, 4, 2)) == date(2026, 4, 7)


def test_a_year_the_package_does_not_cover_is_refused_not_empty() -> None:
    with pytest.raises(ValidationError, match="not for 2101"):
        REAL.is_bank_day(date(2101, 12, 26))
