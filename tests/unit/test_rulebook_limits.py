"""A rulebook may be stricter than the law, never looser; its dates must exist; its parts agree.

Each test makes one change to the shipped Vestervig rulebook and asserts the exact message.
"""

from __future__ import annotations

import pytest

from heatbill.adapters.rulebook_files import preset_text
from heatbill.domain.rulebook import RulebookError, parse_rulebook_text

VESTERVIG = preset_text("vestervig")
AALBORG = preset_text("aalborg")


def edited(old: str, new: str, text: str = VESTERVIG) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def refusal(text: str, source: str = "vestervig.toml") -> str:
    with pytest.raises(RulebookError) as caught:
        parse_rulebook_text(text, source)
    return caught.value.message


# --- the law (renteloven, and the webinar on closing) ----------------------------------------
def test_more_than_three_fee_bearing_reminders_are_refused_renteloven_9b() -> None:
    text = edited("fee_bearing_max = { value = 3,", "fee_bearing_max = { value = 4,")
    assert refusal(text) == (
        "vestervig.toml: reminders.fee_bearing_max: "
        "4 er over lovens grænse på 3 (renteloven § 9 b, stk. 1)"
    )


def test_fewer_than_ten_days_between_fee_bearing_reminders_are_refused_renteloven_9b() -> None:
    text = edited("min_days_between_fees = { value = 10,", "min_days_between_fees = { value = 7,")
    assert refusal(text) == (
        "vestervig.toml: reminders.min_days_between_fees: "
        "7 er under lovens minimum på 10 (renteloven § 9 b, stk. 1)"
    )


def test_a_reminder_fee_cap_above_100_kr_is_refused_renteloven_9b() -> None:
    text = edited('reminder_fee_max = { value = "100.00"', 'reminder_fee_max = { value = "150.00"')
    assert refusal(text) == (
        "vestervig.toml: fee_caps.reminder_fee_max: "
        "150,00 kr. er over lovens grænse på 100,00 kr. (renteloven § 9 b, stk. 1)"
    )


def test_a_lower_reminder_fee_cap_is_the_utilitys_choice() -> None:
    text = edited('reminder_fee_max = { value = "100.00"', 'reminder_fee_max = { value = "65.00"')
    book = parse_rulebook_text(text, "vestervig.toml")
    assert book.fee_caps.reminder_fee_max.value.format_da() == "65,00 kr."


def test_a_business_compensation_above_310_kr_is_refused_renteloven_9a() -> None:
    text = edited(
        'business_compensation = { value = "310.00"', 'business_compensation = { value = "400"'
    )
    assert refusal(text) == (
        "vestervig.toml: fee_caps.business_compensation: "
        "400,00 kr. er over lovens grænse på 310,00 kr. (renteloven § 9 a, stk. 3)"
    )


def test_interest_above_reference_rate_plus_8_points_is_refused_renteloven_7() -> None:
    text = edited(
        'margin_percentage_points = { value = "8"', 'margin_percentage_points = { value = "9.5"'
    )
    assert refusal(text) == (
        "vestervig.toml: interest.margin_percentage_points: "
        "9.5 er over lovens grænse på 8 (renteloven § 7)"
    )


def test_closing_for_old_debt_alone_is_refused_webinar() -> None:
    text = edited("for_old_debt_alone = { value = false,", "for_old_debt_alone = { value = true,")
    assert refusal(text) == (
        "vestervig.toml: closing.for_old_debt_alone: "
        "true er ikke tilladt; skal være false (webinar)"
    )


# --- dates --------------------------------------------------------------------------------
def test_a_date_that_does_not_exist_is_refused() -> None:
    text = edited("valid_from = { value = 2009-03-04,", 'valid_from = { value = "2009-02-30",')
    assert (
        refusal(text)
        == 'vestervig.toml: valid_from: forventede en dato som 2024-06-01, fik "2009-02-30"'
    )


def test_an_installment_on_29_february_is_refused_because_it_is_not_in_every_year() -> None:
    text = edited('"01-01", "04-01", "07-01", "10-01"', '"02-29", "04-01", "07-01", "10-01"')
    assert refusal(text) == (
        'vestervig.toml: installments.dates: forventede måned-dag som "03-01", en dag der findes '
        'hvert år, fik "02-29"'
    )


