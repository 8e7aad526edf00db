"""Budgets (a-conto): the expected year, a move-in's season share, equal installments to the
øre (`4rater`), and re-setting later installments with a reason (`vestervig 6.1`).

Pricing is the tariff calculation's job; here a stand-in price is passed in: 600 kr. per MWh
and 10 kr. a day of fixed charges, incl. VAT.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import load_rulebook_preset, preset_text
from heatbill.domain.billing.budget import Budget, move_in_budget, year_budget
from heatbill.domain.billing.budget_reset import reset_for_new_use, reset_installments
from heatbill.domain.billing.budget_use import (
    BudgetBasis,
    YearUse,
    area_estimate,
    expected_year_use,
)
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money, round_ore
from heatbill.domain.rulebook import Clause, Rulebook, parse_rulebook_text

REAL = danish_bank_calendar()
NO_HOLIDAYS = BankCalendar(lambda _year: {})
FOUR_RATES = load_rulebook_preset("4rater")
VESTERVIG = load_rulebook_preset("vestervig")
NORMAL = DegreeDayTable()
H = Decimal(25)
HOUSE = YearUse(Decimal("20.000"), BudgetBasis.LAST_YEAR_ACTUAL)


def price(period: Period, mwh: Decimal) -> Money:
    """Stand-in tariff: 600 kr./MWh and 10 kr. a day, incl. VAT, rounded once."""
    return round_ore(mwh * 60_000 + Decimal(period.days) * 1_000)


def four_rates_budget(year_use: YearUse = HOUSE) -> Budget:
    return year_budget(2026, year_use, price, FOUR_RATES, REAL, table=NORMAL)


def monthly_rulebook(count: int) -> Rulebook:
    """`4rater` with `count` installments on the 1st of the first `count` months."""
    dates = ", ".join(f'"{month:02d}-01"' for month in range(1, count + 1))
    text = preset_text("4rater")
    text = text.replace(
        'count = { value = 4, clause = "4rater"', f'count = {{ value = {count}, clause = "4rater"'
    )
    text = text.replace('["01-02", "03-01", "06-01", "09-01"]', f"[{dates}]")
    text = text.replace(
        "annual_with_installment = { value = 2,", "annual_with_installment = { value = 1,"
    )
    return parse_rulebook_text(text, "4rater.toml")


MONTHLY = {count: monthly_rulebook(count) for count in range(1, 13)}


# --- the expected year --------------------------------------------------------------------


def test_4rater_budget_rests_on_last_years_actual_use() -> None:
    assert not FOUR_RATES.metering.budget_normalised_by_degree_days.value
    use = expected_year_use(
        Decimal("18.4567"), Period.calendar_year(2025), NORMAL, H, normalise=False
    )
    assert use == YearUse(Decimal("18.457"), BudgetBasis.LAST_YEAR_ACTUAL)


def test_a_normalised_budget_moves_last_year_to_a_normal_year_published_example() -> None:
    # DANISH-RULES.md: 3 808,4 MWh, h = 25, normal 3112, actual 2 571,0 → 4 409,43 MWh.
    mild_2025 = (400, 380, 350, 250, 120, 40, 15, 12, 70, 170, 300, 464)  # 2 571 degree days
    table = DegreeDayTable({(2025, m): Decimal(dd) for m, dd in enumerate(mild_2025, start=1)})
    use = expected_year_use(Decimal("3808.4"), Period.calendar_year(2025), table, H, normalise=True)
    assert use.basis is BudgetBasis.LAST_YEAR_NORMALISED
    assert use.mwh.quantize(Decimal("0.01")) == Decimal("4409.43")


def test_a_new_installation_is_estimated_from_its_heated_area() -> None:
    mwh_per_m2 = FOUR_RATES.metering.new_installation_mwh_per_m2.value
    assert area_estimate(Decimal(150), mwh_per_m2) == YearUse(
        Decimal("19.500"), BudgetBasis.AREA_ESTIMATE
    )
    with pytest.raises(ValidationError, match="areal"):
        area_estimate(Decimal(0), mwh_per_m2)


# --- the year budget ----------------------------------------------------------------------


def test_4rater_year_budget_is_four_equal_installments_summing_to_the_priced_year() -> None:
    budget = four_rates_budget()
    # 20 MWh × 600 kr. + 365 days × 10 kr. = 15 650,00 kr.
    assert budget.amount == Money.kroner("15650.00")
    assert [item.amount for item in budget.installments] == [Money.kroner("3912.50")] * 4
    assert [item.charge_date for item in budget.installments][1] == date(2026, 3, 2)
    assert (budget.period, budget.basis, budget.clause) == (
        Period.calendar_year(2026),
        BudgetBasis.LAST_YEAR_ACTUAL,
        Clause("4rater"),
    )


@given(total_ore=st.integers(0, 10**10), count=st.integers(1, 12))
def test_equal_installments_sum_exactly_and_differ_by_at_most_one_ore(
    total_ore: int, count: int
) -> None:
    def fixed(_period: Period, _mwh: Decimal) -> Money:
        return Money(total_ore)

    budget = year_budget(2026, HOUSE, fixed, MONTHLY[count], NO_HOLIDAYS, table=NORMAL)
    amounts = [item.amount.ore for item in budget.installments]
    assert len(amounts) == count
    assert sum(amounts) == total_ore
    assert max(amounts) - min(amounts) <= 1
    assert amounts == sorted(amounts, reverse=True)  # the odd øre go to the earliest


def test_without_equal_amounts_winter_installments_are_larger() -> None:
    text = preset_text("4rater").replace(
        'equal_amounts = { value = true, clause = "4rater"',
        'equal_amounts = { value = false, clause = "4rater"',
    )
    book = parse_rulebook_text(text, "4rater.toml")
    budget = year_budget(2026, HOUSE, price, book, REAL, table=NORMAL)
    first, _, summer, autumn = [item.amount for item in budget.installments]
    assert first > summer  # January–February against June–August
    assert autumn > summer  # September–December
    assert sum(item.amount.ore for item in budget.installments) == budget.amount.ore


def test_vestervig_budget_covers_its_heating_year_from_1_june() -> None:
    budget = year_budget(2026, HOUSE, price, VESTERVIG, REAL, table=NORMAL)
    assert budget.period == Period(date(2025, 6, 1), date(2026, 6, 1))
    assert budget.installments[0].charge_date == date(2025, 7, 1)
    assert budget.clause == Clause("vestervig", "6.1")


# --- move-in ------------------------------------------------------------------------------


def test_a_winter_move_in_pays_more_per_day_than_a_summer_move_in_4rater() -> None:
    winter = move_in_budget(date(2026, 11, 1), HOUSE, price, FOUR_RATES, REAL, table=NORMAL)
    summer = move_in_budget(date(2026, 6, 1), HOUSE, price, FOUR_RATES, REAL, table=NORMAL)
    # 20 MWh × (25 % × 61/365 days + 75 % × 802/3112 normal degree days) = 4,701 MWh in 61 days;
    # from 1 June: 20 × (25 % × 214/365 + 75 % × 1198/3112) = 8,706 MWh in 214 days.
    assert (winter.expected_mwh, winter.period.days) == (Decimal("4.701"), 61)
    assert (summer.expected_mwh, summer.period.days) == (Decimal("8.706"), 214)
    assert winter.expected_mwh / 61 > summer.expected_mwh / 214
    assert winter.amount.ore / 61 > summer.amount.ore / 214
    assert winter.basis is BudgetBasis.MOVE_IN_SHARE
    assert winter.year_use == HOUSE
    (only,) = winter.installments  # charged at once on Monday 2 November, the whole budget
    assert (only.number, only.charge_date, only.amount) == (4, date(2026, 11, 2), winter.amount)
    assert [item.number for item in summer.installments] == [3, 4]


def test_a_move_in_on_vestervig_runs_to_the_end_of_its_heating_year() -> None:
    budget = move_in_budget(date(2025, 11, 15), HOUSE, price, VESTERVIG, REAL, table=NORMAL)
    assert (budget.year, budget.period) == (2026, Period(date(2025, 11, 15), date(2026, 6, 1)))
    assert [item.number for item in budget.installments] == [2, 3, 4]
    assert budget.installments[0].dates.at_move_in


def test_basis_texts_are_danish_for_the_budget_letter() -> None:
    assert BudgetBasis.LAST_YEAR_ACTUAL.text == "Sidste varmeårs faktiske forbrug"
    assert "indflytningsdatoen" in BudgetBasis.MOVE_IN_SHARE.text


# --- re-set (vestervig 6.1) ----------------------------------------------------------------


def test_a_reset_keeps_the_installments_already_charged_vestervig_6_1() -> None:
    budget = four_rates_budget()
    reset = reset_installments(budget, 3, Money.kroner("10000.01"), "Tilbygning på 40 m²")
    assert reset.installments[:2] == budget.installments[:2]
    assert [item.amount for item in reset.installments[2:]] == [
        Money.kroner("5000.01"),
        Money.kroner("5000.00"),
    ]
    assert reset.amount == Money.kroner("17825.01")  # 2 × 3 912,50 + 10 000,01
    assert [item.charge_date for item in reset.installments] == [
        item.charge_date for item in budget.installments
    ]
    (record,) = reset.resets
    assert (record.from_number, record.reason) == (3, "Tilbygning på 40 m²")
    assert (record.rest_before, record.rest_after) == (
        Money.kroner("7825.00"),
        Money.kroner("10000.01"),
    )
    assert reset.expected_mwh == budget.expected_mwh


def test_a_reset_for_a_new_use_prices_the_year_anew_and_takes_off_what_was_charged() -> None:
    budget = four_rates_budget()
    reset = reset_for_new_use(budget, 2, Decimal("26"), price, "Forbruget er steget")
    # 26 MWh × 600 kr. + 3 650 kr. = 19 250 kr.; 3 912,50 charged → 15 337,50 over rates 2–4.
    assert reset.amount == Money.kroner("19250.00")
    assert reset.installments[0] == budget.installments[0]
    assert [item.amount for item in reset.installments[1:]] == [Money.kroner("5112.50")] * 3
    assert reset.expected_mwh == Decimal("26.000")
    assert reset.resets[0].expected_mwh == Decimal("26.000")


def test_a_reset_below_what_was_charged_is_refused_with_the_way_out() -> None:
    budget = four_rates_budget()
    with pytest.raises(ValidationError, match="årsafregningen"):
        reset_for_new_use(budget, 4, Decimal(1), price, "Huset står tomt")
    emptied = reset_installments(budget, 4, Money(0), "Huset står tomt")
    assert emptied.installments[-1].amount == Money(0)


@pytest.mark.parametrize(
    ("number", "reason", "rest", "message"),
    [
        (5, "Ny ejer", Money(100), "ingen rate 5"),
        (2, "  ", Money(100), "begrundelse"),
        (2, "Ny ejer", Money(-1), "negative"),
    ],
)
def test_a_reset_is_refused_without_a_later_installment_a_reason_or_a_rest(
    number: int, reason: str, rest: Money, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        reset_installments(four_rates_budget(), number, rest, reason)


@given(from_number=st.integers(1, 4), rest_ore=st.integers(0, 10**9))
def test_a_reset_never_changes_earlier_installments_and_sums_exactly(
    from_number: int, rest_ore: int
) -> None:
    budget = four_rates_budget()
    reset = reset_installments(budget, from_number, Money(rest_ore), "Ændrede omkostninger")
    kept = from_number - 1
    assert reset.installments[:kept] == budget.installments[:kept]
    assert sum(item.amount.ore for item in reset.installments[kept:]) == rest_ore
    assert sum(item.amount.ore for item in reset.installments) == reset.amount.ore
