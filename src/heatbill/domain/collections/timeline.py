"""The rulebook's timeline for a claim: what may happen next, when at the earliest, what it
costs, and the clause that allows it (`next_step`); and the whole road ahead if nothing is paid
(`road_ahead`, the case page's "what happens next").

The standard timeline (`vestervig 6.13`, counted from the bill date as day 1): reminder from
day 15 with at least 10 days to pay; collection notice from day 26 stating the closing date;
the closing visit from day 31 and not before the notice's closing date. Each rulebook sets its
own days, counts and fees: `aalborg` sends two reminders and no collection notice, closing
after the second reminder with at least 5 working days' notice (`aalborg 2.7`).

What holds a claim: it is paid; it is disputed (no fee, no escalation until the dispute is
lifted, then it resumes where it stood); the bill itself is paid and only fees or interest
are left (they follow on the next bill, `vestervig 6.4`, and are not escalated to closing);
a payment plan is running; it is frozen by a
reconstruction or bankruptcy cut-off (`aalborg 3.5`); a closing visit is ordered and not yet
reported. A breached plan goes straight to the collection notice (`vestervig 6.6`). Old debt
alone never leads to closing (`webinar`), nor to a letter announcing it (no collection notice):
after the reminders the road is a security demand that is not met, then written notice of
closing, then closing of the debtor's current supply — none when they have no supply of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.domain.calendar import BankCalendar
from heatbill.domain.collections.claim import Claim, PlanState, SecurityState, StepKind, TakenStep
from heatbill.domain.collections.external import collection_fee_borne, with_agency
from heatbill.domain.money import Money
from heatbill.domain.rulebook import Rulebook
from heatbill.domain.rulebook.closing import NoticeDays
from heatbill.domain.rulebook.external import HandOverAfter
from heatbill.domain.tariff.fees import Fee, FeeKind, VatScope
from heatbill.wording import say

ONE_DAY = timedelta(days=1)
WEBINAR = "webinar"


@dataclass(frozen=True, slots=True)
class Rules:
    """What the timeline reads: the rulebook, the fees in force, the bank calendar."""

    rulebook: Rulebook
    fees: dict[FeeKind, Fee]
    calendar: BankCalendar


@dataclass(frozen=True, slots=True)
class NextStep:
    kind: StepKind
    earliest: date
    clause: str
    fee: Fee | None = None
    """The fee this step charges (None: none), with its VAT scope and clause."""
    deadline: date | None = None
    """The date the step sets: pay-by for a reminder, the closing date for a notice."""
    number: int = 0
    """The reminder's number (1, 2, …)."""

    @property
    def fee_amount(self) -> Money:
        return Money(0) if self.fee is None else self.fee.amount_incl_vat

    def taken_on(self, day: date, rules: Rules) -> TakenStep:
        """The step as taken on `day` (not before `earliest`): deadlines count from `day`."""
        on = max(day, self.earliest)
        deadline = _deadline(self.kind, on, rules) if self.deadline is not None else None
        return TakenStep(self.kind, on, self.fee_amount, self.clause, deadline)


@dataclass(frozen=True, slots=True)
class Hold:
    """Nothing may happen now, and why (Danish), with the clause."""

    reason: str
    clause: str | None = None


def next_step(claim: Claim, rules: Rules) -> NextStep | Hold:
    if claim.closed and not claim.frozen:
        reopening = _reopening(claim, rules)
        if isinstance(reopening, Hold) and _held(claim, rules) is None:
            return _hand_over(claim, rules) or reopening  # still unpaid after the closing
        return reopening
    return _held(claim, rules) or _escalation(claim, rules)


def _escalation(claim: Claim, rules: Rules) -> NextStep | Hold:
    """The next step up the ladder: reminders, the collection notice, closing."""
    book = rules.rulebook
    aside = _external(claim, rules) or _old_debt_ladder(claim, rules)
    if aside is not None:
        return aside
    if claim.plan is PlanState.BREACHED and book.payment_plans.breach_goes_to_collection.value:
        breached = claim.plan_breached_on or claim.due_date
        if book.collection_notice.used.value and not _taken_since(
            claim, StepKind.COLLECTION_NOTICE, breached
        ):
            return _collection_notice(claim, rules, earliest=breached)
        return _closing(claim, rules)
    reminders = claim.taken(StepKind.REMINDER)
    if len(reminders) < book.reminders.count.value:
        return _reminder(claim, rules, len(reminders) + 1)
    if book.collection_notice.used.value and not claim.taken(StepKind.COLLECTION_NOTICE):
        return _collection_notice(claim, rules)
    return _closing(claim, rules)


