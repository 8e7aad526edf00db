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
    claims = [(item, residual) for item, residual in open_items if residual.ore > 0]
    claims.sort(key=lambda c: (rank.get(c[0].kind, len(rank)), c[0].due_date, c[0].open_item_id))
    allocations: list[Allocation] = []
    rest = amount
    for item, residual in claims:
        if rest.ore == 0:
            break
        part = min(rest, residual)
        allocations.append(Allocation(item.open_item_id, part))
        rest -= part
    return allocations, rest


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
) -> JournalEntry:
    """Debit the bank, credit receivables item by item; any rest opens credit item
    `credit_item_id` (allocated by the caller, used only when there is a rest)."""
    allocations, rest = clear_amount(amount, open_items, order)
    postings = [Posting(Account.BANK, amount)]
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
        idempotency_key=idempotency_key,
        new_open_items=new_items,
    )
