"""The daily collections pass on both databases: a Vestervig claim walks the timeline of
`vestervig 6.13` — reminder, collection notice, closing visit, closed — and the reopening
order comes by itself once everything incl. fees is paid; a disputed claim is frozen and
resumes where it stood. Fees are open items of their own with their clauses; letters queued."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine

from heatbill.domain.collections.claim import StepKind
from heatbill.domain.ledger import OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.collection_cases import (
    VisitReport,
    case_of,
    dispute,
    lift_dispute,
    report_visit,
)
from heatbill.services.collections import run_collections
from heatbill.services.imports import ImportFile
from heatbill.services.late_interest import post_late_interest
from heatbill.services.payments import import_payments
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import camt053
from tests.integration.register_story import clock_on, with_customers

CHARGED = date(2025, 10, 1)  # Vestervig's installment 2 of heating year 2026
DUE = date(2025, 11, 3)  # ≥ 14 days, across a month end (6.4); 1 November is a Saturday


def vestervig_claims(engine: Engine) -> tuple[int, dict[str, int]]:
    clock = clock_on(date(2025, 6, 2))
    utility_id = with_customers(engine, clock, preset="vestervig")
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, clock)
    clock.advance_to(CHARGED)
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, CHARGED, uow, clock)
    with UnitOfWork(engine, write=False) as uow:
        items = uow.ledger(utility_id).open_items()
        installations = uow.installations(utility_id)
        claims = {}
        for number in ("10001", "10002", "10003"):
            found = installations.installation_by_number(number)
            [customer] = installations.relationships_of(found.installation_id)
            claims[number] = next(
                i.open_item_id for i, _ in items if i.customer_id == customer.relationship_id
            )
    return utility_id, claims


def run_days(
    engine: Engine, utility_id: int, first: date, last: date
) -> dict[date, list[StepKind]]:
    taken: dict[date, list[StepKind]] = {}
    day = first
    while day <= last:
        with UnitOfWork(engine) as uow:
            report = run_collections(utility_id, day, uow, clock_on(day))
        assert report.refused == []
        if report.taken:
            taken[day] = sorted(report.taken.elements())
        day += timedelta(days=1)
    return taken


def test_a_vestervig_claim_walks_the_timeline_and_reopens_after_payment(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    house = claims["10001"]
    with UnitOfWork(engine) as uow:
        dispute(uow, utility_id, claims["10002"], "Kunden bestrider aflæsningen", "kbh",
                clock_on(date(2025, 11, 1)))  # fmt: skip
    # The bakery pays on time.
    with UnitOfWork(engine, write=False) as uow:
        bakery_owes = case_of(uow, utility_id, claims["10003"], DUE).claim.owed
    with UnitOfWork(engine) as uow:
        import_payments(
            ImportFile(utility_id, "dag1.xml", camt053("DAG1", DUE, [
                (payment_id_for_open_item(claims["10003"]), bakery_owes.ore)])),
            uow, clock_on(DUE),
        )  # fmt: skip

    taken = run_days(engine, utility_id, date(2025, 11, 1), date(2025, 11, 25))
    # Reminder the day after the due date (day 15 was 15 October), 10 days to pay; the
    # collection notice the day after that deadline, closing 5 days later (6.6, 6.13).
    assert taken == {
        date(2025, 11, 4): [StepKind.REMINDER],
        date(2025, 11, 15): [StepKind.COLLECTION_NOTICE],
        date(2025, 11, 20): [StepKind.CLOSING_VISIT],
    }
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, house, date(2025, 11, 21))
    assert [(s.kind, s.on, s.fee, s.clause) for s in case.steps] == [
        (StepKind.REMINDER, date(2025, 11, 4), Money.kroner(100), "vestervig 6.13"),
        (StepKind.COLLECTION_NOTICE, date(2025, 11, 15), Money.kroner(100), "vestervig 6.6"),
        (StepKind.CLOSING_VISIT, date(2025, 11, 20), Money(0), "vestervig 6.13"),
    ]
    assert case.claim.fees == Money.kroner(200)
    # Late interest from the due date is the claim's too, an open item of its own.
    with UnitOfWork(engine) as uow:
        post_late_interest(utility_id, date(2025, 11, 21), uow, clock_on(date(2025, 11, 21)))
    with UnitOfWork(engine, write=False) as uow:
        interest = case_of(uow, utility_id, house, date(2025, 11, 21)).claim.interest
    assert interest.is_positive
    assert all(s.letter_id is not None for s in case.steps)

    with UnitOfWork(engine) as uow:
        visit = VisitReport(house, date(2025, 11, 21), "tekniker", closed=True)
        report_visit(utility_id, visit, uow, clock_on(date(2025, 11, 21)))
    with UnitOfWork(engine, write=False) as uow:
        closed = case_of(uow, utility_id, house, date(2025, 11, 22))
    assert closed.claim.closed
    assert closed.claim.fees == Money.kroner(575)  # 100 + 100 + the visit's 375 (outside VAT)
    assert closed.claim.interest == interest
    owed = closed.claim.owed
    with UnitOfWork(engine) as uow:
        import_payments(
            ImportFile(utility_id, "dag2.xml", camt053("DAG2", date(2025, 11, 24), [
                (payment_id_for_open_item(house), owed.ore)])),
            uow, clock_on(date(2025, 11, 24)),
        )  # fmt: skip
    after = run_days(engine, utility_id, date(2025, 11, 24), date(2025, 11, 26))
    assert after == {date(2025, 11, 24): [StepKind.REOPENING]}
    with UnitOfWork(engine, write=False) as uow:
        reopened = case_of(uow, utility_id, house, date(2025, 11, 26))
        fees = [(i.kind, i.reference, r) for i, r in uow.ledger(utility_id).open_items()
                if i.kind is OpenItemKind.FEE]  # fmt: skip
    assert not reopened.claim.closed
    assert reopened.steps[-1].clause == "vestervig 6.8"
    assert fees == [(OpenItemKind.FEE, "Genåbning: Regning 2025-0000001", Money.kroner("468.75"))]

    # The disputed flat was left alone; lifting the dispute resumes at the first reminder.
    with UnitOfWork(engine, write=False) as uow:
        flat = case_of(uow, utility_id, claims["10002"], date(2025, 11, 26))
    assert flat.steps == []
    with UnitOfWork(engine) as uow:
        lift_dispute(uow, utility_id, claims["10002"], "Aflæsningen er kontrolleret", "kbh",
                     clock_on(date(2025, 11, 26)))  # fmt: skip
    assert run_days(engine, utility_id, date(2025, 11, 27), date(2025, 11, 27)) == {
        date(2025, 11, 27): [StepKind.REMINDER]
    }
    assert_ledger_invariants(engine, utility_id)
