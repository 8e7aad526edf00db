"""A claim in collection: one overdue bill (its open item) and everything that grew from it.

Collection works per claim, not per customer (issue 6): each bill has its own timeline from
its bill date, its own reminders and fees; a partial payment lowers what is owed but never
makes a claim skip a step. The history (`steps`) is what was done, with dates, fees and the
clause that allowed it — the case page is built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from heatbill.domain.money import Money

NOTHING: Final = Money(0)


class StepKind(StrEnum):
    REMINDER = "reminder"
    """Rykkerbrev: a deadline to pay, perhaps a fee (renteloven § 9 b)."""
    COLLECTION_NOTICE = "collection_notice"
    """Inkassomeddelelse: the claim goes to collection; states the closing date."""
    SECURITY_DEMAND = "security_demand"
    """Krav om sikkerhedsstillelse: the only road to closing for old debt (`webinar`)."""
    CLOSING_NOTICE = "closing_notice"
    """Written notice of closing after a security demand that was not met (`aalborg 3.4`)."""
    CLOSING_VISIT = "closing_visit"
    """The work order to close: address, meter, the amount that avoids closing on site."""
    CLOSED = "closed"
    """The supply closed, with the date and the meter reading."""
    CLOSING_AVOIDED = "closing_avoided"
    """The visit was made, but the customer paid or gave security on site (`vestervig 6.7`)."""
    REOPENING = "reopening"
    """The work order to reopen, created as soon as the conditions hold."""
    UNAUTHORISED_REOPENING = "unauthorised_reopening"
    """The customer reopened without leave (`aalborg 2.9`)."""
    EXTERNAL_COLLECTION = "external_collection"
    """Handed to an external collection partner."""
    EXTERNAL_RECALL = "external_recall"
    """Taken back from the external partner, with the reason (note)."""


class PlanState(StrEnum):
    NONE = "none"
    ACTIVE = "active"
    BREACHED = "breached"
    COMPLETED = "completed"


class SecurityState(StrEnum):
    NONE = "none"
    DEMANDED = "demanded"
    PROVIDED = "provided"


@dataclass(frozen=True, slots=True)
class TakenStep:
    kind: StepKind
    on: date
    fee: Money = NOTHING
    clause: str = ""
    deadline: date | None = None
    """A reminder's pay-by date; a notice's closing date; a security demand's deadline."""


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: int
    """The bill's open item: the root of the claim."""
    customer_id: int
    reference: str
    bill_date: date
    """Day 1 of the timeline (`vestervig 6.13`)."""
    due_date: date
    principal: Money
    """What is left of the bill."""
    fees: Money = NOTHING
    """Fees of this claim not yet paid: its steps' fees and the fee of a payment plan on it
    (a plan on several claims: carried by the first of them), so `owed` is everything that
    grew from the claim — what reopening on full payment needs (`vestervig 6.8`, `aalborg
    2.8`: "tillige med renter og gebyrer")."""
    interest: Money = NOTHING
    business: bool = False
    steps: tuple[TakenStep, ...] = ()
    disputed: bool = False
    plan: PlanState = PlanState.NONE
    plan_breached_on: date | None = None
    old_debt: bool = False
    """Debt from an earlier customer relationship, or already with external collection."""
    security: SecurityState = SecurityState.NONE
    frozen: bool = False
    """Before a reconstruction or bankruptcy cut-off (`aalborg 3.5`): no further steps."""
    compensation_charged: bool = False
    """The 310 kr. compensation (business customers) charged in this run of arrears."""
    has_supply: bool = True
    """The debtor gets heat from the utility now. For old debt that supply is another
    relationship's — the only one a closing may touch, after a security demanded for it was
    not met (`webinar`); never the old installation, which is someone else's now."""

    @property
    def owed(self) -> Money:
        return self.principal + self.fees + self.interest

    def taken(self, kind: StepKind) -> list[TakenStep]:
        return [s for s in self.steps if s.kind is kind]

    def last(self, kind: StepKind) -> TakenStep | None:
        found = self.taken(kind)
        return found[-1] if found else None

    @property
    def reminder_fees(self) -> list[TakenStep]:
        return [s for s in self.taken(StepKind.REMINDER) if s.fee.is_positive]

    @property
    def visit_pending(self) -> bool:
        """A closing visit is ordered and its result not yet reported."""
        visit = self.last(StepKind.CLOSING_VISIT)
        if visit is None:
            return False
        results = (StepKind.CLOSED, StepKind.CLOSING_AVOIDED)
        return not any(s.kind in results and s.on >= visit.on for s in self.steps)

    @property
    def closed(self) -> bool:
        """Closed and not reopened since."""
        closings = self.taken(StepKind.CLOSED)
        if not closings:
            return False
        reopened = [s for s in self.taken(StepKind.REOPENING) if s.on >= closings[-1].on]
        return not reopened

    def with_step(self, step: TakenStep) -> Claim:
        """The claim once `step` is taken (fees added to what is owed)."""
        return Claim(
            self.claim_id, self.customer_id, self.reference, self.bill_date, self.due_date,
            self.principal, self.fees + step.fee, self.interest, self.business,
            (*self.steps, step), self.disputed, self.plan, self.plan_breached_on,
            self.old_debt,
            SecurityState.DEMANDED if step.kind is StepKind.SECURITY_DEMAND else self.security,
            self.frozen, self.compensation_charged, self.has_supply,
        )  # fmt: skip
