"""Refunds out (tilbagebetalinger): what is proposed for payout, and the entries that pay it.

Two kinds of money wait for the customer:
- refunds a run has already moved to REFUNDS_PAYABLE (a settlement or move settlement to the
  customer's good, later a released deposit), one proposal per entry, whatever the amount: the
  run decided to pay them out;
- credits on the customer's account (open items with a negative residual: an overpayment, a
  credit note), one proposal per customer for what is to their good once their open claims
  are met, from the rulebook's `refunds.minimum` on. A smaller credit stays on the account and
  the next bill uses it. A credit an annual settlement left to be set off against the next
  installment (`4rater`) is the settlement's, not proposed.

Staff approve or reject each proposal. Approving a credit books RECEIVABLES(+, on the credit
items, oldest first) / REFUNDS_PAYABLE(−); the payout file books REFUNDS_PAYABLE(+) / BANK(−)
per refund. Every entry has an idempotency key naming its proposal, so nothing is paid twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, Posting, Reason
from heatbill.domain.money import Money, total
from heatbill.wording import say

MAX_INITIALS = 40


class RefundSource(StrEnum):
    SETTLEMENT = "settlement"
    """An annual settlement to the customer's good, paid out by the settlement run."""
    MOVE_SETTLEMENT = "move_settlement"
    CREDIT = "credit"
    """Money to good on the account: an overpayment or a credit note."""
    DEPOSIT = "deposit"
    """A released security deposit (issue 6): its release entry's key starts `deposit-release:`."""


_RUN_KEYS: dict[str, RefundSource] = {
    "settlement-disposition:": RefundSource.SETTLEMENT,
    "move-refund:": RefundSource.MOVE_SETTLEMENT,
    "deposit-release:": RefundSource.DEPOSIT,
}


def source_of_key(idempotency_key: str | None) -> RefundSource | None:
    """Which run booked a refund to REFUNDS_PAYABLE, from its entry's key; None for others
    (an approved credit's own entry is already a proposal's)."""
    for prefix, source in _RUN_KEYS.items():
        if idempotency_key is not None and idempotency_key.startswith(prefix):
            return source
    return None


class RefundStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class ProposalDraft:
    """A refund to propose: who, how much, and where the money comes from."""

    customer_id: int
    amount: Money
    source: RefundSource
    reference: str
    source_key: str
    """Unique per utility: the same source is never proposed twice."""
    source_entry_id: int | None = None
    """The entry that booked the refund to REFUNDS_PAYABLE (None for a credit)."""


def payable_proposals(entries: Iterable[tuple[int, JournalEntry]]) -> list[ProposalDraft]:
    """One proposal per run's refund entry (a credit to REFUNDS_PAYABLE), by entry id."""
    drafts = []
    for entry_id, entry in entries:
        source = source_of_key(entry.idempotency_key)
        payable = [p for p in entry.postings if p.account is Account.REFUNDS_PAYABLE]
        owed = -total(p.amount for p in payable)
        customer = next(
            (p.customer_id for p in (*payable, *entry.postings) if p.customer_id is not None),
            None,
        )
        if source is None or customer is None or owed.ore <= 0:
            continue
        key = f"entry:{entry_id}"
        drafts.append(ProposalDraft(customer, owed, source, entry.description, key, entry_id))
    return sorted(drafts, key=lambda d: d.source_entry_id or 0)


def credit_proposal(
    customer_id: int,
    open_items: Sequence[tuple[OpenItem, Money]],
    minimum: Money,
    held: frozenset[int] = frozenset(),
) -> ProposalDraft | None:
    """The customer's credits to pay out: what is to their good once their open claims are
    met, from `minimum` on; None below it. `held`: credit items that wait to be set off."""
    free = free_credits(open_items, held)
    balance = total(residual for _, residual in open_items)
    amount = min(total(c for _, c in free), -balance)
    if amount.ore <= 0 or amount < minimum:
        return None
    newest = max(item.open_item_id for item, _ in free)
    reference = ", ".join(dict.fromkeys(item.reference for item, _ in free))[:200]
    key = f"credit:{customer_id}:{newest}:{amount.ore}"
    return ProposalDraft(customer_id, amount, RefundSource.CREDIT, reference, key)


def free_credits(
    open_items: Sequence[tuple[OpenItem, Money]], held: frozenset[int] = frozenset()
) -> list[tuple[OpenItem, Money]]:
    """Credit items not held, oldest first, each with the (positive) amount to good."""
    credits = [
        (item, -residual)
        for item, residual in open_items
        if residual.ore < 0 and item.open_item_id not in held
    ]
    return sorted(credits, key=lambda c: (c[0].due_date, c[0].open_item_id))


def credit_refund_entry(
    proposal_id: int,
    customer_id: int,
    amount: Money,
    open_items: Sequence[tuple[OpenItem, Money]],
    *,
    booked_on: date,
    description: str,
    held: frozenset[int] = frozenset(),
) -> JournalEntry:
    """Approving a credit: the credit items are closed (oldest first) into REFUNDS_PAYABLE.

    Refused when the customer's credit no longer covers the amount (a bill used it since the
    proposal): propose again."""
    free = free_credits(open_items, held)
    balance = total(residual for _, residual in open_items)
    if min(total(c for _, c in free), -balance) < amount:
        raise ConflictError(say("refunds.credit_changed", proposal=proposal_id))
    postings = []
    rest = amount
    for item, available in free:
        part = min(rest, available)
        if part.ore == 0:
            break
        postings.append(Posting(Account.RECEIVABLES, part, customer_id, item.open_item_id))
        rest -= part
    postings.append(Posting(Account.REFUNDS_PAYABLE, -amount, customer_id))
    return JournalEntry(
        booking_date=booked_on,
        reason=Reason.REFUND,
        description=description,
        postings=tuple(postings),
        idempotency_key=f"refund-approval:{proposal_id}",
    )


def payout_entry(
    proposal_id: int, customer_id: int, amount: Money, *, booked_on: date, description: str
) -> JournalEntry:
    """The refund leaves the bank in the payout file: REFUNDS_PAYABLE(+) / BANK(−)."""
    return JournalEntry(
        booking_date=booked_on,
        reason=Reason.REFUND,
        description=description,
        postings=(
            Posting(Account.REFUNDS_PAYABLE, amount, customer_id),
            Posting(Account.BANK, -amount),
        ),
        idempotency_key=f"refund-payout:{proposal_id}",
    )


def check_decision(
    proposal_id: int, status: RefundStatus, by: str, reason: str | None, *, approve: bool
) -> None:
    """A decision names who made it (initials); a rejection says why; one decision each."""
    if status is not RefundStatus.PROPOSED:
        raise ConflictError(
            say("refunds.decided", proposal=proposal_id, status=say(f"refunds.status.{status}"))
        )
    if not by.strip() or len(by.strip()) > MAX_INITIALS:
        raise ValidationError(say("refunds.by"))
    if not approve and not (reason or "").strip():
        raise ValidationError(say("refunds.reason"))
