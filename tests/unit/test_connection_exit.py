"""Connection contributions and exit, as the documents word them: the connection quote at
Vestervig's published 2024/25 prices (`vestervig 2.6`–`2.10`), due before the pipe is laid;
the earliest exit by notice (`vestervig 2.18`, `solrod 2.18`); the exit statement a–e with the
share of unamortised plant cost (`vestervig 2.19`, `solrod 2.19`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import load_rulebook_preset, load_tariff_preset, preset_text
from heatbill.domain.billing.connection import (
    ConnectionQuote,
    connection_due_date,
    quote_connection,
)
from heatbill.domain.billing.exit import add_months, check_exit_notice, exit_due_date
from heatbill.domain.billing.exit_statement import ExitCosts, PlantShare, exit_statement
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money, total, with_vat
from heatbill.domain.register.installations import Property, PropertyUse
from heatbill.domain.rulebook import RulebookError, parse_rulebook_text
from heatbill.domain.tariff import ConnectionPrices, FeeKind, VatScope, parse_tariff_sheet_text

CALENDAR = danish_bank_calendar()
VESTERVIG = load_rulebook_preset("vestervig")
SOLROD = load_rulebook_preset("solrod")
SHEET_TEXT = preset_text("vestervig", tariffs=True)
HOUSE = Property(
    1, "Vestervigvej 1", "7770", "Vestervig", Decimal("142.5"), PropertyUse.HOUSING, Decimal(420)
)


def vestervig_prices() -> ConnectionPrices:
    prices = load_tariff_preset("vestervig").period_on(date(2025, 1, 1)).connection
    assert prices is not None
    return prices


def per_m2_prices() -> ConnectionPrices:
    """Vestervig's sheet edited to an investment per m² and a development contribution."""
    text = SHEET_TEXT.replace(
        'investment_unit = { value = "installation"', 'investment_unit = { value = "area_m2"'
    ).replace('investment_rate = { value = "12500.00"', 'investment_rate = { value = "87.60"')
    text += (
        'development = { value = "6000.00", clause = "vestervig 2.9", basis = "illustrative" }\n'
    )
    prices = parse_tariff_sheet_text(text, "per_m2.toml").periods[0].connection
    assert prices is not None
    return prices


def incl_vat(quote: ConnectionQuote) -> list[str]:
    return [with_vat(line.amount).format_da() for line in quote.lines]


# --- the tariff sheet ---------------------------------------------------------------------------
def test_vestervig_connection_prices_come_out_as_published_incl_vat() -> None:
    prices = vestervig_prices()
    assert with_vat(Money.kroner(prices.investment_rate.value)) == Money.kroner("15625.00")
    assert with_vat(prices.service_pipe_fixed.value) == Money.kroner("10000.00")
    assert prices.included_m == 15
    assert prices.service_pipe_per_m.value * Decimal("1.25") == Decimal("625.00")
    assert prices.connection_fee is not None
    assert with_vat(prices.connection_fee.value) == Money.kroner("2500.00")
    assert prices.development is None  # not published (vestervig 2.9)


def test_a_sheet_without_a_connection_section_has_no_connection_prices() -> None:
    assert load_tariff_preset("solrod").period_on(date(2025, 1, 1)).connection is None


def test_a_misspelt_connection_key_is_refused_with_a_suggestion() -> None:
    text = SHEET_TEXT.replace("service_pipe_per_m = {", "service_pipe_pr_m = {")
    with pytest.raises(RulebookError) as caught:
        parse_tariff_sheet_text(text, "tariffs/vestervig.toml")
    assert "periods[1].connection.service_pipe_pr_m: ukendt nøgle" in caught.value.message


