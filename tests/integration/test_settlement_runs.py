"""The annual settlement by `4rater`, worked examples on both databases: owed with
installment 2, a refund larger than installment 2 paid out, a smaller one set off — whether
installment 2 is billed before the settlement run or after it (then the refund waits as a
credit and the installment run sets it off)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from heatbill.domain.billing.bill import BillKind
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import (
    ANNUAL_MWH,
    clock_on,
    month_ends,
    monthly_use,
    readings_csv,
    with_customers,
)

# How much of last year's use each customer uses in 2026.
SHARE_2026 = {"M1": Decimal("0.6"), "M2": Decimal("0.9"), "M3": Decimal("1.25")}
CHARGE_DATES_2026 = [date(2026, 1, 2), date(2026, 3, 2), date(2026, 6, 1), date(2026, 9, 1)]


def readings_for(
    registers: dict[str, Decimal], first: date, months: int, share: dict[str, Decimal]
) -> bytes:
    rows = []
    for day in month_ends(first, months):
        for meter, annual in ANNUAL_MWH.items():
            registers[meter] += (monthly_use(annual, day.month) * share[meter]).quantize(
                Decimal("0.001")
            )
            rows.append((meter, day, registers[meter], registers[meter] * 20))
    return readings_csv(rows)


@pytest.mark.parametrize("installment_first", [True, False], ids=["rate-first", "settlement-first"])
def test_the_annual_settlement_collects_sets_off_and_pays_out(
    engine: Engine, installment_first: bool
) -> None:
    clock = clock_on(date(2026, 1, 2))
    utility_id = with_customers(engine, clock, preset="4rater")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    first = readings_csv([(m, date(2024, 12, 31), v, v * 20) for m, v in registers.items()])
    one = dict.fromkeys(ANNUAL_MWH, Decimal(1))
    for name, data in (
        ("start.csv", first),
        ("2025.csv", readings_for(registers, date(2025, 1, 1), 12, one)),
    ):
        with UnitOfWork(engine) as uow:
            import_readings(ImportFile(utility_id, name, data), ReadingSource.REMOTE, uow, clock)
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, clock)
    for day in CHARGE_DATES_2026:
        clock.advance_to(day)
        with UnitOfWork(engine) as uow:
            bill_installments(utility_id, day, uow, clock)
    clock.advance_to(date(2027, 1, 4))
    with UnitOfWork(engine) as uow:
        import_readings(
            ImportFile(
                utility_id, "2026.csv", readings_for(registers, date(2026, 1, 1), 12, SHARE_2026)
            ),
            ReadingSource.REMOTE,
            uow,
            clock,
        )
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2027, uow, clock)
    march = date(2027, 3, 1)  # the first bank day of March 2027: installment 2 (4rater)
    clock.advance_to(march)
    if installment_first:
        with UnitOfWork(engine) as uow:
            bill_installments(utility_id, march, uow, clock)
    with UnitOfWork(engine) as uow:
        report = settle_year_run(utility_id, 2026, uow, clock)
    assert (report.done, report.problems) == (3, [])
    if not installment_first:
        with UnitOfWork(engine) as uow:
            bill_installments(utility_id, march, uow, clock)

    customers = {}
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        for number, meter in (("10001", "M1"), ("10002", "M2"), ("10003", "M3")):
            found = installations.installation_by_number(number)
            [customer] = installations.relationships_of(found.installation_id)
            bills = uow.bills(utility_id).of_customer(customer.relationship_id)
            # Only what falls due from installment 2 on: the 2026 installments stay unpaid here.
            items = [
                (i, r)
                for i, r in uow.ledger(utility_id).open_items(customer.relationship_id)
                if i.due_date >= march
            ]
            customers[meter] = (bills, items)
        refunds = uow.ledger(utility_id).account_balances().get(Account.REFUNDS_PAYABLE)

    def settlement_and_installment_2(meter: str) -> tuple[Money, Money]:
        bills = customers[meter][0]
        [settlement] = [b for b in bills if b.kind is BillKind.ANNUAL_SETTLEMENT]
        [inst2] = [b for b in bills if b.kind is BillKind.INSTALLMENT and b.issue_date == march]
        assert settlement.issue_date == march
        return settlement.total, inst2.total

    # M3 used more: the amount owed is collected with installment 2, due the same day.
    owed, inst2 = settlement_and_installment_2("M3")
    assert owed > Money(0)
    assert sorted(r for _, r in customers["M3"][1]) == sorted([owed, inst2])
    # M2's refund is smaller than installment 2: set off, only the rest of the rate is open.
    refund, inst2 = settlement_and_installment_2("M2")
    assert Money(0) < -refund < inst2
    assert [r for _, r in customers["M2"][1]] == [inst2 + refund]
    # M1's refund is larger than installment 2: paid out (refunds payable), rate 2 stays open.
    refund, inst2 = settlement_and_installment_2("M1")
    assert -refund > inst2
    assert [r for _, r in customers["M1"][1]] == [inst2]
    assert refunds == refund

    with UnitOfWork(engine) as uow:
        again = settle_year_run(utility_id, 2026, uow, clock)
        rate_again = bill_installments(utility_id, march, uow, clock)
    assert (again.done, again.already) == (0, 3)
    assert rate_again.done == 0
    assert_ledger_invariants(engine, utility_id)
