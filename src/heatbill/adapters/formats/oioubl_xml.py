"""The OIOUBL 2 building blocks: header identifiers, parties, payment means, VAT, amounts.

Which elements, in which order, with which scheme attributes — and where that comes from:
- Header: UBLVersionID `2.0`; CustomizationID `OIOUBL-2.01` (the OIOUBL-2.1 schematron, 2026
  release, accepts `OIOUBL-2.01`, `OIOUBL-2.02` and `OIOUBL-2.1`); ProfileID
  `urn:www.nesubl.eu:profiles:profile5:ver2.0` (NES profile 5, billing) with schemeAgencyID 320
  and schemeID `urn:oioubl:id:profileid-1.2`; InvoiceTypeCode 380 from
  `urn:oioubl:codelist:invoicetypecode-1.1` (the schematron's list: 325, 380, 393); a UUID.
- Parties, as public OIOUBL templates write them: the supplier's EndpointID and
  PartyIdentification `DK` + CVR with schemeID `DK:CVR`, PartyTaxScheme CompanyID `DK` + CVR
  with schemeID `DK:SE` and TaxScheme 63 "Moms" (oioubl.info, class TaxScheme), PartyLegalEntity
  with the CVR; the customer's EndpointID and PartyIdentification the EAN with schemeID `GLN`,
  schemeAgencyID 9. Addresses StructuredDK (urn:oioubl:codelist:addressformatcode-1.1).
- FI payment (indbetalingskort 71): PaymentMeansCode 93, PaymentChannelCode `DK:FIK`
  (urn:oioubl:codelist:paymentchannelcode-1.1), InstructionID the 15-digit payment id, PaymentID
  71 (urn:oioubl:id:paymentid-1.1), CreditAccount/AccountID the 8-digit creditor number (rule
  F-LIB305 as the gobl OIOUBL addon cites it; the same shape in a Tradeshift OIOUBL mapping).
- VAT: TaxTotal/TaxSubtotal/TaxCategory with ID from urn:oioubl:id:taxcategoryid-1.1, Percent,
  TaxScheme 63 "Moms" (urn:oioubl:id:taxschemeid-1.1). Every line carries its own TaxTotal
  (oioubl.info, class InvoiceLine: TaxTotal 1..n, Item 1, Price 1).
- LegalMonetaryTotal: LineExtensionAmount, TaxInclusiveAmount, PayableAmount, all in DKK.
No OIOUBL schema package was to be had from PyPI, so the output is checked against golden files
(tests/golden/formats/oioubl), not against the XSD or the schematron.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from heatbill.adapters.formats.oioubl import Address, Customer, FiPayment, Line, Supplier
    from heatbill.domain.money import Money

NAMESPACES: Final = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
DOCUMENT_NAMESPACE: Final = "urn:oasis:names:specification:ubl:schema:xsd:{kind}-2"
CUSTOMIZATION_ID: Final = "OIOUBL-2.01"
PROFILE_ID: Final = "urn:www.nesubl.eu:profiles:profile5:ver2.0"
CURRENCY: Final = "DKK"
AGENCY: Final = "320"
_TAX_SCHEME = {"schemeAgencyID": AGENCY, "schemeID": "urn:oioubl:id:taxschemeid-1.1"}


def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child `tag` (prefixed, e.g. `cbc:ID`) with text and attributes, in document order."""
    child = ET.SubElement(parent, tag, attrs)
    child.text = text
    return child


def root(kind: str) -> ET.Element:
    xmlns = {"xmlns": DOCUMENT_NAMESPACE.format(kind=kind)}
    return ET.Element(kind, xmlns | {f"xmlns:{p}": uri for p, uri in NAMESPACES.items()})


def header(doc: ET.Element, number: str, uuid: str, issued: str) -> None:
    el(doc, "cbc:UBLVersionID", "2.0")
    el(doc, "cbc:CustomizationID", CUSTOMIZATION_ID)
    scheme = {"schemeAgencyID": AGENCY, "schemeID": "urn:oioubl:id:profileid-1.2"}
    el(doc, "cbc:ProfileID", PROFILE_ID, **scheme)
    el(doc, "cbc:ID", number)
    el(doc, "cbc:CopyIndicator", "false")
    el(doc, "cbc:UUID", uuid)
    el(doc, "cbc:IssueDate", issued)


def kroner(amount: Money) -> str:
    """Kroner with two decimals, from øre exactly: 1234.50, -75.00."""
    return f"{amount.as_decimal_kroner():.2f}"


def decimal_text(value: Decimal) -> str:
    """A quantity or price as plain digits (no exponent): 12.5, 512.5, 1."""
    return format(value.normalize(), "f")


def amount(parent: ET.Element, tag: str, value: Money) -> None:
    el(parent, tag, kroner(value), currencyID=CURRENCY)


def supplier_party(parent: ET.Element, supplier: Supplier) -> None:
    party = el(el(parent, "cac:AccountingSupplierParty"), "cac:Party")
    cvr = "DK" + supplier.cvr
    el(party, "cbc:EndpointID", cvr, schemeID="DK:CVR")
    el(el(party, "cac:PartyIdentification"), "cbc:ID", cvr, schemeID="DK:CVR")
    el(el(party, "cac:PartyName"), "cbc:Name", supplier.name)
    address(party, supplier.address)
    tax_scheme = el(party, "cac:PartyTaxScheme")
    el(tax_scheme, "cbc:CompanyID", cvr, schemeID="DK:SE")
    vat_scheme(tax_scheme)
    legal_entity(party, supplier.name, supplier.cvr)


