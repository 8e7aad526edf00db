"""What happens to a claim besides its steps — a dispute raised or lifted, a plan agreed,
breached or completed, a security given, a cut-off — and the claim's state from them.

Events are kept in order and never edited; the state is their fold, so lifting a dispute lets
the claim resume exactly where it stood (its steps are untouched).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.collections.claim import PlanState, SecurityState


class EventKind(StrEnum):
    DISPUTED = "disputed"
    DISPUTE_LIFTED = "dispute_lifted"
    PLAN_AGREED = "plan_agreed"
    PLAN_BREACHED = "plan_breached"
    PLAN_COMPLETED = "plan_completed"
    SECURITY_PROVIDED = "security_provided"
    SECURITY_RELEASED = "security_released"
    FROZEN = "frozen"
    """A reconstruction or bankruptcy cut-off (`aalborg 3.5`)."""


@dataclass(frozen=True, slots=True)
class ClaimEvent:
    kind: EventKind
    on: date
    reason: str
    by: str


@dataclass(frozen=True, slots=True)
class EventState:
    disputed: bool = False
    dispute: ClaimEvent | None = None
    """The dispute in force: its reason, date and who recorded it."""
    plan: PlanState = PlanState.NONE
    plan_breached_on: date | None = None
    security: SecurityState = SecurityState.NONE
    frozen: bool = False


def fold(events: list[ClaimEvent]) -> EventState:
    disputed, dispute = False, None
    plan, breached = PlanState.NONE, None
    security, frozen = SecurityState.NONE, False
    for event in events:
        match event.kind:
            case EventKind.DISPUTED:
                disputed, dispute = True, event
            case EventKind.DISPUTE_LIFTED:
                disputed, dispute = False, None
            case EventKind.PLAN_AGREED:
                plan = PlanState.ACTIVE
            case EventKind.PLAN_BREACHED:
                plan, breached = PlanState.BREACHED, event.on
            case EventKind.PLAN_COMPLETED:
                plan = PlanState.COMPLETED
            case EventKind.SECURITY_PROVIDED:
                security = SecurityState.PROVIDED
            case EventKind.SECURITY_RELEASED:
                security = SecurityState.NONE
            case EventKind.FROZEN:
                frozen = True
    return EventState(disputed, dispute, plan, breached, security, frozen)
