"""Journal entries (posteringer) and their postings; debits equal credits, checked on build."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from heatbill.domain.errors import LedgerError
from heatbill.domain.ledger.accounts import Account
from heatbill.domain.ledger.open_items import OpenItem
from heatbill.domain.money import Money, total


class Reason(StrEnum):
    """Why an entry exists (TigerBeetle's 'code'): reported, exported and tested on."""

    INSTALLMENT = "installment"
    ANNUAL_SETTLEMENT = "annual_settlement"
    MOVE_SETTLEMENT = "move_settlement"
    CHARGE = "charge"
    FEE = "fee"
    INTEREST = "interest"
    PAYMENT = "payment"
    CLEARING = "clearing"
    REFUND = "refund"
    DEPOSIT = "deposit"
    WRITE_OFF = "write_off"
    REVERSAL = "reversal"
    OPENING_BALANCE = "opening_balance"


@dataclass(frozen=True, slots=True)
class Posting:
    """One line of an entry: an amount on an account, debit positive and credit negative.

    Postings on RECEIVABLES name the customer and the open item they open, reduce or reopen.
    """

    account: Account
    amount: Money
    customer_id: int | None = None
    open_item_id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise TypeError(f"a posting's amount is Money, not {type(self.amount).__name__}")
        if self.amount.ore == 0:
            raise LedgerError("a posting of 0,00 kr. says nothing; leave it out")
        if self.account is Account.RECEIVABLES:
            if self.customer_id is None or self.open_item_id is None:
                raise LedgerError("a receivables posting needs a customer and an open item")
        elif self.open_item_id is not None:
            raise LedgerError(f"only receivables carry open items, not {self.account.value}")

    def negated(self) -> Posting:
        return replace(self, amount=-self.amount)

    @property
    def debit(self) -> Money:
        return self.amount if self.amount.ore > 0 else Money(0)

    @property
    def credit(self) -> Money:
        return -self.amount if self.amount.ore < 0 else Money(0)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A balanced set of postings booked on one date for one reason.

    `idempotency_key` makes a run safe to repeat: a second entry with the same key in the same
    utility is not booked again. `reverses_entry_id` links a reversal to its original.
    `new_open_items` are the claims this entry opens (their ids are allocated beforehand).
    """

    booking_date: date
    reason: Reason
    description: str
    postings: tuple[Posting, ...]
    clause: str | None = None
    idempotency_key: str | None = None
    reverses_entry_id: int | None = None
    new_open_items: tuple[OpenItem, ...] = field(default=())

    def __post_init__(self) -> None:
        if len(self.postings) < 2:
            raise LedgerError("a journal entry needs at least two postings")
        imbalance = sum(p.amount.ore for p in self.postings)  # each a Money (`Posting`)
        if imbalance != 0:
            raise LedgerError(
                f"debit and credit differ by {Money(imbalance).format_da()} in '{self.description}'"
            )
        opened = {item.open_item_id for item in self.new_open_items}
        if len(opened) != len(self.new_open_items):
            raise LedgerError("an open item is opened twice in one entry")
        for item in self.new_open_items:
            if not any(p.open_item_id == item.open_item_id for p in self.postings):
                raise LedgerError(f"open item {item.open_item_id} is opened without a posting")
        if self.reason is Reason.REVERSAL and self.reverses_entry_id is None:
            raise LedgerError("a reversal must name the entry it reverses")

    @property
    def debit_total(self) -> Money:
        return total(p.debit for p in self.postings)

    def reversal(
        self, entry_id: int, booking_date: date, why: str, idempotency_key: str | None = None
    ) -> JournalEntry:
        """The entry that undoes this one (entry `entry_id`): every posting negated."""
        if self.reason is Reason.REVERSAL:
            raise LedgerError("a reversal is not reversed; book the entry again instead")
        return JournalEntry(
            booking_date=booking_date,
            reason=Reason.REVERSAL,
            description=why,
            postings=tuple(p.negated() for p in self.postings),
            clause=self.clause,
            idempotency_key=idempotency_key,
            reverses_entry_id=entry_id,
        )
