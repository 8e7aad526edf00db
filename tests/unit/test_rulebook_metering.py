"""The rulebook's `[metering]` section: hot-water share, plausibility, self-reading, estimates.

Every preset has it, each value with its clause; a bad value of each kind is refused with one
message naming file, key and expectation, like every other rulebook parameter.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from heatbill.adapters.rulebook_files import load_rulebook_preset, load_tariff_preset, preset_text
from heatbill.domain.rulebook import Basis, Clause, RulebookError, parse_rulebook_text
from heatbill.domain.tariff.fees import FeeKind

PRESETS = ("4rater", "aalborg", "solrod", "vestervig")
VESTERVIG = preset_text("vestervig")


def edited(old: str, new: str) -> str:
    assert VESTERVIG.count(old) == 1, old
    return VESTERVIG.replace(old, new)


def refusal(text: str) -> str:
    with pytest.raises(RulebookError) as caught:
        parse_rulebook_text(text, "vestervig.toml")
    return caught.value.message


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_takes_25_percent_hot_water_from_the_published_example(name: str) -> None:
    metering = load_rulebook_preset(name).metering
    assert metering.hot_water_share_percent.value == Decimal(25)
    assert metering.hot_water_share_percent.clause == Clause("danish-rules")
    assert metering.hot_water_share_percent.basis is Basis.SETTING
    assert metering.plausibility_tolerance_percent.value == Decimal(50)
    assert metering.new_installation_mwh_per_m2.value == Decimal("0.13")
    assert metering.new_installation_mwh_per_m2.basis is Basis.ILLUSTRATIVE
    assert metering.estimate_after_missing_card.value


def test_vestervig_estimates_when_the_card_is_missing_5_7() -> None:
    metering = load_rulebook_preset("vestervig").metering
    assert metering.estimate_after_missing_card.clause == Clause("vestervig", "5.7")
    assert metering.estimate_after_missing_card.basis is Basis.DOCUMENT
    assert metering.plausibility_tolerance_percent.clause == Clause("vestervig", "5.9")
    assert metering.self_reading_deadline_days.value == 14
    assert metering.self_reading_deadline_days.clause == Clause("vestervig", "5.6")


def test_solrod_reminds_of_a_late_card_with_the_fee_from_its_tariff_sheet_5_4() -> None:
    metering = load_rulebook_preset("solrod").metering
    assert metering.self_reading_reminder.value
    assert metering.self_reading_reminder.basis is Basis.TARIFF_SHEET
    fee = load_tariff_preset("solrod").periods[-1].fee(FeeKind.SELF_READING_CARD_REMINDER)
    assert fee is not None
    assert fee.clause == Clause("solrod", "5.4")


def test_4rater_budgets_on_last_years_actual_use() -> None:
    budget = load_rulebook_preset("4rater").metering.budget_normalised_by_degree_days
    assert not budget.value
    assert (budget.clause, budget.basis) == (Clause("4rater"), Basis.DOCUMENT)


def test_aalborg_follows_dansk_fjernvarmes_standard_on_estimates() -> None:
    estimate = load_rulebook_preset("aalborg").metering.estimate_after_missing_card
    assert (estimate.clause, estimate.basis) == (Clause("vestervig", "5.7"), Basis.DANSK_FJERNVARME)


# --- refused values, one per kind ------------------------------------------------------------
def test_a_hot_water_share_above_100_percent_is_refused() -> None:
    text = edited(
        'hot_water_share_percent = { value = "25"', 'hot_water_share_percent = { value = "110"'
    )
    assert refusal(text) == (
        "vestervig.toml: metering.hot_water_share_percent: "
        'forventede et tal fra 0 til 100 som tekst, fx "25", fik "110"'
    )


def test_a_tolerance_written_as_a_float_is_refused_because_quantities_are_exact() -> None:
    text = edited(
        'plausibility_tolerance_percent = { value = "50"',
        "plausibility_tolerance_percent = { value = 50.0",
    )
    assert refusal(text) == (
        "vestervig.toml: metering.plausibility_tolerance_percent: "
        'forventede et tal fra 0 til 100 som tekst, fx "25", fik 50.0'
    )


def test_a_self_reading_deadline_of_no_days_is_refused() -> None:
    text = edited(
        "self_reading_deadline_days = { value = 14,", "self_reading_deadline_days = { value = 0,"
    )
    assert refusal(text) == (
        "vestervig.toml: metering.self_reading_deadline_days: "
        "forventede et helt tal fra 1 til 60, fik 0"
    )


def test_a_reminder_flag_written_as_yes_is_refused() -> None:
    text = edited(
        "self_reading_reminder = { value = false,", 'self_reading_reminder = { value = "nej",'
    )
    assert refusal(text) == (
        'vestervig.toml: metering.self_reading_reminder: forventede true eller false, fik "nej"'
    )


@pytest.mark.parametrize("value", ['"0"', '"1.5"', "0.13", '"0,13"'])
def test_an_area_figure_must_be_above_0_and_at_most_1_mwh_per_m2(value: str) -> None:
    text = edited(
        'new_installation_mwh_per_m2 = { value = "0.13"',
        f"new_installation_mwh_per_m2 = {{ value = {value}",
    )
    assert refusal(text) == (
        "vestervig.toml: metering.new_installation_mwh_per_m2: "
        f'forventede et tal over 0 og højst 1 som tekst, fx "0.13", fik {value}'
    )


def test_a_hot_water_share_cannot_claim_the_utilitys_own_document() -> None:
    text = edited(
        '{ value = "25", clause = "danish-rules", basis = "setting" }',
        '{ value = "25", clause = "danish-rules", basis = "document" }',
    )
    assert refusal(text) == (
        'vestervig.toml: metering.hot_water_share_percent.basis: basis "document" kræver en '
        'hjemmel i filens eget dokument (vestervig), fik "danish-rules"'
    )


def test_a_rulebook_without_the_metering_section_is_refused() -> None:
    start = VESTERVIG.index("\n[metering]")
    assert refusal(VESTERVIG[:start]) == (
        "vestervig.toml: metering: mangler; hele sektionen skal være der"
    )


def test_the_move_notice_is_not_repeated_under_metering() -> None:
    text = edited(
        "[metering]\n",
        '[metering]\nmove_notice_days = { value = 8, clause = "vestervig 2.16", '
        'basis = "document" }\n',
    )
    assert refusal(text) == (
        "vestervig.toml: metering.move_notice_days: ukendt nøgle; kendte nøgler her: "
        "hot_water_share_percent, plausibility_tolerance_percent, self_reading_deadline_days, "
        "self_reading_reminder, estimate_after_missing_card, budget_normalised_by_degree_days, "
        "new_installation_mwh_per_m2"
    )
