"""Tariff sheets: published prices reproduced exactly, fees with their VAT, dated periods, caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from heatbill.adapters.rulebook_files import load_tariff_preset, preset_text
from heatbill.domain.errors import NotFoundError
from heatbill.domain.money import Money, with_vat
from heatbill.domain.rulebook import Basis, Clause, RulebookError
from heatbill.domain.tariff import (
    CapacityUnit,
    CoolingCharge,
    FeeKind,
    TariffSheet,
    VatScope,
    parse_tariff_sheet_text,
)

VESTERVIG = preset_text("vestervig", tariffs=True)


def incl_vat(sheet: TariffSheet, kind: FeeKind, day: date = date(2025, 1, 1)) -> str:
    fee = sheet.period_on(day).fee(kind)
    assert fee is not None
    return fee.amount_incl_vat.format_da()


def refusal(text: str) -> str:
    with pytest.raises(RulebookError) as caught:
        parse_tariff_sheet_text(text, "tariffs/vestervig.toml")
    return caught.value.message


def edited(old: str, new: str) -> str:
    assert VESTERVIG.count(old) == 1, old
    return VESTERVIG.replace(old, new)


@pytest.mark.parametrize(
    ("kind", "published"),
    [
        (FeeKind.REMINDER, "100,00 kr."),
        (FeeKind.COLLECTION_NOTICE, "100,00 kr."),
        (FeeKind.CLOSING_VISIT, "375,00 kr."),
        (FeeKind.REOPENING, "468,75 kr."),
        (FeeKind.PAYMENT_PLAN, "100,00 kr."),
        (FeeKind.BAILIFF_VISIT, "412,50 kr."),
        (FeeKind.MOVE_STATEMENT_SELF_READING, "187,50 kr."),
        (FeeKind.MOVE_STATEMENT_READING_VISIT, "337,50 kr."),
        (FeeKind.METER_REMOVAL, "750,00 kr."),
        (FeeKind.METER_REFITTING, "750,00 kr."),
        (FeeKind.EXTRA_READING, "250,00 kr."),
        (FeeKind.MISSING_ANNUAL_READING, "300,00 kr."),
        (FeeKind.BILL_COPY, "43,75 kr."),
    ],
)
def test_vestervig_2024_25_fees_come_out_as_published_incl_vat(
    kind: FeeKind, published: str
) -> None:
    assert incl_vat(load_tariff_preset("vestervig"), kind) == published


def test_vestervig_2024_25_prices_come_out_as_published_incl_vat() -> None:
    period = load_tariff_preset("vestervig").period_on(date(2024, 6, 1))
    assert period.subscription is not None
    assert with_vat(period.subscription.value) == Money.kroner("3125.00")
    assert period.energy_rate.value * Decimal("1.25") == Decimal("405.00")
    assert period.capacity is not None
    assert period.capacity.unit.value is CapacityUnit.BUILDING_M3
    assert period.capacity.rate.value * Decimal("1.25") == Decimal("17.00")
    assert period.cooling is not None
    assert period.cooling.charge.value is CoolingCharge.PERCENT_OF_ENERGY
    assert period.cooling.target_celsius.value == Decimal(25)


def test_vestervig_prices_rest_on_its_published_sheet_not_on_guesses() -> None:
    period = load_tariff_preset("vestervig").periods[0]
    assert all(fee.basis is Basis.TARIFF_SHEET for fee in period.fees)
    assert period.energy_rate.basis is Basis.TARIFF_SHEET


def test_fees_outside_vat_or_exempt_carry_no_vat_and_the_rest_carry_25_percent() -> None:
    period = load_tariff_preset("vestervig").periods[0]
    closing, plan, reopening = (
        period.fee(FeeKind.CLOSING_VISIT),
        period.fee(FeeKind.PAYMENT_PLAN),
        period.fee(FeeKind.REOPENING),
    )
    assert closing is not None
    assert plan is not None
    assert reopening is not None
    assert (closing.vat, closing.amount_incl_vat) == (VatScope.OUTSIDE, closing.amount_ex_vat)
    assert (plan.vat, plan.amount_incl_vat) == (VatScope.EXEMPT, plan.amount_ex_vat)
    assert reopening.amount_incl_vat - reopening.amount_ex_vat == Money.kroner("93.75")


def test_solrod_meter_rent_by_size_and_fees_as_published() -> None:
    sheet = load_tariff_preset("solrod")
    period = sheet.period_on(date(2025, 1, 1))
    rents = {size: with_vat(rent.value).format_da() for size, rent in period.meter_rent}
    assert rents == {
        "below_30_kw": "187,50 kr.",
        "below_100_kw": "500,00 kr.",
        "above_100_kw": "812,50 kr.",
    }
    assert incl_vat(sheet, FeeKind.CLOSING_VISIT) == "500,00 kr."
    assert incl_vat(sheet, FeeKind.REOPENING) == "625,00 kr."
    assert period.energy_rate.value * Decimal("1.25") == Decimal("606.25")


def test_aalborg_publishes_only_its_reminder_fee_the_rest_is_marked_illustrative() -> None:
    period = load_tariff_preset("aalborg").periods[0]
    reminder = period.fee(FeeKind.REMINDER)
    assert reminder is not None
    assert (reminder.amount_ex_vat, reminder.clause, reminder.basis) == (
        Money.kroner(100),
        Clause("aalborg", "2.5"),
        Basis.DOCUMENT,
    )
    others = [fee for fee in period.fees if fee.kind is not FeeKind.REMINDER]
    assert others
    assert all(fee.basis is Basis.ILLUSTRATIVE for fee in others)
    assert period.energy_rate.basis is Basis.ILLUSTRATIVE


def two_periods() -> TariffSheet:
    later = VESTERVIG.split("[[periods]]", 1)[1].replace("2024-06-01", "2025-06-01")
    later = later.replace('energy_rate = { value = "324.00"', 'energy_rate = { value = "340.00"')
    return parse_tariff_sheet_text(VESTERVIG + "\n[[periods]]" + later, "two.toml")


def test_the_price_period_in_force_is_the_latest_that_has_begun() -> None:
    sheet = two_periods()
    assert sheet.period_on(date(2025, 5, 31)).energy_rate.value == Decimal("324.00")
    assert sheet.period_on(date(2025, 6, 1)).energy_rate.value == Decimal("340.00")


def test_before_the_first_period_there_are_no_prices() -> None:
    with pytest.raises(NotFoundError) as caught:
        load_tariff_preset("vestervig").period_on(date(2024, 5, 31))
    assert caught.value.message == (
        "takstbladet vestervig har ingen priser for 2024-05-31; første periode begynder 2024-06-01"
    )


def test_periods_out_of_date_order_are_refused() -> None:
    later = VESTERVIG.split("[[periods]]", 1)[1].replace("2024-06-01", "2023-06-01")
    assert refusal(VESTERVIG + "\n[[periods]]" + later) == (
        "tariffs/vestervig.toml: periods[2].valid_from: "
        "2023-06-01 ligger ikke efter periods[1].valid_from = 2024-06-01"
    )


def test_a_reminder_fee_above_100_kr_is_refused_renteloven_9b() -> None:
    text = edited('reminder = { amount = "100.00"', 'reminder = { amount = "125.00"')
    assert refusal(text) == (
        "tariffs/vestervig.toml: periods[1].fees.reminder.amount: "
        "125,00 kr. er over lovens grænse på 100,00 kr. (renteloven § 9 b, stk. 1)"
    )


def test_a_collection_fee_above_100_kr_is_refused_renteloven_9b_3() -> None:
    text = edited('collection_notice = { amount = "100.00"', 'collection_notice = { amount = "150"')
    assert refusal(text) == (
        "tariffs/vestervig.toml: periods[1].fees.collection_notice.amount: "
        "150,00 kr. er over lovens grænse på 100,00 kr. (renteloven § 9 b, stk. 3)"
    )


def test_an_unknown_fee_is_refused_with_a_suggestion() -> None:
    text = edited("bill_copy = {", "bill_copie = {")
    assert refusal(text) == (
        'tariffs/vestervig.toml: periods[1].fees.bill_copie: ukendt nøgle; mente du "bill_copy"?'
    )


def test_a_fee_without_vat_scope_is_refused() -> None:
    text = edited(
        'payment_plan = { amount = "100.00", vat = "exempt",', 'payment_plan = { amount = "100.00",'
    )
    assert refusal(text) == (
        "tariffs/vestervig.toml: periods[1].fees.payment_plan.vat: "
        'mangler; forventede en af "outside", "exempt", "standard"'
    )


def test_a_fee_without_its_clause_is_refused() -> None:
    text = edited(
        'bill_copy = { amount = "35.00", vat = "standard", clause = "vestervig 6.12", ',
        'bill_copy = { amount = "35.00", vat = "standard", ',
    )
    assert refusal(text) == (
        "tariffs/vestervig.toml: periods[1].fees.bill_copy: mangler hjemmel; hver parameter "
        'skrives { value = …, clause = "vestervig 6.5", basis = "document" }'
    )


def test_an_amount_with_fractions_of_an_ore_is_refused() -> None:
    text = edited('bill_copy = { amount = "35.00"', 'bill_copy = { amount = "35.005"')
    assert refusal(text) == (
        "tariffs/vestervig.toml: periods[1].fees.bill_copy.amount: forventede et beløb i kroner "
        'som tekst med højst to decimaler, fx "187.50", fik "35.005"'
    )


def test_a_tariff_sheet_needs_at_least_one_period() -> None:
    header = VESTERVIG.split("[[periods]]", 1)[0]
    assert refusal(header) == (
        "tariffs/vestervig.toml: periods: mangler; "
        "forventede en eller flere tabeller (TOML array of tables)"
    )


def test_a_meter_size_class_is_a_short_identifier() -> None:
    text = edited("leak_monitoring = {", '"Måler med lækovervågning" = {')
    assert refusal(text) == (
        "tariffs/vestervig.toml: periods[1].meter_rent.Måler med lækovervågning: "
        'forventede et navn af små bogstaver, tal, - og _, fx "vestervig", '
        'fik "Måler med lækovervågning"'
    )
