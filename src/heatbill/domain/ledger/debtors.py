"""The debtor list (debitorliste) on a date: every customer whose account is not square (pure).

One line per customer with a balance ≠ 0 — or with open items that happen to cancel out (a
claim and a credit waiting to be set off), which the list shows rather than hides. The balance
is the customer's receivables subledger; claims (positive residuals) and credits (negative
residuals: overpayments, refunds not paid out) are shown apart, so an accountant sees both what
is owed and what is owed back. Overdue: the claims whose due date lies before the date (paying
on the due date is on time, as in the ageing). The lines' balances add up to the subledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from heatbill.domain.ledger.open_items import OpenItem
from heatbill.domain.money import Money, total


@dataclass(frozen=True, slots=True)
class DebtorCard:
    """Who a customer is, from the register: name, installation number and supply address."""

    customer_id: int
    name: str
    installation: str
    address: str


@dataclass(frozen=True, slots=True)
class DebtorLine:
    customer_id: int
    card: DebtorCard | None
    """None for a customer account without a register entry (booked from elsewhere)."""
    balance: Money
    claims: Money
    credit: Money
    """Money to good: zero or negative."""
    overdue: Money
    oldest_due: date | None
    """The oldest due date of the customer's open claims."""


@dataclass(frozen=True, slots=True)
class DebtorTotals:
    customers: int
    balance: Money
    claims: Money
    credit: Money
    overdue: Money


def debtor_list(
    on: date,
    *,
    balances: Mapping[int, Money],
    items: Iterable[tuple[OpenItem, Money]],
    cards: Mapping[int, DebtorCard],
) -> list[DebtorLine]:
    """`balances`: receivables per customer at the end of `on`; `items`: the open items with
    their residuals then. One line per customer, by customer id."""
    open_by: dict[int, list[tuple[OpenItem, Money]]] = {}
    for item, residual in items:
        open_by.setdefault(item.customer_id, []).append((item, residual))
    customers = {c for c, b in balances.items() if b.ore != 0} | set(open_by)
    return [
        _line(c, balances.get(c, Money(0)), open_by.get(c, []), cards.get(c), on)
        for c in sorted(customers)
    ]


def _line(
    customer_id: int,
    balance: Money,
    items: list[tuple[OpenItem, Money]],
    card: DebtorCard | None,
    on: date,
) -> DebtorLine:
    claims = [(item, residual) for item, residual in items if residual.ore > 0]
    return DebtorLine(
        customer_id=customer_id,
        card=card,
        balance=balance,
        claims=total(residual for _, residual in claims),
        credit=total(residual for _, residual in items if residual.ore < 0),
        overdue=total(residual for item, residual in claims if item.due_date < on),
        oldest_due=min((item.due_date for item, _ in claims), default=None),
    )


def debtor_totals(lines: Iterable[DebtorLine]) -> DebtorTotals:
    listed = list(lines)
    return DebtorTotals(
        customers=len(listed),
        balance=total(line.balance for line in listed),
        claims=total(line.claims for line in listed),
        credit=total(line.credit for line in listed),
        overdue=total(line.overdue for line in listed),
    )
