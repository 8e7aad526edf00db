"""Money to good used by the next bill: a customer's open credits set off against new claims.

A refund from the annual settlement that is not larger than the next installment is set off
against it (`4rater`); when the settlement is issued before that installment is billed, the
refund waits as a credit on the customer's account and is set off when the installment is
billed. An overpayment kept as a credit is used the same way. Set-based: the open items of
every customer of the batch are read in one query and the set-offs booked in one batch, each
with an idempotency key per bill so a repeated run books nothing new.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from heatbill.domain.billing.bill import Bill
from heatbill.domain.ledger import JournalEntry
from heatbill.domain.ledger.clearing import after_entry, credit_set_off_entry
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


def set_off_credits(
    uow: UnitOfWork,
    utility_id: int,
    bills: Sequence[Bill],
    open_items: dict[int, int],
    *,
    clause: str | None,
    now: datetime,
) -> int:
    """Set each customer's open credits off against the newly issued `bills` (their open items
    by bill id); returns how many bills were (partly) paid that way. Not committed."""
    claims = [b for b in bills if b.total.ore > 0 and b.bill_id in open_items]
    if not claims:
        return 0
    ledger = uow.ledger(utility_id)
    items = ledger.open_items_of([b.customer_id for b in claims])
    entries: list[JournalEntry] = []
    for bill in claims:
        own = items.get(bill.customer_id, [])
        entry = credit_set_off_entry(
            customer_id=bill.customer_id,
            open_items=own,
            targets=[open_items[bill.bill_id]],
            booking_date=bill.issue_date,
            description=say("runs.credit_set_off", number=bill.number),
            clause=clause,
            idempotency_key=f"credit-set-off:{bill.bill_id}",
        )
        if entry is None:
            continue
        entries.append(entry)
        items[bill.customer_id] = after_entry(own, entry)
    ledger.post_many(entries, created_at=now)
    return len(entries)
