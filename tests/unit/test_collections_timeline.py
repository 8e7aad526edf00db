"""The collections timeline per rulebook, and the law guard — pure, on the real bank calendar.

Worked examples: `vestervig 6.13` day 1 → 15 → 26 → 31 and reopening after payment; `aalborg`
two reminders of 100 kr., closing after the second with ≥ 5 working days' notice, reopening
only on payment or security; a breached plan straight to the collection notice; a disputed
claim frozen and resumed; old debt → security demanded → not given → notice → closing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import load_rulebook_preset, load_tariff_preset
from heatbill.domain.collections.claim import Claim, PlanState, SecurityState, StepKind, TakenStep
from heatbill.domain.collections.guard import (
    Proposed,
    compensation_refusals,
    plan_refusals,
    refusals,
)
from heatbill.domain.collections.timeline import Hold, NextStep, Rules, next_step, road_ahead
from heatbill.domain.money import Money

CALENDAR = danish_bank_calendar()
BILL = date(2026, 3, 2)  # day 1
KR = Money.kroner


def rules(name: str) -> Rules:
    sheet = load_tariff_preset(name)
    fees = {fee.kind: fee for fee in sheet.period_on(BILL).fees}
    return Rules(load_rulebook_preset(name), fees, CALENDAR)


VESTERVIG, AALBORG, SOLROD = rules("vestervig"), rules("aalborg"), rules("solrod")


def claim(**changes: object) -> Claim:
    base = Claim(
        claim_id=1,
        customer_id=7,
        reference="Regning 2026-0000001",
        bill_date=BILL,
        due_date=BILL + timedelta(days=13),  # a 14-day payment period: days 1–14
        principal=KR(1875),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def step(c: Claim, r: Rules) -> NextStep:
    found = next_step(c, r)
    assert isinstance(found, NextStep), found
    return found


def take(c: Claim, r: Rules, on: date | None = None) -> tuple[Claim, NextStep]:
    found = step(c, r)
    return c.with_step(found.taken_on(on or found.earliest, r)), found


def day(n: int) -> date:
    return BILL + timedelta(days=n - 1)


def test_vestervig_6_13_day_1_15_26_31_and_reopening_after_payment() -> None:
    c, reminder = take(claim(), VESTERVIG)
    assert (reminder.kind, reminder.earliest, reminder.number) == (StepKind.REMINDER, day(15), 1)
    assert (reminder.fee_amount, reminder.deadline) == (KR(100), day(25))  # ≥ 10 days to pay
    assert reminder.clause == "vestervig 6.13"
    c, notice = take(c, VESTERVIG)
    assert (notice.kind, notice.earliest, notice.fee_amount) == (
        StepKind.COLLECTION_NOTICE, day(26), KR(100)
    )  # fmt: skip
    assert notice.deadline == day(31)  # the closing date, 5 days' notice (6.6: 5–8 days)
    c, visit = take(c, VESTERVIG)
    assert (visit.kind, visit.earliest, visit.fee_amount) == (
        StepKind.CLOSING_VISIT, day(31), KR(375)
    )  # fmt: skip
    held = next_step(c, VESTERVIG)
    assert isinstance(held, Hold)
    assert "lukkebesøg er bestilt" in held.reason
    c = c.with_step(TakenStep(StepKind.CLOSED, day(31), KR(375), "vestervig 6.7"))
    handover = step(c, VESTERVIG)  # still unpaid 10 days after the closing: to the lawyer (6.6)
    assert (handover.kind, handover.earliest, handover.fee) == (
        StepKind.EXTERNAL_COLLECTION, day(42), None  # the notice bore the collection fee
    )  # fmt: skip
    c = c.with_step(handover.taken_on(handover.earliest, VESTERVIG))
    closed = next_step(c, VESTERVIG)
    assert isinstance(closed, Hold)
    assert closed.reason == (
        "lukket for varmen; genåbnes ved betaling af alt inkl. gebyrer og renter, "
        "sikkerhedsstillelse, aftale om betalingsordning"
    )
    paid = replace(c, principal=Money(0), fees=Money(0))
    reopening = step(paid, VESTERVIG)
    assert (reopening.kind, reopening.fee_amount, reopening.clause) == (
        StepKind.REOPENING, KR("468.75"), "vestervig 6.8"
    )  # fmt: skip


def test_a_reminder_waits_for_the_due_date_however_early_day_15_is() -> None:
    late_due = claim(due_date=date(2026, 4, 1))
    assert step(late_due, VESTERVIG).earliest == date(2026, 4, 2)


def test_aalborg_two_reminders_then_closing_with_5_working_days_notice() -> None:
    c, first = take(claim(), AALBORG)
    c, second = take(c, AALBORG)
    assert [(s.number, s.fee_amount) for s in (first, second)] == [(1, KR(100)), (2, KR(100))]
    assert first.deadline is not None
    assert second.earliest == first.deadline + timedelta(days=1)  # after the first's deadline
    assert second.clause == "aalborg 2.5"
    visit = step(c, AALBORG)
    assert visit.kind is StepKind.CLOSING_VISIT  # no collection notice in Aalborg (2.7)
    sent = c.last(StepKind.REMINDER)
    assert sent is not None
    assert sent.deadline is not None
    assert visit.earliest == max(
        sent.deadline + timedelta(days=1), CALENDAR.add_bank_days(sent.on, 5)
    )
    c = c.with_step(TakenStep(StepKind.CLOSED, visit.earliest, KR(375), "aalborg 2.7"))
    closed = next_step(replace(c, plan=PlanState.ACTIVE), AALBORG)
    assert isinstance(closed, Hold)  # a plan does not reopen in Aalborg (2.8)
    assert closed.reason.endswith("betaling af alt inkl. gebyrer og renter, sikkerhedsstillelse")
    secured = step(replace(c, security=SecurityState.PROVIDED), AALBORG)
    assert (secured.kind, secured.clause) == (StepKind.REOPENING, "aalborg 2.8")


def test_a_breached_plan_goes_straight_to_the_collection_notice_without_fees_for_reminders() -> (
    None
):
    c, _ = take(claim(), SOLROD)
    breached_on = date(2026, 5, 4)
    c = replace(c, plan=PlanState.BREACHED, plan_breached_on=breached_on)
    notice = step(c, SOLROD)
    assert (notice.kind, notice.earliest) == (StepKind.COLLECTION_NOTICE, breached_on)
    assert refusals(c, Proposed(StepKind.REMINDER, breached_on, KR(100))) == [
        "ingen ekstra rykkergebyrer efter en misligholdt betalingsordning (Højesteret)"
    ]
    assert plan_refusals(c, refused_after_breach=True, clause="solrod 6.8") == [
        "ingen ny betalingsordning efter en misligholdt ordning (solrod 6.8)"
    ]


def test_a_disputed_claim_is_frozen_and_resumes_where_it_stood() -> None:
    c, _ = take(claim(), VESTERVIG)
    disputed = replace(c, disputed=True)
    held = next_step(disputed, VESTERVIG)
    assert isinstance(held, Hold)
    assert held.reason.startswith("kravet er gjort indsigelse mod")
    assert refusals(disputed, Proposed(StepKind.COLLECTION_NOTICE, day(40), KR(100)))
    lifted = replace(disputed, disputed=False)
    resumed = step(lifted, VESTERVIG)
    assert (resumed.kind, resumed.earliest) == (StepKind.COLLECTION_NOTICE, day(26))


def test_old_debt_leads_to_closing_only_through_a_security_not_given() -> None:
    c, _ = take(claim(old_debt=True), VESTERVIG)
    # No collection notice: it announces closing, which old debt alone never allows.
    demand = step(c, VESTERVIG)
    assert (demand.kind, demand.clause) == (StepKind.SECURITY_DEMAND, "webinar")
    assert demand.earliest == day(31)
    assert refusals(c, Proposed(StepKind.CLOSING_VISIT, day(40))) == [
        "der må ikke lukkes for varmen alene på grund af gammel gæld (webinar); kræv "
        "sikkerhedsstillelse"
    ]
    c, demand = take(c, VESTERVIG)
    notice = step(c, VESTERVIG)
    assert notice.kind is StepKind.CLOSING_NOTICE
    assert demand.deadline is not None
    assert notice.earliest == demand.deadline + timedelta(days=1)
    c, notice = take(c, VESTERVIG)
    visit = step(c, VESTERVIG)
    assert visit.kind is StepKind.CLOSING_VISIT
    assert notice.deadline == visit.earliest
    assert refusals(c, Proposed(StepKind.CLOSING_VISIT, visit.earliest)) == []
    given_security = replace(c, security=SecurityState.PROVIDED)
    assert isinstance(next_step(given_security, VESTERVIG), Hold)


def test_old_debt_of_a_debtor_without_supply_from_us_never_leads_to_closing() -> None:
    """The only supply a closing for old debt may touch is the debtor's current one: the old
    installation is someone else's now. Without one there is nothing to close and no future
    supply to secure (`webinar`, `vestervig 6.10`)."""
    c, _ = take(claim(old_debt=True, has_supply=False), VESTERVIG)
    held = next_step(c, VESTERVIG)
    assert isinstance(held, Hold)
    assert held.clause == "webinar"
    assert "intet at lukke" in held.reason
    noticed = c.with_step(TakenStep(StepKind.SECURITY_DEMAND, day(31), KR(0), "webinar", day(41)))
    noticed = noticed.with_step(
        TakenStep(StepKind.CLOSING_NOTICE, day(42), KR(0), "vestervig 6.6", day(47))
    )
    assert "kunden får ikke varme fra os nu" in " ".join(
        refusals(noticed, Proposed(StepKind.CLOSING_VISIT, day(47)))
    )


def test_the_road_ahead_lists_what_comes_if_nothing_is_paid() -> None:
    ahead = road_ahead(claim(), VESTERVIG)
    assert [(s.kind, s.earliest) for s in ahead] == [
        (StepKind.REMINDER, day(15)),
        (StepKind.COLLECTION_NOTICE, day(26)),
        (StepKind.CLOSING_VISIT, day(31)),
    ]
    assert isinstance(next_step(claim(principal=Money(0)), VESTERVIG), Hold)


def test_the_law_guard_on_reminder_fees() -> None:
    c = claim()
    for n in range(3):
        c = c.with_step(
            TakenStep(StepKind.REMINDER, day(15 + 10 * n), KR(100), "x", day(25 + 10 * n))
        )
    assert refusals(c, Proposed(StepKind.REMINDER, day(60), KR(100))) == [
        "højst 3 rykkergebyrer for samme krav (renteloven § 9 b, stk. 1); dette ville være nr. 4"
    ]
    one = claim().with_step(TakenStep(StepKind.REMINDER, day(15), KR(100), "x", day(25)))
    assert refusals(one, Proposed(StepKind.REMINDER, day(24), KR(100))) == [
        "et gebyrbelagt rykkerbrev skal sendes mindst 10 dage efter det forrige (16-03-2026; "
        "renteloven § 9 b, stk. 1)"
    ]
    assert refusals(claim(), Proposed(StepKind.REMINDER, day(15), KR(150))) == [
        "rykkergebyret må højst være 100,00 kr. (renteloven § 9 b, stk. 1); fik 150,00 kr."
    ]
    assert refusals(one, Proposed(StepKind.REMINDER, day(24))) == []  # no fee: no limit


def test_the_310_kr_compensation_is_for_businesses_once_per_arrears() -> None:
    assert compensation_refusals(claim(), KR(310)) == [
        "kompensationen på 310,00 kr. må kun kræves af erhvervskunder, aldrig af forbrugere "
        "(renteloven § 9 a, stk. 3)"
    ]
    assert compensation_refusals(claim(business=True), KR(310)) == []
    assert compensation_refusals(claim(business=True, compensation_charged=True), KR(310))


@pytest.mark.parametrize("r", [VESTERVIG, AALBORG, SOLROD], ids=["vestervig", "aalborg", "solrod"])
@given(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=20))
def test_the_timeline_never_proposes_what_the_guard_refuses(
    r: Rules, due_after: int, late: int
) -> None:
    c = claim(due_date=BILL + timedelta(days=13 + due_after))
    for _ in range(8):
        found = next_step(c, r)
        if isinstance(found, Hold) or found.kind is StepKind.CLOSING_VISIT:
            break
        taken = found.taken_on(found.earliest + timedelta(days=late), r)
        assert refusals(c, Proposed(found.kind, taken.on, taken.fee)) == []
        assert taken.on > c.due_date
        c = c.with_step(taken)
    assert len(c.reminder_fees) <= 3


def test_a_closed_supply_stays_closed_while_the_plans_fee_is_unpaid() -> None:
    """Reopening on payment needs everything that grew from the claim paid (`vestervig 6.8`):
    the bill, its fees — a payment plan's fee among them — and its interest."""
    plan_fee = KR(100)
    closed = claim(principal=Money(0), fees=plan_fee).with_step(
        TakenStep(StepKind.CLOSED, day(40), Money(0), "vestervig 6.13")  # the visit's fee paid
    )
    held = next_step(closed, VESTERVIG)
    assert isinstance(held, Hold)
    assert held.clause == "vestervig 6.8"
    reopening = step(replace(closed, fees=Money(0)), VESTERVIG)
    assert (reopening.kind, reopening.clause) == (StepKind.REOPENING, "vestervig 6.8")
