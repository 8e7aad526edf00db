"""When an overdue claim is not charged late interest, and for which days — pure.

Interest runs from the due date (renteloven § 3, stk. 1) on what is left of the bill, whatever
happens in collection, except where the law, the claim's own history or the rulebook say
otherwise:

- a dispute (`EventKind.DISPUTED`): the law lets interest run, a dispute does not stop it; only
  the creditor can waive it. The rulebook chooses (`interest.while_disputed`): charged as usual
  (accrues); charged once the dispute is lifted — the disputed days then in one posting,
  nothing lost when the claim stood (deferred); or the disputed days waived (waived);
- an agreed payment plan (`EventKind.PLAN_AGREED`): the installments are the agreed due dates
  and the plan's total, interest to the grant day included, is fixed (`vestervig 6.5`,
  `aalborg 3.3` "henstand eller afdragsordninger"); where the rulebook says the plan replaces
  interest (`interest.during_plan`), none runs from the grant until the plan is breached
  (interest again from the day of the breach) or completed;
- a reconstruction or bankruptcy cut-off (`EventKind.FROZEN`, `aalborg 3.5`): the claim is
  stated to the estate with its interest up to the cut-off date; none is charged after it
  (interest after the decree is a claim on the estate, not on the customer's account).

Pauses are half-open `[start, until)`; `until` None: still in force.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.rulebook.billing import DuringPlan, WhileDisputed


class PauseKind(StrEnum):
    DISPUTE = "dispute"
    PLAN = "plan"
    CUT_OFF = "cut_off"


@dataclass(frozen=True, slots=True)
class Pause:
    kind: PauseKind
    start: date
    until: date | None


@dataclass(frozen=True, slots=True)
class InterestPauses:
    pauses: tuple[Pause, ...] = ()
    deferred: bool = False
    """Disputed now, and the rulebook defers the interest: charge nothing until it is lifted."""

    def chargeable(self, start: date, until: date) -> list[tuple[date, date]]:
        """The stretches of `[start, until)` outside every pause, in order."""
        stretches = [(start, until)] if start < until else []
        for pause in self.pauses:
            stretches = [part for s in stretches for part in _without(s, pause)]
        return stretches

    def paused_on(self, day: date) -> PauseKind | None:
        return next((p.kind for p in self.pauses if _covers(p, day)), None)


def interest_pauses(
    events: Sequence[ClaimEvent], *, while_disputed: WhileDisputed, during_plan: DuringPlan
) -> InterestPauses:
    """The pauses of a claim from its events (in the order they were recorded)."""
    pauses: list[Pause] = []
    disputed: date | None = None
    planned: date | None = None
    for event in events:
        match event.kind:
            case EventKind.DISPUTED:
                disputed = event.on if disputed is None else disputed
            case EventKind.DISPUTE_LIFTED if disputed is not None:
                if while_disputed is WhileDisputed.WAIVED:
                    pauses.append(Pause(PauseKind.DISPUTE, disputed, event.on))
                disputed = None
            case EventKind.PLAN_AGREED:
                planned = event.on if planned is None else planned
            case EventKind.PLAN_BREACHED | EventKind.PLAN_COMPLETED if planned is not None:
                if during_plan is DuringPlan.REPLACED:
                    pauses.append(Pause(PauseKind.PLAN, planned, event.on))
                planned = None
            case EventKind.FROZEN:
                pauses.append(Pause(PauseKind.CUT_OFF, event.on, None))
            case _:
                pass
    if disputed is not None and while_disputed is WhileDisputed.WAIVED:
        pauses.append(Pause(PauseKind.DISPUTE, disputed, None))
    if planned is not None and during_plan is DuringPlan.REPLACED:
        pauses.append(Pause(PauseKind.PLAN, planned, None))
    deferred = disputed is not None and while_disputed is WhileDisputed.DEFERRED
    return InterestPauses(tuple(pauses), deferred)


def _covers(pause: Pause, day: date) -> bool:
    return pause.start <= day and (pause.until is None or day < pause.until)


def _without(stretch: tuple[date, date], pause: Pause) -> list[tuple[date, date]]:
    start, until = stretch
    pause_end = pause.until or date.max
    if pause_end <= start or pause.start >= until:
        return [stretch]
    kept = []
    if start < pause.start:
        kept.append((start, pause.start))
    if pause_end < until:
        kept.append((pause_end, until))
    return kept
