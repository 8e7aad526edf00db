"""A security covers the customer's later claims at its installation, on both databases.

The Vestervig story (`tests.integration.test_collections_db`): the flat's tenant gives a bank
guarantee on 20 November 2025 — security "for betaling af fremtidigt forbrug" (`vestervig
6.6`). The installment billed on 2 January 2026, after it, is reminded and noticed as any claim,
but the closing visit never comes: the security avoids it (`vestervig 6.7`). The house, without
a security, is closed as usual.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine

from heatbill.domain.collections.claim import SecurityState, StepKind
from heatbill.domain.collections.timeline import Hold
from heatbill.domain.money import Money
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.services.billing_runs import bill_installments
from heatbill.services.collection_cases import case_of
from heatbill.services.securities import RecordSecurity, record_security
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import clock_on
from tests.integration.test_collections_db import DUE, run_days, vestervig_claims
from tests.integration.test_securities_db import customer_of

GIVEN = date(2025, 11, 20)
JANUARY = date(2026, 1, 2)  # 1 January is no bank day


def later_claim(engine: Engine, utility_id: int, customer: int) -> tuple[int, date]:
    """The customer's claim billed in January: (its id, its due date)."""
    with UnitOfWork(engine, write=False) as uow:
        found = [i for i, _ in uow.ledger(utility_id).open_items(customer) if i.due_date > DUE]
    [item] = found
    return item.open_item_id, item.due_date


def test_a_guarantee_given_in_november_covers_the_bill_of_january(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    flat_customer, _ = customer_of(engine, utility_id, "10002")
    house_customer, _ = customer_of(engine, utility_id, "10001")
    with UnitOfWork(engine) as uow:
        record_security(
            RecordSecurity(utility_id, flat_customer, SecurityForm.BANK_GUARANTEE,
                           Money.kroner(5000), "kbh", GIVEN, provider="Nordea",
                           reference="G-77"),
            uow, clock_on(GIVEN),
        )  # fmt: skip
    clock = clock_on(JANUARY)
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, JANUARY, uow, clock)
    flat, due = later_claim(engine, utility_id, flat_customer)
    house, _ = later_claim(engine, utility_id, house_customer)
    assert flat != claims["10002"]

    run_days(engine, utility_id, due + timedelta(days=1), due + timedelta(days=40))
    with UnitOfWork(engine, write=False) as uow:
        secured = case_of(uow, utility_id, flat, due + timedelta(days=40))
        unsecured = case_of(uow, utility_id, house, due + timedelta(days=40))
    assert secured.claim.security is SecurityState.PROVIDED
    assert secured.events == []  # billed after the guarantee: covered, no event of its own
    assert [s.kind for s in secured.steps] == [StepKind.REMINDER, StepKind.COLLECTION_NOTICE]
    assert isinstance(secured.next, Hold)
    assert secured.next.reason == "der er stillet sikkerhed"
    assert StepKind.CLOSING_VISIT in [s.kind for s in unsecured.steps]
    assert_ledger_invariants(engine, utility_id)
