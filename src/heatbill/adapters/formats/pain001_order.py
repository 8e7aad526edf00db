"""A refund payment order, as the pain.001 writer takes it (pain001 says how each is written)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from heatbill.domain.money import Money, total


@dataclass(frozen=True, slots=True)
class Iban:
    iban: str


@dataclass(frozen=True, slots=True)
class DanishAccount:
    reg_number: str
    """Four digits (registreringsnummer)."""
    account_number: str
    """Up to ten digits."""

    @property
    def bban(self) -> str:
        return self.reg_number + self.account_number.rjust(10, "0")


@dataclass(frozen=True, slots=True)
class NemKonto:
    identifier: str
    """The customer's CPR (10 digits) or the company's CVR (8 digits)."""


CreditorAccount = Iban | DanishAccount | NemKonto


@dataclass(frozen=True, slots=True)
class Refund:
    end_to_end_id: str
    """Up to 35 characters; comes back in the bank's camt.053 to match the payout."""
    amount: Money
    creditor_name: str
    account: CreditorAccount
    remittance: str
    """What the customer reads on the statement (up to 140 characters)."""


@dataclass(frozen=True, slots=True)
class Debtor:
    """The utility and the account the refunds are paid from."""

    name: str
    iban: str
    bic: str


@dataclass(frozen=True, slots=True)
class PaymentOrder:
    message_id: str
    """Unique per file (up to 35 characters): the bank refuses a message id twice."""
    created_at: datetime
    """Aware; written in UTC."""
    execution_date: date
    debtor: Debtor
    refunds: tuple[Refund, ...]
    nemkonto_agreed: bool = False

    @property
    def control_sum(self) -> Money:
        return total(refund.amount for refund in self.refunds)