def _old_debt_ladder(claim: Claim, rules: Rules) -> NextStep | Hold | None:
    """Old debt: the reminders, then no collection notice — it announces closing, which old
    debt alone never allows (`webinar`) — but the security demand's road (`_old_debt`).
    None: not old debt, or the rulebook lets it close like any claim."""
    if not _old_debt_road(claim, rules):
        return None
    reminders = claim.taken(StepKind.REMINDER)
    if (
        len(reminders) < rules.rulebook.reminders.count.value
        and claim.plan is not PlanState.BREACHED
    ):
        return _reminder(claim, rules, len(reminders) + 1)
    return _closing(claim, rules)


def _held(claim: Claim, rules: Rules) -> Hold | None:
    book = rules.rulebook
    visit = claim.last(StepKind.CLOSING_VISIT)
    checks = (
        (claim.frozen, "collections.hold.frozen", "aalborg 3.5"),
        (not claim.owed.is_positive, "collections.hold.paid", None),
        (not claim.principal.is_positive, "collections.hold.principal_paid",
         str(book.interest.on_next_bill.clause)),
        (claim.disputed, "collections.hold.disputed", "renteloven § 9 b"),
        (claim.plan is PlanState.ACTIVE, "collections.hold.plan",
         str(book.payment_plans.max_months.clause)),
        (claim.visit_pending, "collections.hold.visit", str(book.closing.earliest_day.clause)),
    )  # fmt: skip
    for applies, key, clause in checks:
        if applies:
            day = "" if visit is None else _dk(visit.on)
            return Hold(say(key, day=day), clause)
    return None


def road_ahead(claim: Claim, rules: Rules, *, limit: int = 8) -> list[NextStep]:
    """The steps to come if nothing is paid, each at its earliest date (the case page)."""
    ahead: list[NextStep] = []
    for _ in range(limit):
        step = next_step(claim, rules)
        if isinstance(step, Hold) or step.kind in (StepKind.CLOSING_VISIT, StepKind.REOPENING):
            if isinstance(step, NextStep):
                ahead.append(step)
            break
        ahead.append(step)
        claim = claim.with_step(step.taken_on(step.earliest, rules))
    return ahead


# --- the steps ------------------------------------------------------------------------------


def _reminder(claim: Claim, rules: Rules, number: int) -> NextStep:
    r = rules.rulebook.reminders
    earliest = max(_day(claim, r.earliest_day.value), claim.due_date + ONE_DAY)
    previous = claim.last(StepKind.REMINDER)
    if previous is not None:
        earliest = max(earliest, (previous.deadline or previous.on) + ONE_DAY)
    fee = None
    fees_so_far = claim.reminder_fees
    if (
        r.fee_bearing.value
        and len(fees_so_far) < r.fee_bearing_max.value
        and claim.plan is not PlanState.BREACHED
    ):
        fee = _fee(rules, FeeKind.REMINDER, rules.rulebook.fee_caps.reminder_fee_max.value)
        if fee is not None and fees_so_far:
            earliest = max(
                earliest, fees_so_far[-1].on + timedelta(days=r.min_days_between_fees.value)
            )
    clause = str(r.count.clause if number > 1 else r.earliest_day.clause)
    return NextStep(
        StepKind.REMINDER,
        earliest,
        clause,
        fee,
        earliest + timedelta(days=r.days_to_pay.value),
        number,
    )


def _collection_notice(claim: Claim, rules: Rules, *, earliest: date | None = None) -> NextStep:
    notice = rules.rulebook.collection_notice
    assert notice.earliest_day is not None  # given exactly when `used` (the rulebook checks)
    start = earliest or max(_day(claim, notice.earliest_day.value), claim.due_date + ONE_DAY)
    last = claim.last(StepKind.REMINDER)
    if earliest is None and last is not None:
        start = max(start, (last.deadline or last.on) + ONE_DAY)
    fee = (
        _fee(rules, FeeKind.COLLECTION_NOTICE)
        if notice.fee_bearing and notice.fee_bearing.value
        else None
    )
    return NextStep(
        StepKind.COLLECTION_NOTICE,
        start,
        str(notice.used.clause),
        fee,
        _deadline(StepKind.COLLECTION_NOTICE, start, rules),
    )


