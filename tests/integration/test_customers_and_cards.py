"""Customer import (CPR sealed, landlords once, all or nothing) and self-reading cards."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from heatbill.adapters.db.register_tables import party
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.letters import LetterKind
from heatbill.domain.money import Money
from heatbill.domain.register.parties import Cpr
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.self_reading import follow_up_self_readings, request_self_readings
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.register_story import (
    CUSTOMERS_CSV,
    clock_on,
    readings_csv,
    with_customers,
)


def test_a_cpr_number_is_stored_sealed_and_found_by_exact_match(engine: Engine) -> None:
    clock = clock_on(date(2026, 1, 10))
    utility_id = with_customers(engine, clock)
    with UnitOfWork(engine, write=False) as uow:
        raw = uow.connection.execute(
            select(party.c.cpr_sealed, party.c.cpr_lookup).where(party.c.utility_id == utility_id)
        ).all()
        [found] = uow.parties(utility_id).find_by_cpr(Cpr.parse("010190-1234"))
    assert all("1234" not in (sealed or "") for sealed, _ in raw)
    assert found.name == "Jens Hansen"
    assert str(found.cpr) == "010190-****"


def test_importing_the_same_installations_again_is_refused_by_line(engine: Engine) -> None:
    clock = clock_on(date(2026, 1, 10))
    utility_id = with_customers(engine, clock)
    changed = CUSTOMERS_CSV.replace("Jens Hansen", "Jens Hansen (ny)").encode()
    with UnitOfWork(engine) as uow, pytest.raises(FileFormatError) as refused:
        import_customers(ImportFile(utility_id, "kunder2.csv", changed), clock.today(), uow, clock)
    assert "linje 2, felt maalested: målested 10001 findes allerede" in refused.value.message
    assert "linje 4, felt maaler: måler M3 findes allerede" in refused.value.message


def test_a_missing_card_gets_a_reminder_with_fee_and_then_an_estimate(engine: Engine) -> None:
    # vestervig 5.6-5.7; Solrød's tariff sheet charges the card reminder.
    year_end = date(2026, 12, 31)
    clock = clock_on(date(2027, 1, 2))
    utility_id = with_customers(engine, clock)
    last_card = readings_csv([("M3", date(2025, 12, 31), Decimal("900"), Decimal("18000"))])
    with UnitOfWork(engine) as uow:
        import_readings(
            ImportFile(utility_id, "kort-2025.csv", last_card), ReadingSource.CARD, uow, clock
        )
    with UnitOfWork(engine) as uow:
        [request] = request_self_readings(utility_id, year_end, uow, clock)  # only M3 self-reads
    with UnitOfWork(engine) as uow:
        assert request_self_readings(utility_id, year_end, uow, clock) == []  # once only
    clock.advance_to(request.deadline + timedelta(days=1))
    with UnitOfWork(engine) as uow:
        report = follow_up_self_readings(utility_id, uow, clock)
    assert (report.reminded, report.estimated) == (1, 0)
    with UnitOfWork(engine, write=False) as uow:
        [(fee, residual)] = uow.ledger(utility_id).open_items()
        balances = uow.ledger(utility_id).account_balances()
        [installation_party] = uow.parties(utility_id).find_by_cvr("87654321")
        letters = uow.letters(utility_id).of_party(installation_party.party_id)
    assert fee.kind is OpenItemKind.FEE
    assert residual > Money(0)
    assert balances[Account.RECEIVABLES] == residual
    assert [x.request.kind for x in letters] == [
        LetterKind.SELF_READING_REQUEST,
        LetterKind.SELF_READING_REMINDER,
    ]
    clock.advance_to(date(2027, 2, 15))
    with UnitOfWork(engine) as uow:
        report = follow_up_self_readings(utility_id, uow, clock)
    assert (report.reminded, report.estimated) == (0, 1)
    with UnitOfWork(engine, write=False) as uow:
        [m3] = uow.installations(utility_id).meters_by_serial(["M3"])["M3"]
        [_, reading] = uow.readings(utility_id).of_meters([m3.meter_id])[m3.meter_id]
    assert (reading.reading.read_on, reading.reading.source) == (year_end, ReadingSource.ESTIMATED)
    assert reading.reading.energy_mwh > Decimal("900")  # a year of use for 1.250 m² by area
    with UnitOfWork(engine) as uow:
        again = follow_up_self_readings(utility_id, uow, clock)
    assert (again.reminded, again.estimated) == (0, 0)
