"""OIOUBL e-invoices for customers with an EAN: an invoice with an FI payment, a credit note.

No OIOUBL schema package could be installed, so the two documents are golden files (rewrite
with --update-golden or HEATBILL_UPDATE_GOLDEN=1 and review the diff) and the sums are checked
by reading the XML back: the lines add up to the line total, the VAT subtotals to the VAT, each
line's VAT to its category's, and the payable amount is the lines plus the VAT.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.oioubl import (
    Address,
    Customer,
    DocumentKind,
    EInvoice,
    FiPayment,
    Line,
    Supplier,
    UnitCode,
    VatCategory,
    write_oioubl,
)
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money, round_ore
from heatbill.domain.payment_id import is_valid_payment_id, payment_id_for_open_item

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "oioubl"
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
EAN = "5798000012349"  # GS1 check digit 9

UTILITY = Supplier(
    "Vestervig Fjernvarme A.m.b.a.", "12345674", Address("Fjernvarmevej", "1", "7770", "Vestervig")
)
MUNICIPALITY = Customer(
    "Thisted Kommune",
    EAN,
    Address("Asylgade", "30", "7700", "Thisted"),
    cvr="29189366",
    contact_reference="FJV-2026",
)


def line(description: str, quantity: str, unit: UnitCode, price: str, vat: VatCategory) -> Line:
    amount = round_ore(Decimal(quantity) * Decimal(price) * 100)
    return Line(description, Decimal(quantity), unit, Decimal(price), amount, vat)


INVOICE = EInvoice(
    kind=DocumentKind.INVOICE,
    number="2026-000123",
    issue_date=date(2026, 3, 2),
    supplier=UTILITY,
    customer=MUNICIPALITY,
    lines=(
        line(
            "Varme 2025, 41,250 MWh", "41.250", UnitCode.MWH, "512.50", VatCategory.STANDARD_RATED
        ),
        line("Fast afgift 2025", "365", UnitCode.DAY, "8.2192", VatCategory.STANDARD_RATED),
        line("Rykkergebyr", "1", UnitCode.PIECE, "100", VatCategory.ZERO_RATED),
    ),
    due_date=date(2026, 3, 16),
    payment=FiPayment(payment_id_for_open_item(5001), "81234567"),
    order_reference="PO-77",
)
CREDIT_NOTE = EInvoice(
    kind=DocumentKind.CREDIT_NOTE,
    number="2026-000124",
    issue_date=date(2026, 3, 9),
    supplier=UTILITY,
    customer=MUNICIPALITY,
    lines=(line("Rykkergebyr, krediteret", "1", UnitCode.PIECE, "100", VatCategory.ZERO_RATED),),
    credited_invoice="2026-000123",
    note="Rykkergebyret er sendt ved en fejl.",
)


def kroner(element: ET.Element, path: str) -> Money:
    found = element.find(path, NS)
    assert found is not None, path
    assert found.text is not None, path
    assert found.get("currencyID") == "DKK"
    return Money.kroner(found.text)


def amounts(element: ET.Element, path: str) -> list[Money]:
    return [Money.kroner(e.text or "") for e in element.findall(path, NS)]


def assert_totals_add_up(xml: bytes, line_tag: str) -> None:
    doc = ET.fromstring(xml)
    lines = doc.findall(f"cac:{line_tag}", NS)
    line_total = kroner(doc, "cac:LegalMonetaryTotal/cbc:LineExtensionAmount")
    vat = kroner(doc, "cac:TaxTotal/cbc:TaxAmount")
    assert line_total == sum(kroner(x, "cbc:LineExtensionAmount") for x in lines)
    assert vat == sum(amounts(doc, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount"))
    assert vat == sum(kroner(x, "cac:TaxTotal/cbc:TaxAmount") for x in lines)
    taxable = amounts(doc, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount")
    assert sum(taxable) == line_total
    for total in ("TaxInclusiveAmount", "PayableAmount"):
        assert kroner(doc, f"cac:LegalMonetaryTotal/cbc:{total}") == line_total + vat


# --- golden documents -----------------------------------------------------------------------
@pytest.mark.parametrize(("document", "name"), [(INVOICE, "invoice"), (CREDIT_NOTE, "credit-note")])
def test_a_document_is_its_golden_file(document: EInvoice, name: str, update_golden: bool) -> None:
    path = GOLDEN / f"{name}.xml"
    xml = write_oioubl(document)
    if update_golden:
        path.write_bytes(xml)
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert xml == path.read_bytes()


def test_the_invoice_totals_are_the_sums_of_its_lines_and_vat() -> None:
    xml = write_oioubl(INVOICE)
    assert_totals_add_up(xml, "InvoiceLine")
    doc = ET.fromstring(xml)
    # 21.140,63 + 3.000,01 heat and fixed charge at 25 %, 100,00 reminder fee outside VAT.
    assert kroner(doc, "cac:LegalMonetaryTotal/cbc:LineExtensionAmount") == Money.kroner("24240.64")
    assert kroner(doc, "cac:TaxTotal/cbc:TaxAmount") == Money.kroner("6035.16")
    assert kroner(doc, "cac:LegalMonetaryTotal/cbc:PayableAmount") == Money.kroner("30275.80")


def test_the_credit_note_totals_add_up_and_it_names_the_invoice_it_credits() -> None:
    xml = write_oioubl(CREDIT_NOTE)
    assert_totals_add_up(xml, "CreditNoteLine")
    doc = ET.fromstring(xml)
    assert doc.tag == "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote"
    assert doc.findtext("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", None, NS) == (
        "2026-000123"
    )
    assert doc.find("cac:PaymentMeans", NS) is None


def test_the_invoice_is_addressed_to_the_ean_and_paid_by_fi_card_71() -> None:
    doc = ET.fromstring(write_oioubl(INVOICE))
    endpoint = doc.find("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", NS)
    assert endpoint is not None
    assert (endpoint.text, endpoint.get("schemeID")) == (EAN, "GLN")
    means = doc.find("cac:PaymentMeans", NS)
    assert means is not None
    assert means.findtext("cbc:PaymentMeansCode", None, NS) == "93"
    assert means.findtext("cbc:PaymentID", None, NS) == "71"
    assert is_valid_payment_id(means.findtext("cbc:InstructionID", "", NS))
    assert means.findtext("cac:CreditAccount/cbc:AccountID", None, NS) == "81234567"
    assert means.findtext("cbc:PaymentDueDate", None, NS) == "2026-03-16"


def test_the_same_document_always_gets_the_same_uuid() -> None:
    assert INVOICE.uuid == replace(INVOICE, note="x").uuid != CREDIT_NOTE.uuid


# --- what is refused ------------------------------------------------------------------------
def test_a_line_amount_must_be_quantity_times_price() -> None:
    wrong = replace(INVOICE.lines[0], amount=Money.kroner("21140.62"))
    with pytest.raises(ValidationError, match=r"ikke mængden 41\.250 gange prisen 512\.50"):
        write_oioubl(replace(INVOICE, lines=(wrong,)))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lines": ()}, "mindst én linje"),
        ({"credited_invoice": None}, "skal henvise til den faktura"),
        ({"payment": INVOICE.payment}, "ingen betalingsoplysninger"),
        ({"due_date": date(2026, 3, 1)}, "ligger før fakturadatoen"),
    ],
)
def test_a_credit_note_must_be_consistent(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        write_oioubl(replace(CREDIT_NOTE, **changes))  # type: ignore[arg-type]


def test_only_a_credit_note_credits_an_invoice() -> None:
    with pytest.raises(ValidationError, match="kun en kreditnota"):
        write_oioubl(replace(INVOICE, credited_invoice="2026-000001"))


@pytest.mark.parametrize("ean", ["5798000012345", "579800001234"])
def test_the_customer_needs_a_valid_ean(ean: str) -> None:
    with pytest.raises(ValidationError, match="EAN"):
        replace(MUNICIPALITY, ean=ean)


def test_the_fi_payment_must_be_a_valid_id_and_creditor() -> None:
    with pytest.raises(ValidationError, match="kontrolciffer"):
        FiPayment("000000000050014", "81234567")


# --- property -------------------------------------------------------------------------------
lines = st.builds(
    line,
    description=st.just("Linje"),
    quantity=st.decimals(min_value=-1000, max_value=1000, places=3).map(str),
    unit=st.sampled_from(UnitCode),
    price=st.decimals(min_value=0, max_value=10_000, places=4).map(str),
    vat=st.sampled_from(VatCategory),
)


@given(st.lists(lines, min_size=1, max_size=12))
def test_any_invoice_adds_up(invoice_lines: list[Line]) -> None:
    assert_totals_add_up(write_oioubl(replace(INVOICE, lines=tuple(invoice_lines))), "InvoiceLine")
