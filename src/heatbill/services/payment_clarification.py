"""The clarification list (afklaringslisten): payments that named no known bill or customer.

They wait on the unmatched-payments account, never lost and never guessed. Staff assign one
to a customer with a reason; the assignment moves the money from the unmatched account to the
customer, clearing their open items in the rulebook's order (any rest kept as a credit), and is
recorded with who did it and why. A payment is assigned once.
"""

from __future__ import annotations

from dataclasses import dataclass

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.payment_repository import StoredPayment
from heatbill.domain.errors import ConflictError, NotFoundError, ValidationError
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.ledger.clearing import payment_entry
from heatbill.domain.payments.incoming import PaymentKind
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say


def unmatched_payments(uow: UnitOfWork, utility_id: int) -> list[StoredPayment]:
    return uow.payments(utility_id).unmatched()


@dataclass(frozen=True, slots=True)
class AssignPayment:
    utility_id: int
    payment_id: int
    customer_id: int
    reason: str
    by: str


def assign_payment(command: AssignPayment, uow: UnitOfWork, clock: Clock) -> int:
    """Assign an unmatched payment to a customer; returns the journal entry's id."""
    payments = uow.payments(command.utility_id)
    found = payments.get(command.payment_id)
    if found is None:
        raise NotFoundError(say("payments.assign.unknown", payment=command.payment_id))
    if (
        found.customer_id is not None
        or found.kind is not PaymentKind.PAYMENT
        or payments.assignment_of(found.payment_id) is not None
    ):
        raise ConflictError(say("payments.assign.not_unmatched", payment=found.payment_id))
    if not command.reason.strip():
        raise ValidationError(say("payments.assign.reason"))
    if not payments.existing_customers([command.customer_id]):
        raise NotFoundError(say("payments.assign.unknown_customer", customer=command.customer_id))
    today = clock.today()
    rulebook = rulebook_of(uow, command.utility_id, today)
    ledger = uow.ledger(command.utility_id)
    [credit_item] = ledger.new_open_item_ids(1)
    entry = payment_entry(
        customer_id=command.customer_id,
        amount=found.amount,
        booking_date=today,
        open_items=ledger.open_items(command.customer_id),
        credit_item_id=credit_item,
        description=say(
            "payments.entry.assigned", payment=found.payment_id, reason=command.reason.strip()
        ),
        order=[OpenItemKind(k.value) for k in rulebook.clearing.order.value],
        idempotency_key=f"payment-assigned:{found.payment_id}",
        paid_from=Account.UNMATCHED_PAYMENTS,
        clause=str(rulebook.clearing.order.clause),
    )
    entry_id = ledger.post(entry, created_at=clock.now())
    payments.add_assignment(
        found.payment_id,
        command.customer_id,
        entry_id=entry_id,
        reason=command.reason.strip(),
        by=command.by,
        at=clock.now(),
    )
    uow.commit()
    return entry_id