def test_installment_dates_out_of_calendar_order_are_refused() -> None:
    text = edited('"01-01", "04-01", "07-01", "10-01"', '"04-01", "01-01", "07-01", "10-01"')
    assert refusal(text) == (
        "vestervig.toml: installments.dates: forventede en liste af måned-dage i kalenderorden "
        'uden gentagelser, fx ["01-02", "03-01"], fik ["04-01", "01-01", "07-01", "10-01"]'
    )


# --- parameters that contradict each other ----------------------------------------------------
def test_installment_dates_must_match_the_installment_count() -> None:
    text = edited('"01-01", "04-01", "07-01", "10-01"', '"01-01", "05-01", "09-01"')
    assert refusal(text) == (
        "vestervig.toml: installments.dates: 3 datoer passer ikke med installments.count = 4"
    )


def test_the_nth_bank_day_rule_needs_its_bank_day_aalborg_2_2() -> None:
    text = edited(
        'nth_bank_day = { value = 2, clause = "aalborg 2.2", basis = "document" }\n', "", AALBORG
    )
    assert refusal(text, "aalborg.toml") == (
        "aalborg.toml: due_dates.nth_bank_day: "
        'mangler; kræves når due_dates.rule = "days_then_nth_bank_day"'
    )


def test_a_bank_day_without_the_nth_bank_day_rule_is_refused() -> None:
    text = edited(
        'days = { value = 14, clause = "vestervig 6.13", basis = "document" }',
        'days = { value = 14, clause = "vestervig 6.13", basis = "document" }\n'
        'nth_bank_day = { value = 2, clause = "vestervig 6.4", basis = "document" }',
    )
    assert refusal(text) == (
        "vestervig.toml: due_dates.nth_bank_day: "
        'må ikke angives når due_dates.rule = "min_days_across_month_end"'
    )


def test_the_annual_settlement_has_exactly_one_deadline() -> None:
    text = edited(
        "move_deadline_months = { value = 1,",
        'annual_with_installment = { value = 2, clause = "vestervig 6.2", basis = "document" }\n'
        "move_deadline_months = { value = 1,",
    )
    assert refusal(text) == (
        "vestervig.toml: settlement: "
        "angiv præcis én af annual_deadline_months og annual_with_installment"
    )


def test_without_a_collection_notice_it_has_no_day_aalborg_2_7() -> None:
    text = edited(
        'used = { value = false, clause = "aalborg 2.7", basis = "document" }',
        'used = { value = false, clause = "aalborg 2.7", basis = "document" }\n'
        'earliest_day = { value = 26, clause = "vestervig 6.13", basis = "dansk-fjernvarme-6.13" }',
        AALBORG,
    )
    assert refusal(text, "aalborg.toml") == (
        "aalborg.toml: collection_notice.earliest_day: "
        "må ikke angives når collection_notice.used = false"
    )


def test_the_closing_visit_comes_after_the_collection_notice_vestervig_6_13() -> None:
    text = edited("earliest_day = { value = 31,", "earliest_day = { value = 20,")
    assert refusal(text) == (
        "vestervig.toml: closing.earliest_day: "
        "dag 20 ligger ikke efter collection_notice.earliest_day = dag 26"
    )


def test_a_closing_notice_cannot_end_before_it_begins() -> None:
    text = edited("notice_days_max = { value = 8,", "notice_days_max = { value = 3,")
    assert refusal(text) == (
        "vestervig.toml: closing.notice_days_max: 3 er mindre end closing.notice_days_min = 5"
    )


def test_the_reminder_announcing_collection_must_be_one_that_is_sent() -> None:
    text = edited(
        "announces_collection_on = { value = 1,", "announces_collection_on = { value = 2,"
    )
    assert refusal(text) == (
        "vestervig.toml: reminders.announces_collection_on: 2 er større end reminders.count = 1"
    )


def test_every_problem_of_a_file_is_listed_at_once() -> None:
    text = edited("fee_bearing_max = { value = 3,", "fee_bearing_max = { value = 4,")
    text = text.replace("notice_days = { value = 8,", 'notice_days = { value = "otte",')
    assert refusal(text).splitlines() == [
        "vestervig.toml: reminders.fee_bearing_max: "
        "4 er over lovens grænse på 3 (renteloven § 9 b, stk. 1)",
        'vestervig.toml: moves.notice_days: forventede et helt tal fra 0 til 60, fik "otte"',
    ]
