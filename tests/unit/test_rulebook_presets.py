"""The four shipped rulebooks load, say what their documents say, and differ where they do."""

from __future__ import annotations

import pytest

from heatbill.adapters.rulebook_files import load_rulebook_preset, preset_names
from heatbill.domain.money import Money
from heatbill.domain.rulebook import (
    Basis,
    ChargeDay,
    Clause,
    DueDateRule,
    ExitNoticeRule,
    ExitUntil,
    MonthDay,
    NoticeDays,
    PlanAvailability,
    Rulebook,
    diff_rulebooks,
    parameters,
)

PRESETS = ("4rater", "aalborg", "solrod", "vestervig")


def test_four_presets_ship() -> None:
    assert preset_names() == list(PRESETS)
    assert preset_names(tariffs=True) == list(PRESETS)


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads_and_cites_a_clause_for_every_parameter(name: str) -> None:
    book = load_rulebook_preset(name)
    assert book.name == name
    assert book.document == name
    params = parameters(book)
    assert len(params) > 60
    own = [p for p in params.values() if p.basis in (Basis.DOCUMENT, Basis.TARIFF_SHEET)]
    assert all(p.clause.document == name for p in own)


def test_vestervig_sends_one_reminder_and_allows_plans_of_three_months_6_5() -> None:
    book = load_rulebook_preset("vestervig")
    assert book.reminders.count.value == 1
    assert book.reminders.count.clause == Clause("vestervig", "6.5")
    assert book.payment_plans.max_months.value == 3
    assert book.payment_plans.availability.value is PlanAvailability.NORMALLY
    assert book.due_dates.rule.value is DueDateRule.MIN_DAYS_ACROSS_MONTH_END
    assert book.due_dates.days.value == 14
    assert book.settlement.annual_deadline_months is not None
    assert book.settlement.annual_deadline_months.value == 2
    assert book.settlement.move_deadline_months.value == 1


def test_vestervig_installments_follow_its_published_tariff_sheet() -> None:
    installments = load_rulebook_preset("vestervig").installments
    assert installments.dates.value == (
        MonthDay(1, 1),
        MonthDay(4, 1),
        MonthDay(7, 1),
        MonthDay(10, 1),
    )
    assert installments.dates.basis is Basis.TARIFF_SHEET


def test_aalborg_sends_two_fee_bearing_reminders_and_closes_with_five_working_days_notice() -> None:
    book = load_rulebook_preset("aalborg")
    assert book.reminders.count.value == 2
    assert book.reminders.count.clause == Clause("aalborg", "2.5")
    assert book.reminders.announces_collection_on.value == 2  # aalborg 3.2
    assert not book.collection_notice.used.value
    assert book.closing.notice_days_min.value == 5
    assert book.closing.notice_day_kind.value is NoticeDays.WORKING
    assert book.closing.notice_days_max is None


def test_aalborg_due_dates_fall_on_the_second_bank_day_after_14_days_2_2() -> None:
    due = load_rulebook_preset("aalborg").due_dates
    assert due.rule.value is DueDateRule.DAYS_THEN_NTH_BANK_DAY
    assert due.days.value == 14
    assert due.nth_bank_day is not None
    assert due.nth_bank_day.value == 2


def test_aalborg_reopens_only_on_payment_or_security_and_recloses_unauthorised_reopening() -> None:
    reopening = load_rulebook_preset("aalborg").reopening
    assert reopening.on_full_payment.value
    assert reopening.on_security.value
    assert not reopening.on_payment_plan.value
    assert reopening.unauthorised_recloses_immediately.clause == Clause("aalborg", "2.9")
    assert reopening.unauthorised_police_report.value


def test_4rater_charges_four_equal_installments_on_the_first_bank_day() -> None:
    book = load_rulebook_preset("4rater")
    assert book.installments.dates.value == (
        MonthDay(1, 2),
        MonthDay(3, 1),
        MonthDay(6, 1),
        MonthDay(9, 1),
    )
    assert book.installments.charge_day.value is ChargeDay.FIRST_BANK_DAY
    assert book.installments.equal_amounts.value
    assert book.settlement.annual_with_installment is not None
    assert book.settlement.annual_with_installment.value == 2
    assert book.settlement.annual_deadline_months is None
    assert book.settlement.refund_offset_against_next_installment.value


