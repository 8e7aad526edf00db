"""Clearing (udligning): a payment settles open items in the rulebook's order.

The order is a list of open-item kinds (by default fees, then interest, then the oldest
principal); within a kind the oldest due date goes first. What is left becomes a credit item,
never lost. A partial payment simply leaves the last item it reached partly open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from heatbill.domain.ledger.accounts import Account
from heatbill.domain.ledger.entry import JournalEntry, Posting, Reason
from heatbill.domain.ledger.open_items import OpenItem, OpenItemKind
from heatbill.domain.money import Money

DEFAULT_ORDER: tuple[OpenItemKind, ...] = (
    OpenItemKind.FEE,
    OpenItemKind.INTEREST,
    OpenItemKind.PRINCIPAL,
)


@dataclass(frozen=True, slots=True)
class Allocation:
    open_item_id: int
    amount: Money


def clear_amount(
    amount: Money,
    open_items: Sequence[tuple[OpenItem, Money]],
    order: Sequence[OpenItemKind] = DEFAULT_ORDER,
) -> tuple[list[Allocation], Money]:
    """Allocate a positive `amount` to (item, residual) pairs; returns allocations and rest."""
    if amount.ore <= 0:
        raise ValueError("only a positive amount clears open items")
    rank = {kind: i for i, kind in enumerate(order)}
    last = len(rank)
    claims = sorted(  # in øre: a batch clears a million payments
        (rank.get(item.kind, last), item.due_date, item.open_item_id, n, residual.ore)
        for n, (item, residual) in enumerate(open_items)
        if residual.ore > 0
    )
    allocations: list[Allocation] = []
    rest = amount.ore
    for _, _, item_id, _, residual in claims:
        if rest == 0:
            break
        part = min(rest, residual)
        allocations.append(Allocation(item_id, Money(part)))
        rest -= part
    return allocations, Money(rest)


def payment_entry(
    *,
    customer_id: int,
    amount: Money,
    booking_date: date,
    open_items: Sequence[tuple[OpenItem, Money]],
    credit_item_id: int,
    description: str,
    order: Sequence[OpenItemKind] = DEFAULT_ORDER,
    idempotency_key: str | None = None,
    paid_from: Account = Account.BANK,
    clause: str | None = None,
) -> JournalEntry:
    """Debit the bank, credit receivables item by item; any rest opens credit item
    `credit_item_id` (allocated by the caller, used only when there is a rest).

    `paid_from`: the bank for a payment, or the unmatched-payments account when staff assign
    a payment that waited for clarification."""
    allocations, rest = clear_amount(amount, open_items, order)
    postings = [Posting(paid_from, amount)]
    postings += [
        Posting(Account.RECEIVABLES, -a.amount, customer_id, a.open_item_id) for a in allocations
    ]
    new_items: tuple[OpenItem, ...] = ()
    if rest.ore > 0:
        postings.append(Posting(Account.RECEIVABLES, -rest, customer_id, credit_item_id))
        new_items = (
            OpenItem(credit_item_id, customer_id, OpenItemKind.CREDIT, booking_date, description),
        )
    return JournalEntry(
        booking_date=booking_date,
        reason=Reason.PAYMENT,
        description=description,
        postings=tuple(postings),
        clause=clause,
        idempotency_key=idempotency_key,
        new_open_items=new_items,
    )


def credit_set_off_entry(
    *,
    customer_id: int,
    open_items: Sequence[tuple[OpenItem, Money]],
    targets: Sequence[int],
    booking_date: date,
    description: str,
    clause: str | None = None,
    idempotency_key: str | None = None,
) -> JournalEntry | None:
    """Use the customer's money to good for the claims `targets` (open item ids, in order).

    The credits (open items with a negative residual: overpayments, refunds set off rather than
    paid out) are used oldest first; each target takes what the credits reach. Both sides are
    receivables postings of the same customer, so the balance does not move — only which items
    are open (`4rater`: a refund not larger than installment 2 is set off against it). None when
    there is no credit or nothing to set it off against.
    """
    credits = sorted(
        ((item, -residual) for item, residual in open_items if residual.ore < 0),
        key=lambda c: (c[0].due_date, c[0].open_item_id),
    )
    residuals = {item.open_item_id: residual for item, residual in open_items}
    claims = [(t, residuals[t]) for t in targets if residuals.get(t, Money(0)).ore > 0]
    available = sum((amount for _, amount in credits), Money(0))
    wanted = sum((residual for _, residual in claims), Money(0))
    used = min(available, wanted)
    if used.ore == 0:
        return None
    postings: list[Posting] = []
    rest = used
    for item, amount in credits:
        part = min(rest, amount)
        if part.ore == 0:
            break
        postings.append(Posting(Account.RECEIVABLES, part, customer_id, item.open_item_id))
        rest -= part
    rest = used
    for item_id, residual in claims:
        part = min(rest, residual)
        if part.ore == 0:
            break
        postings.append(Posting(Account.RECEIVABLES, -part, customer_id, item_id))
        rest -= part
    return JournalEntry(
        booking_date=booking_date,
        reason=Reason.CLEARING,
        description=description,
        clause=clause,
        idempotency_key=idempotency_key,
        postings=tuple(postings),
    )


def after_entry(
    items: Sequence[tuple[OpenItem, Money]], entry: JournalEntry
) -> list[tuple[OpenItem, Money]]:
    """A customer's open items once `entry` is booked (what the next entry of the same batch
    sees: residuals moved, a credit it opened, settled items gone)."""
    moved: dict[int, int] = {}  # øre
    for posting in entry.postings:
        if posting.open_item_id is not None:
            moved[posting.open_item_id] = moved.get(posting.open_item_id, 0) + posting.amount.ore
    known = {item.open_item_id for item, _ in items}
    result = [
        (item, Money(residual.ore + moved[item.open_item_id]))
        if item.open_item_id in moved
        else (item, residual)
        for item, residual in items
    ]
    result += [
        (item, Money(moved[item.open_item_id]))
        for item in entry.new_open_items
        if item.open_item_id not in known
    ]
    return [(item, residual) for item, residual in result if residual.ore != 0]
