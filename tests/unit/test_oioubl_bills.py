"""A bill as an OIOUBL e-invoice: each line with the VAT the bill booked, so the document's
totals are the bill's to the øre; a given VAT is held to the receivers' 1 kr. tolerance."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.oioubl import (
    Address,
    Customer,
    DocumentKind,
    Supplier,
    UnitCode,
    VatCategory,
    write_oioubl,
)
from heatbill.adapters.formats.oioubl_bills import (
    einvoice_line,
    einvoice_of,
    one_line_address,
    street_address,
)
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.correction import credit_note_for
from heatbill.domain.errors import ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money, allocate, round_ore, vat_of

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
UTILITY = Supplier("Solrød Fjernvarme", "11223344", one_line_address("Lerbækvej 17, 2680 Solrød"))
BAKERY = Customer(
    "Bageriet Ølby ApS",
    "5798000012349",
    street_address("Industrivej 7", "2680", "Solrød Strand"),
    cvr="87654321",
)
ENERGY = BillLine(
    "Energi 150,001 MWh × 450,00 kr./MWh",
    Money.kroner("67500.45"),
    Money.kroner("16875.11"),
    Account.HEAT_REVENUE,
    quantity=Decimal("150.001"),
    unit="mwh",
    rate=Decimal(450),
)
AREA = BillLine(
    "Effektbidrag 1.250,00 m² × 12,00 kr./m² pr. år × 181/365 år",
    Money.kroner("7438.36"),
    Money.kroner("1859.59"),
    Account.FIXED_CHARGE_REVENUE,
    quantity=Decimal(1250),
    unit="area_m2",
    rate=Decimal(12),
)
INSTALLMENTS = BillLine(
    "Opkrævet a conto for perioden",
    Money.kroner("-71600.44"),
    Money.kroner("-17900.12"),
    Account.HEAT_REVENUE,
)
REMINDER = BillLine("Rykkergebyr", Money.kroner(100), Money(0), Account.FEE_REVENUE)


def bill(*lines: BillLine) -> Bill:
    return Bill(
        18,
        "2027-0000018",
        BillKind.ANNUAL_SETTLEMENT,
        3,
        3,
        date(2026, 1, 1),
        date(2027, 1, 1),
        date(2027, 3, 1),
        date(2027, 4, 1),
        lines,
    )


def payable(xml: bytes) -> Money:
    found = ET.fromstring(xml).find(".//cbc:PayableAmount", NS)
    assert found is not None
    return Money.kroner(found.text or "")


def test_a_line_priced_per_unit_keeps_its_quantity_and_price() -> None:
    line = einvoice_line(ENERGY)
    assert (line.quantity, line.unit, line.unit_price) == (
        Decimal("150.001"),
        UnitCode.MWH,
        Decimal(450),
    )
    assert (line.amount, line.vat_amount, line.vat) == (
        ENERGY.amount,
        ENERGY.vat,
        VatCategory.STANDARD_RATED,
    )


def test_a_prorated_charge_and_a_deduction_go_as_one_piece_at_their_amount() -> None:
    area = einvoice_line(AREA)  # 1250 m² × 12 kr. is not the line: it is prorated by days
    assert (area.quantity, area.unit, area.unit_price) == (
        Decimal(1),
        UnitCode.PIECE,
        Decimal("7438.36"),
    )
    paid = einvoice_line(INSTALLMENTS)  # a price is never negative: −1 piece
    assert (paid.quantity, paid.unit_price, paid.amount) == (
        Decimal(-1),
        Decimal("71600.44"),
        INSTALLMENTS.amount,
    )
    assert paid.vat_amount == INSTALLMENTS.vat


def test_a_fee_outside_vat_is_zero_rated() -> None:
    assert einvoice_line(REMINDER).vat is VatCategory.ZERO_RATED
    assert einvoice_line(replace(REMINDER, vat=Money(2500))).vat is VatCategory.STANDARD_RATED


def test_the_invoice_totals_the_booked_bill_and_a_credit_note_states_it_positive() -> None:
    settlement = bill(AREA, ENERGY, INSTALLMENTS)
    document = einvoice_of(settlement, UTILITY, BAKERY, payment=None)
    assert (document.kind, payable(write_oioubl(document))) == (
        DocumentKind.INVOICE,
        settlement.total,
    )
    note = replace(credit_note_for(settlement, date(2027, 3, 10)), bill_id=19, number="2027-19")
    credited = einvoice_of(note, UTILITY, BAKERY, payment=None, credited_invoice=settlement.number)
    assert credited.kind is DocumentKind.CREDIT_NOTE
    energy = credited.lines[1]  # credited: 150,001 MWh at 450,00 kr., stated positive
    assert (energy.quantity, energy.unit, energy.amount) == (
        ENERGY.quantity,
        UnitCode.MWH,
        ENERGY.amount,
    )
    assert payable(write_oioubl(credited)) == -note.total == settlement.total


@given(
    st.lists(st.integers(1, 10**8), min_size=1, max_size=6),
    st.lists(st.integers(1, 10**7), max_size=4),
)
def test_the_document_is_the_bill_to_the_ore(
    line_ore: list[int], installment_ore: list[int]
) -> None:
    """VAT computed once on the sum and spread over the lines (`Charges.line_vat`), and the
    installments' own VAT on the line that deducts them: written as booked, within 1 kr."""
    net = Money(sum(line_ore))
    vat = allocate(vat_of(net), line_ore)
    lines = [
        BillLine(f"Linje {n}", Money(o), v, Account.HEAT_REVENUE)
        for n, (o, v) in enumerate(zip(line_ore, vat, strict=True))
    ]
    if installment_ore:
        nets = [round_ore(Decimal(g) * Decimal("0.8")) for g in installment_ore]
        gross = Money(sum(installment_ore))
        paid = sum(nets, Money(0))
        lines.append(BillLine("A conto", -paid, -(gross - paid), Account.HEAT_REVENUE))
    settlement = bill(*lines)
    assert payable(write_oioubl(einvoice_of(settlement, UTILITY, BAKERY, payment=None))) == (
        settlement.total
    )


def test_a_given_vat_a_krone_off_or_on_a_zero_rated_line_is_refused() -> None:
    off = replace(ENERGY, vat=ENERGY.vat + Money(101))  # 1,0075 kr. over 25 % of the line
    with pytest.raises(ValidationError, match=r"1 kr\. eller mere fra 25 %"):
        write_oioubl(einvoice_of(bill(off), UTILITY, BAKERY, payment=None))
    nearly = replace(ENERGY, vat=ENERGY.vat + Money(99))
    write_oioubl(einvoice_of(bill(nearly), UTILITY, BAKERY, payment=None))
    line = replace(einvoice_line(REMINDER), given_vat=Money(2500))
    document = replace(einvoice_of(bill(ENERGY), UTILITY, BAKERY, payment=None), lines=(line,))
    with pytest.raises(ValidationError, match="momsfri"):
        write_oioubl(document)


def test_addresses_are_split_into_street_number_postcode_and_town() -> None:
    assert street_address("Strandvejen 3, 1. tv", "2680", "Solrød Strand") == Address(
        "Strandvejen", "3", "2680", "Solrød Strand"
    )
    assert street_address("Bygaden 12 B", "7770", "Vestervig").building_number == "12B"
    assert one_line_address("Lerbækvej 17, 2680 Solrød Strand") == Address(
        "Lerbækvej", "17", "2680", "Solrød Strand"
    )
    for text in ("Lerbækvej 17", "Lerbækvej, 2680 Solrød"):
        with pytest.raises(ValidationError, match="kan ikke deles"):
            one_line_address(text)
