"""Bills issued one at a time on request (a connection contribution, an exit bill, a one-off
charge or its refund), each at most once.

Billing runs are idempotent by the bill's natural key (`issue_bills`). A request made by hand
needs one more rule: a repeated request must find the bill it made, and a different request
for the same thing must be refused rather than silently dropped — a connection or exit bill
once per installation, any other bill once per installation, kind and period.
"""

from __future__ import annotations

from dataclasses import dataclass

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.bill_repository import key_of
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.errors import ConflictError
from heatbill.services.billing import issue_bills
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

_ONCE_PER_INSTALLATION = (BillKind.CONNECTION, BillKind.EXIT)


@dataclass(frozen=True, slots=True)
class Charged:
    bill: Bill
    already: bool
    """The same bill existed already (a repeated request): nothing new was booked."""


def issue_once(
    uow: UnitOfWork, clock: Clock, utility_id: int, draft: Bill, *, clause: str, clash: str
) -> Charged:
    """Issue `draft` (not committed) unless a bill of its kind exists for its installation —
    ever for a connection or exit, else for the same period: the same lines again are that
    bill, other lines are refused with the wording `clash`."""
    earlier = [
        b
        for b in uow.bills(utility_id).of_customer(draft.customer_id)
        if b.kind is draft.kind
        and b.installation_id == draft.installation_id
        and (
            draft.kind in _ONCE_PER_INSTALLATION
            or (b.period_start, b.period_end) == (draft.period_start, draft.period_end)
        )
    ]
    if earlier:
        if earlier[0].lines == draft.lines:
            return Charged(earlier[0], already=True)
        raise ConflictError(say(clash, number=earlier[0].number, day=earlier[0].issue_date))
    if uow.bills(utility_id).existing([key_of(draft)]):  # another customer's, same key
        raise ConflictError(say("bills.period_taken", day=draft.period_start))
    issued = issue_bills(
        uow, utility_id, [draft], clause_of={draft.kind.value: clause}, now=clock.now()
    )
    return Charged(issued.bills[0], already=False)