def _old_debt_road(claim: Claim, rules: Rules) -> bool:
    """Old debt (an earlier relationship's, or with the external partner) where the rulebook
    does not allow closing for it alone (`webinar`)."""
    old_debt = claim.old_debt or with_agency(claim)
    return old_debt and not rules.rulebook.closing.for_old_debt_alone.value


def _closing(claim: Claim, rules: Rules) -> NextStep | Hold:
    book = rules.rulebook
    closing = book.closing
    if _old_debt_road(claim, rules):
        return _old_debt(claim, rules)
    if claim.security is SecurityState.PROVIDED:  # closing avoided by a security (6.6, 6.7)
        return Hold(say("collections.hold.secured"), str(book.securities.forms.clause))
    earliest = max(_day(claim, closing.earliest_day.value), claim.due_date + ONE_DAY)
    notice = claim.last(StepKind.COLLECTION_NOTICE) or claim.last(StepKind.CLOSING_NOTICE)
    if notice is not None:
        earliest = max(earliest, notice.deadline or notice.on)
    else:
        last = claim.last(StepKind.REMINDER)
        if last is not None:  # the last reminder announced the closing (`aalborg 2.7`)
            earliest = max(
                earliest, (last.deadline or last.on) + ONE_DAY, _notice_end(last.on, rules)
            )
    fee = _fee(rules, FeeKind.CLOSING_VISIT) if closing.fee_bearing.value else None
    return NextStep(StepKind.CLOSING_VISIT, earliest, str(closing.earliest_day.clause), fee)


def _old_debt(claim: Claim, rules: Rules) -> NextStep | Hold:
    """Old debt alone is no ground for closing; a demanded security that is not provided is,
    after written notice (`webinar`, `aalborg 3.4`)."""
    securities = rules.rulebook.securities
    if not securities.closing_if_not_provided.value:
        return Hold(say("collections.hold.old_debt"), WEBINAR)
    if not claim.has_supply:  # nothing of theirs to close, no future supply to secure
        return Hold(say("collections.hold.old_debt_no_supply"), WEBINAR)
    if claim.security is SecurityState.PROVIDED:
        return Hold(say("collections.hold.secured"), str(securities.forms.clause))
    demand = claim.last(StepKind.SECURITY_DEMAND)
    if demand is None:
        earliest = max(
            _day(claim, rules.rulebook.closing.earliest_day.value), claim.due_date + ONE_DAY
        )
        reminder = claim.last(StepKind.REMINDER)  # its days to pay run out first
        if reminder is not None:
            earliest = max(earliest, (reminder.deadline or reminder.on) + ONE_DAY)
        clause = str(securities.closing_if_not_provided.clause)
        deadline = _deadline(StepKind.SECURITY_DEMAND, earliest, rules)
        return NextStep(StepKind.SECURITY_DEMAND, earliest, clause, deadline=deadline)
    notice = claim.last(StepKind.CLOSING_NOTICE)
    if notice is None:
        start = (demand.deadline or demand.on) + ONE_DAY
        clause = str(securities.written_notice_before_closing.clause)
        deadline = _deadline(StepKind.CLOSING_NOTICE, start, rules)
        return NextStep(StepKind.CLOSING_NOTICE, start, clause, deadline=deadline)
    closing = rules.rulebook.closing
    fee = _fee(rules, FeeKind.CLOSING_VISIT) if closing.fee_bearing.value else None
    return NextStep(StepKind.CLOSING_VISIT, notice.deadline or notice.on, WEBINAR, fee)


def _reopening(claim: Claim, rules: Rules) -> NextStep | Hold:
    r = rules.rulebook.reopening
    closed = claim.last(StepKind.CLOSED)
    assert closed is not None
    fee = _fee(rules, FeeKind.REOPENING) if r.fee_bearing.value else None
    if not claim.owed.is_positive and r.on_full_payment.value:
        return NextStep(StepKind.REOPENING, closed.on, str(r.on_full_payment.clause), fee)
    if claim.security is SecurityState.PROVIDED and r.on_security.value:
        return NextStep(StepKind.REOPENING, closed.on, str(r.on_security.clause), fee)
    after_breach = claim.plan_breached_on is not None and claim.plan_breached_on <= closed.on
    plan_allowed = r.on_payment_plan.value and not (
        after_breach and r.plan_refused_after_breach.value
    )
    if claim.plan is PlanState.ACTIVE and plan_allowed:
        return NextStep(StepKind.REOPENING, closed.on, str(r.on_payment_plan.clause), fee)
    ways = [say("collections.reopen.payment")]
    if r.on_security.value:
        ways.append(say("collections.reopen.security"))
    if plan_allowed:
        ways.append(say("collections.reopen.plan"))
    return Hold(say("collections.hold.closed", ways=", ".join(ways)), str(r.on_full_payment.clause))