def customer_party(parent: ET.Element, customer: Customer) -> None:
    party = el(el(parent, "cac:AccountingCustomerParty"), "cac:Party")
    gln = {"schemeAgencyID": "9", "schemeID": "GLN"}
    el(party, "cbc:EndpointID", customer.ean, **gln)
    el(el(party, "cac:PartyIdentification"), "cbc:ID", customer.ean, **gln)
    el(el(party, "cac:PartyName"), "cbc:Name", customer.name)
    address(party, customer.address)
    if customer.cvr is not None:
        legal_entity(party, customer.name, customer.cvr)
    if customer.contact_reference is not None:
        el(el(party, "cac:Contact"), "cbc:ID", customer.contact_reference)


def address(party: ET.Element, value: Address) -> None:
    postal = el(party, "cac:PostalAddress")
    codes = {"listAgencyID": AGENCY, "listID": "urn:oioubl:codelist:addressformatcode-1.1"}
    el(postal, "cbc:AddressFormatCode", "StructuredDK", **codes)
    el(postal, "cbc:StreetName", value.street)
    el(postal, "cbc:BuildingNumber", value.building_number)
    el(postal, "cbc:CityName", value.city)
    el(postal, "cbc:PostalZone", value.postcode)
    el(el(postal, "cac:Country"), "cbc:IdentificationCode", value.country)


def legal_entity(party: ET.Element, name: str, cvr: str) -> None:
    entity = el(party, "cac:PartyLegalEntity")
    el(entity, "cbc:RegistrationName", name)
    el(entity, "cbc:CompanyID", "DK" + cvr, schemeID="DK:CVR")


def vat_scheme(parent: ET.Element) -> None:
    scheme = el(parent, "cac:TaxScheme")
    el(scheme, "cbc:ID", "63", **_TAX_SCHEME)
    el(scheme, "cbc:Name", "Moms")


def fi_payment_means(parent: ET.Element, payment: FiPayment, due: str | None) -> None:
    means = el(parent, "cac:PaymentMeans")
    el(means, "cbc:ID", "1")
    el(means, "cbc:PaymentMeansCode", "93")
    if due is not None:
        el(means, "cbc:PaymentDueDate", due)
    channel = {"listAgencyID": AGENCY, "listID": "urn:oioubl:codelist:paymentchannelcode-1.1"}
    el(means, "cbc:PaymentChannelCode", "DK:FIK", **channel)
    el(means, "cbc:InstructionID", payment.payment_id)
    scheme = {"schemeAgencyID": AGENCY, "schemeID": "urn:oioubl:id:paymentid-1.1"}
    el(means, "cbc:PaymentID", "71", **scheme)
    el(el(means, "cac:CreditAccount"), "cbc:AccountID", payment.creditor_number)


def tax_total(
    parent: ET.Element, vat_total: Money, subtotals: list[tuple[str, Decimal, Money, Money]]
) -> None:
    """TaxTotal: the VAT, then one TaxSubtotal per (category, rate, taxable amount, VAT)."""
    element = el(parent, "cac:TaxTotal")
    amount(element, "cbc:TaxAmount", vat_total)
    for category, rate, taxable, vat in subtotals:
        subtotal = el(element, "cac:TaxSubtotal")
        amount(subtotal, "cbc:TaxableAmount", taxable)
        amount(subtotal, "cbc:TaxAmount", vat)
        tax_category = el(subtotal, "cac:TaxCategory")
        scheme = {"schemeAgencyID": AGENCY, "schemeID": "urn:oioubl:id:taxcategoryid-1.1"}
        el(tax_category, "cbc:ID", category, **scheme)
        el(tax_category, "cbc:Percent", decimal_text(rate * 100))
        vat_scheme(tax_category)


def monetary_total(parent: ET.Element, line_total: Money, payable: Money) -> None:
    totals = el(parent, "cac:LegalMonetaryTotal")
    amount(totals, "cbc:LineExtensionAmount", line_total)
    amount(totals, "cbc:TaxInclusiveAmount", payable)
    amount(totals, "cbc:PayableAmount", payable)


def document_line(doc: ET.Element, number: int, line: Line, *, credit: bool) -> None:
    """An InvoiceLine (CreditNoteLine in a credit note) with its own TaxTotal, Item and Price."""
    element = el(doc, "cac:CreditNoteLine" if credit else "cac:InvoiceLine")
    el(element, "cbc:ID", str(number))
    quantity = "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity"
    el(element, quantity, decimal_text(line.quantity), unitCode=line.unit)
    amount(element, "cbc:LineExtensionAmount", line.amount)
    tax_total(element, line.vat_amount, [(line.vat, line.vat.rate, line.amount, line.vat_amount)])
    el(el(element, "cac:Item"), "cbc:Name", line.description)
    price = el(element, "cac:Price")
    el(price, "cbc:PriceAmount", decimal_text(line.unit_price), currencyID=CURRENCY)


def serialize(doc: ET.Element) -> bytes:
    """Indented UTF-8 XML with its declaration, ending in a newline."""
    ET.indent(doc, space="  ")
    body = ET.tostring(doc, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
