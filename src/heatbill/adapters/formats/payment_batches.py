"""Payment files read into the domain's `PaymentBatch`, whichever format they come in.

The format is told by the content, not the file name: a Betalingsservice delivery starts with
its `BS002` record and names its delivery type (0602 payments, 0603 mandates) at position 17;
a camt.053 statement is XML naming its `camt.053` namespace; anything else is read as the FI
payments CSV (fi_payments) — and refused with its line and column if it is not one.

What makes a delivery unique besides its bytes (`delivery_key`): Nets' delivery id for
Betalingsservice, the statement id for camt.053, and for an FI export the content hash (banks
give such exports no id of their own).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from heatbill.adapters.formats.betalingsservice_0602 import BsPayment, parse_0602
from heatbill.adapters.formats.betalingsservice_0602 import PaymentKind as BsKind
from heatbill.adapters.formats.camt053 import BOOKED, BankStatements, Transaction, parse_camt053
from heatbill.adapters.formats.fi_payments import parse_fi_payments
from heatbill.domain.errors import ValidationError
from heatbill.domain.payments.incoming import (
    IncomingPayment,
    PaymentBatch,
    PaymentKind,
    PaymentSource,
)
from heatbill.wording import say


class PaymentFormat(StrEnum):
    BETALINGSSERVICE_0602 = "bs0602"
    BETALINGSSERVICE_0603 = "bs0603"
    CAMT053 = "camt053"
    FI = "fi"


_BS_KINDS = {
    BsKind.PAID: PaymentKind.PAYMENT,
    BsKind.SLIP_PAID: PaymentKind.PAYMENT,
    BsKind.CHARGED_BACK: PaymentKind.CHARGE_BACK,
    BsKind.SLIP_CHARGED_BACK: PaymentKind.CHARGE_BACK,
    BsKind.REJECTED: PaymentKind.NOT_PAID,
    BsKind.CANCELLED: PaymentKind.NOT_PAID,
}


def sniff(data: bytes) -> PaymentFormat:
    """The file's format by its first bytes."""
    head = data.lstrip(b"\xef\xbb\xbf \r\n\t")[:4096]
    if head.startswith(b"BS002") and len(head) >= 20:
        kind = head[16:20]
        if kind == b"0603":
            return PaymentFormat.BETALINGSSERVICE_0603
        return PaymentFormat.BETALINGSSERVICE_0602
    if head.startswith(b"<") and b"camt.053" in head:
        return PaymentFormat.CAMT053
    return PaymentFormat.FI


def read_payments(data: bytes, name: str) -> tuple[PaymentFormat, str, PaymentBatch]:
    """(format, content hash, batch) of a payment file; FileFormatError naming every problem.
    A 0603 mandate delivery is not a payment file: the caller imports it as mandates."""
    found = sniff(data)
    if found is PaymentFormat.BETALINGSSERVICE_0602:
        delivery = parse_0602(data, name)
        payments = tuple(_bs_payment(p) for p in delivery.payments)
        key = f"{delivery.data_supplier_number}:{delivery.delivery_id}"
        batch = PaymentBatch(PaymentSource.BETALINGSSERVICE, key, delivery.created_on, payments)
        return found, delivery.sha256, batch
    if found is PaymentFormat.CAMT053:
        statements = parse_camt053(data, name)
        return found, statements.sha256, _camt_batch(statements, name)
    if found is PaymentFormat.FI:
        parsed = parse_fi_payments(data, name)
        payments = tuple(
            IncomingPayment(
                line=p.line,
                source=PaymentSource.FI,
                kind=PaymentKind.PAYMENT,
                amount=p.amount,
                paid_on=p.booked_on,
                booked_on=p.booked_on,
                payment_id=p.payment_id,
                payer=p.payer_name,
                external_ref=p.archive_reference,
            )
            for p in parsed.rows
        )
        batch = PaymentBatch(PaymentSource.FI, parsed.sha256, _first_day(payments, name), payments)
        return found, parsed.sha256, batch
    raise ValueError(f"{name}: a {found.value} delivery holds mandates, not payments")


def _bs_payment(p: BsPayment) -> IncomingPayment:
    kind = _BS_KINDS[p.kind]
    amount = p.paid_amount if kind is not PaymentKind.NOT_PAID else p.amount
    return IncomingPayment(
        line=p.line,
        source=PaymentSource.BETALINGSSERVICE,
        kind=kind,
        amount=amount,
        paid_on=p.payment_date,
        booked_on=p.booked_on or p.paid_on or p.payment_date,
        payment_id=p.payment_id,
        bs_customer=p.customer_number,
        external_ref=p.archive_reference,
    )


def _camt_batch(statements: BankStatements, name: str) -> PaymentBatch:
    """Money in on the statements: each booked credit entry's transactions (or the entry
    itself when the bank gives no details). Money out (debits: refunds paid, bank fees) and
    reversal entries are the bank account's business, not customers' payments: left out."""
    payments: list[IncomingPayment] = []
    for statement in statements.statements:
        for entry in statement.entries:
            if entry.status != BOOKED or entry.reversal or not entry.amount.is_positive:
                continue
            booked = entry.booked_on or entry.value_on
            if booked is None:
                continue
            details = [t for t in entry.transactions if t.amount is not None]
            parts: list[Transaction | None] = list(details) or [None]
            for part in parts:
                payments.append(
                    IncomingPayment(
                        line=entry.line if part is None else part.line,
                        source=PaymentSource.BANK,
                        kind=PaymentKind.PAYMENT,
                        amount=entry.amount if part is None or part.amount is None else part.amount,
                        paid_on=entry.value_on or booked,
                        booked_on=booked,
                        payment_id=None if part is None else _reference(part.creditor_reference),
                        payer=None if part is None else part.debtor_name,
                        external_ref=(part.end_to_end_id if part is not None else None)
                        or entry.reference,
                    )
                )
    key = statements.message_id
    return PaymentBatch(PaymentSource.BANK, key, _first_day(payments, name), tuple(payments))


def _reference(text: str | None) -> str | None:
    """The structured reference as given, without spaces (banks group digits)."""
    return None if text is None else text.replace(" ", "").strip() or None


def _first_day(payments: Sequence[IncomingPayment], name: str) -> date:
    if not payments:
        raise ValidationError(say("payments.import.empty", name=name))
    return min(p.booked_on for p in payments)
