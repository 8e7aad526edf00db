"""Is a running payment plan kept? Breached or completed, and on which day — pure.

The ledger model: a plan does not replace the ledger's open items. The claims' bills, fees and
interest stay open items (with the plan's fee, an open item of its own); payments clear them
as always. The plan's installments are a schedule checked against what the customer paid:

- paid toward the plan by day d = the plan's total − what is left of its items after d;
- with new bills paid alongside (`vestervig 6.5`): every bill of the customer falling due
  while the plan runs must be paid by its due date too; a payment the clearing order sent to
  such a bill, to interest or fees posted since, or left as a credit counts as paid, so the
  order in which a payment clears items never decides a breach;
- on each due date (an installment's, or a new bill's) what was paid by the end of that day
  must reach what was due by then. The first due date where it does not breaches the plan,
  on the day after it (`vestervig 6.6`: the claims go straight to the collection notice);
- the plan is completed on the day its items are all paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from heatbill.domain.collections.plans import Installment
from heatbill.domain.money import Money
from heatbill.wording import say

ONE_DAY = timedelta(days=1)


class PlanOutcome(StrEnum):
    BREACHED = "breached"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class Movement:
    """A posting on one of the customer's open items (øre, + owed / − paid)."""

    booked_on: date
    amount: Money
    opening: bool
    """The posting that opened the item (the bill, fee or interest itself)."""


@dataclass(frozen=True, slots=True)
class WatchedItem:
    """An open item the plan's check looks at: one of the plan's own, or one of the
    customer's falling due since the grant."""

    open_item_id: int
    in_plan: bool
    bill: bool
    """A new bill (principal) that must be paid alongside the plan."""
    credit: bool
    """A credit item: money the customer paid beyond what was open."""
    due: date
    reference: str
    movements: tuple[Movement, ...]

    def left_after(self, day: date) -> Money:
        return sum((m.amount for m in self.movements if m.booked_on <= day), Money(0))

    def paid_by(self, day: date) -> Money:
        """What the customer paid to it by the end of `day`."""
        paid = [m for m in self.movements if m.booked_on <= day and (self.credit or not m.opening)]
        return -sum((m.amount for m in paid), Money(0))

    def billed(self) -> Money:
        return sum((m.amount for m in self.movements if m.opening), Money(0))


@dataclass(frozen=True, slots=True)
class PlanVerdict:
    outcome: PlanOutcome
    on: date
    reason: str
    """Danish: what was not paid by when, or that everything is paid."""


def verdict(
    installments: tuple[Installment, ...],
    total: Money,
    items: tuple[WatchedItem, ...],
    today: date,
    *,
    bills_alongside: bool,
) -> PlanVerdict | None:
    """Breached or completed as of `today` (payments booked until today counted), or None
    while the plan runs as agreed."""
    plan = [i for i in items if i.in_plan]
    others = [i for i in items if not i.in_plan] if bills_alongside else []
    bills = [i for i in others if i.bill]
    checks = sorted(
        [(i.due, say("plans.breach.installment", number=i.number, amount=i.amount.format_da(),
                     due=f"{i.due:%d-%m-%Y}")) for i in installments]
        + [(b.due, say("plans.breach.bill", reference=b.reference, due=f"{b.due:%d-%m-%Y}"))
           for b in bills],
        key=lambda c: c[0],
    )  # fmt: skip
    paid_on = _all_paid_on(plan, today)
    for due, what in checks:
        if due >= today or (paid_on is not None and due >= paid_on):
            break
        owed = sum((i.amount for i in installments if i.due <= due), Money(0))
        owed += sum((b.billed() for b in bills if b.due <= due), Money(0))
        paid = total - sum((i.left_after(due) for i in plan), Money(0))
        paid += sum((o.paid_by(due) for o in others), Money(0))
        if paid < owed:
            return PlanVerdict(PlanOutcome.BREACHED, due + ONE_DAY, what)
    if paid_on is not None:
        return PlanVerdict(PlanOutcome.COMPLETED, paid_on, say("plans.completed"))
    return None


def _all_paid_on(plan: list[WatchedItem], today: date) -> date | None:
    """The first day the plan's items were all paid, if they are by `today`."""
    days = sorted({m.booked_on for i in plan for m in i.movements if m.booked_on <= today})
    for day in days:
        if all(not i.left_after(day).is_positive for i in plan):
            return day
    return None
