"""Security deposits on both databases, as issue 6 names the scenarios: old debt at a new
address → a security demanded after an individual assessment → not given → written notice →
closing, and reopening once a deposit is paid in (`webinar`, `aalborg 3.4`, `vestervig 6.8`);
and a deposit refunded after a year paid on time, set off against what is open (`solrod 6.10`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from heatbill.domain.collections.claim import StepKind
from heatbill.domain.collections.securities import Ground
from heatbill.domain.collections.timeline import Hold
from heatbill.domain.ledger import Account
from heatbill.domain.letters import LetterKind
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.domain.payments.refunds import RefundSource
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.domain.tariff.fees import FeeKind
from heatbill.services.collection_cases import VisitReport, case_of, report_visit
from heatbill.services.collections import run_collections
from heatbill.services.imports import ImportFile
from heatbill.services.moves import RegisterMove, register_move
from heatbill.services.one_off_charges import bill_one_off_charge
from heatbill.services.payments import import_payments
from heatbill.services.refunds import ProposeRefunds, propose_refunds
from heatbill.services.securities import (
    DemandSecurity,
    RecordSecurity,
    demand_security,
    record_security,
)
from heatbill.services.security_assessment import assess_customer
from heatbill.services.security_release import release_due
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import camt053
from tests.integration.register_story import clock_on
from tests.integration.test_collections_db import DUE, run_days, vestervig_claims


def pay_on_time(engine: Engine, utility_id: int, claim_ids: list[int], name: str) -> None:
    with UnitOfWork(engine, write=False) as uow:
        owed = [(c, case_of(uow, utility_id, c, DUE).claim.owed) for c in claim_ids]
    lines = [(payment_id_for_open_item(c), amount.ore) for c, amount in owed]
    with UnitOfWork(engine) as uow:
        import_payments(
            ImportFile(utility_id, f"{name}.xml", camt053(name, DUE, lines)), uow, clock_on(DUE)
        )


def customer_of(engine: Engine, utility_id: int, number: str) -> tuple[int, int]:
    """The installation's customer in force: (relationship id, party id)."""
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        found = installations.installation_by_number(number)
        [current] = [
            r for r in installations.relationships_of(found.installation_id) if r.end is None
        ]
    return current.relationship_id, current.party_id


def deposits_held(engine: Engine, utility_id: int) -> Money:
    with UnitOfWork(engine, write=False) as uow:
        return uow.ledger(utility_id).account_balances().get(Account.DEPOSITS_HELD, Money(0))


def test_old_debt_at_a_new_address_security_demanded_not_given_closing(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    flat = claims["10002"]  # the tenant's installment, unpaid
    pay_on_time(engine, utility_id, [claims["10001"], claims["10003"]], "DAG1")
    _, tenant = customer_of(engine, utility_id, "10002")
    # The tenant moves out of the flat and into the house: the flat's claim is old debt now.
    with UnitOfWork(engine) as uow:
        register_move(
            RegisterMove(
                utility_id,
                "10002",
                MoveKind.MOVE_OUT,
                date(2025, 11, 10),
                notified_on=date(2025, 11, 1),
            ),
            uow,
            clock_on(date(2025, 11, 1)),
        )
        register_move(RegisterMove(utility_id, "10001", MoveKind.MOVE_IN, date(2025, 11, 12),
                                   notified_on=date(2025, 11, 1), existing_party_id=tenant),
                      uow, clock_on(date(2025, 11, 1)))  # fmt: skip
    new_home, party = customer_of(engine, utility_id, "10001")
    assert party == tenant

    taken = run_days(engine, utility_id, date(2025, 11, 1), date(2025, 11, 20))
    # The reminder while the tenant lived in the flat; no collection notice once the claim is
    # old debt: it would announce a closing that old debt alone never allows (webinar).
    assert taken == {date(2025, 11, 4): [StepKind.REMINDER]}
    # No closing for old debt alone; the security demand waits for staff (vestervig 6.10).
    with UnitOfWork(engine) as uow:
        report = run_collections(utility_id, date(2025, 11, 21), uow, clock_on(date(2025, 11, 21)))
    assert (report.taken, report.awaiting_assessment) == ({}, 1)

    with UnitOfWork(engine, write=False) as uow:
        assessed = assess_customer(uow, utility_id, new_home, date(2025, 11, 21))
        owed = case_of(uow, utility_id, flat, date(2025, 11, 21)).claim.principal
    assert assessed.assessment.grounds == (Ground.OLD_DEBT,)
    assert assessed.assessment.old_debt == owed
    assert assessed.months == 5
    assert assessed.amount.is_positive
    with UnitOfWork(engine) as uow:
        demanded = demand_security(
            DemandSecurity(utility_id, new_home, "Fraflyttet med ubetalt rate; ingen aftale",
                           "kbh", date(2025, 11, 21)),
            uow, clock_on(date(2025, 11, 21)),
        )  # fmt: skip
    assert (demanded.claims, demanded.deadline) == ([flat], date(2025, 12, 1))

    # Not given by the deadline: written notice, then closing after the notice (aalborg 3.4).
    taken = run_days(engine, utility_id, date(2025, 11, 22), date(2025, 12, 8))
    assert taken == {
        date(2025, 12, 2): [StepKind.CLOSING_NOTICE],
        date(2025, 12, 7): [StepKind.CLOSING_VISIT],
    }
    with UnitOfWork(engine) as uow:
        report_visit(utility_id, VisitReport(flat, date(2025, 12, 8), "tekniker", closed=True),
                     uow, clock_on(date(2025, 12, 8)))  # fmt: skip
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, flat, date(2025, 12, 8))
    assert [s.kind for s in case.steps] == [
        StepKind.REMINDER, StepKind.SECURITY_DEMAND,
        StepKind.CLOSING_NOTICE, StepKind.CLOSING_VISIT, StepKind.CLOSED,
    ]  # fmt: skip
    demand = case.steps[1]
    assert (demand.clause, demand.by, demand.deadline) == ("webinar", "kbh", date(2025, 12, 1))
    assert demand.letter_id is not None

    # The deposit is paid in: a liability, and the supply is reopened (vestervig 6.8).
    with UnitOfWork(engine) as uow:
        record_security(
            RecordSecurity(utility_id, new_home, SecurityForm.CASH_DEPOSIT, demanded.amount,
                           "kbh", date(2025, 12, 9)),
            uow, clock_on(date(2025, 12, 9)),
        )  # fmt: skip
    assert run_days(engine, utility_id, date(2025, 12, 10), date(2025, 12, 10)) == {
        date(2025, 12, 10): [StepKind.REOPENING]
    }
    assert deposits_held(engine, utility_id) == -demanded.amount
    # The notice, the closing order, the letter left on site and the reopening order all name
    # the tenant's supply now — the house — never the flat, which is no longer theirs.
    with UnitOfWork(engine, write=False) as uow:
        letters = {q.request.kind: q.request for q in uow.letters(utility_id).of_party(tenant)}
    supply = [LetterKind.CLOSING_NOTICE, LetterKind.CLOSING_ORDER, LetterKind.CLOSING_LETTER,
              LetterKind.REOPENING_ORDER]  # fmt: skip
    assert [letters[k].relationship_id for k in supply] == [new_home] * 4
    assert_ledger_invariants(engine, utility_id)


