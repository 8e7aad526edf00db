"""What real issued bills carry for payment, on both databases: the FI payment line of the
bill's open item, the OIOUBL invoice of a company with an EAN whose totals are the booked
bill's, the credit note of a correction, and the Betalingsservice collection of a bill."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from sqlalchemy import Engine

from heatbill.adapters.db.bill_bookings import IssuedBill, SqlIssuedBills
from heatbill.adapters.formats.betalingsservice_0601 import Creditor, Delivery, write_0601
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import open_item_of
from heatbill.services.bill_documents import BillDocuments, bill_documents, collection_for
from heatbill.services.corrections import correct_settlement
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.settled_story import EAN, customer_of, settled_year, settlement_of
from tests.integration.test_corrections import REASON, correct_year_end_reading

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
FI_LINE = re.compile(r"^\+71<(\d{15})\+(8\d{7})<$")


def documents(engine: Engine, utility_id: int, bill_id: int) -> tuple[BillDocuments, IssuedBill]:
    with UnitOfWork(engine, write=False) as uow:
        issued = SqlIssuedBills(uow.connection, utility_id).get(bill_id)
        return bill_documents(utility_id, bill_id, uow), issued


def text(doc: ET.Element, path: str) -> str:
    found = doc.find(path, NS)
    assert found is not None, path
    return found.text or ""


def kroner(doc: ET.Element, path: str) -> Money:
    return Money.kroner(text(doc, path))


def test_a_bill_carries_its_payment_line_and_an_e_invoice_for_an_ean(engine: Engine) -> None:
    year = settled_year(engine)
    u = year.utility_id
    settlement = settlement_of(engine, u, customer_of(engine, u, "10003"))
    found, issued = documents(engine, u, settlement.bill_id)

    # The FI payment line names the bill's open item and the utility's creditor number.
    assert found.payment is not None
    match = FI_LINE.match(found.payment.fi_line)
    assert match is not None, found.payment.fi_line
    assert match.groups() == (found.payment.payment_id, "81234567")
    assert open_item_of(found.payment.payment_id) == issued.open_item_id
    assert (found.payment.amount, found.payment.due_date) == (settlement.total, settlement.due_date)

    # The bakery has an EAN: its OIOUBL invoice totals exactly what the bill booked.
    assert found.oioubl is not None
    doc = ET.fromstring(found.oioubl)
    assert doc.tag.endswith("}Invoice")
    assert text(doc, "cbc:ID") == settlement.number
    assert kroner(doc, "cac:LegalMonetaryTotal/cbc:PayableAmount") == settlement.total
    assert kroner(doc, "cac:LegalMonetaryTotal/cbc:LineExtensionAmount") == settlement.net
    assert kroner(doc, "cac:TaxTotal/cbc:TaxAmount") == settlement.vat
    line_vat = [kroner(x, "cac:TaxTotal/cbc:TaxAmount") for x in doc.findall("cac:InvoiceLine", NS)]
    assert line_vat == [line.vat for line in settlement.lines]
    assert text(doc, "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID") == EAN
    supplier = "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/"
    assert (text(doc, supplier + "cbc:StreetName"), text(doc, supplier + "cbc:PostalZone")) == (
        "Lerbækvej",
        "2680",
    )
    customer = "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/"
    assert (text(doc, customer + "cbc:StreetName"), text(doc, customer + "cbc:BuildingNumber")) == (
        "Industrivej",
        "7",
    )
    assert text(doc, "cac:PaymentMeans/cbc:InstructionID") == found.payment.payment_id

    # A person without an EAN gets no e-invoice; a refund has nothing to pay.
    refund = settlement_of(engine, u, customer_of(engine, u, "10001"))
    assert refund.total.is_negative
    plain, _ = documents(engine, u, refund.bill_id)
    assert (plain.payment, plain.e_invoice, plain.oioubl) == (None, None, None)
    assert_ledger_invariants(engine, u)


def test_a_correction_goes_to_an_ean_as_a_credit_note_and_a_new_invoice(engine: Engine) -> None:
    year = settled_year(engine)
    u = year.utility_id
    original = settlement_of(engine, u, customer_of(engine, u, "10003"))
    corrected_on = date(2027, 3, 10)
    year.clock.advance_to(corrected_on)
    correct_year_end_reading(engine, year, "M3")
    with UnitOfWork(engine) as uow:
        note, new = correct_settlement(u, original.bill_id, corrected_on, REASON, uow, year.clock)

    credit, _ = documents(engine, u, note.bill_id)
    assert credit.payment is None
    assert credit.oioubl is not None
    doc = ET.fromstring(credit.oioubl)
    assert doc.tag.endswith("}CreditNote")
    assert text(doc, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == original.number
    assert kroner(doc, "cac:LegalMonetaryTotal/cbc:PayableAmount") == -note.total
    assert text(doc, "cbc:Note").endswith(REASON)

    invoice, issued = documents(engine, u, new.bill_id)
    assert invoice.oioubl is not None
    assert invoice.payment is not None
    doc = ET.fromstring(invoice.oioubl)
    assert kroner(doc, "cac:LegalMonetaryTotal/cbc:PayableAmount") == new.total
    assert text(doc, "cbc:Note") == f"Erstatter regning {original.number}"
    assert open_item_of(invoice.payment.payment_id) == issued.open_item_id
    assert_ledger_invariants(engine, u)


def test_a_bill_is_collected_by_betalingsservice_under_a_mandate(engine: Engine) -> None:
    year = settled_year(engine)
    u = year.utility_id
    settlement = settlement_of(engine, u, customer_of(engine, u, "10003"))
    found, issued = documents(engine, u, settlement.bill_id)
    collection = collection_for(issued, customer_number=10003, mandate_number=4711)
    assert found.payment is not None
    assert (collection.amount, collection.due_date, collection.reference) == (
        settlement.total,
        settlement.due_date,
        found.payment.payment_id,
    )
    assert collection.text_lines == (
        f"Regning {settlement.number}",
        "Periode 01-01-2026 - 31-12-2026",
    )
    creditor = Creditor("11223344", "01234567", 1, "9570", "0012345678", "Solrød Fjernvarme")
    delivery = write_0601(Delivery(creditor, 1, date(2027, 3, 2), (collection,)))
    [amount_record] = [r for r in delivery.split(b"\r\n") if r.startswith(b"BS042")]
    assert amount_record[60:73].decode() == f"{settlement.total.ore:013d}"
    assert amount_record[73:88].decode() == found.payment.payment_id

    refund = settlement_of(engine, u, customer_of(engine, u, "10001"))
    with UnitOfWork(engine, write=False) as uow:
        refund_issued = SqlIssuedBills(uow.connection, u).get(refund.bill_id)
    with pytest.raises(ValidationError, match="Betalingsservice"):
        collection_for(refund_issued, customer_number=10001, mandate_number=4712)
    assert_ledger_invariants(engine, u)
