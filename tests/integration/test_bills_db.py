"""Bills on both databases: one entry per bill, issued once per key, never changed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money
from heatbill.services.billing import issue_bills
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import clock_on, with_customers

CLOCK = clock_on(date(2026, 3, 2))


def extra_reading_bill(engine: Engine, utility_id: int) -> Bill:
    with UnitOfWork(engine, write=False) as uow:
        installation = uow.installations(utility_id).installation_by_number("10001")
        [customer] = uow.installations(utility_id).relationships_of(installation.installation_id)
    line = BillLine(
        "Ekstraordinær aflæsning",
        Money.kroner(216),
        Money.kroner(54),
        Account.FEE_REVENUE,
        "solrod 5.6",
    )
    return Bill(
        0,
        "",
        BillKind.CHARGE,
        customer.relationship_id,
        installation.installation_id,
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 2),
        date(2026, 3, 31),
        (line,),
    )


def test_a_bill_is_booked_once_with_its_open_item(engine: Engine) -> None:
    story = with_customers(engine, CLOCK)
    draft = extra_reading_bill(engine, story)
    with UnitOfWork(engine) as uow:
        issued = issue_bills(
            uow, story, [draft], clause_of={"charge": "solrod 5.6"}, now=CLOCK.now()
        )
        uow.commit()
    [bill] = issued.bills
    assert bill.number.startswith("2026-")
    assert bill.total == Money.kroner(270)
    with UnitOfWork(engine) as uow:
        again = issue_bills(uow, story, [draft], clause_of={}, now=CLOCK.now())
        uow.commit()
    assert (again.bills, again.already) == ([], 1)
    with UnitOfWork(engine, write=False) as uow:
        [(item, residual)] = uow.ledger(story).open_items(draft.customer_id)
        [stored] = uow.bills(story).of_customer(draft.customer_id)
        balances = uow.ledger(story).account_balances()
    assert (residual, item.reference, item.due_date) == (
        Money.kroner(270),
        f"Regning {bill.number}",
        date(2026, 3, 31),
    )
    assert stored == bill
    assert balances[Account.FEE_REVENUE] == -Money.kroner(216)
    assert balances[Account.VAT_PAYABLE] == -Money.kroner(54)
    for statement in ("UPDATE bill SET due_date = issue_date", "DELETE FROM bill_line"):
        with engine.connect() as connection, pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(statement + " WHERE utility_id = :u"), {"u": story})
    assert_ledger_invariants(engine, story)


def test_a_dry_run_computes_the_bills_and_books_nothing(engine: Engine) -> None:
    story = with_customers(engine, CLOCK)
    draft = extra_reading_bill(engine, story)
    with UnitOfWork(engine) as uow:
        preview = issue_bills(uow, story, [draft], clause_of={}, now=CLOCK.now(), dry_run=True)
        uow.commit()
    assert [b.total for b in preview.bills] == [Money.kroner(270)]
    with UnitOfWork(engine, write=False) as uow:
        assert uow.bills(story).of_customer(draft.customer_id) == []
