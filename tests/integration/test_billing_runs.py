"""Budgets and installments by the `4rater` rulebook, on both databases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.domain.billing.bill import BillKind
from heatbill.domain.money import Money, allocate, with_vat
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import (
    a_year_of_readings,
    clock_on,
    readings_csv,
    with_customers,
)

CLOCK = clock_on(date(2026, 1, 2))


def four_rater_with_2025(engine: Engine) -> tuple[int, dict[str, Decimal]]:
    utility_id = with_customers(engine, CLOCK, preset="4rater")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    start = dict(registers)
    rows = [(m, date(2024, 12, 31), v, v * 20) for m, v in registers.items()]
    rows += a_year_of_readings(date(2025, 1, 1), 12, registers)
    with UnitOfWork(engine) as uow:
        import_readings(
            ImportFile(utility_id, "2025.csv", readings_csv(rows)), ReadingSource.REMOTE, uow, CLOCK
        )
    return utility_id, {m: registers[m] - start[m] for m in registers}


def test_the_budget_is_last_years_use_at_this_years_prices_in_four_equal_parts(
    engine: Engine,
) -> None:
    utility_id, used = four_rater_with_2025(engine)
    with UnitOfWork(engine) as uow:
        report = set_budgets(utility_id, 2026, uow, CLOCK)
    assert (report.done, report.problems) == (3, [])
    # 4rater's sheet (illustrative prices): 450 kr/MWh, 2.000 kr subscription, 12 kr/m² BBR,
    # 600 kr meter rent a year, all ex VAT; the house at Solrød Byvej 12 has 142,5 m².
    net = (
        Money.kroner(Decimal(450) * used["M1"])
        + Money.kroner(2000)
        + Money.kroner(Decimal("142.5") * 12)
        + Money.kroner(600)
    )
    expected = with_vat(net)
    with UnitOfWork(engine, write=False) as uow:
        budgets = uow.budgets(utility_id).latest(2026)
        house = uow.installations(utility_id).installation_by_number("10001")
        [customer] = uow.installations(utility_id).relationships_of(house.installation_id)
    assert budgets[customer.relationship_id].amount == expected
    assert budgets[customer.relationship_id].basis == "last_year_actual"
    with UnitOfWork(engine) as uow:
        again = set_budgets(utility_id, 2026, uow, CLOCK)
    assert (again.done, again.already) == (0, 3)

    # Installment 1 on 2 January (the first bank day, 4rater), due 2 February.
    with UnitOfWork(engine) as uow:
        billed = bill_installments(utility_id, date(2026, 1, 2), uow, CLOCK)
    assert billed.done == 3
    with UnitOfWork(engine, write=False) as uow:
        [bill] = uow.bills(utility_id).of_customer(customer.relationship_id)
    assert bill.kind is BillKind.INSTALLMENT
    assert bill.total == allocate(expected, [1, 1, 1, 1])[0]
    assert (bill.issue_date, bill.due_date) == (date(2026, 1, 2), date(2026, 2, 2))
    with UnitOfWork(engine) as uow:
        repeat = bill_installments(utility_id, date(2026, 1, 2), uow, CLOCK)
    assert (repeat.done, repeat.already) == (0, 3)
    assert_ledger_invariants(engine, utility_id)