# --- the connection quote -----------------------------------------------------------------------
def test_vestervig_house_with_18_metres_of_trace_pays_30_000_kr_incl_vat() -> None:
    quote = quote_connection(vestervig_prices(), HOUSE, Decimal(18), development_area=False)
    assert [line.text for line in quote.lines] == [
        "Investeringsbidrag",
        "Stikledningsbidrag for op til 15 m",
        "Stikledning ud over 15 m: 3 m",
        "Tilslutningsbidrag",
    ]
    assert incl_vat(quote) == ["15.625,00 kr.", "10.000,00 kr.", "1.875,00 kr.", "2.500,00 kr."]
    assert (quote.net, quote.vat, quote.total) == (
        Money.kroner(24000),
        Money.kroner(6000),
        Money.kroner(30000),
    )
    assert [line.clause.section for line in quote.lines] == ["2.7", "2.10", "2.10", "2.6"]


def test_a_trace_within_the_fixed_part_has_no_metre_line() -> None:
    quote = quote_connection(vestervig_prices(), HOUSE, Decimal(12), development_area=False)
    assert len(quote.lines) == 3
    assert quote.total == Money.kroner("28125.00")


def test_part_metres_are_priced_exactly() -> None:
    quote = quote_connection(vestervig_prices(), HOUSE, Decimal("17.5"), development_area=False)
    metres = quote.lines[2]
    assert (metres.text, metres.quantity, metres.amount) == (
        "Stikledning ud over 15 m: 2,5 m",
        Decimal("2.5"),
        Money.kroner(1250),
    )


def test_investment_per_m2_and_a_development_contribution() -> None:
    quote = quote_connection(per_m2_prices(), HOUSE, Decimal(15), development_area=True)
    investment, development = quote.lines[0], quote.lines[-1]
    # 142,5 m² × 87,60 kr. = 12.483,00 kr.
    assert (investment.quantity, investment.unit, investment.amount) == (
        Decimal("142.5"),
        "area_m2",
        Money.kroner("12483.00"),
    )
    assert (development.text, development.amount) == ("Byggemodningsbidrag", Money.kroner(6000))


def test_a_development_area_without_a_published_contribution_is_refused() -> None:
    with pytest.raises(ValidationError, match="byggemodningsbidrag"):
        quote_connection(vestervig_prices(), HOUSE, Decimal(10), development_area=True)


def test_the_bill_lines_carry_the_quote_vat_exactly() -> None:
    quote = quote_connection(per_m2_prices(), HOUSE, Decimal("23.3"), development_area=True)
    lines = quote.bill_lines()
    assert total(line.vat for line in lines) == quote.vat
    assert total(line.amount for line in lines) == quote.net


def test_due_the_ordinary_way_when_the_pipe_is_laid_later() -> None:
    # 1 April + 14 days stays in April, so due 1 May (vestervig 6.4); the pipe on 20 May.
    due = connection_due_date(
        date(2026, 4, 1), date(2026, 5, 20), vestervig_prices(), VESTERVIG, CALENDAR
    )
    assert due == date(2026, 5, 1)


def test_due_a_week_before_the_pipe_is_laid_when_that_is_sooner() -> None:
    # 21 May 2026 − 7 days is Ascension Day (14 May): the last bank day before it is 13 May.
    due = connection_due_date(
        date(2026, 5, 1), date(2026, 5, 21), vestervig_prices(), VESTERVIG, CALENDAR
    )
    assert due == date(2026, 5, 13)


def test_a_bill_too_late_to_be_paid_before_the_pipe_is_laid_is_refused() -> None:
    with pytest.raises(ValidationError, match="stikledningen lægges 06-04-2026"):
        connection_due_date(
            date(2026, 4, 1), date(2026, 4, 6), vestervig_prices(), VESTERVIG, CALENDAR
        )


# --- the exit notice ----------------------------------------------------------------------------
def test_vestervig_notice_on_10_march_2026_reaches_31_may_2028() -> None:
    # 18 months after 10-03-2026 is 10-09-2027; the next financial year end is 31-05-2028.
    assert check_exit_notice(date(2026, 3, 10), date(1990, 1, 1), VESTERVIG) == date(2028, 5, 31)