def test_old_debt_of_a_customer_who_left_us_is_never_closed_at_the_old_address(
    engine: Engine,
) -> None:
    """The tenant moves away from the utility's area with an unpaid bill: nothing of theirs to
    close and no future supply to secure. The flat — someone else's now — is never closed."""
    utility_id, claims = vestervig_claims(engine)
    flat = claims["10002"]
    pay_on_time(engine, utility_id, [claims["10001"], claims["10003"]], "DAG1")
    with UnitOfWork(engine) as uow:
        register_move(RegisterMove(utility_id, "10002", MoveKind.MOVE_OUT, date(2025, 11, 10),
                                   notified_on=date(2025, 11, 1)),
                      uow, clock_on(date(2025, 11, 1)))  # fmt: skip
    taken = run_days(engine, utility_id, date(2025, 11, 1), date(2025, 12, 31))
    assert taken == {date(2025, 11, 4): [StepKind.REMINDER]}
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, flat, date(2025, 12, 31))
    assert case.claim.old_debt
    assert not case.claim.has_supply
    assert isinstance(case.next, Hold)
    assert case.next.clause == "webinar"
    assert case.ahead == []
    assert_ledger_invariants(engine, utility_id)


def test_a_deposit_is_refunded_after_a_year_on_time(engine: Engine) -> None:
    utility_id, claims = vestervig_claims(engine)
    house, _ = customer_of(engine, utility_id, "10001")
    with UnitOfWork(engine, write=False) as uow:
        amount = assess_customer(uow, utility_id, house, date(2025, 10, 2)).amount
    with UnitOfWork(engine) as uow:
        row = record_security(
            RecordSecurity(utility_id, house, SecurityForm.CASH_DEPOSIT, amount, "kbh",
                           date(2025, 10, 2)),
            uow, clock_on(date(2025, 10, 2)),
        )  # fmt: skip
    assert deposits_held(engine, utility_id) == -amount
    pay_on_time(engine, utility_id, [claims["10001"]], "DAG1")
    # A bill not yet due when the year is up: the deposit pays it, the rest goes back.
    with UnitOfWork(engine) as uow:
        charged = bill_one_off_charge(utility_id, "10001", FeeKind.EXTRA_READING,
                                      date(2026, 9, 28), "Ekstra aflæsning", uow,
                                      clock_on(date(2026, 9, 28)))  # fmt: skip
    fee = charged.bill.total

    with UnitOfWork(engine) as uow:
        early = release_due(utility_id, date(2026, 10, 1), uow, clock_on(date(2026, 10, 1)))
    assert (early.released, early.held) == ([], 1)
    with UnitOfWork(engine) as uow:
        report = release_due(utility_id, date(2026, 10, 2), uow, clock_on(date(2026, 10, 2)))
    [released] = report.released
    assert (released.security.security_id, released.reason) == (row.security_id, "on_time")
    assert (released.set_off, released.refund) == (fee, amount - fee)
    with UnitOfWork(engine) as uow:
        again = release_due(utility_id, date(2026, 10, 3), uow, clock_on(date(2026, 10, 3)))
    assert (again.released, again.held) == ([], 0)

    with UnitOfWork(engine) as uow:
        proposed = propose_refunds(ProposeRefunds(utility_id, date(2026, 10, 2)), uow,
                                   clock_on(date(2026, 10, 2)))  # fmt: skip
    deposit = [d for _, d in proposed.proposed if d.source is RefundSource.DEPOSIT]
    assert [(d.customer_id, d.amount) for d in deposit] == [(house, amount - fee)]
    assert deposits_held(engine, utility_id) == Money(0)
    with UnitOfWork(engine, write=False) as uow:
        left = [r for i, r in uow.ledger(utility_id).open_items(house) if r.is_positive]
    assert left == []
    assert_ledger_invariants(engine, utility_id)
