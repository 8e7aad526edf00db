"""A bill as an OIOUBL e-invoice: its lines with the VAT it booked, its parties' addresses.

Lines: a bill line whose quantity times rate gives its amount (energy in MWh, water in m³) is
written so; any other line (a fixed charge prorated by days, a fee, the installments billed) as
one piece at its amount — a negative line as −1 piece, since a price is never negative. Each
line carries the VAT the bill booked (`Line.given_vat`), so the document's totals are the
bill's to the øre. A credit note (kind CREDIT_NOTE, lines negated) becomes an OIOUBL
CreditNote stated with a positive sign, as OIOUBL credit notes are: its PayableAmount is the
amount credited, minus the bill's total. A fee line without VAT is ZeroRated.

Signs not settled here: a settlement to the customer's good is an invoice with a negative
payable amount and no payment means (some rule sets warn that an invoice's payable amount
should not be negative), and the credit note of such a bill would be a credit note with a
negative total, which Peppol's Danish rules refuse (DK-R-016). Neither is refused here.
"""

from __future__ import annotations

import re
from decimal import Decimal

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
)
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.errors import ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import ORE_PER_KRONE, Money, round_ore
from heatbill.wording import say

UNIT_CODES = {
    "mwh": UnitCode.MWH,
    "water_m3": UnitCode.CUBIC_METRE,
    "building_m3": UnitCode.CUBIC_METRE,
    "installation": UnitCode.PIECE,
    "meter": UnitCode.PIECE,
}
"""The bill's units (`ChargeUnit`) that have a UN/ECE code here; the others go as one piece."""
HEAT_ACCOUNTS = (Account.HEAT_REVENUE, Account.FIXED_CHARGE_REVENUE)
"""Heat and its fixed charges always carry 25 % VAT; a fee may carry none."""

_STREET = re.compile(r"^(?P<street>.*\S)\s+(?P<number>\d+\s?[A-Za-zÆØÅæøå]?)$")
_TOWN = re.compile(r"^(?P<postcode>\d{4})\s+(?P<city>\S.*)$")


def einvoice_of(
    bill: Bill,
    supplier: Supplier,
    customer: Customer,
    *,
    payment: FiPayment | None,
    credited_invoice: str | None = None,
    note: str | None = None,
) -> EInvoice:
    """The invoice (or credit note, for a CREDIT_NOTE) of an issued bill."""
    credit = bill.kind is BillKind.CREDIT_NOTE
    sign = -1 if credit else 1
    return EInvoice(
        kind=DocumentKind.CREDIT_NOTE if credit else DocumentKind.INVOICE,
        number=bill.number,
        issue_date=bill.issue_date,
        supplier=supplier,
        customer=customer,
        lines=tuple(einvoice_line(line, sign) for line in bill.lines),
        due_date=None if credit else bill.due_date,
        payment=payment,
        credited_invoice=credited_invoice,
        note=note,
    )


def einvoice_line(line: BillLine, sign: int = 1) -> Line:
    """One line; `sign` −1 states a credit note's negated line positive (its quantity, as the
    credit note kept it, is positive already)."""
    amount, vat = line.amount * sign, line.vat * sign
    category = VatCategory.STANDARD_RATED
    if not vat and line.account not in HEAT_ACCOUNTS:
        category = VatCategory.ZERO_RATED  # a fee outside VAT or exempt (DANISH-RULES.md)
    unit, priced = UNIT_CODES.get(line.unit or ""), _per_unit(line, amount)
    if unit is not None and priced is not None:
        quantity, rate = priced
        return Line(line.text, quantity, unit, rate, amount, category, given_vat=vat)
    pieces = Decimal(-1 if amount.is_negative else 1)
    price = abs(amount).as_decimal_kroner()
    return Line(line.text, pieces, UnitCode.PIECE, price, amount, category, given_vat=vat)


def _per_unit(line: BillLine, amount: Money) -> tuple[Decimal, Decimal] | None:
    """(quantity, rate) when quantity times a non-negative rate gives the amount, rounded once
    as it was priced; else None."""
    quantity, rate = line.quantity, line.rate
    if quantity is None or rate is None or rate < 0:
        return None
    return (quantity, rate) if round_ore(quantity * rate * ORE_PER_KRONE) == amount else None


def street_address(street_and_number: str, postcode: str, city: str) -> Address:
    """`Industrivej 7` → street and building number; what follows a comma (floor and door,
    `1. tv`) is not written: the StructuredDK address here has no floor or room."""
    first = street_and_number.partition(",")[0].strip()
    match = _STREET.match(first)
    if match is None:
        raise ValidationError(say("documents.address", address=street_and_number))
    return Address(match["street"], match["number"].replace(" ", ""), postcode, city)


def one_line_address(text: str) -> Address:
    """`Lerbækvej 17, 2680 Solrød Strand` (the utility's address as registered)."""
    street, _, town = text.rpartition(",")
    match = _TOWN.match(town.strip())
    if not street or match is None:
        raise ValidationError(say("documents.address", address=text))
    return street_address(street, match["postcode"], match["city"])