def test_vestervig_notice_on_the_last_possible_day_reaches_that_year_end() -> None:
    assert check_exit_notice(date(2024, 11, 30), date(1990, 1, 1), VESTERVIG) == date(2026, 5, 31)
    assert check_exit_notice(date(2024, 12, 1), date(1990, 1, 1), VESTERVIG) == date(2027, 5, 31)


def test_solrod_member_before_2010_gives_18_months_to_a_calendar_year_end() -> None:
    assert check_exit_notice(date(2026, 3, 10), date(1998, 5, 1), SOLROD) == date(2027, 12, 31)


def test_solrod_member_from_2010_gives_one_month_to_a_month_end() -> None:
    assert check_exit_notice(date(2026, 3, 10), date(2015, 6, 1), SOLROD) == date(2026, 4, 30)
    assert check_exit_notice(date(2026, 1, 31), date(2010, 1, 1), SOLROD) == date(2026, 2, 28)
    assert check_exit_notice(date(2026, 2, 1), date(2010, 1, 1), SOLROD) == date(2026, 3, 31)


def test_solrod_new_member_waits_until_5_months_have_passed() -> None:
    # Joined 1 December 2025: 5 months have passed at the end of 30 April 2026.
    assert check_exit_notice(date(2026, 1, 5), date(2025, 12, 1), SOLROD) == date(2026, 4, 30)
    assert check_exit_notice(date(2026, 1, 5), date(2025, 12, 15), SOLROD) == date(2026, 5, 31)


def test_a_notice_before_joining_is_refused() -> None:
    with pytest.raises(ValidationError, match="før indtrædelsen"):
        check_exit_notice(date(2019, 1, 1), date(2020, 1, 1), SOLROD)


def test_a_member_no_rule_covers_has_no_exit_date() -> None:
    text = preset_text("vestervig").replace(
        "notice_months = 18\n", "notice_months = 18\nmembers_from = 2010-01-01\n"
    )
    rulebook = parse_rulebook_text(text, "vestervig.toml")
    with pytest.raises(NotFoundError, match="indtrådt 01-05-2005"):
        check_exit_notice(date(2026, 3, 10), date(2005, 5, 1), rulebook)


@given(st.dates(date(2011, 1, 1), date(2090, 1, 1)), st.integers(0, 400))
def test_an_exit_is_a_month_end_at_least_the_notice_later(notice: date, later: int) -> None:
    for rulebook in (VESTERVIG, SOLROD):
        exit_on = check_exit_notice(notice, date(2010, 1, 1), rulebook)
        assert (exit_on + timedelta(days=1)).day == 1
        assert exit_on >= add_months(notice, 1)
        assert check_exit_notice(notice + timedelta(days=later), date(2010, 1, 1), rulebook) >= (
            exit_on
        )


def test_the_exit_bill_falls_due_by_the_exit_on_a_bank_day() -> None:
    # Solrød's exit on 31 December 2027, a bank closing day: due the bank day before.
    assert exit_due_date(date(2027, 12, 20), date(2027, 12, 31), SOLROD, CALENDAR) == date(
        2027, 12, 30
    )
    # Issued long before: the ordinary due date (14 days, across a month end).
    assert exit_due_date(date(2028, 3, 1), date(2028, 5, 31), VESTERVIG, CALENDAR) == date(
        2028, 4, 3
    )


# --- the exit statement -------------------------------------------------------------------------
PLANT = PlantShare(
    plant_cost=Money.kroner(10_000_000),
    depreciation=Money.kroner(4_000_000),
    connection_value=Decimal(150),
    total_connection_value=Decimal(60_000),
)


def costs() -> ExitCosts:
    return ExitCosts(
        annual_statement=Money.kroner("12345.00"),
        owed=Money.kroner(500),
        disconnection=Money.kroner(4000),
        meter_removal=load_tariff_preset("vestervig").periods[0].fee(FeeKind.METER_REMOVAL),
        pipe_removal=Money(0),
        plant=PLANT,
        capacity_transferred=False,
        compensation_vat=VatScope.OUTSIDE,
    )


