"""Payment plans (betalingsordning / afdragsordning): what a plan may cover, its terms and fee,
and its schedule of monthly installments.

A plan covers one or more claims of one customer with everything they owe — the bill, its
fees and its late interest — plus the plan's own fee (`vestervig 6.12`, VAT-exempt by
DANISH-RULES "VAT on fees"), paid off in monthly installments: normally over at most 3
months, with new bills paid on time alongside (`vestervig 6.5`, `solrod 6.5`). Some utilities
grant plans only in special cases, e.g. an unusually large back-bill (`aalborg 3.3`); none
after a breached plan where the rulebook says so (`vestervig 6.6`, `6.8`).

The installments are equal to the øre: they sum exactly to the plan's total and differ by at
most 1 øre (the first ones carry the øre left over); each falls on a bank day, the start date
and then the same day of each following month, rolled forward to the next bank day.
"""

from __future__ import annotations

import calendar as months_calendar
from dataclasses import dataclass
from datetime import date

from heatbill.domain.calendar import BankCalendar
from heatbill.domain.collections.claim import Claim, PlanState
from heatbill.domain.collections.guard import plan_refusals
from heatbill.domain.collections.timeline import Rules
from heatbill.domain.money import Money, allocate
from heatbill.domain.rulebook.collection import PlanAvailability
from heatbill.domain.tariff.fees import Fee, FeeKind, VatScope
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class Installment:
    number: int
    """1, 2, … in order of due date."""
    due: date
    amount: Money


@dataclass(frozen=True, slots=True)
class PlanTerms:
    """What staff (or a customer's request) propose: the claims, start and months, and why."""

    claims: tuple[Claim, ...]
    start: date
    """The first installment's due date (rolled to a bank day)."""
    months: int
    reason: str = ""
    """Why a plan is granted; required where plans are for special cases only."""


@dataclass(frozen=True, slots=True)
class PlanGrant:
    """A plan as granted: the claims it covers, what they owed, the fee and the schedule."""

    customer_id: int
    claim_ids: tuple[int, ...]
    granted_on: date
    owed: Money
    """The claims' bills, fees and interest left on the day of the grant."""
    fee: Fee | None
    installments: tuple[Installment, ...]
    reason: str
    clause: str

    @property
    def total(self) -> Money:
        return self.owed + (Money(0) if self.fee is None else self.fee.amount_incl_vat)


def schedule(
    total: Money, start: date, months: int, calendar: BankCalendar
) -> tuple[Installment, ...]:
    """`months` monthly installments from `start` summing exactly to `total`."""
    if months < 1:
        raise ValueError("a plan has at least one installment")
    amounts = allocate(total, [1] * months)
    return tuple(
        Installment(n + 1, calendar.bank_day_on_or_after(add_months(start, n)), amount)
        for n, amount in enumerate(amounts)
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 → 30)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, months_calendar.monthrange(year, month)[1]))


def plan_fee(rules: Rules) -> Fee | None:
    """The tariff sheet's plan fee where the rulebook charges one, always VAT-exempt."""
    fee = rules.fees.get(FeeKind.PAYMENT_PLAN)
    if fee is None or not rules.rulebook.payment_plans.fee_bearing.value:
        return None
    return Fee(fee.kind, fee.amount_ex_vat, VatScope.EXEMPT, fee.clause, fee.basis)


def refusals(terms: PlanTerms, on: date, rules: Rules) -> list[str]:
    """Why this plan may not be granted on `on` (Danish), empty when it may."""
    plans = rules.rulebook.payment_plans
    clause = str(plans.availability.clause)
    found: list[str] = []
    match plans.availability.value:
        case PlanAvailability.NEVER:
            return [say("plans.refused.never", clause=clause)]
        case PlanAvailability.SPECIAL_CASES_ONLY if not terms.reason.strip():
            found.append(say("plans.refused.special_case", clause=clause))
        case _:
            pass
    found += _claim_refusals(terms.claims, rules)
    if not 1 <= terms.months <= plans.max_months.value:
        clause = str(plans.max_months.clause)
        found.append(
            say("plans.refused.months", months=terms.months, max=plans.max_months.value,
                clause=clause)
        )  # fmt: skip
    if terms.start < on:
        found.append(say("plans.refused.start", start=f"{terms.start:%d-%m-%Y}"))
    return found


def _claim_refusals(claims: tuple[Claim, ...], rules: Rules) -> list[str]:
    if not claims:
        return [say("plans.refused.no_claims")]
    found: list[str] = []
    if len({c.customer_id for c in claims}) > 1:
        found.append(say("plans.refused.customers"))
    if len({c.claim_id for c in claims}) < len(claims):
        found.append(say("plans.refused.twice"))
    reopening = rules.rulebook.reopening.plan_refused_after_breach
    for claim in claims:
        found += plan_refusals(
            claim, refused_after_breach=reopening.value, clause=str(reopening.clause)
        )
        if claim.plan is PlanState.ACTIVE:
            found.append(say("plans.refused.running", reference=claim.reference))
        if not claim.owed.is_positive:
            found.append(say("plans.refused.paid", reference=claim.reference))
    return list(dict.fromkeys(found))


def draw_up(terms: PlanTerms, on: date, rules: Rules) -> PlanGrant:
    """The plan as granted on `on`; the terms must have passed `refusals`."""
    owed = sum((c.owed for c in terms.claims), Money(0))
    fee = plan_fee(rules)
    total = owed + (Money(0) if fee is None else fee.amount_incl_vat)
    return PlanGrant(
        customer_id=terms.claims[0].customer_id,
        claim_ids=tuple(c.claim_id for c in terms.claims),
        granted_on=on,
        owed=owed,
        fee=fee,
        installments=schedule(total, terms.start, terms.months, rules.calendar),
        reason=terms.reason.strip(),
        clause=str(rules.rulebook.payment_plans.availability.clause),
    )
