"""External collection, tenants and landlords, reconstruction and bankruptcy on both databases
(issue 6, items 7–9), on the Vestervig claims of `test_collections_db`:

- the tenant's collection notice tells the owner too (`vestervig 6.6`); a landlord's notice
  states the tenants' right to a restored supply (`aalborg 2.10`);
- a claim still unpaid after the closing goes to the lawyer (`vestervig 6.6`), without a
  second collection fee; the partner's return file clears it, once and all or nothing, costs
  within the legal cap; a recall; a write-off and its reversal;
- a bankruptcy cut-off freezes the earlier claim and states it for the estate; the next bill
  is collected as usual.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine

from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.collections.external import cost_cap
from heatbill.domain.errors import ConflictError
from heatbill.domain.letters import LetterKind
from heatbill.domain.money import Money
from heatbill.services.billing_runs import bill_installments
from heatbill.services.collection_cases import VisitReport, case_of, report_visit
from heatbill.services.cut_off import CutOff, CutOffKind, cut_off
from heatbill.services.external_collection import (
    import_agency_file,
    mark_rental_property,
    recall,
    reverse_write_off,
    write_off,
)
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.register_story import clock_on
from tests.integration.test_collections_db import run_days, vestervig_claims

KR = Money.kroner
ONE_DAY = timedelta(days=1)


def letters_of(engine: Engine, utility_id: int, kind: LetterKind) -> list[dict[str, str]]:
    with UnitOfWork(engine, write=False) as uow:
        parties = uow.parties(utility_id).all()
        letters = uow.letters(utility_id)
        return [
            {"party": parties[q.request.party_id].name, **q.request.facts}
            for party_id in sorted(parties)
            for q in letters.of_party(party_id)
            if q.request.kind is kind
        ]


def test_owner_told_landlord_right_stated_then_the_lawyer_and_the_return_file(
    engine: Engine,
) -> None:
    utility_id, claims = vestervig_claims(engine)
    house, flat = claims["10001"], claims["10002"]
    with UnitOfWork(engine) as uow:  # the house's owner lets it and supplies the heat
        mark_rental_property(uow, utility_id, "10001", date(2025, 6, 2), "kbh",
                             clock_on(date(2025, 11, 1)))  # fmt: skip
    taken = run_days(engine, utility_id, date(2025, 11, 1), date(2025, 11, 20))
    assert taken[date(2025, 11, 15)] == [StepKind.COLLECTION_NOTICE] * 3

    # The flat's tenant has a direct relationship: the owner is told, without the amount.
    [told] = letters_of(engine, utility_id, LetterKind.LANDLORD_NOTICE)
    assert told["party"] == "Boligselskabet Strandparken"
    assert told["address"] == "Strandvejen 3, 1. tv"
    assert told["deadline"] == "20-11-2025"
    assert "owed" not in told
    # The landlord's notice and the closing order state the tenants' right (aalborg 2.10).
    notices = letters_of(engine, utility_id, LetterKind.COLLECTION_NOTICE)
    rights = {n["party"]: n.get("tenants_right_clause") for n in notices}
    assert rights == {"Jens Hansen": "aalborg 2.10", "Mette Sørensen": None,
                      "Bageriet Ølby ApS": None}  # fmt: skip
    [order] = [o for o in letters_of(engine, utility_id, LetterKind.CLOSING_ORDER)
               if o["party"] == "Jens Hansen"]  # fmt: skip
    assert "kommunen" in order["tenants_right"]

    # Closed, still unpaid: to the lawyer 10 days later; the notice bore the collection fee.
    with UnitOfWork(engine) as uow:
        report_visit(utility_id, VisitReport(house, date(2025, 11, 21), "tek", closed=True), uow,
                     clock_on(date(2025, 11, 21)))  # fmt: skip
    after = run_days(engine, utility_id, date(2025, 11, 21), date(2025, 12, 2))
    assert after == {date(2025, 12, 2): [StepKind.EXTERNAL_COLLECTION]}
    with UnitOfWork(engine, write=False) as uow:
        case = case_of(uow, utility_id, house, date(2025, 12, 3))
    handed = case.steps[-1]
    assert (handed.kind, handed.fee, handed.clause) == (StepKind.EXTERNAL_COLLECTION, Money(0),
                                                        "vestervig 6.6")  # fmt: skip
    assert case.claim.old_debt  # with the partner: no closing for it alone (webinar)
    [letter] = letters_of(engine, utility_id, LetterKind.EXTERNAL_COLLECTION)
    assert letter["partner"] == "Advokat (inkasso)"
    cap = cost_cap(case.claim.principal + case.claim.fees)  # the bill and fees, no interest
    assert letter["cost_cap"] == cap.format_da() == "1.300,00 kr."  # 5.000,01–10.000 kr.
    owed = case.claim.owed

    # A file with a wrong line is refused whole; the good file is taken once.
    bad = (
        f"krav;dato;beloeb;omkostninger\n{house};05-12-2025;100,00;1300,01\n"
        f"{flat};05-12-2025;50,00;0\n"
    )
    with UnitOfWork(engine) as uow, pytest.raises(FileFormatError) as refused:
        import_agency_file(uow, utility_id, "retur0.csv", bad.encode(), "kbh",
                           clock_on(date(2025, 12, 8)))  # fmt: skip
    assert "1.300,01" in str(refused.value)
    assert "aldrig overdraget" in str(refused.value)
    good = f"krav;dato;beloeb;omkostninger\n{house};05-12-2025;500,00;400,00\n".encode()
    with UnitOfWork(engine) as uow:
        done = import_agency_file(uow, utility_id, "retur1.csv", good, "kbh",
                                  clock_on(date(2025, 12, 8)))  # fmt: skip
    assert (done.payments, done.total, done.costs) == (1, KR(500), KR(400))
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError):
        import_agency_file(uow, utility_id, "igen.csv", good, "kbh", clock_on(date(2025, 12, 9)))
    with UnitOfWork(engine, write=False) as uow:
        paid = case_of(uow, utility_id, house, date(2025, 12, 9)).claim
    assert paid.owed == owed - KR(500)
    assert (paid.fees, paid.principal) == (KR(75), case.claim.principal)  # fees first: 575

    # Recalled with a reason: ours again, no longer old debt.
    with UnitOfWork(engine) as uow:
        recall(uow, utility_id, house, "Kunden henvendt sig direkte", "kbh",
               clock_on(date(2025, 12, 10)))  # fmt: skip
    with UnitOfWork(engine, write=False) as uow:
        recalled = case_of(uow, utility_id, house, date(2025, 12, 10))
    assert recalled.steps[-1].kind is StepKind.EXTERNAL_RECALL
    assert recalled.steps[-1].note == "Kunden henvendt sig direkte"
    assert not recalled.claim.old_debt

    # Written off in part, then the rest; the part reversed (the ledger invariants hold).
    with UnitOfWork(engine) as uow:
        part = write_off(uow, utility_id, house, KR(100), "Forlig", "kbh",
                         clock_on(date(2025, 12, 11)))  # fmt: skip
    with UnitOfWork(engine) as uow:
        write_off(uow, utility_id, house, None, "Uerholdeligt", "kbh", clock_on(date(2025, 12, 11)))
    with UnitOfWork(engine, write=False) as uow:
        assert not case_of(uow, utility_id, house, date(2025, 12, 12)).claim.owed.is_positive
    with UnitOfWork(engine) as uow:
        reverse_write_off(uow, utility_id, part.write_off_id, "Forliget faldt bort", "kbh",
                          clock_on(date(2025, 12, 12)))  # fmt: skip
    with UnitOfWork(engine, write=False) as uow:
        assert case_of(uow, utility_id, house, date(2025, 12, 12)).claim.owed == KR(100)
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError):
        reverse_write_off(uow, utility_id, part.write_off_id, "igen", "kbh",
                          clock_on(date(2025, 12, 12)))  # fmt: skip


def test_a_bankruptcy_freezes_the_earlier_claims_and_the_next_bill_is_collected(
    engine: Engine,
) -> None:
    utility_id, claims = vestervig_claims(engine)
    bakery = claims["10003"]
    with UnitOfWork(engine, write=False) as uow:
        customer = case_of(uow, utility_id, bakery, date(2025, 12, 1)).claim.customer_id
    with UnitOfWork(engine) as uow:
        statement = cut_off(
            utility_id, CutOff(customer, date(2025, 12, 1), CutOffKind.BANKRUPTCY, "kbh"), uow,
            clock_on(date(2025, 12, 2)),
        )  # fmt: skip
    [claim] = statement.claims
    assert claim.claim_id == bakery
    assert claim.interest.is_positive  # from the due date 3 November up to 1 December
    assert statement.total == claim.principal + claim.fees + claim.interest
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError):
        cut_off(utility_id, CutOff(customer, date(2025, 12, 1), CutOffKind.BANKRUPTCY, "kbh"),
                uow, clock_on(date(2025, 12, 2)))  # fmt: skip

    # Supply after the date is billed and collected as usual: installment 3 (2 January).
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, date(2026, 1, 2), uow, clock_on(date(2026, 1, 2)))
    with UnitOfWork(engine, write=False) as uow:
        items = uow.ledger(utility_id).open_items(customer)
    [new] = [i for i, _ in items if i.open_item_id != bakery and i.due_date > date(2026, 1, 2)]
    taken = run_days(engine, utility_id, new.due_date, new.due_date + ONE_DAY)
    with UnitOfWork(engine, write=False) as uow:
        frozen = case_of(uow, utility_id, bakery, new.due_date)
        fresh = case_of(uow, utility_id, new.open_item_id, new.due_date + ONE_DAY)
    assert frozen.claim.frozen
    assert frozen.steps == []
    assert not fresh.claim.frozen
    assert [s.kind for s in fresh.steps] == [StepKind.REMINDER]
    assert taken
