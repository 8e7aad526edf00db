"""Tariff charges for a period: worked examples from the published sheets, and invariants.

Prices are the shipped sheets' (`rulebooks/tariffs/*.toml`, ex VAT; the published incl.-VAT
figures are in their comments) or a small sheet written here. Amounts are checked to the øre and
worked out by hand in each test; DANISH-RULES.md splits use by days and degree days.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.rulebook_files import load_tariff_preset
from heatbill.domain.billing.charges import (
    ChargeKind,
    Charges,
    ChargeUnit,
    PeriodUse,
    RateUnit,
    UseSplit,
    charges_for,
)
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.metered_use import MeteredUse
from heatbill.domain.money import Money, round_ore
from heatbill.domain.register.installations import Property, PropertyUse
from heatbill.domain.rulebook import Clause
from heatbill.domain.tariff import TariffSheet, parse_tariff_sheet_text

NORMAL_WEATHER = UseSplit(DegreeDayTable(), Decimal(25))
HOUSE = Property(
    1,
    "Solrød Byvej 1",
    "2680",
    "Solrød Strand",
    Decimal(140),
    PropertyUse.HOUSING,
    volume_m3=Decimal(425),
)
YEAR_2025 = Period.calendar_year(2025)
FIXED_KINDS = (ChargeKind.SUBSCRIPTION, ChargeKind.CAPACITY, ChargeKind.METER_RENT)

TWO_PRICES = """
name = "to-priser"
title = "Prisskift 1. juli 2025 (testark)"
document = "vestervig"
source = "test"

[[periods]]
valid_from = { value = 2025-01-01, clause = "vestervig 4.1", basis = "illustrative" }
energy_rate = { value = "400.00", clause = "vestervig 4.1", basis = "illustrative" }
subscription = { value = "1000.00", clause = "vestervig 4.1", basis = "illustrative" }
water_volume_rate = { value = "5.00", clause = "vestervig 4.1", basis = "illustrative" }

[periods.capacity]
unit = { value = "area_m2", clause = "vestervig 4.1", basis = "illustrative" }
rate = { value = "10.00", clause = "vestervig 4.1", basis = "illustrative" }

[periods.meter_rent]
standard = { value = "600.00", clause = "vestervig 5.1", basis = "illustrative" }

[periods.fees]

[[periods]]
valid_from = { value = 2025-07-01, clause = "vestervig 4.1", basis = "illustrative" }
energy_rate = { value = "500.00", clause = "vestervig 4.1", basis = "illustrative" }
subscription = { value = "1200.00", clause = "vestervig 4.1", basis = "illustrative" }
water_volume_rate = { value = "5.00", clause = "vestervig 4.1", basis = "illustrative" }

[periods.capacity]
unit = { value = "area_m2", clause = "vestervig 4.1", basis = "illustrative" }
rate = { value = "12.00", clause = "vestervig 4.1", basis = "illustrative" }

[periods.meter_rent]
standard = { value = "600.00", clause = "vestervig 5.1", basis = "illustrative" }

