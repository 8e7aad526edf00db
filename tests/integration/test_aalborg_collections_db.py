"""An Aalborg claim walks its rulebook's timeline on both databases (`aalborg` bilag 5).

The house's installment of January 2026 is billed on the first bank day (2 January) and due
14 days after the invoice date, on the 2nd bank day of a month: 3 February (`aalborg 2.2`).
Unpaid: a reminder with a fee of 100 kr. and 10 days to pay, a second reminder with a fee of
100 kr. (`aalborg 2.5`); no collection notice (2.7); the closing visit after the
second reminder's deadline and at least 5 working days after it was sent (2.7); closed. A part
payment does not reopen it; everything with fees and interest paid does, the day's pass
ordering the reopening (`aalborg 2.8`).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.letters import LetterKind
from heatbill.domain.money import Money
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.collection_cases import VisitReport, case_of, report_visit
from heatbill.services.late_interest import post_late_interest
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import clock_on, with_customers
from tests.integration.test_collections_db import run_days
from tests.integration.test_payment_plans_db import pay

BILLED = date(2026, 1, 2)  # the first bank day of January (aalborg 2.2)
DUE = date(2026, 2, 3)  # 14 days, then the 2nd bank day of a month
KR = Money.kroner


def aalborg_house(engine: Engine) -> tuple[int, int]:
    """An Aalborg utility with the register story's customers; the house's January claim."""
    clock = clock_on(date(2025, 12, 1))
    utility_id = with_customers(engine, clock, preset="aalborg")
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, clock)
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, BILLED, uow, clock_on(BILLED))
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        found = installations.installation_by_number("10001")
        [customer] = installations.relationships_of(found.installation_id)
        [claim] = [
            i.open_item_id for i, _ in uow.ledger(utility_id).open_items(customer.relationship_id)
        ]
    return utility_id, claim


def test_an_aalborg_claim_two_reminders_closing_and_reopening_after_payment(
    engine: Engine,
) -> None:
    utility_id, house = aalborg_house(engine)
    with UnitOfWork(engine, write=False) as uow:
        assert case_of(uow, utility_id, house, BILLED).claim.due_date == DUE

    run_days(engine, utility_id, DUE, date(2026, 3, 2))
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, house, date(2026, 3, 2))
        letters = uow.letters(utility_id).of_party(case.customer.party_id)
    first, second, visit = case.steps
    assert [(s.kind, s.on, s.fee, s.clause) for s in case.steps] == [
        (StepKind.REMINDER, date(2026, 2, 4), KR(100), "vestervig 6.13"),
        (StepKind.REMINDER, date(2026, 2, 15), KR(100), "aalborg 2.5"),
        (StepKind.CLOSING_VISIT, visit.on, Money(0), "vestervig 6.13"),
    ]
    assert (first.deadline, second.deadline) == (date(2026, 2, 14), date(2026, 2, 25))
    # No collection notice (2.7): the second reminder is the notice; the visit comes after its
    # deadline and at least 5 working days after it was sent.
    assert second.deadline is not None
    five_working_days = danish_bank_calendar().add_bank_days(second.on, 5)
    assert visit.on == max(second.deadline + timedelta(days=1), five_working_days)
    assert visit.on == date(2026, 2, 26)
    kinds = [q.request.kind for q in letters]
    assert kinds.count(LetterKind.REMINDER) == 2
    reminders = [q.request.facts for q in letters if q.request.kind is LetterKind.REMINDER]
    assert "announces_collection" not in reminders[0]
    assert reminders[1]["announces_collection"] == "aalborg 3.2"  # told on reminder 2
    assert LetterKind.CLOSING_ORDER in kinds
    assert all(q.request.relationship_id == case.customer.customer_id for q in letters)

    with UnitOfWork(engine) as uow:
        report_visit(utility_id, VisitReport(house, date(2026, 2, 27), "tekniker", closed=True),
                     uow, clock_on(date(2026, 2, 27)))  # fmt: skip
    with UnitOfWork(engine) as uow:
        post_late_interest(utility_id, date(2026, 3, 2), uow, clock_on(date(2026, 3, 2)))
    with UnitOfWork(engine, write=False) as uow:
        closed = case_of(uow, utility_id, house, date(2026, 3, 2))
    assert closed.claim.closed
    assert closed.claim.fees == KR(100 + 100 + 375)  # two reminders and the closing visit
    assert closed.claim.interest.is_positive  # from the due date (aalborg 2.6)
    owed = closed.claim.owed

    # Part of it paid: still closed (2.8: "tillige med renter og gebyrer").
    pay(engine, utility_id, house, date(2026, 3, 3), owed - KR(50))
    run_days(engine, utility_id, date(2026, 3, 3), date(2026, 3, 3))
    with UnitOfWork(engine, write=False) as uow:
        short = case_of(uow, utility_id, house, date(2026, 3, 3))
    assert short.claim.closed
    assert short.claim.owed == KR(50)

    pay(engine, utility_id, house, date(2026, 3, 4), KR(50))
    run_days(engine, utility_id, date(2026, 3, 4), date(2026, 3, 5))
    with UnitOfWork(engine, write=False) as uow:
        reopened = case_of(uow, utility_id, house, date(2026, 3, 5))
        orders = [q.request for q in uow.letters(utility_id).of_party(case.customer.party_id)
                  if q.request.kind is LetterKind.REOPENING_ORDER]  # fmt: skip
    assert not reopened.claim.closed
    last = reopened.steps[-1]
    assert (last.kind, last.on) == (StepKind.REOPENING, date(2026, 3, 4))
    assert last.clause == "aalborg 2.8"
    assert [o.relationship_id for o in orders] == [case.customer.customer_id]
    assert_ledger_invariants(engine, utility_id)