def test_e_share_with_round_figures() -> None:
    # (10.000.000 − 4.000.000) × 150 m³ ÷ 60.000 m³ = 15.000,00 kr.
    assert PLANT.share == Money.kroner(15000)


def test_e_share_is_computed_exactly_and_rounded_once_half_up() -> None:
    thirds = replace(PLANT, plant_cost=Money.kroner(1_000_000), depreciation=Money(0))
    assert replace(
        thirds, connection_value=Decimal(1), total_connection_value=Decimal(3)
    ).share == (Money.kroner("333333.33"))
    half_ore = PlantShare(Money(3), Money(0), Decimal(1), Decimal(2))
    assert half_ore.share == Money(2)  # 1,5 øre → 2 øre


@given(
    st.integers(0, 10**12),
    st.integers(0, 10**12),
    st.decimals(Decimal("0.1"), Decimal(10**6), places=1),
)
def test_the_share_lies_between_nothing_and_everything(
    cost_ore: int, depreciation_ore: int, value: Decimal
) -> None:
    cost, depreciation = (
        Money(max(cost_ore, depreciation_ore)),
        Money(min(cost_ore, depreciation_ore)),
    )
    share = PlantShare(cost, depreciation, value, value * 7).share
    assert Money(0) <= share <= cost - depreciation
    assert PlantShare(cost, depreciation, value, value).share == cost - depreciation


def test_vestervig_exit_statement_a_to_e() -> None:
    statement = exit_statement(date(2028, 5, 31), costs(), VESTERVIG)
    assert [(i.item, i.amount, i.vat, i.billed_here) for i in statement.items] == [
        ("a", Money.kroner("12345.00"), Money(0), False),
        ("b", Money.kroner(500), Money(0), False),
        ("c", Money.kroner(4000), Money.kroner(1000), True),
        ("c", Money.kroner(600), Money.kroner(150), True),  # the sheet's 750,00 incl. VAT
        ("d", Money(0), Money(0), True),
        ("e", Money.kroner(15000), Money(0), True),
    ]
    assert statement.to_pay == Money.kroner("33595.00")
    lines = statement.bill_lines()
    assert [(line.account, line.clause) for line in lines] == [
        (Account.FEE_REVENUE, "vestervig 2.19"),
        (Account.FEE_REVENUE, "vestervig 2.19"),
        (Account.FIXED_CHARGE_REVENUE, "vestervig 2.19"),
    ]
    assert lines[-1].text == (
        "e. Andel af anlægsudgifter efter afskrivninger (6.000.000,00 kr.): "
        "tilslutningsværdi 150 af 60.000"
    )


def test_vestervig_claims_no_e_share_when_the_capacity_passes_on() -> None:
    statement = exit_statement(
        date(2028, 5, 31), replace(costs(), capacity_transferred=True), VESTERVIG
    )
    assert [i.item for i in statement.items] == ["a", "b", "c", "c", "d"]


def test_solrod_always_claims_its_compensation() -> None:
    statement = exit_statement(
        date(2027, 12, 31), replace(costs(), capacity_transferred=True), SOLROD
    )
    assert statement.items[-1].item == "e"
    assert statement.clause == "solrod 2.19"


def test_an_e_share_without_plant_figures_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"solrod 2\.19 e"):
        exit_statement(date(2027, 12, 31), replace(costs(), plant=None), SOLROD)


def test_plant_figures_that_do_not_add_up_are_refused() -> None:
    with pytest.raises(ValidationError, match="afskrivningerne"):
        replace(PLANT, depreciation=Money.kroner(20_000_000))
    with pytest.raises(ValidationError, match="tilslutningsværdi"):
        replace(PLANT, connection_value=Decimal(70_000))
