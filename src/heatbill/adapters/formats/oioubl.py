"""OIOUBL e-invoices (Invoice and CreditNote) for customers with an EAN (GLN) location number.

Public customers take only e-invoices addressed to their EAN (DANISH-RULES.md "Payment
formats"). `EInvoice` is the small value a bill is mapped to; `write_oioubl` turns it into the
XML (oioubl_xml has the element layout and the sources it follows). Amounts are `Money` and are
written in kroner with two decimals; nothing here is a float.

VAT, once per line: each line's VAT is its amount times its category's rate, rounded half-up to
øre (`vat_of`); a category's VAT is the sum of its lines' VAT, the document's VAT the sum of the
categories, and the payable amount the lines plus the VAT. So every total in the XML is exactly
the sum of what it totals, which is what a receiver's validation recomputes. Heat and the
standard-rated fees are StandardRated 25 %; fees outside VAT or exempt from it (reminder,
payment plan) are ZeroRated 0 %, OIOUBL 2's tax category list having no separate exempt code.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from heatbill.adapters.formats import oioubl_xml as x
from heatbill.adapters.formats.oioubl_vat import given_vat_problems
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import VAT_RATE, Money, round_ore, total, vat_of
from heatbill.domain.payment_id import fi_line
from heatbill.domain.register.parties import parse_cvr, parse_ean
from heatbill.wording import say


class DocumentKind(StrEnum):
    INVOICE = "Invoice"
    CREDIT_NOTE = "CreditNote"


class VatCategory(StrEnum):
    """OIOUBL tax categories (urn:oioubl:id:taxcategoryid-1.1) heatbill uses."""

    STANDARD_RATED = "StandardRated"
    ZERO_RATED = "ZeroRated"

    @property
    def rate(self) -> Decimal:
        return VAT_RATE if self is VatCategory.STANDARD_RATED else Decimal(0)


class UnitCode(StrEnum):
    """UN/ECE Recommendation 20 unit codes, as OIOUBL's unitCode takes them."""

    MWH = "MWH"
    KWH = "KWH"
    CUBIC_METRE = "MTQ"
    DAY = "DAY"
    PIECE = "C62"


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    building_number: str
    postcode: str
    city: str
    country: str = "DK"


@dataclass(frozen=True, slots=True)
class Supplier:
    """The utility: its CVR number is also its VAT (SE) number here."""

    name: str
    cvr: str
    address: Address

    def __post_init__(self) -> None:
        object.__setattr__(self, "cvr", parse_cvr(self.cvr))


@dataclass(frozen=True, slots=True)
class Customer:
    name: str
    ean: str
    address: Address
    cvr: str | None = None
    contact_reference: str | None = None
    """The customer's person reference (personreference / ContactID), when they gave one."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "ean", parse_ean(self.ean))
        if self.cvr is not None:
            object.__setattr__(self, "cvr", parse_cvr(self.cvr))


@dataclass(frozen=True, slots=True)
class FiPayment:
    """How to pay: the bill's FI payment id and the utility's FI creditor number."""

    payment_id: str
    creditor_number: str

    def __post_init__(self) -> None:
        fi_line(self.payment_id, self.creditor_number)  # refuses either when malformed


@dataclass(frozen=True, slots=True)
class Line:
    description: str
    quantity: Decimal
    unit: UnitCode
    unit_price: Decimal
    """Kroner per unit, ex VAT, at full precision (a tariff price such as 512.50 kr./MWh)."""
    amount: Money
    """Quantity times unit price, rounded once to øre: the bill's line amount, ex VAT."""
    vat: VatCategory
    given_vat: Money | None = None
    """The VAT as the bill booked it, when it was computed over the whole bill and spread over
    the lines (`Charges.line_vat`); None: computed here, per line. A given VAT must lie within
    1 kr. of the category's rate on the line and in its category (`check`)."""

    @property
    def vat_amount(self) -> Money:
        if self.given_vat is not None:
            return self.given_vat
        return vat_of(self.amount, self.vat.rate)


