"""The customer statement (kontoudtog): a customer's account over a period (pure).

Opening balance, every movement in booking order with the running balance, closing balance,
and the open items at the end with their residuals. A movement is one journal entry as far as
the customer's receivables go: its amount is the net of the entry's postings for the customer
(a bill opens a claim, a payment clears claims, a set-off moves money to good onto a claim and
nets 0,00). The statement reconciles when opening + movements = closing = the sum of the open
items' residuals; both sides come from the same postings, so a difference means the books are
broken, and the statement says so rather than hiding it. Amounts are debit-positive `Money`:
what the customer owes is positive, money to good negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.ledger.entry import Reason
from heatbill.domain.ledger.open_items import OpenItem, OpenItemKind
from heatbill.domain.money import Money, total


class MovementKind(StrEnum):
    BILL = "bill"
    """A bill with a number: installment, settlement, one-off charge, credit note."""
    CHARGE = "charge"
    """A claim booked without a bill (an opening balance, a charge from elsewhere)."""
    FEE = "fee"
    INTEREST = "interest"
    PAYMENT = "payment"
    CLEARING = "clearing"
    """A set-off (modregning) of the customer's money to good against a claim."""
    CHARGE_BACK = "charge_back"
    """A Betalingsservice payment taken back by the payer's bank."""
    REVERSAL = "reversal"
    REFUND = "refund"
    WRITE_OFF = "write_off"


_BY_REASON: dict[Reason, MovementKind] = {
    Reason.FEE: MovementKind.FEE,
    Reason.INTEREST: MovementKind.INTEREST,
    Reason.PAYMENT: MovementKind.PAYMENT,
    Reason.CLEARING: MovementKind.CLEARING,
    Reason.REVERSAL: MovementKind.REVERSAL,
    Reason.REFUND: MovementKind.REFUND,
    Reason.WRITE_OFF: MovementKind.WRITE_OFF,
}


@dataclass(frozen=True, slots=True)
class PaymentFacts:
    """How a payment reached the customer: its channel and the rule that matched it."""

    source: str
    """betalingsservice, fi or bank (`PaymentSource`)."""
    matched_by: str | None
    """payment_id, bs_customer or assigned (`MatchRule`); None for a payment booked by hand."""
    charge_back: bool = False


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """One journal entry as the customer's statement sees it."""

    entry_id: int
    booking_date: date
    reason: Reason
    description: str
    postings: tuple[tuple[int, Money], ...]
    """(open item id, amount) of the entry's receivables postings for this customer."""
    reverses_entry_id: int | None = None
    opens: tuple[int, ...] = ()
    """The open items this entry opened (a claim, or a credit kept from an overpayment)."""
    bill_number: str | None = None
    bill_due: date | None = None
    payment: PaymentFacts | None = None


@dataclass(frozen=True, slots=True)
class Movement:
    entry_id: int
    booking_date: date
    kind: MovementKind
    text: str
    amount: Money
    balance: Money
    """The running balance after this movement."""
    reference: str | None
    """The bill number, or the reference of the claim the entry opened."""
    due_date: date | None
    """When the claim the entry opened falls due (bills, fees, interest)."""
    payment: PaymentFacts | None
    reverses_entry_id: int | None
    items: tuple[tuple[str, Money], ...]
    """(reference, amount) of every open item the entry touched: what a payment cleared."""


@dataclass(frozen=True, slots=True)
class Statement:
    customer_id: int
    first: date
    last: date
    """The period, both days included."""
    opening: Money
    movements: tuple[Movement, ...]
    closing: Money
    open_items: tuple[tuple[OpenItem, Money], ...]
    """The items open at the end of `last`, by due date, with their residuals."""

    @property
    def movement_total(self) -> Money:
        return total(m.amount for m in self.movements)

    @property
    def open_total(self) -> Money:
        return total(residual for _, residual in self.open_items)

    @property
    def reconciles(self) -> bool:
        return self.opening + self.movement_total == self.closing == self.open_total


def kind_of(facts: EntryFacts) -> MovementKind:
    if facts.payment is not None and facts.payment.charge_back:
        return MovementKind.CHARGE_BACK
    if facts.bill_number is not None and facts.reason is not Reason.REVERSAL:
        return MovementKind.BILL
    return _BY_REASON.get(facts.reason, MovementKind.CHARGE)


def build_statement(
    customer_id: int,
    first: date,
    last: date,
    *,
    opening: Money,
    closing: Money,
    entries: Sequence[EntryFacts],
    items: Sequence[tuple[OpenItem, Money]],
) -> Statement:
    """`opening` and `closing`: the customer's receivables balance at the start of `first` and
    the end of `last`, as the subledger has them; `entries`: the customer's entries booked in
    the period, any order; `items`: every open item of the customer that the entries touch or
    that is open at the end, with its residual at the end of `last` (0 for a settled one)."""
    by_id = {item.open_item_id: item for item, _ in items}
    balance = opening
    movements: list[Movement] = []
    for facts in sorted(entries, key=lambda f: (f.booking_date, f.entry_id)):
        amount = total(amount for _, amount in facts.postings)
        balance += amount
        movements.append(_movement(facts, amount, balance, by_id))
    open_items = sorted(
        ((item, residual) for item, residual in items if residual.ore != 0),
        key=lambda pair: (pair[0].due_date, pair[0].open_item_id),
    )
    return Statement(
        customer_id=customer_id,
        first=first,
        last=last,
        opening=opening,
        movements=tuple(movements),
        closing=closing,
        open_items=tuple(open_items),
    )


def _movement(
    facts: EntryFacts, amount: Money, balance: Money, items: dict[int, OpenItem]
) -> Movement:
    claims = [
        items[i] for i in facts.opens if i in items and items[i].kind is not OpenItemKind.CREDIT
    ]
    claim = claims[0] if claims else None
    touched = tuple(
        (items[item_id].reference if item_id in items else str(item_id), posted)
        for item_id, posted in facts.postings
    )
    return Movement(
        entry_id=facts.entry_id,
        booking_date=facts.booking_date,
        kind=kind_of(facts),
        text=facts.description,
        amount=amount,
        balance=balance,
        reference=facts.bill_number or (None if claim is None else claim.reference),
        due_date=facts.bill_due or (None if claim is None else claim.due_date),
        payment=facts.payment,
        reverses_entry_id=facts.reverses_entry_id,
        items=touched,
    )
