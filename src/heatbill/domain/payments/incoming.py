"""An incoming payment as every payment format is read into it, and a file's worth of them.

Betalingsservice 0602, FI card payments and camt.053 bank statements each say the same few
things: an amount paid (or charged back) on a date, and what it is for — the FI payment id
(15 digits, naming the open item it pays: `payment_id`), a Betalingsservice customer number
(heatbill's customer id, as the 0601 delivery gave it), or nothing usable. The adapters read
their format into these; matching and booking see no format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.money import Money, total


class PaymentSource(StrEnum):
    BETALINGSSERVICE = "betalingsservice"
    FI = "fi"
    """FI card payments (indbetalingskort type 71) from the bank's export."""
    BANK = "bank"
    """Credit transfers on the bank statement (camt.053)."""


class PaymentKind(StrEnum):
    PAYMENT = "payment"
    CHARGE_BACK = "charge_back"
    """A Betalingsservice payment taken back by the payer's bank (0239): reopens what it
    cleared."""
    NOT_PAID = "not_paid"
    """A collection rejected or cancelled (0237, 0238): no money moved; recorded only."""


@dataclass(frozen=True, slots=True)
class IncomingPayment:
    line: int
    """Where in the file (record or line number), for messages."""
    source: PaymentSource
    kind: PaymentKind
    amount: Money
    """Positive: the amount paid, charged back or not collected."""
    paid_on: date
    booked_on: date
    """The day the money is on the utility's account: the ledger's booking date."""
    payment_id: str | None = None
    """The FI payment id or structured reference the payer gave."""
    bs_customer: int | None = None
    """The Betalingsservice customer number (heatbill's customer id)."""
    payer: str | None = None
    external_ref: str | None = None
    """The bank's or Nets' own reference (archive reference, end-to-end id)."""

    def __post_init__(self) -> None:
        if not self.amount.is_positive:
            raise ValueError(f"line {self.line}: a payment's amount is positive, not {self.amount}")


@dataclass(frozen=True, slots=True)
class PaymentBatch:
    """One file's payments, read whole; `delivery_key` is what makes the file unique to its
    sender (Betalingsservice delivery number, camt.053 statement id), besides its content."""

    source: PaymentSource
    delivery_key: str
    created_on: date
    payments: tuple[IncomingPayment, ...]

    @property
    def paid(self) -> Money:
        return total(p.amount for p in self.payments if p.kind is PaymentKind.PAYMENT)

    @property
    def charged_back(self) -> Money:
        return total(p.amount for p in self.payments if p.kind is PaymentKind.CHARGE_BACK)