@dataclass(frozen=True, slots=True)
class EInvoice:
    kind: DocumentKind
    number: str
    issue_date: date
    supplier: Supplier
    customer: Customer
    lines: tuple[Line, ...]
    due_date: date | None = None
    payment: FiPayment | None = None
    order_reference: str | None = None
    credited_invoice: str | None = None
    """For a credit note: the number of the invoice it credits."""
    note: str | None = None

    def subtotals(self) -> Iterator[tuple[VatCategory, Money, Money]]:
        """(category, taxable amount, VAT) for each category the lines use, in enum order."""
        for category in VatCategory:
            lines = [line for line in self.lines if line.vat is category]
            if lines:
                yield category, total(x.amount for x in lines), total(x.vat_amount for x in lines)

    @property
    def uuid(self) -> str:
        """Derived from supplier, kind and number: the same document always has the same UUID."""
        name = f"heatbill:{self.supplier.cvr}:{self.kind}:{self.number}"
        return str(uuid.uuid5(uuid.NAMESPACE_URL, name))

    @property
    def line_total(self) -> Money:
        return total(line.amount for line in self.lines)

    @property
    def vat_total(self) -> Money:
        return total(line.vat_amount for line in self.lines)

    @property
    def payable(self) -> Money:
        return self.line_total + self.vat_total


def write_oioubl(document: EInvoice) -> bytes:
    """The OIOUBL XML (UTF-8) of an invoice or credit note; an inconsistent one is refused."""
    check(document)
    credit = document.kind is DocumentKind.CREDIT_NOTE
    doc = x.root(document.kind)
    _head(doc, document, credit=credit)
    x.supplier_party(doc, document.supplier)
    x.customer_party(doc, document.customer)
    if document.payment is not None:
        due = document.due_date.isoformat() if document.due_date else None
        x.fi_payment_means(doc, document.payment, due)
    rows = [(str(cat), cat.rate, taxable, vat) for cat, taxable, vat in document.subtotals()]
    x.tax_total(doc, document.vat_total, rows)
    x.monetary_total(doc, document.line_total, document.payable)
    for number, line in enumerate(document.lines, start=1):
        x.document_line(doc, number, line, credit=credit)
    return x.serialize(doc)


def _head(doc: ET.Element, document: EInvoice, *, credit: bool) -> None:
    x.header(doc, document.number, document.uuid, document.issue_date.isoformat())
    if not credit:
        codes = {"listAgencyID": x.AGENCY, "listID": "urn:oioubl:codelist:invoicetypecode-1.1"}
        x.el(doc, "cbc:InvoiceTypeCode", "380", **codes)
    if document.note:
        x.el(doc, "cbc:Note", document.note)
    x.el(doc, "cbc:DocumentCurrencyCode", x.CURRENCY)
    if document.order_reference:
        x.el(x.el(doc, "cac:OrderReference"), "cbc:ID", document.order_reference)
    if document.credited_invoice:
        reference = x.el(x.el(doc, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        x.el(reference, "cbc:ID", document.credited_invoice)


def check(document: EInvoice) -> None:
    """Refuse a document whose numbers or references do not add up (one error, all problems)."""
    problems = [say("oioubl.no_lines")] if not document.lines else []
    problems += [p for number, line in enumerate(document.lines, 1) if (p := _line(number, line))]
    credit = document.kind is DocumentKind.CREDIT_NOTE
    if credit and not document.credited_invoice:
        problems.append(say("oioubl.credit_note_reference"))
    if not credit and document.credited_invoice:
        problems.append(say("oioubl.invoice_reference"))
    if credit and document.payment is not None:
        problems.append(say("oioubl.payment_on_credit_note"))
    if document.due_date is not None and document.due_date < document.issue_date:
        problems.append(say("oioubl.due_date", due=document.due_date, issued=document.issue_date))
    problems += given_vat_problems(document)
    if problems:
        raise ValidationError("\n".join(problems))


def _line(number: int, line: Line) -> str:
    expected = round_ore(line.quantity * line.unit_price * 100)
    if expected == line.amount:
        return ""
    return say(
        "oioubl.line_amount",
        number=number,
        description=line.description,
        amount=line.amount.format_da(),
        quantity=line.quantity,
        price=line.unit_price,
        expected=expected.format_da(),
    )
