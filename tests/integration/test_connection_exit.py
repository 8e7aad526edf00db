"""Connection contributions, exit statements and one-off charges on both databases: billed
once through `issue_bills`, booked on the ledger, a repeated request finding its bill."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.billing.bill import BillKind
from heatbill.domain.billing.exit_statement import PlantShare
from heatbill.domain.errors import ConflictError, NotFoundError
from heatbill.domain.ledger import OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.tariff import FeeKind, VatScope
from heatbill.services.connection_exit import (
    BillConnection,
    StateExit,
    bill_connection,
    bill_one_off_charge,
    exit_statement,
    refund_meter_test,
)
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile
from heatbill.services.ledger import RecordPayment, record_payment
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import CUSTOMERS_CSV, clock_on, with_customers

MARCH_10 = date(2026, 3, 10)
METER_TEST_FEE = (
    'meter_test = { amount = "800.00", vat = "standard", clause = "vestervig 5.10", '
    'basis = "illustrative" }\n'
)


def customer_of(engine: Engine, utility_id: int, number: str) -> int:
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        installation = installations.installation_by_number(number)
        [relationship] = installations.relationships_of(installation.installation_id)
    return relationship.relationship_id


def vestervig_with_meter_tests(engine: Engine, clock: FixedClock) -> int:
    """Vestervig with a meter-test fee on its sheet (its published sheet has none)."""
    tariffs = preset_text("vestervig", tariffs=True).replace(
        "bill_copy = {", METER_TEST_FEE + "bill_copy = {"
    )
    command = CreateUtility(
        code=f"vestervig-{uuid.uuid4().hex[:8]}",
        name="Vestervig Fjernvarme",
        cvr="11223344",
        address="Vestervig",
        fi_creditor_number="81234567",
        pbs_number=None,
        rulebook=RuleText(preset_source("vestervig"), preset_text("vestervig")),
        tariffs=RuleText("tariffs/vestervig.toml", tariffs),
    )
    with UnitOfWork(engine) as uow:
        utility_id = create_utility(command, uow, clock).utility_id
    with UnitOfWork(engine) as uow:
        upload = ImportFile(utility_id, "kunder.csv", CUSTOMERS_CSV.encode())
        import_customers(upload, clock.today(), uow, clock)
    return utility_id


def test_a_vestervig_connection_contribution_billed_once(engine: Engine) -> None:
    clock = clock_on(date(2026, 4, 1))
    utility_id = with_customers(engine, clock, preset="vestervig")
    command = BillConnection(
        utility_id,
        "10001",
        Decimal(18),
        development_area=False,
        pipe_laid_on=date(2026, 5, 20),
        on=date(2026, 4, 1),
    )
    with UnitOfWork(engine) as uow:
        charged = bill_connection(command, uow, clock)
    bill = charged.bill
    assert (bill.kind, bill.total, bill.vat) == (
        BillKind.CONNECTION,
        Money.kroner(30000),
        Money.kroner(6000),
    )
    assert bill.due_date == date(2026, 5, 1)  # before the pipe is laid (vestervig 2.6)
    owner = customer_of(engine, utility_id, "10001")
    with UnitOfWork(engine, write=False) as uow:
        [stored] = uow.bills(utility_id).of_customer(owner)
        [(item, residual)] = uow.ledger(utility_id).open_items(owner)
    assert stored.lines == bill.lines
    assert (item.due_date, residual, item.clause) == (bill.due_date, bill.total, "vestervig 2.7")

    with UnitOfWork(engine) as uow:
        again = bill_connection(command, uow, clock)
    assert (again.already, again.bill.number) == (True, bill.number)
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError, match=bill.number):
        bill_connection(replace(command, trace_m=Decimal(25)), uow, clock)
    assert_ledger_invariants(engine, utility_id)


def test_a_sheet_without_connection_prices_bills_no_contribution(engine: Engine) -> None:
    clock = clock_on(date(2026, 4, 1))
    utility_id = with_customers(engine, clock)
    command = BillConnection(
        utility_id, "10001", Decimal(10), False, date(2026, 6, 1), clock.today()
    )
    with UnitOfWork(engine) as uow, pytest.raises(NotFoundError, match="solrod"):
        bill_connection(command, uow, clock)


def exit_command(utility_id: int, number: str, *, capacity_transferred: bool = False) -> StateExit:
    plant = PlantShare(
        Money.kroner(10_000_000), Money.kroner(4_000_000), Decimal(150), Decimal(60_000)
    )
    return StateExit(
        utility_id=utility_id,
        installation_number=number,
        notice_date=MARCH_10,
        annual_statement=Money.kroner("12345.00"),
        owed=Money(0),
        disconnection=Money.kroner(4000),
        pipe_removal=Money(0),
        plant=plant,
        capacity_transferred=capacity_transferred,
        compensation_vat=VatScope.OUTSIDE,
        on=MARCH_10,
    )


def test_a_vestervig_exit_statement_and_its_bill(engine: Engine) -> None:
    clock = clock_on(MARCH_10)
    utility_id = with_customers(engine, clock, preset="vestervig")
    with UnitOfWork(engine) as uow:
        result = exit_statement(exit_command(utility_id, "10001"), uow, clock)
    assert result.exit_date == date(2028, 5, 31)  # 18 months to a financial year end
    assert result.bill is not None
    bill = result.bill.bill
    # c: 4.000 + 1.000 VAT, the meter removal 600 + 150 VAT; e: 15.000 outside VAT.
    assert (bill.kind, bill.total) == (BillKind.EXIT, Money.kroner(20750))
    assert (bill.period_start, bill.due_date) == (date(2028, 5, 31), date(2026, 4, 1))
    assert result.statement.to_pay == Money.kroner("33095.00")
    with UnitOfWork(engine) as uow:
        again = exit_statement(exit_command(utility_id, "10001"), uow, clock)
    assert again.bill is not None
    assert (again.bill.already, again.bill.bill.number) == (True, bill.number)
    assert_ledger_invariants(engine, utility_id)


def test_no_e_share_when_the_capacity_passes_on(engine: Engine) -> None:
    clock = clock_on(MARCH_10)
    utility_id = with_customers(engine, clock, preset="vestervig")
    command = exit_command(utility_id, "10003", capacity_transferred=True)
    with UnitOfWork(engine) as uow:
        result = exit_statement(command, uow, clock)
    assert result.bill is not None
    assert [line.text[:2] for line in result.bill.bill.lines] == ["c.", "c."]


def test_a_solrod_member_since_2018_leaves_at_a_month_end_and_pays_compensation(
    engine: Engine,
) -> None:
    clock = clock_on(MARCH_10)
    utility_id = with_customers(engine, clock)
    command = exit_command(utility_id, "10003", capacity_transferred=True)
    with UnitOfWork(engine) as uow:
        result = exit_statement(command, uow, clock)
    assert result.exit_date == date(2026, 4, 30)  # one month to a month end (solrod 2.18)
    assert result.bill is not None
    assert [line.clause for line in result.bill.bill.lines][-1] == "solrod 2.19"
    with UnitOfWork(engine) as uow, pytest.raises(NotFoundError, match="ingen ejer"):
        exit_statement(exit_command(utility_id, "10002"), uow, clock)  # a tenant
    assert_ledger_invariants(engine, utility_id)


def test_an_extra_reading_is_billed_once_a_day(engine: Engine) -> None:
    clock = clock_on(MARCH_10)
    u = with_customers(engine, clock, preset="vestervig")
    reading = (u, "10002", FeeKind.EXTRA_READING, MARCH_10, "efter ønske")
    with UnitOfWork(engine) as uow:
        charged = bill_one_off_charge(*reading, uow, clock)
    assert (charged.bill.kind, charged.bill.total) == (BillKind.CHARGE, Money.kroner(250))
    assert charged.bill.customer_id == customer_of(engine, u, "10002")  # the tenant
    with UnitOfWork(engine) as uow:
        assert bill_one_off_charge(*reading, uow, clock).already
    works = (u, "10002", FeeKind.PIPE_RELOCATION, MARCH_10, "tilbygning")
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError, match=charged.bill.number):
        bill_one_off_charge(*works, uow, clock, cost=Money.kroner(9000))
    next_day = (u, "10002", FeeKind.PIPE_RELOCATION, date(2026, 3, 11), "tilbygning")
    with UnitOfWork(engine) as uow:
        relocation = bill_one_off_charge(*next_day, uow, clock, cost=Money.kroner(9000)).bill
    assert (relocation.total, relocation.lines[0].clause) == (
        Money.kroner(11250),
        "vestervig 2.13",
    )
    assert_ledger_invariants(engine, u)


def test_an_unpaid_meter_test_outside_tolerance_is_credited_in_full(engine: Engine) -> None:
    clock = clock_on(MARCH_10)
    u = vestervig_with_meter_tests(engine, clock)
    with UnitOfWork(engine) as uow:
        charge = bill_one_off_charge(
            u, "10001", FeeKind.METER_TEST, MARCH_10, "skriftlig anmodning", uow, clock
        ).bill
    assert charge.total == Money.kroner(1000)
    with UnitOfWork(engine) as uow:
        credit = refund_meter_test(u, "10001", MARCH_10, date(2026, 4, 2), uow, clock)
    assert (credit.bill.kind, credit.bill.total) == (BillKind.CREDIT_NOTE, -Money.kroner(1000))
    assert credit.bill.corrects_bill_id == charge.bill_id
    with UnitOfWork(engine, write=False) as uow:
        assert uow.ledger(u).open_items(charge.customer_id) == []  # the claim is cancelled
    with UnitOfWork(engine) as uow:
        again = refund_meter_test(u, "10001", MARCH_10, date(2026, 4, 2), uow, clock)
    assert (again.already, again.bill.number) == (True, credit.bill.number)
    assert_ledger_invariants(engine, u)


def test_a_paid_meter_test_refund_stays_to_the_customers_good(engine: Engine) -> None:
    clock = clock_on(MARCH_10)
    u = vestervig_with_meter_tests(engine, clock)
    with UnitOfWork(engine) as uow:
        charge = bill_one_off_charge(u, "10001", FeeKind.METER_TEST, MARCH_10, "", uow, clock).bill
    payment = RecordPayment(
        u, charge.customer_id, Money.kroner(1000), date(2026, 3, 20), "FI", "pay-1"
    )
    with UnitOfWork(engine) as uow:
        record_payment(payment, uow, clock)
    with UnitOfWork(engine) as uow:
        refund_meter_test(u, "10001", MARCH_10, date(2026, 4, 2), uow, clock)
    with UnitOfWork(engine, write=False) as uow:
        [(item, residual)] = uow.ledger(u).open_items(charge.customer_id)
    assert (item.kind, residual) == (OpenItemKind.CREDIT, -Money.kroner(1000))
    assert_ledger_invariants(engine, u)
