"""Betalingsservice delivery 0602 (betalingsoplysninger): what became of the collections.

Nets sends it after the collections of a 0601 delivery fall due, and again for charge-backs:
section 0211 "automatic payments" with one amount record (BS042) per collection — transaction
code 0236 paid (gennemført), 0237 rejected (afvist), 0238 cancelled (afmeldt), 0239 charged
back (tilbageført) — and section 0215 "payments with a payment slip" (indbetalingskort) with
0297 paid and 0299 charged back, optionally with name/address (BS022) and the payer's free
text (BS052/BS062), which are counted for the trailers and not read. The whole file is
refused unless every record reads and every trailer (BS092, BS992) agrees with the records.

Where the layout comes from. Nets' "Vejledning for dataleverandører, Leverance 0602
Betalingsoplysninger" (Jan 2012) names the sections and transaction codes (its table of
contents is public; its field tables were not readable in the sources found). Positions are
those two independent open-source readers agree on: hafsjold/snvrepos
`Medlem3060/.../cls/clsPbs602.cs` (C#, section 0211 and 0215) and a Python reader of 0602/0603
records (`records.py`, classes AutomaticPaymentCompletedRecord and
PaymentByPaymentSlipCompletedRecord). Positions, 1-based:
- 042 in 0211: 6 PBS no. 8 · 14 transaction code 4 · 18 record no. 3 · 21 debtor group 5 ·
  26 customer no. 15 · 41 mandate no. 9 · 50 payment date DDMMYY · 56 sign 1 · 57 amount 13 ·
  70 creditor's reference 30 (what the 0601 amount record carried) · 104 date paid DDMMYY ·
  110 booking date DDMMYY · 116 amount paid 13.
- 042 in 0215: 6 PBS no. · 14 transaction code · 21 debtor group · 30 payer id 15 (the FI
  payment id for card type 71) · 45 card type 2 · 47 fee code 1 · 48 fee 5 · 53 payment date
  DDMMYY · 59 sign 1 · 60 amount 13 · 73 creditor's reference 9 · 82 archive reference 22 ·
  104 date paid · 110 booking date · 116 amount paid 13.
- start, section and trailer records: betalingsservice_records.
Assumptions, not confirmed against Nets' field tables:
- the sign code: 0 no amount, 1 the debtor paid the creditor (+), 2 the creditor paid back (−)
  (as clsPbs602.cs reads it);
- the trailers' net amount is the sum of the signed amounts paid (position 116), so a rejected
  or cancelled collection, paid nothing, adds nothing (the Python reader reconciles 0237/0238
  by the amount paid and 0236/0297 by the amount; both are the same for a payment). The field
  has no sign: a section whose net is negative cannot be stated, and is refused as not
  reconciling;
- date paid and booking date `000000` mean none (both sources read them so);
- one creditor (PBS number) per delivery: heatbill reads one utility's delivery at a time;
- the fee in 0215 (positions 47–52) is not read: Nets invoices it separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final

from heatbill.adapters.formats import betalingsservice_records as bs
from heatbill.domain.money import Money, total
from heatbill.domain.payment_id import CARD_TYPE, is_valid_payment_id
from heatbill.wording import say

DELIVERY_TYPE: Final = "0602"
AUTOMATIC, SLIPS = "0211", "0215"


class PaymentKind(Enum):
    """What happened, by the record's transaction code."""

    PAID = "0236"
    REJECTED = "0237"
    CANCELLED = "0238"
    CHARGED_BACK = "0239"
    SLIP_PAID = "0297"
    SLIP_CHARGED_BACK = "0299"


class Sign(Enum):
    NONE = "0"
    DEBTOR_PAID = "1"
    CREDITOR_PAID = "2"


_KINDS_IN: Final = {
    AUTOMATIC: (PaymentKind.PAID, PaymentKind.REJECTED, PaymentKind.CANCELLED,
                PaymentKind.CHARGED_BACK),
    SLIPS: (PaymentKind.SLIP_PAID, PaymentKind.SLIP_CHARGED_BACK),
}  # fmt: skip
_RECORDS_IN: Final = {AUTOMATIC: ("042",), SLIPS: bs.PAYLOAD_KINDS}


