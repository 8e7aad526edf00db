"""Bills (regninger) as issued: numbered, with their lines, never edited afterwards.

A bill becomes one journal entry: the customer's receivable (one open item, total incl. VAT)
against revenue by line kind and VAT payable. A correction is a credit note that reverses a
bill line by line, plus a new bill (`revision` + 1), linked to each other. A settlement bill may
total a negative amount (money to good): its open item is then a credit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from heatbill.domain.errors import LedgerError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money, total


class BillKind(StrEnum):
    INSTALLMENT = "installment"
    ANNUAL_SETTLEMENT = "annual_settlement"
    MOVE_SETTLEMENT = "move_settlement"
    CHARGE = "charge"
    """A one-off charge from the tariff sheet (extra reading, meter test, works)."""
    CREDIT_NOTE = "credit_note"
    CONNECTION = "connection"
    EXIT = "exit"


_REASON = {
    BillKind.INSTALLMENT: Reason.INSTALLMENT,
    BillKind.ANNUAL_SETTLEMENT: Reason.ANNUAL_SETTLEMENT,
    BillKind.MOVE_SETTLEMENT: Reason.MOVE_SETTLEMENT,
}


@dataclass(frozen=True, slots=True)
class BillLine:
    text: str
    """Danish, as printed."""
    amount: Money
    """Excluding VAT."""
    vat: Money
    account: Account
    """The revenue account the line is booked on (heat, fixed charges, fees)."""
    clause: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Bill:
    bill_id: int
    number: str
    kind: BillKind
    customer_id: int
    """The customer relationship (the ledger's customer account)."""
    installation_id: int
    period_start: date
    period_end: date
    """Half-open: the bill covers [period_start, period_end)."""
    issue_date: date
    due_date: date
    lines: tuple[BillLine, ...]
    revision: int = 0
    corrects_bill_id: int | None = None
    net: Money = field(init=False, compare=False, repr=False)
    """The sum of the lines ex VAT (computed once: the lines never change)."""
    vat: Money = field(init=False, compare=False, repr=False)
    total: Money = field(init=False, compare=False, repr=False)
    """`net` + `vat`."""

    def __post_init__(self) -> None:
        if not self.lines:
            raise LedgerError("en regning uden linjer")
        if self.period_end <= self.period_start:
            raise LedgerError("en regnings periode skal slutte efter den begynder")
        net = total(line.amount for line in self.lines)
        vat = total(line.vat for line in self.lines)
        object.__setattr__(self, "net", net)
        object.__setattr__(self, "vat", vat)
        object.__setattr__(self, "total", Money(net.ore + vat.ore))

    def journal_entry(self, open_item_id: int, clause: str | None) -> JournalEntry:
        """The entry that books this bill: receivable (one open item) against revenue and VAT."""
        revenue: dict[Account, int] = {}
        for line in self.lines:
            revenue[line.account] = revenue.get(line.account, 0) + line.amount.ore
        postings = [Posting(Account.RECEIVABLES, self.total, self.customer_id, open_item_id)]
        postings += [Posting(account, Money(-ore)) for account, ore in revenue.items() if ore]
        if self.vat:
            postings.append(Posting(Account.VAT_PAYABLE, -self.vat))
        kind = OpenItemKind.CREDIT if self.total.is_negative else OpenItemKind.PRINCIPAL
        reference = f"Regning {self.number}"
        return JournalEntry(
            booking_date=self.issue_date,
            reason=_REASON.get(self.kind, Reason.CHARGE),
            description=reference,
            postings=tuple(p for p in postings if p.amount),
            clause=clause,
            idempotency_key=f"bill:{self.bill_id}",
            new_open_items=(
                OpenItem(open_item_id, self.customer_id, kind, self.due_date, reference, clause),
            ),
        )
