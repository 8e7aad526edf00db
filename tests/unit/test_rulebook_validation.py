"""A rulebook that does not fit is refused with one message naming file, key and expectation.

Each test starts from the shipped Vestervig rulebook, makes one mistake, and asserts the exact
message. Every kind of mistake has its test: TOML syntax, a missing or unknown key, a wrong
type, a value out of range, a parameter without its clause, a malformed clause, a basis that
does not fit its clause, a bad date, a value beyond the law, and values that contradict each
other.
"""

from __future__ import annotations

import pytest

from heatbill.adapters.rulebook_files import preset_text
from heatbill.domain.errors import ValidationError
from heatbill.domain.rulebook import Rulebook, RulebookError, parse_rulebook_text

SOURCE = "vestervig.toml"
VESTERVIG = preset_text("vestervig")


def edited(old: str, new: str) -> str:
    """The Vestervig rulebook with one line changed (the line must be there exactly once)."""
    assert VESTERVIG.count(old) == 1, old
    return VESTERVIG.replace(old, new)


def refusal(text: str) -> str:
    with pytest.raises(RulebookError) as caught:
        parse_rulebook_text(text, SOURCE)
    return caught.value.message


def test_the_shipped_vestervig_rulebook_is_accepted() -> None:
    assert isinstance(parse_rulebook_text(VESTERVIG, SOURCE), Rulebook)


def test_a_refused_rulebook_is_a_validation_error_with_a_stable_code() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rulebook_text(edited("count = { value = 1,", "count = { value = 0,"), SOURCE)
    assert caught.value.code == "invalid_rulebook"
    assert caught.value.problems[0].key == "reminders.count"  # type: ignore[attr-defined]


# --- TOML syntax --------------------------------------------------------------------------
def test_a_toml_syntax_error_names_line_and_column() -> None:
    text = 'title = "Vestervig"\nname = vestervig\n'  # a bare word is no TOML value
    assert refusal(text) == "vestervig.toml: ugyldig TOML i linje 2, kolonne 8: Invalid value"


def test_a_toml_syntax_error_at_the_end_of_the_file() -> None:
    assert refusal('name = "vestervig"\ntitle = ') == (
        "vestervig.toml: ugyldig TOML ved filens slutning: Invalid value"
    )


# --- missing and unknown keys ---------------------------------------------------------------
def test_a_missing_parameter_is_named_with_what_it_should_be() -> None:
    text = edited(
        'days_to_pay = { value = 10, clause = "vestervig 6.5", basis = "document" }\n', ""
    )
    assert refusal(text) == (
        "vestervig.toml: reminders.days_to_pay: mangler; forventede et helt tal fra 10 til 60"
    )


def test_a_missing_section_is_one_problem_not_one_per_parameter() -> None:
    start = VESTERVIG.index("[clearing]")
    end = VESTERVIG.index("[letters]")
    assert refusal(VESTERVIG[:start] + VESTERVIG[end:]) == (
        "vestervig.toml: clearing: mangler; hele sektionen skal være der"
    )


def test_a_misspelt_key_is_refused_with_a_suggestion() -> None:
    text = edited("fee_bearing_max = {", "fee_bearing_maks = {")
    assert refusal(text) == (
        "vestervig.toml: reminders.fee_bearing_max: mangler; forventede et helt tal fra 0 til 3\n"
        'vestervig.toml: reminders.fee_bearing_maks: ukendt nøgle; mente du "fee_bearing_max"?'
    )


def test_an_unknown_key_far_from_any_known_one_lists_the_known_keys() -> None:
    text = edited("[clearing]\n", '[clearing]\ncolour = "blue"\n')
    assert (
        refusal(text) == "vestervig.toml: clearing.colour: ukendt nøgle; kendte nøgler her: order"
    )


def test_an_unknown_key_inside_a_parameter_is_refused() -> None:
    text = edited(
        'max_months = { value = 3, clause = "vestervig 6.5", basis = "document" }',
        'max_months = { value = 3, clause = "vestervig 6.5", basis = "document", note = "x" }',
    )
    assert refusal(text) == (
        "vestervig.toml: payment_plans.max_months.note: ukendt nøgle; "
        "kendte nøgler her: value, clause, basis"
    )


