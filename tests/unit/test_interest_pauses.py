"""When late interest pauses on an overdue claim — pure.

renteloven § 3, stk. 1: interest runs from the due date, and a dispute does not stop it; only
the creditor can waive it. The presets charge the disputed days once the dispute is lifted
(nothing lost when the claim stood, nothing put on a bill while it is contested). An agreed
payment plan replaces interest while it is kept: its total is fixed, its installments are the
agreed due dates; after a breach interest runs again from the day of the breach. A
reconstruction or bankruptcy cut-off ends it: the estate's statement carries the interest up
to the cut-off date (`aalborg 3.5`).
"""

from __future__ import annotations

from datetime import date

import pytest

from heatbill.adapters.rulebook_files import load_rulebook_preset
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.collections.interest_pauses import PauseKind, interest_pauses
from heatbill.domain.rulebook.billing import DuringPlan, WhileDisputed

DUE = date(2025, 11, 3)
UNTIL = date(2026, 1, 1)


def event(kind: EventKind, on: date) -> ClaimEvent:
    return ClaimEvent(kind, on, "grund", "kbh")


DISPUTE = [event(EventKind.DISPUTED, date(2025, 11, 10)),
           event(EventKind.DISPUTE_LIFTED, date(2025, 12, 1))]  # fmt: skip


def chargeable(
    events: list[ClaimEvent],
    disputed: WhileDisputed = WhileDisputed.DEFERRED,
    plan: DuringPlan = DuringPlan.REPLACED,
) -> list[tuple[date, date]] | None:
    """The stretches charged from the due date to UNTIL; None: nothing may be charged now."""
    pauses = interest_pauses(events, while_disputed=disputed, during_plan=plan)
    return None if pauses.deferred else pauses.chargeable(DUE, UNTIL)


@pytest.mark.parametrize("name", ["vestervig", "solrod", "aalborg", "4rater"])
def test_every_preset_defers_disputed_interest_and_lets_a_plan_replace_it(name: str) -> None:
    interest = load_rulebook_preset(name).interest
    assert interest.while_disputed.value is WhileDisputed.DEFERRED
    assert interest.during_plan.value is DuringPlan.REPLACED
    assert str(interest.while_disputed.clause) == "renteloven § 3, stk. 1"
    assert str(interest.during_plan.clause) == "renteloven § 3, stk. 1"


def test_without_events_interest_runs_from_the_due_date() -> None:
    assert chargeable([]) == [(DUE, UNTIL)]


def test_a_dispute_does_not_stop_interest_where_the_rulebook_lets_it_accrue() -> None:
    assert chargeable(DISPUTE[:1], WhileDisputed.ACCRUES) == [(DUE, UNTIL)]
    assert chargeable(DISPUTE, WhileDisputed.ACCRUES) == [(DUE, UNTIL)]


def test_deferred_nothing_is_charged_while_disputed_and_every_day_once_lifted() -> None:
    assert chargeable(DISPUTE[:1]) is None
    assert chargeable(DISPUTE) == [(DUE, UNTIL)]


def test_waived_the_disputed_days_are_never_charged() -> None:
    assert chargeable(DISPUTE[:1], WhileDisputed.WAIVED) == [(DUE, date(2025, 11, 10))]
    assert chargeable(DISPUTE, WhileDisputed.WAIVED) == [
        (DUE, date(2025, 11, 10)),
        (date(2025, 12, 1), UNTIL),
    ]


def test_a_running_plan_replaces_interest_from_the_day_it_was_agreed() -> None:
    agreed = [event(EventKind.PLAN_AGREED, date(2025, 11, 10))]
    assert chargeable(agreed) == [(DUE, date(2025, 11, 10))]
    pauses = interest_pauses(
        agreed, while_disputed=WhileDisputed.DEFERRED, during_plan=DuringPlan.REPLACED
    )
    assert pauses.paused_on(date(2025, 12, 24)) is PauseKind.PLAN


def test_after_a_breach_interest_runs_again_from_the_day_of_the_breach() -> None:
    breached = [event(EventKind.PLAN_AGREED, date(2025, 11, 10)),
                event(EventKind.PLAN_BREACHED, date(2025, 12, 2))]  # fmt: skip
    assert chargeable(breached) == [(DUE, date(2025, 11, 10)), (date(2025, 12, 2), UNTIL)]


def test_where_the_rulebook_says_so_interest_runs_through_a_plan() -> None:
    agreed = [event(EventKind.PLAN_AGREED, date(2025, 11, 10))]
    assert chargeable(agreed, plan=DuringPlan.ACCRUES) == [(DUE, UNTIL)]


def test_no_interest_after_a_reconstruction_or_bankruptcy_cut_off() -> None:
    frozen = [event(EventKind.FROZEN, date(2025, 12, 15))]
    assert chargeable(frozen) == [(DUE, date(2025, 12, 15))]
    assert chargeable(frozen, WhileDisputed.ACCRUES, DuringPlan.ACCRUES) == [
        (DUE, date(2025, 12, 15))
    ]
