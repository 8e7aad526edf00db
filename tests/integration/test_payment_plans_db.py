"""Payment plans on both databases, through the daily collections pass.

The Vestervig story (`tests.integration.test_collections_db`): the house's bill of 1 October
2025 is due 3 November and reminded on 4 November. A plan agreed on 10 November holds the
claim (`vestervig 6.5`); paying its installments completes it. Unpaid, its first installment
breaches it on 2 December and the claim goes straight to the collection notice, and no new
plan is granted (`vestervig 6.6`, `6.8`). Aalborg grants a plan only with a special-case
reason (`aalborg 3.3`); a customer's request waits for staff to grant or refuse it.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from heatbill.domain.collections.claim import PlanState, StepKind
from heatbill.domain.collections.events import EventKind
from heatbill.domain.collections.timeline import Hold
from heatbill.domain.errors import ConflictError
from heatbill.domain.ledger import OpenItemKind
from heatbill.domain.letters import LetterKind
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.collection_cases import case_of
from heatbill.services.collections import run_collections
from heatbill.services.imports import ImportFile
from heatbill.services.payment_plans import (
    GrantPlan,
    RequestPlan,
    grant_plan,
    grant_request,
    plans_and_requests,
    refuse_request,
    request_plan,
)
from heatbill.services.payments import import_payments
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import camt053
from tests.integration.register_story import clock_on, with_customers
from tests.integration.test_collections_db import run_days, vestervig_claims

AGREED = date(2025, 11, 10)
START = date(2025, 12, 1)


def plan_for(engine: Engine, utility_id: int, claim: int) -> int:
    run_days(engine, utility_id, date(2025, 11, 4), date(2025, 11, 4))  # the reminders
    with UnitOfWork(engine) as uow:
        granted = grant_plan(
            utility_id, GrantPlan((claim,), START, 3, "kbh", "Aftalt i telefonen"), uow,
            clock_on(AGREED),
        )  # fmt: skip
    return granted.plan_id


def pay(engine: Engine, utility_id: int, claim: int, on: date, amount: Money) -> None:
    with UnitOfWork(engine) as uow:
        import_payments(
            ImportFile(utility_id, f"{on}.xml", camt053(f"P{on:%Y%m%d}", on, [
                (payment_id_for_open_item(claim), amount.ore)])),
            uow, clock_on(on),
        )  # fmt: skip


def collections_on(engine: Engine, utility_id: int, on: date) -> tuple[int, int, list[StepKind]]:
    with UnitOfWork(engine) as uow:
        report = run_collections(utility_id, on, uow, clock_on(on))
    return report.plans_breached, report.plans_completed, sorted(report.taken.elements())


def test_a_plan_holds_the_claim_and_paying_its_installments_completes_it(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    house = claims["10001"]
    plan_id = plan_for(engine, utility_id, house)
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, house, AGREED)
        [plan], _ = plans_and_requests(uow, utility_id)
        fee_items = [(i.reference, r) for i, r in uow.ledger(utility_id).open_items(
            case.customer.customer_id) if i.kind is OpenItemKind.FEE]  # fmt: skip
        letters = uow.letters(utility_id).of_party(case.customer.party_id)
    assert case.claim.plan is PlanState.ACTIVE
    assert [e.kind for e in case.events] == [EventKind.PLAN_AGREED]
    # The bill, the reminder fee and the plan's fee of 100 kr. (VAT-exempt), in three parts;
    # the plan's fee grew from the claim: it is part of what the claim owes.
    assert plan.total == case.claim.owed
    assert case.claim.fees == Money.kroner(100) + Money.kroner(100)
    assert (f"Betalingsordning {plan_id}", Money.kroner(100)) in fee_items
    assert [i.due for i in plan.installments] == [
        date(2025, 12, 1), date(2026, 1, 2), date(2026, 2, 2)]  # fmt: skip
    assert sum((i.amount for i in plan.installments), Money(0)) == plan.total
    [letter] = [q.request for q in letters if q.request.kind is LetterKind.PAYMENT_PLAN]
    assert letter.facts["schedule"].splitlines()[0].startswith("01-12-2025: ")
    assert letter.clause == "vestervig 6.5"

    # The timeline holds the claim while the plan runs: no collection notice on 15 November.
    notices = [StepKind.COLLECTION_NOTICE] * 2  # the flat's and the bakery's, not the house's
    assert collections_on(engine, utility_id, date(2025, 11, 15)) == (0, 0, notices)
    with UnitOfWork(engine, write=False) as uow:
        held = case_of(uow, utility_id, house, date(2025, 11, 16)).next
    assert isinstance(held, Hold)
    assert held.reason == "en betalingsordning løber"

    first, second, third = plan.installments
    pay(engine, utility_id, house, first.due, first.amount)
    assert collections_on(engine, utility_id, date(2025, 12, 2))[:2] == (0, 0)
    pay(engine, utility_id, house, second.due, second.amount)
    pay(engine, utility_id, house, date(2026, 1, 30), third.amount)
    assert collections_on(engine, utility_id, date(2026, 2, 3))[:2] == (0, 1)
    with UnitOfWork(engine, write=False) as uow:
        [done], _ = plans_and_requests(uow, utility_id)
        events = uow.claims(utility_id).events([house])[house]
    assert done.outcome is not None
    assert done.outcome.on == date(2026, 1, 30)
    assert [e.kind for e in events] == [EventKind.PLAN_AGREED, EventKind.PLAN_COMPLETED]
    assert_ledger_invariants(engine, utility_id)


def test_a_breached_plan_goes_straight_to_the_collection_notice_and_no_new_plan(
    engine: Engine,
) -> None:
    utility_id, claims = vestervig_claims(engine)
    house = claims["10001"]
    plan_for(engine, utility_id, house)
    # Nothing paid by 1 December: breached on the 2nd, the notice the same day (6.6).
    breached, _, taken = collections_on(engine, utility_id, date(2025, 12, 2))
    assert breached == 1
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, house, date(2025, 12, 2))
    assert case.claim.plan is PlanState.BREACHED
    assert case.claim.plan_breached_on == date(2025, 12, 2)
    assert case.steps[-1].kind is StepKind.COLLECTION_NOTICE
    assert case.steps[-1].on == date(2025, 12, 2)
    assert "afdrag 1" in case.events[-1].reason
    assert StepKind.COLLECTION_NOTICE in taken

    with UnitOfWork(engine) as uow, pytest.raises(ConflictError, match=r"vestervig 6\.8"):
        grant_plan(utility_id, GrantPlan((house,), date(2025, 12, 10), 2, "kbh", "Ny aftale"),
                   uow, clock_on(date(2025, 12, 3)))  # fmt: skip
    assert_ledger_invariants(engine, utility_id)


def test_a_customers_request_waits_for_staff_who_grant_or_refuse_it(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    with UnitOfWork(engine) as uow:
        asked = RequestPlan((claims["10001"],), START, 2, "Jeg er blevet arbejdsløs", "portal")
        first = request_plan(utility_id, asked, uow, clock_on(AGREED))
    with UnitOfWork(engine) as uow:
        second = request_plan(utility_id, RequestPlan((claims["10002"],), START, 6,
                              "Vil gerne betale over et halvt år", "portal"), uow,
                              clock_on(AGREED))  # fmt: skip
    with UnitOfWork(engine, write=False) as uow:
        _, waiting = plans_and_requests(uow, utility_id)
    assert [r.request_id for r in waiting] == [first, second]
    with UnitOfWork(engine) as uow:
        granted = grant_request(utility_id, first, "kbh", uow, clock_on(date(2025, 11, 11)))
    with UnitOfWork(engine) as uow:
        refuse_request(utility_id, second, "Højst 3 måneder (vestervig 6.5)", "kbh", uow,
                       clock_on(date(2025, 11, 11)))  # fmt: skip
    with UnitOfWork(engine, write=False) as uow:
        plans, waiting = plans_and_requests(uow, utility_id)
    assert waiting == []
    assert [(p.plan_id, p.request_id, p.reason) for p in plans] == [
        (granted.plan_id, first, "Jeg er blevet arbejdsløs")
    ]
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError, match="allerede afgjort"):
        refuse_request(utility_id, first, "for sent", "kbh", uow, clock_on(date(2025, 11, 12)))


def test_aalborg_grants_a_plan_only_for_a_special_case(engine: Engine) -> None:
    clock = clock_on(date(2025, 12, 1))
    utility_id = with_customers(engine, clock, preset="aalborg")
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, clock)
    clock.advance_to(date(2026, 1, 2))
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, date(2026, 1, 2), uow, clock)
    with UnitOfWork(engine, write=False) as uow:
        item = next(i for i, _ in uow.ledger(utility_id).open_items())
    plan = GrantPlan((item.open_item_id,), date(2026, 3, 3), 3, "kbh")
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError, match=r"aalborg 3\.3"):
        grant_plan(utility_id, plan, uow, clock_on(date(2026, 2, 10)))
    special = GrantPlan(plan.claim_ids, plan.start, 3, "kbh", "Usædvanlig stor efterregning")
    with UnitOfWork(engine) as uow:
        granted = grant_plan(utility_id, special, uow, clock_on(date(2026, 2, 10)))
    assert granted.grant.clause == "aalborg 3.3"
    assert len(granted.grant.installments) == 3
