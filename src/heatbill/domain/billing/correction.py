"""Corrections (kreditnota og ny regning): a bill is never edited.

A corrected reading or a meter test outside tolerance (`vestervig 5.9`, `5.11`) makes a bill
wrong. It is then cancelled by a credit note — every line negated, same customer, installation,
period and revision, `corrects_bill_id` the bill — and replaced by a new bill of the same kind
and period, revision + 1, `corrects_bill_id` the bill too. Both are issued the same day: the
credit note (revision n) and the new bill (revision n + 1) are found from the original and from
each other through `corrects_bill_id` and the revision numbers.

How the credit note is booked (`CreditNote.journal_entry`): revenue and VAT come back exactly
as the bill booked them, and the customer's claim is cancelled on the ORIGINAL bill's open item
— as far as it is still open. What of the bill was already settled (paid, set off, paid out)
stays on the credit note's own open item: a credit the customer has to good, or (for a refund
that was paid out) what they owe back. The entry is a reversal of the bill's entry
(`reverses_entry_id`), which the ledger allows once per entry. `CreditNote` is a `Bill` that
carries what it cancels and books itself so, which lets `services.billing.issue_bills` number
and book it with everything else, unchanged, while `Bill.journal_entry` stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.errors import ConflictError, LedgerError, ValidationError
from heatbill.domain.ledger import Account, JournalEntry, Posting, Reason
from heatbill.domain.money import Money
from heatbill.wording import say


def credit_note_for(bill: Bill, issue_date: date, due_date: date | None = None) -> Bill:
    """The credit note that cancels an issued `bill`, dated `issue_date` (due that day unless
    `due_date` is given: it only falls due when it leaves the customer owing)."""
    if bill.kind is BillKind.CREDIT_NOTE:
        raise ValidationError(say("corrections.credit_note_of_credit_note", number=bill.number))
    if not bill.bill_id:
        raise ValidationError(say("corrections.not_issued"))
    return Bill(
        0,
        "",
        BillKind.CREDIT_NOTE,
        bill.customer_id,
        bill.installation_id,
        bill.period_start,
        bill.period_end,
        issue_date,
        due_date or issue_date,
        tuple(replace(line, amount=-line.amount, vat=-line.vat) for line in bill.lines),
        revision=bill.revision,
        corrects_bill_id=bill.bill_id,
    )


def corrected_bill(
    original: Bill, lines: Sequence[BillLine], issue_date: date, due_date: date
) -> Bill:
    """The bill that replaces `original`: same kind, customer, installation and period,
    the next revision, linked to the original. Refused when the lines are the original's."""
    if original.kind is BillKind.CREDIT_NOTE:
        raise ValidationError(say("corrections.credit_note_of_credit_note", number=original.number))
    if tuple(lines) == original.lines:
        raise ConflictError(say("corrections.nothing_changed", number=original.number))
    return replace(
        original,
        bill_id=0,
        number="",
        issue_date=issue_date,
        due_date=due_date,
        lines=tuple(lines),
        revision=original.revision + 1,
        corrects_bill_id=original.bill_id,
    )


def cleared_on_original(original_total: Money, residual: Money) -> Money:
    """How much of the original's open item a credit note cancels: what is still open of it,
    at most the bill's total, and nothing when the item holds the other sign."""
    if residual.is_negative != original_total.is_negative or not residual:
        return Money(0)
    return residual if abs(residual) <= abs(original_total) else original_total


@dataclass(frozen=True, slots=True)
class Cancellation:
    """What a credit note cancels: the original bill's booking, and why it is corrected."""

    number: str
    entry_id: int
    open_item_id: int
    residual: Money
    """What is still open of the original's open item when the credit note is booked."""
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValidationError(say("corrections.no_reason"))


@dataclass(frozen=True, slots=True)
class CreditNote(Bill):
    """A credit note as it is booked: against the original bill's entry and open item."""

    cancels: Cancellation | None = None

    def __post_init__(self) -> None:
        Bill.__post_init__(self)  # a slots dataclass has no zero-argument super()
        if self.kind is not BillKind.CREDIT_NOTE or self.cancels is None:
            raise LedgerError(say("corrections.credit_note_booking"))

    @classmethod
    def against(cls, note: Bill, cancels: Cancellation) -> CreditNote:
        values: dict[str, Any] = {f.name: getattr(note, f.name) for f in fields(Bill) if f.init}
        return cls(**values, cancels=cancels)

    def as_bill(self) -> Bill:
        """The plain bill, as the bill tables keep it."""
        return Bill(*(getattr(self, f.name) for f in fields(Bill) if f.init))

    def journal_entry(self, open_item_id: int, clause: str | None) -> JournalEntry:
        """Revenue and VAT back; the claim cancelled on the original's open item as far as it
        is open, the rest left on this credit note's own open item `open_item_id`."""
        cancels = self.cancels
        if cancels is None:  # refused on construction; kept for the type checker
            raise LedgerError(say("corrections.credit_note_booking"))
        entry = Bill.journal_entry(self, open_item_id, clause)
        cleared = cleared_on_original(-self.total, cancels.residual)
        postings = entry.postings
        if cleared:
            customer = self.customer_id
            postings += (
                Posting(Account.RECEIVABLES, cleared, customer, open_item_id),
                Posting(Account.RECEIVABLES, -cleared, customer, cancels.open_item_id),
            )
        reference = say("corrections.credit_note_reference", number=self.number)
        return replace(
            entry,
            reason=Reason.REVERSAL,
            reverses_entry_id=cancels.entry_id,
            description=say(
                "corrections.credit_note_entry",
                number=self.number,
                original=cancels.number,
                reason=cancels.reason,
            ),
            postings=postings,
            new_open_items=tuple(replace(i, reference=reference) for i in entry.new_open_items),
        )
