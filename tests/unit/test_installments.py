"""Installment dates: charged on the rulebook's day, due by its due-date rule (`4rater`,
`vestervig 6.1`, `6.4`, `aalborg 2.2`), and the installments left for a move-in.

Rolling rules run on a fake bank calendar whose invented closing days land on installment
dates; the worked examples run on the real Danish bank calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import load_rulebook_preset, preset_text
from heatbill.domain.billing.installments import (
    InstallmentDate,
    due_date,
    heating_year,
    heating_year_of,
    installment_schedule,
    schedule_from,
)
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.degree_days import Period
from heatbill.domain.rulebook import Clause, Rulebook, parse_rulebook_text

REAL = danish_bank_calendar()
FOUR_RATES = load_rulebook_preset("4rater")
AALBORG = load_rulebook_preset("aalborg")
VESTERVIG = load_rulebook_preset("vestervig")
SOLROD = load_rulebook_preset("solrod")


def fake_closing_days(year: int) -> dict[date, str]:
    """Invented closing days on installment dates, so that every rule has to roll."""
    return {
        date(year, 1, 1): "Nytårsdag",
        date(year, 1, 2): "Testdag på rate 1",
        date(year, 3, 2): "Testdag på den første hverdag i marts",
        date(year, 4, 1): "Testdag på en forfaldsdag",
        date(year, 7, 1): "Testdag på en fast rate",
    }


FAKE = BankCalendar(fake_closing_days)


def four_rates_with(dates: str, charge_day: str) -> Rulebook:
    """`4rater` with other installment dates and charge-day rule, as a utility might set them."""
    text = preset_text("4rater")
    old_dates = 'dates = { value = ["01-02", "03-01", "06-01", "09-01"]'
    old_charge = 'charge_day = { value = "first_bank_day"'
    assert text.count(old_dates) == 1
    assert text.count(old_charge) == 1
    text = text.replace(old_dates, f"dates = {{ value = {dates}")
    text = text.replace(old_charge, f'charge_day = {{ value = "{charge_day}"')
    return parse_rulebook_text(text, "4rater.toml")


def charges(schedule: list[InstallmentDate]) -> list[date]:
    return [item.charge_date for item in schedule]


def dues(schedule: list[InstallmentDate]) -> list[date]:
    return [item.due_date for item in schedule]


# --- worked examples on the real calendar ------------------------------------------------------


def test_4rater_2026_is_charged_on_the_first_bank_day_of_each_month_and_due_a_month_end_later() -> (
    None
):
    schedule = installment_schedule(2026, FOUR_RATES, REAL)
    assert [item.number for item in schedule] == [1, 2, 3, 4]
    nominal = [date(2026, 1, 2), date(2026, 3, 1), date(2026, 6, 1), date(2026, 9, 1)]
    assert [item.nominal_date for item in schedule] == nominal
    # 1 March 2026 is a Sunday: rate 2 is charged on Monday 2 March.
    assert charges(schedule) == [date(2026, 1, 2), date(2026, 3, 2), *nominal[2:]]
    # 14 days stay inside the month, so each falls due on the first bank day of the next;
    # 1 February 2026 is a Sunday.
    due = [date(2026, 2, 2), date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)]
    assert dues(schedule) == due
    assert {item.charge_clause for item in schedule} == {Clause("4rater")}
    assert {item.due_clause for item in schedule} == {Clause("vestervig", "6.4")}
    assert not any(item.at_move_in for item in schedule)


def test_an_installment_on_24_december_is_charged_on_the_next_bank_day() -> None:
    book = four_rates_with('["03-01", "06-01", "09-01", "12-24"]', "fixed")
    last = installment_schedule(2026, book, REAL)[-1]
    # Thursday 24 December 2026 is a bank closing day, 25 and 26 are holidays, then a weekend.
    assert last.nominal_date == date(2026, 12, 24)
    assert last.charge_date == date(2026, 12, 28)
    assert last.due_date == date(2027, 1, 11)  # 14 days, already across the month end


def test_aalborg_monthly_december_installment_is_charged_on_1_december_2026() -> None:
    december = installment_schedule(2026, AALBORG, REAL)[-1]
    assert (december.number, december.charge_date) == (12, date(2026, 12, 1))
    # 2nd bank day of January 2027: 1 January is a holiday, the 2nd and 3rd a weekend.
    assert december.due_date == date(2027, 1, 5)


def test_aalborg_due_dates_fall_on_the_2nd_bank_day_of_a_month_2_2() -> None:
    schedule = installment_schedule(2026, AALBORG, REAL)
    assert dues(schedule)[:4] == [
        date(2026, 2, 3),  # charged Friday 2 Jan; 2 Feb is the 1st bank day, 3 Feb the 2nd
        date(2026, 3, 3),
        date(2026, 4, 7),  # Easter: 1 April, then closed 2, 3 and 6 April
        date(2026, 5, 4),
    ]
    for item in schedule:
        due = item.due_date
        assert due == REAL.nth_bank_day_of_month(due.year, due.month, 2)
        assert due >= item.charge_date + timedelta(days=14)
        assert item.due_clause == Clause("aalborg", "2.2")


def test_vestervig_due_date_crosses_a_month_end_6_4() -> None:
    schedule = installment_schedule(2026, VESTERVIG, REAL)
    october = schedule[1]
    assert october.charge_date == date(2025, 10, 1)
    # 15 October is inside the month; 1 November 2025 is a Saturday, so Monday 3 November.
    assert october.due_date == date(2025, 11, 3)
    assert october.charge_clause == Clause("vestervig", "6.1")
    assert due_date(date(2026, 1, 20), VESTERVIG, REAL) == date(2026, 2, 3)  # 14 days cross


def test_vestervig_heating_year_runs_from_1_june_and_is_numbered_from_there() -> None:
    assert heating_year(2026, VESTERVIG) == Period(date(2025, 6, 1), date(2026, 6, 1))
    assert heating_year(2026, FOUR_RATES) == Period.calendar_year(2026)
    schedule = installment_schedule(2026, VESTERVIG, REAL)
    nominal = [date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1), date(2026, 4, 1)]
    assert [item.nominal_date for item in schedule] == nominal
    assert schedule[2].charge_date == date(2026, 1, 2)  # Nytårsdag rolls to Friday 2 January
    assert heating_year_of(date(2026, 5, 31), VESTERVIG) == 2026
    assert heating_year_of(date(2026, 6, 1), VESTERVIG) == 2027
    assert heating_year_of(date(2026, 12, 31), FOUR_RATES) == 2026


# --- rolling on the fake calendar ------------------------------------------------------------


def test_first_bank_day_rule_skips_closing_days_at_the_start_of_a_month() -> None:
    schedule = installment_schedule(2026, FOUR_RATES, FAKE)
    # 1 and 2 January closed → Monday 5 January; 1 March a Sunday and 2 March closed → 3 March.
    assert charges(schedule)[:2] == [date(2026, 1, 5), date(2026, 3, 3)]
    # Rate 2's due date, 1 April, is closed too: 2 April (no Easter in the fake calendar).
    assert dues(schedule)[1] == date(2026, 4, 2)


def test_a_fixed_installment_date_on_a_closing_day_rolls_to_the_next_bank_day() -> None:
    schedule = installment_schedule(2026, SOLROD, FAKE)
    assert charges(schedule) == [
        date(2026, 1, 5),
        date(2026, 4, 2),
        date(2026, 7, 2),
        date(2026, 10, 1),
    ]
    assert [item.nominal_date.day for item in schedule] == [1, 1, 1, 1]


# --- move-in -------------------------------------------------------------------------------


def test_a_move_in_before_the_first_charge_gets_the_whole_year() -> None:
    assert schedule_from(date(2026, 1, 1), FOUR_RATES, REAL) == installment_schedule(
        2026, FOUR_RATES, REAL
    )


def test_a_move_in_on_an_installment_date_starts_with_that_installment_no_extra() -> None:
    schedule = schedule_from(date(2026, 3, 1), FOUR_RATES, REAL)  # a Sunday: charged 2 March
    assert [item.number for item in schedule] == [2, 3, 4]
    assert charges(schedule)[0] == date(2026, 3, 2)
    assert not any(item.at_move_in for item in schedule)


def test_a_move_in_between_installments_is_charged_at_once_then_the_remaining_dates() -> None:
    schedule = schedule_from(date(2026, 4, 15), FOUR_RATES, REAL)
    first = schedule[0]
    assert (first.number, first.at_move_in) == (2, True)  # it stands in for rate 2
    assert (first.nominal_date, first.charge_date) == (date(2026, 4, 15), date(2026, 4, 15))
    assert first.due_date == date(2026, 5, 1)  # 1 May is a bank day
    assert first.charge_clause == Clause("4rater")
    assert charges(schedule)[1:] == [date(2026, 6, 1), date(2026, 9, 1)]


def test_a_move_in_after_the_last_installment_date_still_gets_one_installment() -> None:
    (only,) = schedule_from(date(2026, 11, 1), FOUR_RATES, REAL)
    assert (only.number, only.at_move_in) == (4, True)
    assert only.charge_date == date(2026, 11, 2)  # 1 November 2026 is a Sunday
    assert only.due_date == date(2026, 12, 1)


@given(st.dates(date(2026, 1, 1), date(2026, 12, 31)))
def test_a_move_in_schedule_starts_at_once_and_keeps_the_later_installments(move_in: date) -> None:
    schedule = schedule_from(move_in, FOUR_RATES, REAL)
    assert schedule[0].charge_date == REAL.bank_day_on_or_after(move_in)
    numbers, charged = [i.number for i in schedule], charges(schedule)
    assert numbers == sorted(set(numbers))
    assert charged == sorted(set(charged))
    assert sum(item.at_move_in for item in schedule) <= 1
    year = installment_schedule(2026, FOUR_RATES, REAL)
    assert [i for i in schedule if not i.at_move_in] == [
        i for i in year if i.charge_date >= schedule[0].charge_date
    ]


@pytest.mark.parametrize("book", [FOUR_RATES, AALBORG, VESTERVIG, SOLROD], ids=lambda b: b.name)
@given(year=st.integers(2024, 2035))
def test_every_preset_charges_on_bank_days_and_gives_at_least_14_days(
    book: Rulebook, year: int
) -> None:
    for item in installment_schedule(year, book, REAL):
        assert REAL.is_bank_day(item.charge_date)
        assert REAL.is_bank_day(item.due_date)
        assert item.due_date >= item.charge_date + timedelta(days=14)
        assert (item.due_date.year, item.due_date.month) != (
            item.charge_date.year,
            item.charge_date.month,
        )
