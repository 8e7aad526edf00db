"""Whom a payment is for — by what it says, never by a guess — and how it is booked.

Matching (issue 5): the FI payment id names an open item, and so its customer; a
Betalingsservice payment without one names the customer by customer number. A payment that
names nothing known (a mistyped id, a closed customer number, no reference) is booked to the
unmatched-payments account and waits on the clarification list for staff to assign: never lost
and never guessed — no matching by name or amount.

Booking: a matched payment clears the customer's open items in the rulebook's order (`clearing`;
by default fees, then interest, then the oldest principal) and any rest becomes a credit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.ledger.clearing import after_entry, payment_entry
from heatbill.domain.money import Money
from heatbill.domain.payment_id import open_item_named
from heatbill.domain.payments.incoming import IncomingPayment, PaymentKind
from heatbill.wording import say


class MatchRule(StrEnum):
    PAYMENT_ID = "payment_id"
    BS_CUSTOMER = "bs_customer"
    ASSIGNED = "assigned"
    """By staff, from the clarification list."""


@dataclass(frozen=True, slots=True)
class Match:
    customer_id: int | None
    rule: MatchRule | None
    why_not: str | None = None
    """Danish, for the clarification list: why the payment matched nothing."""


def match_payment(
    payment: IncomingPayment,
    *,
    item_customers: Mapping[int, int],
    customers: Collection[int],
) -> Match:
    """`item_customers`: open item id → customer for the items the batch's payment ids name;
    `customers`: the customer ids the batch's Betalingsservice numbers name that exist."""
    if payment.payment_id:
        ref = payment.payment_id.strip()
        item = open_item_named(ref)
        if item is None:
            return Match(None, None, say("payments.match.bad_payment_id", ref=ref))
        customer = item_customers.get(item)
        if customer is not None:
            return Match(customer, MatchRule.PAYMENT_ID)
        if payment.bs_customer is None:
            return Match(None, None, say("payments.match.unknown_payment_id", ref=ref))
    if payment.bs_customer is not None:
        if payment.bs_customer in customers:
            return Match(payment.bs_customer, MatchRule.BS_CUSTOMER)
        return Match(None, None, say("payments.match.unknown_customer", number=payment.bs_customer))
    return Match(None, None, say("payments.match.no_reference"))


def referenced_items(payments: Sequence[IncomingPayment]) -> set[int]:
    """The open items the batch's valid payment ids name (to look up in one query)."""
    named = (open_item_named(p.payment_id.strip()) for p in payments if p.payment_id)
    return {item for item in named if item is not None}


def booking_entry(
    payment: IncomingPayment,
    match: Match,
    *,
    open_items: Sequence[tuple[OpenItem, Money]],
    order: Sequence[OpenItemKind],
    credit_item_id: int,
    key: str,
    clause: str | None,
) -> JournalEntry:
    """The entry for a payment: cleared in the rulebook's order, or held as unmatched."""
    if payment.kind is not PaymentKind.PAYMENT:
        raise ValueError(f"only a payment is booked this way, not {payment.kind}")
    description = say(f"payments.entry.{payment.source.value}", ref=_reference(payment))
    if match.customer_id is None:
        return JournalEntry(
            booking_date=payment.booked_on,
            reason=Reason.PAYMENT,
            description=say("payments.entry.unmatched", why=match.why_not or ""),
            postings=(
                Posting(Account.BANK, payment.amount),
                Posting(Account.UNMATCHED_PAYMENTS, -payment.amount),
            ),
            idempotency_key=key,
        )
    return payment_entry(
        customer_id=match.customer_id,
        amount=payment.amount,
        booking_date=payment.booked_on,
        open_items=open_items,
        credit_item_id=credit_item_id,
        description=description,
        order=order,
        idempotency_key=key,
        clause=clause,
    )


def _reference(payment: IncomingPayment) -> str:
    """What the payment is known by in the entry's text: its payment id, else the bank's
    reference, else the Betalingsservice customer number."""
    if payment.payment_id:
        return payment.payment_id
    if payment.external_ref:
        return payment.external_ref
    if payment.bs_customer is None:
        return ""
    return say("payments.entry.customer", number=payment.bs_customer)


__all__ = [
    "Match",
    "MatchRule",
    "after_entry",
    "booking_entry",
    "match_payment",
    "referenced_items",
]
