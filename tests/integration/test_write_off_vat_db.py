"""A write-off of bad debt gets its output VAT back, on both databases (momsloven § 27, stk. 5).

The Vestervig story (`tests.integration.test_collections_db`): the house's installment of
1 October 2025 (heat at 25 % VAT) is reminded (100 kr., outside VAT) and charged late interest;
written off in full on 15 December, the bill's share of VAT goes back on VAT_PAYABLE on a line
of its own, the reminder fee and the interest go to bad debt whole. The reversal of the
write-off puts the VAT back.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.domain.ledger import Account, JournalEntry, Reason
from heatbill.domain.money import Money, round_ore
from heatbill.services.collection_cases import case_of
from heatbill.services.external_collection import reverse_write_off, write_off
from heatbill.services.late_interest import post_late_interest
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import clock_on
from tests.integration.test_collections_db import run_days, vestervig_claims

WRITTEN_OFF = date(2025, 12, 15)


def journal(engine: Engine, utility_id: int) -> list[JournalEntry]:
    with UnitOfWork(engine, write=False) as uow:
        return [e for _, e in uow.ledger(utility_id).journal()]


def vat_balance(engine: Engine, utility_id: int) -> Money:
    with UnitOfWork(engine, write=False) as uow:
        return uow.ledger(utility_id).account_balances()[Account.VAT_PAYABLE]


def test_a_heat_bill_written_off_gets_its_vat_back_and_fees_and_interest_none(
    engine: Engine,
) -> None:
    utility_id, claims = vestervig_claims(engine)
    house = claims["10001"]
    run_days(engine, utility_id, date(2025, 11, 4), date(2025, 11, 4))  # the reminder
    with UnitOfWork(engine) as uow:
        post_late_interest(utility_id, date(2025, 12, 1), uow, clock_on(date(2025, 12, 1)))
    with UnitOfWork(engine, write=False) as uow:
        claim = case_of(uow, utility_id, house, WRITTEN_OFF).claim
    assert claim.fees == Money.kroner(100)
    assert claim.interest.is_positive
    [bill] = [e for e in journal(engine, utility_id)
              if any(i.open_item_id == house for i in e.new_open_items)]  # fmt: skip
    billed_vat = -sum((p.amount for p in bill.postings if p.account is Account.VAT_PAYABLE),
                      Money(0))  # fmt: skip
    billed = next(p.amount for p in bill.postings if p.account is Account.RECEIVABLES)
    assert billed_vat.is_positive  # heat at 25 %
    expected = round_ore(Decimal(claim.principal.ore) * billed_vat.ore / billed.ore)
    vat_before = vat_balance(engine, utility_id)

    with UnitOfWork(engine) as uow:
        done = write_off(uow, utility_id, house, None, "Uerholdeligt: dødsbo uden midler", "kbh",
                         clock_on(WRITTEN_OFF))  # fmt: skip
    assert done.amount == claim.owed
    [entry] = [e for e in journal(engine, utility_id) if e.reason is Reason.WRITE_OFF]
    lines = [(p.account, p.amount) for p in entry.postings if p.account is not Account.RECEIVABLES]
    assert lines == [(Account.BAD_DEBT, claim.owed - expected), (Account.VAT_PAYABLE, expected)]
    assert entry.clause == "momsloven § 27, stk. 5"
    assert vat_balance(engine, utility_id) == vat_before + expected

    with UnitOfWork(engine) as uow:
        reverse_write_off(uow, utility_id, done.write_off_id, "Boet betalte alligevel", "kbh",
                          clock_on(date(2025, 12, 20)))  # fmt: skip
    assert vat_balance(engine, utility_id) == vat_before
    assert_ledger_invariants(engine, utility_id)
