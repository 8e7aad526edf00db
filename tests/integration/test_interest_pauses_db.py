"""Late interest on disputed claims and claims in a payment plan, on both databases.

The Vestervig story (`tests.integration.test_collections_db`): bills of 1 October 2025, due
3 November. The flat disputes its bill on 4 November: no interest is charged while the dispute
stands; lifted on 1 December, the disputed days are charged in one posting, from the due date
(renteloven § 3, stk. 1; `interest.while_disputed = deferred`). The house agrees a plan on
10 November: the grant charges the interest to that day and the plan covers it; while the plan
is kept no interest runs (`interest.during_plan = replaced`); breached on 2 December, interest
runs again from that day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from heatbill.domain.collections.interest import late_interest
from heatbill.domain.collections.reference_rates import PUBLISHED_RATES, ReferenceRates
from heatbill.domain.ledger import OpenItem, OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.rulebook.billing import DayCount
from heatbill.services.collection_cases import case_of, dispute, lift_dispute
from heatbill.services.late_interest import post_late_interest
from heatbill.services.payment_plans import GrantPlan, grant_plan, plans_and_requests
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import clock_on
from tests.integration.test_collections_db import DUE, run_days, vestervig_claims

RATES = ReferenceRates.of(PUBLISHED_RATES)


def interest_run(engine: Engine, utility_id: int, on: date) -> None:
    with UnitOfWork(engine) as uow:
        report = post_late_interest(utility_id, on, uow, clock_on(on))
    assert report.problems == []


def interest_bases(engine: Engine, utility_id: int, claim: int) -> list[tuple[date, date, Money]]:
    """(from, to, amount posted) of each interest item charged on the claim."""
    with UnitOfWork(engine, write=False) as uow:
        items = uow.claims(utility_id).interest_items([claim]).get(claim, set())
        left = {i.open_item_id: r for i, r in uow.ledger(utility_id).open_items()}
        found = []
        for item in sorted(items):
            basis = uow.interest(utility_id).of_interest_item(item)
            found.append((basis[0].from_date, basis[-1].to_date, left[item]))
    return found


def principal_of(engine: Engine, utility_id: int, claim: int) -> Money:
    with UnitOfWork(engine, write=False) as uow:
        return case_of(uow, utility_id, claim, DUE).claim.principal


def expected(principal: Money, start: date, until: date) -> Money:
    return late_interest(principal, start, until, RATES, DayCount.ACT_365).amount


def test_a_disputed_claim_is_charged_its_interest_only_once_the_dispute_is_lifted(
    engine: Engine,
) -> None:
    utility_id, claims = vestervig_claims(engine)
    flat, house = claims["10002"], claims["10001"]
    with UnitOfWork(engine) as uow:
        dispute(uow, utility_id, flat, "Kunden bestrider aflæsningen", "kbh",
                clock_on(date(2025, 11, 4)))  # fmt: skip
    interest_run(engine, utility_id, date(2025, 11, 20))
    interest_run(engine, utility_id, date(2025, 12, 1))
    assert interest_bases(engine, utility_id, flat) == []
    house_principal = principal_of(engine, utility_id, house)
    assert interest_bases(engine, utility_id, house) == [
        (DUE, date(2025, 11, 20), expected(house_principal, DUE, date(2025, 11, 20))),
        (date(2025, 11, 20), date(2025, 12, 1),
         expected(house_principal, date(2025, 11, 20), date(2025, 12, 1))),
    ]  # fmt: skip

    with UnitOfWork(engine) as uow:
        lift_dispute(uow, utility_id, flat, "Aflæsningen er kontrolleret", "kbh",
                     clock_on(date(2025, 12, 1)))  # fmt: skip
    interest_run(engine, utility_id, date(2025, 12, 2))
    flat_principal = principal_of(engine, utility_id, flat)
    # Every day from the due date, in one posting: the claim stood.
    assert interest_bases(engine, utility_id, flat) == [
        (DUE, date(2025, 12, 2), expected(flat_principal, DUE, date(2025, 12, 2)))
    ]
    assert_ledger_invariants(engine, utility_id)


def test_a_plan_covers_the_interest_to_its_grant_and_replaces_it_until_breached(
    engine: Engine,
) -> None:
    utility_id, claims = vestervig_claims(engine)
    house = claims["10001"]
    principal = principal_of(engine, utility_id, house)
    run_days(engine, utility_id, date(2025, 11, 4), date(2025, 11, 4))  # the reminders
    agreed = date(2025, 11, 10)
    with UnitOfWork(engine) as uow:
        grant_plan(utility_id, GrantPlan((house,), date(2025, 12, 1), 3, "kbh", "Aftalt"), uow,
                   clock_on(agreed))  # fmt: skip
    to_grant = expected(principal, DUE, agreed)
    assert interest_bases(engine, utility_id, house) == [(DUE, agreed, to_grant)]
    with UnitOfWork(engine, write=False) as uow:
        [plan], _ = plans_and_requests(uow, utility_id)
    covered = {i.open_item_id for i in plan.items}
    [(interest_item, _)] = [
        (i, r) for i, r in _open_items(engine, utility_id) if i.kind is OpenItemKind.INTEREST
    ]
    assert interest_item.open_item_id in covered  # the plan's total carries it

    # While the plan is kept: nothing, however often the run comes.
    interest_run(engine, utility_id, date(2025, 11, 20))
    interest_run(engine, utility_id, date(2025, 12, 1))
    assert len(interest_bases(engine, utility_id, house)) == 1

    # Nothing paid by 1 December: breached on the 2nd; interest again from that day.
    run_days(engine, utility_id, date(2025, 12, 2), date(2025, 12, 2))
    interest_run(engine, utility_id, date(2025, 12, 15))
    assert interest_bases(engine, utility_id, house)[1:] == [
        (date(2025, 12, 2), date(2025, 12, 15),
         expected(principal, date(2025, 12, 2), date(2025, 12, 15)))
    ]  # fmt: skip
    assert_ledger_invariants(engine, utility_id)


def _open_items(engine: Engine, utility_id: int) -> list[tuple[OpenItem, Money]]:
    with UnitOfWork(engine, write=False) as uow:
        return list(uow.ledger(utility_id).open_items())