@dataclass(frozen=True, slots=True)
class BsPayment:
    """One amount record: a collection's outcome, or a payment made with a payment slip."""

    line: int
    kind: PaymentKind
    amount: Money
    """The amount the record concerns (what was collected, rejected or charged back), øre."""
    sign: Sign
    paid_amount: Money
    """The amount that moved, øre, unsigned; 0 for a rejected or cancelled collection."""
    payment_date: date
    """The due date the payment was made for (betalingsdato)."""
    paid_on: date | None
    booked_on: date | None
    customer_number: int | None = None
    """The customer's number under the mandate (section 0211 only)."""
    mandate_number: int | None = None
    card_type: str | None = None
    """The payment slip's card type, `71` for an FI card (section 0215 only)."""
    reference: str | None = None
    """0211: the creditor's reference from the 0601 record; 0215: the payer id."""
    archive_reference: str | None = None

    @property
    def net(self) -> Money:
        """The signed amount paid: + the customer paid the utility, − money went back."""
        if self.sign is Sign.DEBTOR_PAID:
            return self.paid_amount
        if self.sign is Sign.CREDITOR_PAID:
            return -self.paid_amount
        return Money(0)

    @property
    def payment_id(self) -> str | None:
        """The FI payment id the payment names, if its reference is one (check digit right)."""
        ref = self.reference
        return ref if ref is not None and is_valid_payment_id(ref) else None


@dataclass(frozen=True, slots=True)
class PaymentDelivery:
    name: str
    sha256: str
    """Of the bytes as received: the import service refuses the same file twice."""
    delivery_id: int
    """Nets' delivery id (leveranceidentifikation): the import service refuses it twice."""
    created_on: date
    data_supplier_number: str
    pbs_number: str
    payments: tuple[BsPayment, ...]

    @property
    def net(self) -> Money:
        return total(payment.net for payment in self.payments)


def parse_0602(data: bytes, name: str) -> PaymentDelivery:
    """The delivery, or FileFormatError listing every problem (no payments at all)."""
    read = bs.read_delivery(
        data, name, DELIVERY_TYPE, records_in=_RECORDS_IN, read_042=_record, net_of=_net
    )
    header = read.header
    return PaymentDelivery(
        name, read.sha256, header.delivery_id, header.created_on, header.data_supplier_number,
        read.pbs_number, read.items,
    )  # fmt: skip


def _net(payment: BsPayment) -> Money:
    return payment.net


def _record(fields: bs.Fields, section: bs.Section) -> BsPayment | None:
    kinds = _KINDS_IN[section.code]
    code = bs.transaction(fields, section, [kind.value for kind in kinds])
    if code is None:
        return None
    kind = PaymentKind(code)
    return _automatic(fields, kind) if section.code == AUTOMATIC else _slip(fields, kind)


def _automatic(fields: bs.Fields, kind: PaymentKind) -> BsPayment | None:
    customer = fields.digits("customer_number", 26, 15)
    mandate = fields.digits("mandate_number", 41, 9)
    common = _amounts(fields, payment_date_at=50, sign_at=56)
    if customer is None or mandate is None or common is None:
        return None
    amount, sign, payment_date, paid, paid_on, booked_on = common
    reference = fields.text(70, 30) or None
    return BsPayment(
        fields.record.line, kind, amount, sign, paid, payment_date, paid_on, booked_on,
        customer_number=customer, mandate_number=mandate, reference=reference,
    )  # fmt: skip


def _slip(fields: bs.Fields, kind: PaymentKind) -> BsPayment | None:
    card_type = fields.record.at(45, 2)
    if not (card_type.isascii() and card_type.isdigit()):
        fields.problem("card_type", say("bs.value.card_type", got=card_type))
    payer_id = fields.text(30, 15)
    if card_type == CARD_TYPE and not is_valid_payment_id(payer_id):
        key = "payment.id.check_digit" if payer_id.isdigit() else "payment.id.format"
        fields.problem("payer_id", say(key, got=payer_id))
    common = _amounts(fields, payment_date_at=53, sign_at=59)
    if common is None:
        return None
    amount, sign, payment_date, paid, paid_on, booked_on = common
    return BsPayment(
        fields.record.line, kind, amount, sign, paid, payment_date, paid_on, booked_on,
        card_type=card_type, reference=payer_id or None,
        archive_reference=fields.text(82, 22) or None,
    )  # fmt: skip


_Amounts = tuple[Money, Sign, date, Money, date | None, date | None]


def _amounts(fields: bs.Fields, *, payment_date_at: int, sign_at: int) -> _Amounts | None:
    """Payment date, sign, amount; date paid, booking date and amount paid (at 104, 110, 116)."""
    payment_date = fields.date("payment_date", payment_date_at)
    raw_sign = fields.record.at(sign_at, 1)
    sign = next((s for s in Sign if s.value == raw_sign), None)
    if sign is None:
        fields.problem("sign", say("bs.value.sign", got=raw_sign))
    amount = fields.money("amount", sign_at + 1, 13)
    paid_on = fields.date("paid_on", 104, optional=True)
    booked_on = fields.date("booked_on", 110, optional=True)
    paid = fields.money("paid_amount", 116, 13)
    if payment_date is None or sign is None or amount is None or paid is None:
        return None
    return amount, sign, payment_date, paid, paid_on, booked_on
