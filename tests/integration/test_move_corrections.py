"""Correcting a move settlement on both databases (`vestervig`): the technician's move reading
was wrong; the corrected move statement prices the leaver's part of the year again, keeps the
move-statement fee by reading visit as billed, and stays with the leaver (`vestervig 6.9`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.domain.billing.bill import BillKind
from heatbill.domain.money import Money
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.readings import ReadingSource, ReadingStatus
from heatbill.services.corrections import correct_settlement
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.move_runs import settle_moves
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.services.reading_corrections import correct_accepted_reading
from heatbill.services.reading_review import ReviewReading
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import (
    a_year_of_readings,
    clock_on,
    monthly_use,
    readings_csv,
    with_customers,
)

MOVE_FEE = "Gebyr for flytteopgørelse"


def test_a_corrected_move_reading_corrects_the_move_statement(engine: Engine) -> None:
    clock = clock_on(date(2026, 3, 16))
    u = with_customers(engine, clock, preset="vestervig")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    rows = [(m, date(2025, 5, 31), v, v * 20) for m, v in registers.items()]
    rows += a_year_of_readings(date(2025, 6, 1), 9, registers)  # to 28-02-2026
    with UnitOfWork(engine) as uow:
        data = ImportFile(u, "readings.csv", readings_csv(rows))
        import_readings(data, ReadingSource.REMOTE, uow, clock)
    at_move = registers["M2"] + (monthly_use(Decimal(8), 3) / 2).quantize(Decimal("0.001"))
    with UnitOfWork(engine) as uow:
        moved = register_move(
            RegisterMove(
                u,
                "10002",
                MoveKind.MOVE_OUT,
                date(2026, 3, 16),
                notified_on=date(2026, 3, 2),
                reading=MoveReading(at_move, at_move * 20, ReadingSource.TECHNICIAN),
            ),
            uow,
            clock,
        )
    [leaver] = [r for r, _ in moved.ended]
    clock.advance_to(date(2026, 3, 20))
    with UnitOfWork(engine) as uow:
        settle_moves(u, date(2026, 3, 20), uow, clock)
    with UnitOfWork(engine, write=False) as uow:
        [statement] = uow.bills(u).of_customer(leaver)
        [meter] = uow.installations(u).meters_by_serial(["M2"])["M2"]
        history = uow.readings(u).of_meters([meter.meter_id])[meter.meter_id]
    [move_reading] = [
        h
        for h in history
        if h.reading.read_on == date(2026, 3, 15) and h.status is ReadingStatus.ACCEPTED
    ]

    clock.advance_to(date(2026, 4, 7))
    why = "Teknikeren aflæste volumen i stedet for energi"
    lower = at_move - Decimal("0.500")
    with UnitOfWork(engine) as uow:
        command = ReviewReading(u, move_reading.reading_id, "sagsbehandler", why)
        correct_accepted_reading(command, lower, lower * 20, uow, clock)
    with UnitOfWork(engine) as uow:
        note, new = correct_settlement(u, statement.bill_id, date(2026, 4, 7), why, uow, clock)

    assert (new.kind, new.revision, new.customer_id) == (BillKind.MOVE_SETTLEMENT, 1, leaver)
    assert (new.period_start, new.period_end) == (statement.period_start, statement.period_end)
    assert note.total == -statement.total
    assert Money(0) < statement.total - new.total  # half a MWh less, incl. VAT
    [fee] = [line for line in new.lines if line.text == MOVE_FEE]
    assert fee.amount + fee.vat == Money.kroner("337.50")  # still by reading visit (6.12)
    with UnitOfWork(engine, write=False) as uow:
        [(item, residual)] = uow.ledger(u).open_items(leaver)
    assert (item.reference, residual) == (f"Regning {new.number}", new.total)
    assert_ledger_invariants(engine, u)