[periods.fees]
"""


def two_prices() -> TariffSheet:
    return parse_tariff_sheet_text(TWO_PRICES, "to-priser.toml")


def amounts(charges: Charges, kind: ChargeKind) -> list[str]:
    return [line.amount.format_da() for line in charges.of_kind(kind)]


def solrod(period: Period, use: PeriodUse) -> Charges:
    sheet = load_tariff_preset("solrod")
    return charges_for(
        sheet, period, premises=HOUSE, meter_class="below_30_kw", use=use, split=NORMAL_WEATHER
    )


def two_price_bill(period: Period, use: PeriodUse, split: UseSplit = NORMAL_WEATHER) -> Charges:
    return charges_for(
        two_prices(), period, premises=HOUSE, meter_class="standard", use=use, split=split
    )


# --- worked examples -----------------------------------------------------------------------
def test_solrod_house_for_a_full_year_matches_the_published_consumer_prices_to_the_ore() -> None:
    """A 425 m³ house using 16,400 MWh in 2025 with a meter under 30 kW (`solrod 4.1`, `5.2`).

    Ex VAT (the sheet):          fixed 425 m³ × 12,504 = 5.314,20; meter rent 150,00;
                                 energy 16,4 MWh × 485,00 = 7.954,00; net 13.418,20;
                                 VAT 25 % of the net = 3.354,55; total 16.772,75.
    Published prices incl. VAT:  425 × 15,63 = 6.642,75; 187,50; 16,4 × 606,25 = 9.942,50;
                                 6.642,75 + 187,50 + 9.942,50 = 16.772,75 — the same to the øre.
    """
    bill = solrod(YEAR_2025, PeriodUse(Decimal("16.400")))
    assert [line.kind for line in bill.lines] == [
        ChargeKind.CAPACITY,
        ChargeKind.METER_RENT,
        ChargeKind.ENERGY,
    ]
    assert [line.amount.format_da() for line in bill.lines] == [
        "5.314,20 kr.",
        "150,00 kr.",
        "7.954,00 kr.",
    ]
    assert (bill.net, bill.vat, bill.total) == (
        Money.kroner("13418.20"),
        Money.kroner("3354.55"),
        Money.kroner("16772.75"),
    )
    published = (
        Decimal("425") * Decimal("15.63") + Decimal("187.50") + Decimal("16.4") * Decimal("606.25")
    )
    assert bill.total == Money.kroner(published)
    capacity, rent, energy = bill.lines
    assert capacity.text == (
        "Fast bidrag 01-01-2025 – 31-12-2025: 425 m³ rumfang × 12,504 kr./m³ pr. år × 365/365 år"
    )
    assert rent.text == (
        "Målerleje, måler under 30 kW, 01-01-2025 – 31-12-2025: 150,00 kr./år × 365/365 år"
    )
    assert energy.text == "Energi 01-01-2025 – 31-12-2025: 16,400 MWh × 485,00 kr./MWh"
    assert (energy.quantity, energy.unit, energy.rate, energy.rate_unit) == (
        Decimal("16.400"),
        ChargeUnit.MWH,
        Decimal("485.00"),
        RateUnit.KR,
    )
    assert [str(line.clause) for line in bill.lines] == ["solrod 4.1", "solrod 5.2", "solrod 4.1"]


def test_vestervig_heating_year_2024_25_with_its_cooling_surcharge_of_1_percent_per_degree() -> (
    None
):
    """Vestervig 2024/25 (`vestervig 4.1`, `3.3`): 425 m³, 20,000 MWh, average cooling 22 °C.

    The year runs 01-06-2024 – 31-05-2025 and crosses New Year, so the fixed charges are cut:
      subscription 2.500,00 × 214/366 = 1.461,748… → 1.461,75; × 151/365 = 1.034,246… → 1.034,25
      fixed 425 m³ × 13,60 = 5.780,00 a year; × 214/366 = 3.379,562… → 3.379,56;
                                              × 151/365 = 2.391,178… → 2.391,18
      energy 20 MWh × 324,00 = 6.480,00
      cooling: 25 − 22 = 3 °C short of the target, 3 × 1 % of 6.480,00 = 194,40
      net 14.941,14; VAT 3.735,285 → 3.735,29; total 18.676,43.
    2024 is a leap year, so this heating year is 214/366 + 151/365 of a year: the subscription
    comes to 2.496,00, not 2.500,00 (the proration rule in `charges_fixed`).
    """
    sheet = load_tariff_preset("vestervig")
    period = Period(date(2024, 6, 1), date(2025, 6, 1))
    use = PeriodUse(Decimal("20.000"), cooling_c=Decimal(22))
    bill = charges_for(
        sheet, period, premises=HOUSE, meter_class=None, use=use, split=NORMAL_WEATHER
    )
    assert amounts(bill, ChargeKind.SUBSCRIPTION) == ["1.461,75 kr.", "1.034,25 kr."]
    assert amounts(bill, ChargeKind.CAPACITY) == ["3.379,56 kr.", "2.391,18 kr."]
    assert amounts(bill, ChargeKind.ENERGY) == ["6.480,00 kr."]
    assert amounts(bill, ChargeKind.METER_RENT) == []  # the leak-monitoring meter is optional
    (cooling,) = bill.of_kind(ChargeKind.COOLING)
    assert (cooling.amount, cooling.quantity, cooling.rate_unit, cooling.clause) == (
        Money.kroner("194.40"),
        Decimal(3),
        RateUnit.PERCENT_OF_ENERGY,
        Clause("vestervig", "3.3"),
    )
    assert cooling.text == (
        "Afkølingstarif 01-06-2024 – 31-05-2025: afkøling 22,0 °C, 3,0 °C under målet på 25 °C; "
        "1 % pr. °C af energibetalingen 6.480,00 kr."
    )
    assert (bill.net, bill.vat, bill.total) == (
        Money.kroner("14941.14"),
        Money.kroner("3735.29"),
        Money.kroner("18676.43"),
    )


def test_a_price_change_mid_period_splits_the_energy_by_degree_days() -> None:
    """2025 at two prices, changing 1 July; 12,000 MWh and 150,000 m³, hot water 25 %.

    No reading on 1 July, so the use is split (DANISH-RULES.md) in Dansk Fjernvarme's normal year:
      January–June 181 days, 519+486+444+311+154+58 = 1972 degree days; July–December 184 days,
      22+18+91+207+341+461 = 1140 degree days (3112 in all);
      share of January–June = 25 % × 181/365 + 75 % × 1972/3112 = 59,9229…%
      → 12,000 × 0,599229… = 7,1907… → 7,191 MWh; the rest 4,809 MWh.
      energy 7,191 × 400,00 = 2.876,40 and 4,809 × 500,00 = 2.404,50
      water 150,000 m³ the same way: 89,884 × 5,00 = 449,42 and 60,116 × 5,00 = 300,58
    Fixed charges by days at each part's prices:
      subscription 1.000,00 × 181/365 = 495,890… → 495,89; 1.200,00 × 184/365 = 604,931… → 604,93
      capacity 140 m² × 10,00 × 181/365 = 694,246… → 694,25; × 12,00 × 184/365 = 846,904… → 846,90
      meter rent 600,00 × 181/365 = 297,534… → 297,53; × 184/365 = 302,465… → 302,47
    """
    bill = two_price_bill(YEAR_2025, PeriodUse(Decimal("12.000"), Decimal("150.000")))
    energy = bill.of_kind(ChargeKind.ENERGY)
    assert [line.quantity for line in energy] == [Decimal("7.191"), Decimal("4.809")]
    assert amounts(bill, ChargeKind.ENERGY) == ["2.876,40 kr.", "2.404,50 kr."]
    assert [line.period for line in energy] == [
        Period(date(2025, 1, 1), date(2025, 7, 1)),
        Period(date(2025, 7, 1), date(2026, 1, 1)),
    ]
    assert amounts(bill, ChargeKind.WATER) == ["449,42 kr.", "300,58 kr."]
    assert amounts(bill, ChargeKind.SUBSCRIPTION) == ["495,89 kr.", "604,93 kr."]
    assert amounts(bill, ChargeKind.CAPACITY) == ["694,25 kr.", "846,90 kr."]
    assert amounts(bill, ChargeKind.METER_RENT) == ["297,53 kr.", "302,47 kr."]
    assert [str(line.clause) for line in bill.of_kind(ChargeKind.METER_RENT)] == [
        "vestervig 5.1"
    ] * 2
    assert energy[1].text == "Energi 01-07-2025 – 31-12-2025: 4,809 MWh × 500,00 kr./MWh"
    assert bill.of_kind(ChargeKind.CAPACITY)[0].text == (
        "Effektbidrag 01-01-2025 – 30-06-2025: 140 m² × 10,00 kr./m² pr. år × 181/365 år"
    )


def test_a_price_change_mid_period_with_a_reading_at_the_change_uses_the_reading() -> None:
    """A real reading always wins: 7,500 MWh and 100,000 m³ were metered before 1 July.

    energy 7,500 × 400,00 = 3.000,00 and (12,000 − 7,500) × 500,00 = 2.250,00;
    water 100,000 × 5,00 = 500,00 and 50,000 × 5,00 = 250,00; fixed charges as without a reading.
    """
    reading = {date(2025, 7, 1): MeteredUse(Decimal("7.500"), Decimal("100.000"))}
    split = UseSplit(DegreeDayTable(), Decimal(25), metered_to=reading)
    bill = two_price_bill(YEAR_2025, PeriodUse(Decimal("12.000"), Decimal("150.000")), split)
    assert [line.quantity for line in bill.of_kind(ChargeKind.ENERGY)] == [
        Decimal("7.500"),
        Decimal("4.500"),
    ]
    assert amounts(bill, ChargeKind.ENERGY) == ["3.000,00 kr.", "2.250,00 kr."]
    assert amounts(bill, ChargeKind.WATER) == ["500,00 kr.", "250,00 kr."]
    assert amounts(bill, ChargeKind.SUBSCRIPTION) == ["495,89 kr.", "604,93 kr."]


def test_a_cooling_surcharge_for_a_return_temperature_above_the_target_solrod_3_3() -> None:
    """Solrød: 6,68 kr./MWh per °C ex VAT (8,35 incl.) above a 40 °C return temperature.

    43 °C is 3 °C over: 3 × 6,68 × 16,4 MWh = 328,656 → 328,66 ex VAT; published
    3 × 8,35 × 16,4 = 410,82 incl. VAT, and 328,66 × 1,25 = 410,825 — within the øre.
    41,5 °C counts pro rata: 1,5 × 6,68 × 16,4 = 164,328 → 164,33.
    """
    (cooling,) = solrod(YEAR_2025, PeriodUse(Decimal("16.400"), return_c=Decimal(43))).of_kind(
        ChargeKind.COOLING
    )
    assert (cooling.amount, cooling.quantity, cooling.rate, cooling.rate_unit) == (
        Money.kroner("328.66"),
        Decimal(3),
        Decimal("6.68"),
        RateUnit.KR_PER_MWH,
    )
    assert cooling.text == (
        "Afkølingstarif 01-01-2025 – 31-12-2025: returtemperatur 43,0 °C, 3,0 °C over målet på "
        "40 °C; 6,68 kr./MWh pr. °C af 16,400 MWh"
    )
    half = solrod(YEAR_2025, PeriodUse(Decimal("16.400"), return_c=Decimal("41.5")))
    assert amounts(half, ChargeKind.COOLING) == ["164,33 kr."]


@pytest.mark.parametrize("return_c", [Decimal(40), Decimal(35), None])
def test_no_cooling_line_at_or_better_than_the_target_or_unmeasured_no_bonus_is_published(
    return_c: Decimal | None,
) -> None:
    bill = solrod(YEAR_2025, PeriodUse(Decimal("16.400"), return_c=return_c))
    assert bill.of_kind(ChargeKind.COOLING) == ()


def test_a_period_across_new_year_prorates_the_fixed_charges_by_each_years_days() -> None:
    """Solrød 01-10-2024 – 31-03-2025: 92 days of 2024 (366 days) and 90 of 2025 (365).

    fixed 5.314,20 a year × 92/366 = 1.335,809… → 1.335,81; × 90/365 = 1.310,350… → 1.310,35
    meter rent 150,00 × 92/366 = 37,704… → 37,70; × 90/365 = 36,986… → 36,99
    energy is one line: no price changes at New Year (8,000 MWh × 485,00 = 3.880,00).
    """
    period = Period(date(2024, 10, 1), date(2025, 4, 1))
    bill = solrod(period, PeriodUse(Decimal("8.000")))
    assert amounts(bill, ChargeKind.CAPACITY) == ["1.335,81 kr.", "1.310,35 kr."]
    assert amounts(bill, ChargeKind.METER_RENT) == ["37,70 kr.", "36,99 kr."]
    assert amounts(bill, ChargeKind.ENERGY) == ["3.880,00 kr."]
    assert [line.period.days for line in bill.of_kind(ChargeKind.CAPACITY)] == [92, 90]
    assert bill.of_kind(ChargeKind.CAPACITY)[0].text.endswith("× 92/366 år")


def test_the_one_vat_spread_over_the_lines_adds_up_to_the_vat() -> None:
    bill = two_price_bill(YEAR_2025, PeriodUse(Decimal("12.000"), Decimal("150.000")))
    assert sum(bill.line_vat(), Money(0)) == bill.vat == round_ore(Decimal(bill.net.ore) / 4)


# --- refusals --------------------------------------------------------------------------------
def test_a_capacity_charge_by_volume_needs_the_buildings_volume() -> None:
    flat = Property(2, "Torvet 2", "2680", "Solrød Strand", Decimal(80), PropertyUse.HOUSING)
    with pytest.raises(ValidationError) as caught:
        charges_for(
            load_tariff_preset("solrod"),
            YEAR_2025,
            premises=flat,
            meter_class=None,
            use=PeriodUse(Decimal(1)),
            split=NORMAL_WEATHER,
        )
    assert caught.value.message == (
        "takstbladet opkræver fast bidrag pr. m³ rumfang, men ejendommen "
        "Torvet 2, 2680 Solrød Strand har intet rumfang registreret"
    )


def test_a_meter_size_the_sheet_does_not_price_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        charges_for(
            load_tariff_preset("solrod"),
            YEAR_2025,
            premises=HOUSE,
            meter_class="lt30kw",
            use=PeriodUse(Decimal(1)),
            split=NORMAL_WEATHER,
        )
    assert caught.value.message == (
        'takstbladet har ingen målerleje for målerstørrelsen "lt30kw" i priserne fra 01-01-2024; '
        "kendte størrelser: below_30_kw, below_100_kw, above_100_kw"
    )


def test_use_finer_than_the_register_or_as_a_float_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        PeriodUse(Decimal("1.0005"))
    assert caught.value.message == (
        "energiforbruget i MWh skal være et tal på mindst 0 med højst 3 decimaler "
        "(målerens opløsning), fik 1.0005"
    )
    with pytest.raises(TypeError):
        PeriodUse(1.5)  # type: ignore[arg-type]


def test_a_reading_at_the_change_above_the_periods_use_is_refused() -> None:
    reading = {date(2025, 7, 1): MeteredUse(Decimal("13.000"), Decimal(0))}
    split = UseSplit(DegreeDayTable(), Decimal(25), metered_to=reading)
    with pytest.raises(ValidationError) as caught:
        two_price_bill(YEAR_2025, PeriodUse(Decimal("12.000")), split)
    assert caught.value.message == (
        "aflæsningerne passer ikke sammen: forbruget til og med 31-12-2025 (12.000) er mindre "
        "end ved en tidligere aflæsning i perioden"
    )


# --- invariants ------------------------------------------------------------------------------
DAY_2025 = st.integers(0, 364).map(lambda n: date(2025, 1, 1) + timedelta(days=n))
KWH = st.integers(0, 60_000_000)


@st.composite
def periods_with_a_cut(draw: st.DrawFn) -> tuple[Period, date]:
    start = draw(st.integers(0, 700).map(lambda n: date(2025, 1, 1) + timedelta(days=n)))
    days = draw(st.integers(2, 800))
    cut = start + timedelta(days=draw(st.integers(1, days - 1)))
    return Period(start, start + timedelta(days=days)), cut


def mwh(kwh: int) -> Decimal:
    return Decimal(kwh) / 1000


@given(periods_with_a_cut(), KWH, st.fractions(0, 1))
def test_billing_a_period_in_two_parts_bills_the_same_energy_and_fixed_charges_within_rounding(
    period_and_cut: tuple[Period, date], kwh: int, first_share: Fraction
) -> None:
    """Cut anywhere: the energy adds up exactly; a fixed charge differs from the whole period's
    by at most 1 øre per line of the parts (each line is rounded once); all amounts are øre."""
    period, cut = period_and_cut
    kwh_before = int(kwh * first_share)
    whole = two_price_bill(period, PeriodUse(mwh(kwh)))
    parts = [
        two_price_bill(Period(period.start, cut), PeriodUse(mwh(kwh_before))),
        two_price_bill(Period(cut, period.end), PeriodUse(mwh(kwh - kwh_before))),
    ]
    assert whole.energy_mwh == sum((part.energy_mwh for part in parts), Decimal(0)) == mwh(kwh)
    for kind in FIXED_KINDS:
        part_lines = [line for part in parts for line in part.of_kind(kind)]
        whole_amount = sum((line.amount for line in whole.of_kind(kind)), Money(0))
        part_amount = sum((line.amount for line in part_lines), Money(0))
        assert abs((part_amount - whole_amount).ore) <= len(part_lines)
    for bill in (whole, *parts):
        assert all(type(line.amount.ore) is int for line in bill.lines)
        assert all(isinstance(line.quantity, Decimal) for line in bill.lines)
        assert bill.total == bill.net + bill.vat


@given(DAY_2025.filter(lambda day: day < date(2025, 7, 1)), KWH, KWH)
def test_with_a_reading_at_the_price_change_the_whole_bills_its_use_as_the_parts_do(
    start: date, kwh_before: int, kwh_after: int
) -> None:
    change, end = date(2025, 7, 1), date(2026, 1, 1)
    reading = {change: MeteredUse(mwh(kwh_before), Decimal(0))}
    split = UseSplit(DegreeDayTable(), Decimal(25), metered_to=reading)
    whole = two_price_bill(Period(start, end), PeriodUse(mwh(kwh_before + kwh_after)), split)
    before = two_price_bill(Period(start, change), PeriodUse(mwh(kwh_before)))
    after = two_price_bill(Period(change, end), PeriodUse(mwh(kwh_after)))
    use_kinds = (ChargeKind.ENERGY, ChargeKind.WATER)
    assert [whole.of_kind(kind) for kind in use_kinds] == [
        before.of_kind(kind) + after.of_kind(kind) for kind in use_kinds
    ]


@given(KWH)
def test_solrod_incl_vat_total_is_within_1_ore_of_the_published_incl_vat_prices(kwh: int) -> None:
    """Lines are rounded ex VAT and the VAT once on their sum, so the total can differ from
    `MWh × 606,25 + 425 m³ × 15,63 + 187,50` by a rounding, never by more than 1 øre."""
    bill = solrod(YEAR_2025, PeriodUse(mwh(kwh)))
    published_ore = (
        mwh(kwh) * Decimal("606.25") + 425 * Decimal("15.63") + Decimal("187.50")
    ) * 100
    assert abs((bill.total - round_ore(published_ore)).ore) <= 1
