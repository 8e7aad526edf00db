"""Payment plans, pure: who may have one and on what terms, its schedule of installments, and
when it is breached or completed — on the real bank calendar and the preset rulebooks.

`vestervig 6.5`: normally over at most 3 months, new bills paid alongside; `6.6`/`6.8`: a
breached plan goes straight to collection and no new plan after it; `aalborg 3.3`: only in
special cases such as an unusually large back-bill; the plan fee is VAT-exempt.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.collections.claim import Claim, PlanState
from heatbill.domain.collections.plan_watch import Movement, PlanOutcome, WatchedItem, verdict
from heatbill.domain.collections.plans import (
    Installment,
    PlanTerms,
    add_months,
    draw_up,
    refusals,
    schedule,
)
from heatbill.domain.collections.timeline import Rules
from heatbill.domain.money import Money
from heatbill.domain.rulebook.collection import PlanAvailability
from heatbill.domain.tariff.fees import VatScope
from tests.unit.test_collections_timeline import AALBORG, VESTERVIG

CALENDAR = danish_bank_calendar()
KR = Money.kroner
TODAY = date(2025, 11, 10)
START = date(2025, 12, 1)


def claim(claim_id: int = 1, **changes: object) -> Claim:
    base = Claim(claim_id, 7, f"Regning 2025-000000{claim_id}", date(2025, 10, 1),
                 date(2025, 11, 3), KR("1875.00"), fees=KR(100), interest=KR("12.34"))  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def terms(*claims: Claim, months: int = 3, reason: str = "") -> PlanTerms:
    return PlanTerms(claims or (claim(),), START, months, reason)


def with_availability(rules: Rules, availability: PlanAvailability) -> Rules:
    plans = rules.rulebook.payment_plans
    chosen = replace(plans.availability, value=availability)
    book = replace(rules.rulebook, payment_plans=replace(plans, availability=chosen))
    return replace(rules, rulebook=book)


# --- who may have a plan ----------------------------------------------------------------------


def test_vestervig_grants_a_plan_over_three_months_with_its_vat_exempt_fee() -> None:
    assert refusals(terms(), TODAY, VESTERVIG) == []
    grant = draw_up(terms(), TODAY, VESTERVIG)
    assert grant.owed == KR("1987.34")
    assert grant.fee is not None
    assert grant.fee.vat is VatScope.EXEMPT
    assert grant.fee.amount_incl_vat == KR(100)
    assert grant.total == KR("2087.34")
    assert [(i.due, i.amount) for i in grant.installments] == [
        (date(2025, 12, 1), KR("695.78")),
        (date(2026, 1, 2), KR("695.78")),  # 1 January is a holiday
        (date(2026, 2, 2), KR("695.78")),  # 1 February 2026 is a Sunday
    ]
    assert grant.clause == "vestervig 6.5"


def test_a_plan_longer_than_the_rulebook_allows_is_refused() -> None:
    assert refusals(terms(months=4), TODAY, VESTERVIG) == [
        "en betalingsordning kan højst løbe over 3 måneder (vestervig 6.5); der er foreslået 4"
    ]


def test_no_new_plan_after_a_breached_plan() -> None:
    breached = claim(plan=PlanState.BREACHED, plan_breached_on=date(2025, 12, 2))
    assert refusals(terms(breached), TODAY, VESTERVIG) == [
        "ingen ny betalingsordning efter en misligholdt ordning (vestervig 6.8)"
    ]


def test_aalborg_grants_a_plan_only_for_a_stated_special_case() -> None:
    [refused] = refusals(terms(), TODAY, AALBORG)
    assert "kun i særlige tilfælde" in refused
    assert "(aalborg 3.3)" in refused
    assert refusals(terms(reason="Usædvanlig stor efterregning"), TODAY, AALBORG) == []


def test_a_rulebook_without_plans_refuses_every_plan() -> None:
    never = with_availability(VESTERVIG, PlanAvailability.NEVER)
    assert refusals(terms(reason="Særligt tilfælde"), TODAY, never) == [
        "regelsættet giver ikke mulighed for betalingsordninger (vestervig 6.5)"
    ]


def test_a_plan_covers_claims_of_one_customer_not_yet_in_a_plan() -> None:
    other = claim(2, customer_id=8)
    running = claim(3, plan=PlanState.ACTIVE)
    found = refusals(terms(claim(), other, running), TODAY, VESTERVIG)
    assert "en betalingsordning dækker kun krav hos én kunde" in found
    assert "Regning 2025-0000003 er allerede omfattet af en løbende betalingsordning" in found


# --- the schedule -----------------------------------------------------------------------------


@given(
    total=st.integers(min_value=1, max_value=10**9),
    months=st.integers(min_value=1, max_value=24),
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
)
def test_installments_sum_exactly_differ_by_one_ore_at_most_on_bank_days(
    total: int, months: int, start: date
) -> None:
    found = schedule(Money(total), start, months, CALENDAR)
    amounts = [i.amount.ore for i in found]
    assert len(found) == months
    assert sum(amounts) == total
    assert max(amounts) - min(amounts) <= 1
    assert all(CALENDAR.is_bank_day(i.due) for i in found)
    assert [i.number for i in found] == list(range(1, months + 1))
    dues = [i.due for i in found]
    assert dues == sorted(set(dues))
    assert all(add_months(start, n) <= i.due < add_months(start, n) + timedelta(days=7)
               for n, i in enumerate(found))  # fmt: skip


def test_a_month_end_start_keeps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


# --- kept, breached, completed ----------------------------------------------------------------

PLAN = (
    Installment(1, date(2025, 12, 1), KR(700)),
    Installment(2, date(2026, 1, 2), KR(700)),
    Installment(3, date(2026, 2, 2), KR(700)),
)
GRANTED = date(2025, 11, 10)


def plan_item(*payments: tuple[date, int]) -> WatchedItem:
    paid = (Movement(on, KR(-kr), opening=False) for on, kr in payments)
    movements = (Movement(date(2025, 10, 1), KR(2100), opening=True), *paid)
    return WatchedItem(1, True, False, False, date(2025, 11, 3), "Regning 1", movements)


def new_bill(due: date, amount: int, *payments: tuple[date, int]) -> WatchedItem:
    paid = (Movement(on, KR(-kr), opening=False) for on, kr in payments)
    movements = (Movement(due - timedelta(days=20), KR(amount), opening=True), *paid)
    return WatchedItem(2, False, True, False, due, "Regning 2", movements)


def check(*items: WatchedItem, today: date) -> tuple[PlanOutcome, date] | None:
    found = verdict(PLAN, KR(2100), items, today, bills_alongside=True)
    return None if found is None else (found.outcome, found.on)


def test_an_installment_not_paid_by_its_due_date_breaches_the_plan_the_day_after() -> None:
    assert check(plan_item(), today=date(2025, 12, 1)) is None  # the due day is not over
    assert check(plan_item(), today=date(2025, 12, 2)) == (PlanOutcome.BREACHED, date(2025, 12, 2))
    late = plan_item((date(2025, 12, 3), 700))
    assert check(late, today=date(2025, 12, 5)) == (PlanOutcome.BREACHED, date(2025, 12, 2))


def test_installments_paid_on_time_keep_the_plan_and_the_last_completes_it() -> None:
    paid = [(date(2025, 12, 1), 700), (date(2025, 12, 30), 700)]
    assert check(plan_item(*paid), today=date(2026, 1, 20)) is None
    done = plan_item(*paid, (date(2026, 2, 2), 700))
    assert check(done, today=date(2026, 2, 3)) == (PlanOutcome.COMPLETED, date(2026, 2, 2))


def test_a_new_bill_not_paid_on_time_alongside_breaches_the_plan() -> None:
    item = plan_item((date(2025, 12, 1), 700))
    bill = new_bill(date(2025, 12, 15), 500)
    assert check(item, bill, today=date(2025, 12, 16)) == (PlanOutcome.BREACHED, date(2025, 12, 16))
    assert verdict(PLAN, KR(2100), (item, bill), date(2025, 12, 16), bills_alongside=False) is None


def test_how_a_payment_was_cleared_never_decides_a_breach() -> None:
    # Installment and new bill paid together; the clearing order sent it all to the old bill.
    item = plan_item((date(2025, 12, 1), 1200))
    bill = new_bill(date(2025, 12, 1), 500)
    assert check(item, bill, today=date(2025, 12, 20)) is None
