"""A payment plan's fee is part of what its claim owes, on both databases.

The Vestervig story (`tests.integration.test_collections_db`): the house's bill of 1 October
2025, due 3 November, reminded on the 4th; a plan agreed on 10 November with its fee of
100 kr. (`vestervig 6.13`, VAT-exempt). Nothing paid: breached on 2 December, the collection
notice the same day, the closing visit on the 7th, closed on the 8th. Reopening needs
"restancen med påløbne gebyrer … samt eventuelle renter" paid (`vestervig 6.8`): the plan's fee
too. Paying all but 100 kr. leaves the supply closed; the last 100 kr. reopens it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from heatbill.domain.collections.claim import StepKind
from heatbill.domain.collections.timeline import Hold
from heatbill.domain.money import Money
from heatbill.services.collection_cases import VisitReport, case_of, report_visit
from heatbill.services.payment_plans import GrantPlan, grant_plan
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import clock_on
from tests.integration.test_collections_db import run_days, vestervig_claims
from tests.integration.test_payment_plans_db import pay

PLAN_FEE = Money.kroner(100)


def test_reopening_waits_for_the_plans_fee_as_for_every_fee_of_the_claim(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    house = claims["10001"]
    run_days(engine, utility_id, date(2025, 11, 4), date(2025, 11, 4))  # the reminder
    with UnitOfWork(engine, write=False) as uow:
        before = case_of(uow, utility_id, house, date(2025, 11, 10)).claim
    with UnitOfWork(engine) as uow:
        granted = grant_plan(
            utility_id,
            GrantPlan((house,), date(2025, 12, 1), 3, "kbh", "Aftalt"),
            uow,
            clock_on(date(2025, 11, 10)),
        )
    with UnitOfWork(engine, write=False) as uow:
        agreed = case_of(uow, utility_id, house, date(2025, 11, 10)).claim
    interest_to_grant = agreed.interest - before.interest
    assert agreed.fees == before.fees + PLAN_FEE
    assert agreed.owed == granted.grant.total == before.owed + interest_to_grant + PLAN_FEE

    run_days(engine, utility_id, date(2025, 12, 2), date(2025, 12, 7))
    with UnitOfWork(engine, write=False) as uow:
        steps = case_of(uow, utility_id, house, date(2025, 12, 7)).steps
    assert [(s.kind, s.on) for s in steps[1:]] == [
        (StepKind.COLLECTION_NOTICE, date(2025, 12, 2)),
        (StepKind.CLOSING_VISIT, date(2025, 12, 7)),
    ]
    with UnitOfWork(engine) as uow:
        report_visit(utility_id, VisitReport(house, date(2025, 12, 8), "tek", closed=True), uow,
                     clock_on(date(2025, 12, 8)))  # fmt: skip
    with UnitOfWork(engine, write=False) as uow:
        closed = case_of(uow, utility_id, house, date(2025, 12, 8))
    assert closed.claim.closed
    # What reopening costs, as the case page says it: the plan's fee included.
    owed = closed.claim.owed
    assert owed == closed.claim.principal + closed.claim.fees + closed.claim.interest
    # the reminder, the plan, the collection notice, the closing visit
    assert closed.claim.fees == Money.kroner(100 + 100 + 100 + 375)

    pay(engine, utility_id, house, date(2025, 12, 9), owed - PLAN_FEE)
    run_days(engine, utility_id, date(2025, 12, 9), date(2025, 12, 10))
    with UnitOfWork(engine, write=False) as uow:
        short = case_of(uow, utility_id, house, date(2025, 12, 10))
    assert short.claim.owed == PLAN_FEE
    assert isinstance(short.next, Hold) or short.next.kind is not StepKind.REOPENING
    assert short.claim.closed
    assert short.steps[-1].kind is StepKind.CLOSED

    pay(engine, utility_id, house, date(2025, 12, 11), PLAN_FEE)
    run_days(engine, utility_id, date(2025, 12, 11), date(2025, 12, 11))
    with UnitOfWork(engine, write=False) as uow:
        reopened = case_of(uow, utility_id, house, date(2025, 12, 11))
    assert reopened.claim.owed == reopened.steps[-1].fee  # only the reopening's own fee
    assert (reopened.steps[-1].kind, reopened.steps[-1].on) == (
        StepKind.REOPENING, date(2025, 12, 11))  # fmt: skip
    assert_ledger_invariants(engine, utility_id)