# --- external collection (issue 6, item 7) --------------------------------------------------


def _external(claim: Claim, rules: Rules) -> NextStep | Hold | None:
    """With the partner, no reminders or notices of ours: only the road to closing for old
    debt; otherwise the hand-over once it is due; None: the ladder as usual."""
    if with_agency(claim):
        return _closing(claim, rules)
    return _hand_over(claim, rules)


def _hand_over(claim: Claim, rules: Rules) -> NextStep | None:
    """The hand-over to the external partner once the rulebook's step (`external_collection.
    after`) is past, unpaid; once per claim (staff may hand over again after a recall)."""
    external = rules.rulebook.external_collection
    handed = claim.taken(StepKind.EXTERNAL_COLLECTION)
    if not external.used.value or external.after is None or handed:
        return None
    after = external.after.value
    trigger: TakenStep | None = None
    if after is HandOverAfter.REMINDER and external.after_reminder is not None:
        reminders = claim.taken(StepKind.REMINDER)
        number = external.after_reminder.value
        trigger = reminders[number - 1] if len(reminders) >= number else None
    elif after is HandOverAfter.COLLECTION_NOTICE:
        trigger = claim.last(StepKind.COLLECTION_NOTICE)
    elif claim.closed:
        trigger = claim.last(StepKind.CLOSED)
    if trigger is None:
        return None
    wait = timedelta(days=external.wait_days.value if external.wait_days else 0)
    earliest = (trigger.deadline or trigger.on) + ONE_DAY + wait
    return NextStep(StepKind.EXTERNAL_COLLECTION, earliest, str(external.used.clause),
                    collection_fee(claim, rules))  # fmt: skip


def collection_fee(claim: Claim, rules: Rules) -> Fee | None:
    """The collection fee at the hand-over (renteloven § 9 b, stk. 3): the tariff sheet's
    collection fee, else the law's 100 kr., within the rulebook's cap; none when the rulebook
    charges none or the claim already bears it."""
    external, cap = rules.rulebook.external_collection, rules.rulebook.fee_caps.collection_fee_max
    if external.collection_fee is None or not external.collection_fee.value:
        return None
    if collection_fee_borne(claim):
        return None
    law = Fee(FeeKind.COLLECTION_NOTICE, cap.value, VatScope.OUTSIDE, cap.clause, cap.basis)
    return _fee(rules, FeeKind.COLLECTION_NOTICE, cap.value) or law


# --- dates and fees -------------------------------------------------------------------------


def _day(claim: Claim, n: int) -> date:
    """Day `n` of the timeline: the bill date is day 1."""
    return claim.bill_date + timedelta(days=n - 1)


def _notice_end(sent: date, rules: Rules) -> date:
    closing = rules.rulebook.closing
    days = closing.notice_days_min.value
    if closing.notice_day_kind.value is NoticeDays.WORKING:
        return rules.calendar.add_bank_days(sent, days)
    return sent + timedelta(days=days)


def _deadline(kind: StepKind, on: date, rules: Rules) -> date:
    if kind is StepKind.REMINDER:
        return on + timedelta(days=rules.rulebook.reminders.days_to_pay.value)
    if kind is StepKind.SECURITY_DEMAND:
        return on + timedelta(days=rules.rulebook.reminders.days_to_pay.value)
    return _notice_end(on, rules)


def _fee(rules: Rules, kind: FeeKind, cap: Money | None = None) -> Fee | None:
    fee = rules.fees.get(kind)
    if fee is None:
        return None
    if cap is not None and fee.amount_incl_vat > cap:
        return Fee(fee.kind, cap, fee.vat, fee.clause, fee.basis)
    return fee


def _taken_since(claim: Claim, kind: StepKind, since: date) -> bool:
    return any(s.on >= since for s in claim.taken(kind))


def _dk(day: date) -> str:
    return f"{day:%d-%m-%Y}"