# --- wrong type and out of range ------------------------------------------------------------
def test_a_word_where_a_number_belongs_is_refused() -> None:
    text = edited("fee_bearing_max = { value = 3,", 'fee_bearing_max = { value = "fire",')
    assert refusal(text) == (
        'vestervig.toml: reminders.fee_bearing_max: forventede et helt tal fra 0 til 3, fik "fire"'
    )


def test_a_number_out_of_range_is_refused() -> None:
    text = edited(
        'count = { value = 4, clause = "vestervig 6.1"',
        'count = { value = 13, clause = "vestervig 6.1"',
    )
    assert refusal(text) == (
        "vestervig.toml: installments.count: forventede et helt tal fra 1 til 12, fik 13"
    )


def test_an_unknown_choice_lists_the_allowed_ones() -> None:
    text = edited('value = "min_days_across_month_end"', 'value = "end_of_month"')
    assert refusal(text) == (
        'vestervig.toml: due_dates.rule: forventede en af "min_days_across_month_end", '
        '"days_then_nth_bank_day", fik "end_of_month"'
    )


def test_an_amount_written_as_a_float_is_refused_because_money_is_exact() -> None:
    text = edited('reminder_fee_max = { value = "100.00"', "reminder_fee_max = { value = 100.0")
    assert refusal(text) == (
        "vestervig.toml: fee_caps.reminder_fee_max: forventede et beløb i kroner som tekst "
        'med højst to decimaler, fx "187.50", fik 100.0'
    )


def test_a_flag_written_as_yes_is_refused() -> None:
    text = edited("welcome_letter = { value = true,", 'welcome_letter = { value = "ja",')
    assert refusal(text) == (
        'vestervig.toml: letters.welcome_letter: forventede true eller false, fik "ja"'
    )


# --- clauses and bases ----------------------------------------------------------------------
def test_a_parameter_without_its_clause_is_refused() -> None:
    text = edited(
        'max_months = { value = 3, clause = "vestervig 6.5", basis = "document" }', "max_months = 3"
    )
    assert refusal(text) == (
        "vestervig.toml: payment_plans.max_months: mangler hjemmel; hver parameter skrives "
        '{ value = …, clause = "vestervig 6.5", basis = "document" }'
    )


def test_a_parameter_table_without_a_clause_is_refused() -> None:
    text = edited(
        'max_months = { value = 3, clause = "vestervig 6.5", basis = "document" }',
        'max_months = { value = 3, basis = "document" }',
    )
    assert refusal(text) == (
        "vestervig.toml: payment_plans.max_months: mangler hjemmel; hver parameter skrives "
        '{ value = …, clause = "vestervig 6.5", basis = "document" }'
    )


def test_a_clause_to_a_section_that_does_not_exist_is_refused() -> None:
    text = edited(
        'max_months = { value = 3, clause = "vestervig 6.5"',
        'max_months = { value = 3, clause = "vestervig 6.55"',
    )
    assert refusal(text) == (
        "vestervig.toml: payment_plans.max_months.clause: "
        "vestervig 6.55 findes ikke; kapitel 6 har punkt 6.1–6.13"
    )


def test_a_document_basis_must_cite_the_rulebooks_own_document() -> None:
    text = edited(
        'max_months = { value = 3, clause = "vestervig 6.5"',
        'max_months = { value = 3, clause = "aalborg 3.3"',
    )
    assert refusal(text) == (
        'vestervig.toml: payment_plans.max_months.basis: basis "document" kræver en hjemmel '
        'i filens eget dokument (vestervig), fik "aalborg 3.3"'
    )


def test_a_law_basis_must_cite_a_law() -> None:
    text = edited(
        '{ value = 10, clause = "renteloven § 9 b, stk. 1", basis = "law" }',
        '{ value = 10, clause = "vestervig 6.13", basis = "law" }',
    )
    assert refusal(text) == (
        'vestervig.toml: reminders.min_days_between_fees.basis: basis "law" kræver en '
        'hjemmel i en lov (renteloven), fik "vestervig 6.13"'
    )


def test_an_unknown_basis_is_refused() -> None:
    text = edited(
        'max_months = { value = 3, clause = "vestervig 6.5", basis = "document" }',
        'max_months = { value = 3, clause = "vestervig 6.5", basis = "doc" }',
    )
    assert refusal(text) == (
        'vestervig.toml: payment_plans.max_months.basis: forventede en af "document", '
        '"tariff-sheet", "dansk-fjernvarme-6.13", "guidance", "law", "setting", '
        '"illustrative", fik "doc"'
    )