def test_4rater_follows_dansk_fjernvarme_where_its_page_is_silent() -> None:
    book = load_rulebook_preset("4rater")
    assert book.reminders.earliest_day.value == 15
    assert book.reminders.earliest_day.basis is Basis.DANSK_FJERNVARME
    assert book.reminders.earliest_day.clause == Clause("vestervig", "6.13")


def test_solrod_returns_a_security_after_a_year_on_time_6_10() -> None:
    securities = load_rulebook_preset("solrod").securities
    assert securities.refund_after_months_on_time.value == 12
    assert securities.refund_after_months_on_time.clause == Clause("solrod", "6.10")


def test_solrod_exit_notice_depends_on_when_the_member_joined_2_18() -> None:
    before_2010, from_2010 = load_rulebook_preset("solrod").exit.notice
    assert before_2010.value.notice_months == 18
    assert before_2010.value.until is ExitUntil.FINANCIAL_YEAR_END
    assert from_2010.value == ExitNoticeRule(
        notice_months=1,
        until=ExitUntil.MONTH_END,
        members_from=from_2010.value.members_from,
        after_membership_months=5,
    )
    assert str(from_2010.value.members_from) == "2010-01-01"


@pytest.mark.parametrize("name", PRESETS)
def test_the_legal_fee_caps_are_the_law_in_every_preset(name: str) -> None:
    caps = load_rulebook_preset(name).fee_caps
    assert caps.reminder_fee_max.value == Money.kroner(100)
    assert caps.collection_fee_max.value == Money.kroner(100)
    assert caps.business_compensation.value == Money.kroner(310)
    assert caps.reminder_fee_max.basis is Basis.LAW


def differing_keys(a: Rulebook, b: Rulebook) -> list[str]:
    return [difference.key for difference in diff_rulebooks(a, b)]


def test_vestervig_and_aalborg_differ_in_reminders_due_dates_and_reopening() -> None:
    vestervig, aalborg = load_rulebook_preset("vestervig"), load_rulebook_preset("aalborg")
    differences = {d.key: d for d in diff_rulebooks(vestervig, aalborg)}
    count = differences["reminders.count"]
    assert count.a is not None
    assert count.b is not None
    assert (count.a.value, str(count.a.clause)) == (1, "vestervig 6.5")
    assert (count.b.value, str(count.b.clause)) == (2, "aalborg 2.5")
    assert "reminders.fee_bearing_max" in differences
    assert "due_dates.rule" in differences
    assert "reopening.on_payment_plan" in differences
    nth = differences["due_dates.nth_bank_day"]
    assert nth.a is None  # only aalborg has the rule's bank day
    assert nth.b is not None
    assert "reminders.days_to_pay" not in differences  # both 10 days, from different clauses


def test_the_aalborg_only_keys_are_listed_where_they_stand_in_the_file() -> None:
    keys = differing_keys(load_rulebook_preset("vestervig"), load_rulebook_preset("aalborg"))
    assert keys.index("due_dates.nth_bank_day") == keys.index("due_dates.rule") + 1


def test_a_rulebook_does_not_differ_from_itself() -> None:
    book = load_rulebook_preset("solrod")
    assert diff_rulebooks(book, book, provenance=True) == []


def test_with_provenance_the_same_value_from_another_clause_is_a_difference() -> None:
    keys_by_value = differing_keys(
        load_rulebook_preset("vestervig"), load_rulebook_preset("solrod")
    )
    with_provenance = [
        d.key
        for d in diff_rulebooks(
            load_rulebook_preset("vestervig"), load_rulebook_preset("solrod"), provenance=True
        )
    ]
    assert "payment_plans.max_months" not in keys_by_value  # 3 months in both (6.5)
    assert "payment_plans.max_months" in with_provenance  # vestervig 6.5 vs solrod 6.5
