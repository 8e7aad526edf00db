"""Running payment plans checked against the day's payments, at the start of the daily
collections pass: a plan whose installment (or, where the rulebook says so, a new bill) was
not paid by its due date is breached — its claims go straight to the collection notice
(`vestervig 6.6`) and get no new plan (`6.8`); a plan whose items are all paid is completed.

Written in the pass's transaction, so a dry run sees the same breaches and books none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.plan_repository import OutcomeRow, PlanRow, SqlPlans
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.collections.plan_watch import PlanOutcome, PlanVerdict, verdict
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

RUN_BY = "kørsel"
EVENTS = {
    PlanOutcome.BREACHED: EventKind.PLAN_BREACHED,
    PlanOutcome.COMPLETED: EventKind.PLAN_COMPLETED,
}


@dataclass
class PlanChecks:
    breached: list[tuple[int, PlanVerdict]] = field(default_factory=list)
    completed: list[tuple[int, PlanVerdict]] = field(default_factory=list)


def plans_of(uow: UnitOfWork, utility_id: int) -> SqlPlans:
    return SqlPlans(uow.connection, utility_id, uow.ids(utility_id))


def check_plans(utility_id: int, on: date, uow: UnitOfWork, clock: Clock) -> PlanChecks:
    """Record the outcome of every running plan that ended by `on`; not committed."""
    repo = plans_of(uow, utility_id)
    running = repo.plans(running_only=True)
    checks = PlanChecks()
    if not running:
        return checks
    alongside = rulebook_of(uow, utility_id, on).payment_plans.current_bills_paid_alongside.value
    watched = repo.watched_items(running)
    ended: list[tuple[PlanRow, PlanVerdict]] = []
    for plan in running:
        found = verdict(
            plan.installments, plan.total, watched[plan.plan_id], on, bills_alongside=alongside
        )
        if found is None:
            continue
        ended.append((plan, found))
        into = checks.breached if found.outcome is PlanOutcome.BREACHED else checks.completed
        into.append((plan.plan_id, found))
    now = clock.now()
    repo.add_outcomes(
        [(p.plan_id, OutcomeRow(v.outcome, v.on, v.reason, RUN_BY)) for p, v in ended], now
    )
    claims = uow.claims(utility_id)
    for plan, found in ended:
        reason = say("plans.event.outcome", plan=plan.plan_id, reason=found.reason)
        for claim_id in plan.claim_ids:
            claims.add_event(
                claim_id, ClaimEvent(EVENTS[found.outcome], found.on, reason, RUN_BY), now
            )
    return checks
