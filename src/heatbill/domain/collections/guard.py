"""The law guard: refuses, with the reason, what Danish law or binding guidance forbids —
whatever a rulebook, a run or a member of staff asks for.

- renteloven § 9 b, stk. 1: at most 100 kr. per reminder, at most 3 fee-bearing reminders for
  the same claim, each at least 10 days after the previous one;
- a disputed claim gets no fee and no escalation until the dispute is resolved (Dansk
  Fjernvarme, Feb 2026);
- no extra reminder fees after a breached payment plan (Højesteret), and no new plan after a
  breached one where the rulebook says so (`vestervig 6.8`);
- no closing for old debt alone (`webinar`): only a security demanded and not provided, after
  written notice, opens that road — and it closes the debtor's current supply, never the old
  installation; without a current supply there is nothing to close;
- renteloven § 9 a, stk. 3: the 310 kr. compensation from business customers only, once per
  continuous arrears;
- renteloven § 9 b, stk. 3: the collection fee at most 100 kr., once per claim
  (`external.hand_over_refusals`).

The timeline (`timeline.next_step`) never proposes a step the guard refuses; the applicator
asks the guard again before it posts anything, and staff's manual steps go through it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.domain.collections.claim import NOTHING, Claim, PlanState, SecurityState, StepKind
from heatbill.domain.collections.external import hand_over_refusals
from heatbill.domain.money import Money
from heatbill.domain.rulebook.law import (
    BUSINESS_COMPENSATION_MAX,
    NO_CLOSING_FOR_OLD_DEBT,
    REMINDER_FEE_MAX,
    REMINDER_FEE_MIN_DAYS_APART,
    REMINDER_FEES_MAX_COUNT,
)
from heatbill.wording import say

DISPUTE_CLAUSE = "Dansk Fjernvarme, februar 2026"
ESCALATIONS = frozenset(
    {
        StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE,
        StepKind.SECURITY_DEMAND,
        StepKind.CLOSING_NOTICE,
        StepKind.CLOSING_VISIT,
        StepKind.CLOSED,
        StepKind.EXTERNAL_COLLECTION,
    }
)


@dataclass(frozen=True, slots=True)
class Proposed:
    """A step someone wants to take on a claim: its kind, day and fee (incl. VAT)."""

    kind: StepKind
    on: date
    fee: Money = NOTHING


def refusals(claim: Claim, step: Proposed) -> list[str]:
    """Why `step` may not be taken (Danish), empty when the law allows it."""
    found: list[str] = []
    if claim.disputed and (step.kind in ESCALATIONS or step.fee.is_positive):
        found.append(say("collections.guard.disputed", clause=DISPUTE_CLAUSE))
    if step.kind is StepKind.REMINDER and step.fee.is_positive:
        found += _reminder_fee(claim, step)
    if step.kind is StepKind.EXTERNAL_COLLECTION:  # once, and the collection fee once
        found += hand_over_refusals(claim, step.fee)
    if step.kind in (StepKind.CLOSING_VISIT, StepKind.CLOSED) and claim.old_debt:
        demanded = claim.last(StepKind.SECURITY_DEMAND)
        noticed = claim.last(StepKind.CLOSING_NOTICE)
        unmet = (
            demanded is not None
            and claim.security is not SecurityState.PROVIDED
            and step.on > (demanded.deadline or demanded.on)
            and noticed is not None
            and step.on >= (noticed.deadline or noticed.on)
        )
        if not unmet:
            found.append(
                say("collections.guard.old_debt", clause=str(NO_CLOSING_FOR_OLD_DEBT.clause))
            )
        if not claim.has_supply:
            found.append(
                say("collections.guard.no_supply", clause=str(NO_CLOSING_FOR_OLD_DEBT.clause))
            )
    return found


def plan_refusals(claim: Claim, *, refused_after_breach: bool, clause: str) -> list[str]:
    """A payment plan for a claim whose earlier plan was breached (`vestervig 6.8`)."""
    if claim.plan is PlanState.BREACHED and refused_after_breach:
        return [say("collections.guard.plan_after_breach", clause=clause)]
    return []


def compensation_refusals(claim: Claim, amount: Money) -> list[str]:
    """The 310 kr. compensation (renteloven § 9 a, stk. 3)."""
    limit = BUSINESS_COMPENSATION_MAX
    clause, cap = str(limit.clause), limit.value
    if not claim.business:
        return [
            say("collections.guard.compensation_consumer", amount=cap.format_da(), clause=clause)
        ]
    if claim.compensation_charged:
        return [say("collections.guard.compensation_twice", amount=cap.format_da(), clause=clause)]
    if amount > cap:
        return [say("collections.guard.compensation_too_high", max=cap.format_da(), clause=clause)]
    return []


def _reminder_fee(claim: Claim, step: Proposed) -> list[str]:
    found = []
    clause = str(REMINDER_FEE_MAX.clause)
    fees = claim.reminder_fees
    if len(fees) >= REMINDER_FEES_MAX_COUNT.value:
        found.append(say("collections.guard.fourth_fee", max=REMINDER_FEES_MAX_COUNT.value,
                         clause=clause, number=len(fees) + 1))  # fmt: skip
    apart = timedelta(days=REMINDER_FEE_MIN_DAYS_APART.value)
    if fees and step.on < fees[-1].on + apart:
        found.append(say("collections.guard.too_soon", days=apart.days,
                         previous=f"{fees[-1].on:%d-%m-%Y}", clause=clause))  # fmt: skip
    if step.fee > REMINDER_FEE_MAX.value:
        found.append(say("collections.guard.fee_too_high", max=REMINDER_FEE_MAX.value.format_da(),
                         clause=clause, fee=step.fee.format_da()))  # fmt: skip
    if claim.plan is PlanState.BREACHED:
        found.append(say("collections.guard.fee_after_breach"))
    return found
