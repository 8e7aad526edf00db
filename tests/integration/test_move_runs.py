"""Move settlements by `vestervig` on both databases: the leaver's part of the heating year,
the move-statement fee by reading visit, due by the rulebook; and the newcomer's budget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.domain.billing.bill import BillKind
from heatbill.domain.money import Money
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.move_runs import set_move_in_budgets, settle_moves
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import (
    a_year_of_readings,
    clock_on,
    monthly_use,
    readings_csv,
    with_customers,
)


def test_a_vestervig_move_settlement_with_its_fee(engine: Engine) -> None:
    clock = clock_on(date(2026, 3, 16))
    utility_id = with_customers(engine, clock, preset="vestervig")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    rows = [(m, date(2025, 5, 31), v, v * 20) for m, v in registers.items()]
    rows += a_year_of_readings(date(2025, 6, 1), 9, registers)  # to 28-02-2026
    with UnitOfWork(engine) as uow:
        import_readings(
            ImportFile(utility_id, "readings.csv", readings_csv(rows)),
            ReadingSource.REMOTE,
            uow,
            clock,
        )
    at_move = registers["M2"] + (monthly_use(Decimal(8), 3) / 2).quantize(Decimal("0.001"))
    with UnitOfWork(engine) as uow:
        moved = register_move(
            RegisterMove(
                utility_id,
                "10002",
                MoveKind.MOVE_OUT,
                date(2026, 3, 16),
                notified_on=date(2026, 3, 2),
                reading=MoveReading(at_move, at_move * 20, ReadingSource.TECHNICIAN),
            ),
            uow,
            clock,
        )
    [leaver_id] = [r for r, _ in moved.ended]
    clock.advance_to(date(2026, 3, 20))
    with UnitOfWork(engine) as uow:
        report = settle_moves(utility_id, date(2026, 3, 20), uow, clock)
    assert (report.done, report.problems) == (1, [])
    with UnitOfWork(engine, write=False) as uow:
        [bill] = uow.bills(utility_id).of_customer(leaver_id)
        [(item, residual)] = uow.ledger(utility_id).open_items(leaver_id)
    assert bill.kind is BillKind.MOVE_SETTLEMENT
    # Vestervig's heating year begins 1 June; the tenant is billed to the move (16 March).
    assert (bill.period_start, bill.period_end) == (date(2025, 6, 1), date(2026, 3, 16))
    [fee] = [line for line in bill.lines if line.text == "Gebyr for flytteopgørelse"]
    assert fee.amount + fee.vat == Money.kroner("337.50")  # by reading visit, vestervig 6.12
    assert fee.clause == "vestervig 6.12"
    # Due at least 14 days later and across a month end (vestervig 6.4): 20 March + 14 days is
    # Good Friday, 3 April 2026; Easter Monday is closed too, so the due date is 7 April.
    assert (bill.issue_date, bill.due_date) == (date(2026, 3, 20), date(2026, 4, 7))
    assert residual == bill.total
    assert item.customer_id == leaver_id  # the claim stays with the leaver (vestervig 6.9)
    with UnitOfWork(engine) as uow:
        again = settle_moves(utility_id, date(2026, 3, 20), uow, clock)
    assert (again.done, again.already) == (0, 0)

    # The owner, liable in the gap, gets a budget from the move date, by season.
    with UnitOfWork(engine) as uow:
        budgets = set_move_in_budgets(utility_id, date(2026, 3, 20), uow, clock)
    assert budgets.done == 1
    assert_ledger_invariants(engine, utility_id)
