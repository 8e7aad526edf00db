"""The register on both databases: customers and a year of readings from files, holds with
reasons, a move with the owner liable in the gap, estimates replaced by real readings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.errors import ConflictError
from heatbill.domain.letters import LetterKind
from heatbill.domain.metered_use import use_between
from heatbill.domain.plausibility import HoldCode
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.readings import ReadingSource, ReadingStatus
from heatbill.domain.register.relationships import Role
from heatbill.services.estimates import estimate_missing
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.meters import ReplaceMeter, replace_meter
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.services.reading_review import ReviewReading, accept_reading, correct_reading
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.register_story import (
    a_year_of_readings,
    clock_on,
    readings_csv,
    with_customers,
)

CLOCK = clock_on(date(2026, 2, 10))


def readings_of(engine: Engine, utility_id: int, serial: str) -> list[tuple[date, str, str]]:
    with UnitOfWork(engine, write=False) as uow:
        [meter] = uow.installations(utility_id).meters_by_serial([serial])[serial]
        found = uow.readings(utility_id).of_meters([meter.meter_id])[meter.meter_id]
    return [(r.reading.read_on, r.reading.source.value, r.status.value) for r in found]


def load_two_years(engine: Engine, utility_id: int) -> dict[str, Decimal]:
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    start = [(m, date(2024, 12, 31), v, v * 20) for m, v in registers.items()]
    rows = start + a_year_of_readings(date(2025, 1, 1), 12, registers)
    with UnitOfWork(engine) as uow:
        report = import_readings(
            ImportFile(utility_id, "2025.csv", readings_csv(rows)),
            ReadingSource.REMOTE,
            uow,
            CLOCK,
        )
    assert report.count(ReadingStatus.ACCEPTED) == len(rows)
    return registers


def test_implausible_readings_are_held_with_their_reason(engine: Engine) -> None:
    utility_id = with_customers(engine, CLOCK)
    registers = load_two_years(engine, utility_id)
    january = date(2026, 1, 31)
    rows = [
        ("M1", january, registers["M1"] + Decimal("2.6"), registers["M1"] * 20 + 52),
        ("M2", january, registers["M2"] + Decimal("9.5"), registers["M2"] * 20 + 190),
        ("M3", january, registers["M3"] - Decimal("1"), registers["M3"] * 20),
    ]
    with UnitOfWork(engine) as uow:
        report = import_readings(
            ImportFile(utility_id, "2026-01.csv", readings_csv(rows)),
            ReadingSource.REMOTE,
            uow,
            CLOCK,
        )
    by_meter = dict(zip(["M1", "M2", "M3"], report.outcomes, strict=True))
    assert by_meter["M1"].status is ReadingStatus.ACCEPTED
    assert by_meter["M2"].status is ReadingStatus.HELD
    assert [r.code for r in by_meter["M2"].reasons] == [HoldCode.ABOVE_EXPECTED]
    assert str(by_meter["M2"].reasons[0].clause) == "solrod 5.7"
    assert [r.code for r in by_meter["M3"].reasons] == [HoldCode.DECREASING_REGISTER]
    with UnitOfWork(engine, write=False) as uow:
        held = uow.readings(utility_id).held()
    assert {h.reading_id for h in held} == {by_meter["M2"].reading_id, by_meter["M3"].reading_id}
    assert all(h.hold_reasons for h in held)

    with UnitOfWork(engine) as uow:
        accept_reading(
            ReviewReading(
                utility_id,
                by_meter["M2"].reading_id or 0,
                "kbh",
                "Kunden har haft håndværkere og tørret huset op",
            ),
            uow,
            CLOCK,
        )
    with UnitOfWork(engine) as uow:
        corrected = correct_reading(
            ReviewReading(utility_id, by_meter["M3"].reading_id or 0, "kbh", "Aflæst forkert"),
            registers["M3"] + Decimal("16.2"),
            registers["M3"] * 20 + 324,
            uow,
            CLOCK,
        )
    statuses = {(d, s, st) for d, s, st in readings_of(engine, utility_id, "M3") if d == january}
    assert statuses == {(january, "remote", "rejected"), (january, "correction", "accepted")}
    with UnitOfWork(engine, write=False) as uow:
        assert uow.readings(utility_id).get(corrected).supersedes_reading_id == (
            by_meter["M3"].reading_id
        )
        assert uow.readings(utility_id).held() == []


def test_a_file_is_taken_once_and_a_broken_one_changes_nothing(engine: Engine) -> None:
    utility_id = with_customers(engine, CLOCK)
    data = readings_csv([("M1", date(2025, 12, 31), Decimal("100"), Decimal("2000"))])
    with UnitOfWork(engine) as uow:
        first = import_readings(
            ImportFile(utility_id, "a.csv", data), ReadingSource.REMOTE, uow, CLOCK
        )
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError, match=f"nr. {first.import_id}"):
        import_readings(ImportFile(utility_id, "b.csv", data), ReadingSource.REMOTE, uow, CLOCK)
    broken = (
        b"maaler;tidspunkt;energi_mwh;volumen_m3\n"
        b"M1;2026-01-31;101;2020\nM2;2026-01-31;x;1\nM9;2026-01-31;1;1\n"
    )
    with UnitOfWork(engine) as uow, pytest.raises(FileFormatError) as refused:
        import_readings(ImportFile(utility_id, "c.csv", broken), ReadingSource.REMOTE, uow, CLOCK)
    assert "linje 3, felt energi_mwh" in refused.value.message
    assert readings_of(engine, utility_id, "M1") == [(date(2025, 12, 31), "remote", "accepted")]
    unknown = b"maaler;tidspunkt;energi_mwh;volumen_m3\nM1;2026-01-31;101;2020\nM9;2026-01-31;1;1\n"
    with UnitOfWork(engine) as uow, pytest.raises(FileFormatError, match="linje 3, felt maaler"):
        import_readings(ImportFile(utility_id, "d.csv", unknown), ReadingSource.REMOTE, uow, CLOCK)
    assert len(readings_of(engine, utility_id, "M1")) == 1


def test_when_the_tenant_leaves_the_owner_is_liable_in_the_gap(engine: Engine) -> None:
    utility_id = with_customers(engine, CLOCK)
    with UnitOfWork(engine) as uow:
        result = register_move(
            RegisterMove(
                utility_id,
                "10002",
                MoveKind.MOVE_OUT,
                date(2026, 3, 1),
                notified_on=date(2026, 2, 25),
                reading=MoveReading(Decimal("61.2"), Decimal("1224")),
            ),
            uow,
            CLOCK,
        )
    assert result.late_notice  # 4 days' notice, not 8 (solrod 2.16): accepted, but flagged
    [interim] = result.started
    assert (interim.interim, interim.role, interim.start) == (True, Role.OWNER, date(2026, 3, 1))
    with UnitOfWork(engine, write=False) as uow:
        installation = uow.installations(utility_id).installation_by_number("10002")
        timeline = uow.installations(utility_id).relationships_of(installation.installation_id)
        owner = uow.parties(utility_id).get(interim.party_id)
        letters = uow.letters(utility_id).of_party(interim.party_id)
    assert [(r.role, r.start, r.end, r.interim) for r in timeline] == [
        (Role.TENANT, date(2024, 8, 1), date(2026, 3, 1), False),
        (Role.OWNER, date(2026, 3, 1), None, True),
    ]
    assert owner.name == "Boligselskabet Strandparken"
    assert [letter.request.kind for letter in letters] == [LetterKind.INTERIM_LIABILITY]
    assert readings_of(engine, utility_id, "M2") == [(date(2026, 2, 28), "remote", "accepted")]


def test_an_estimate_is_replaced_when_the_real_reading_comes(engine: Engine) -> None:
    utility_id = with_customers(engine, CLOCK)
    load_two_years(engine, utility_id)
    year_end = date(2026, 12, 31)
    clock = clock_on(date(2027, 1, 5))
    with UnitOfWork(engine) as uow:
        estimated = estimate_missing(uow, clock, utility_id, year_end)
        uow.commit()
    assert len(estimated) == 3
    assert all(e.estimate.reading.source is ReadingSource.ESTIMATED for e in estimated)
    by_meter = {e.estimate.reading.meter_id: e for e in estimated}
    with UnitOfWork(engine, write=False) as uow:
        [m1] = uow.installations(utility_id).meters_by_serial(["M1"])["M1"]
    estimate = by_meter[m1.meter_id].estimate
    real = estimate.reading.energy_mwh + Decimal("0.4")
    with UnitOfWork(engine) as uow:
        report = import_readings(
            ImportFile(
                utility_id, "2026-12.csv", readings_csv([("M1", year_end, real, real * 20)])
            ),
            ReadingSource.REMOTE,
            uow,
            clock,
        )
    assert report.superseded == 1
    assert ("2026-12-31", "estimated", "superseded") in {
        (d.isoformat(), s, st) for d, s, st in readings_of(engine, utility_id, "M1")
    }
    with UnitOfWork(engine, write=False) as uow:
        [m1_party] = uow.installations(utility_id).relationships_of(m1.installation_id)
        kinds = [x.request.kind for x in uow.letters(utility_id).of_party(m1_party.party_id)]
    assert LetterKind.ESTIMATE_NOTICE in kinds


def test_a_meter_change_counts_the_old_meter_to_its_end_and_the_new_from_its_start(
    engine: Engine,
) -> None:
    utility_id = with_customers(engine, CLOCK)
    final = load_two_years(engine, utility_id)["M1"] + Decimal("1.2")  # half a January
    change = date(2026, 1, 15)
    with UnitOfWork(engine) as uow:
        changed = replace_meter(
            ReplaceMeter(
                utility_id,
                "10001",
                change,
                final,
                final * 20,
                "M1-NY",
                Decimal("0.010"),
                Decimal("0.2"),
            ),
            uow,
            CLOCK,
        )
    rows = readings_csv([("M1-NY", date(2026, 1, 31), Decimal("1.210"), Decimal("24.2"))])
    with UnitOfWork(engine) as uow:
        import_readings(
            ImportFile(utility_id, "ny-maaler.csv", rows), ReadingSource.REMOTE, uow, CLOCK
        )
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        meters = installations.meters_of(
            installations.installation_by_number("10001").installation_id
        )
        history = uow.readings(utility_id).of_meters([m.meter_id for m in meters])
    readings = [h.reading for found in history.values() for h in found if h.billable]
    [year_end] = [
        r
        for r in readings
        if r.meter_id == changed.old_meter_id and r.read_on == date(2025, 12, 31)
    ]
    used = use_between(readings, meters, date(2025, 12, 31), date(2026, 1, 31))
    # old meter: from the year-end reading to its final one; new meter: 0,010 → 1,210 MWh
    old_part = final - year_end.energy_mwh
    assert used.energy_mwh == old_part + Decimal("1.200")
    assert [m.removed_on for m in meters] == [change, None]


def test_a_corrected_conflicting_reading_is_the_one_that_counts(engine: Engine) -> None:
    utility_id = with_customers(engine, CLOCK)
    day = date(2025, 12, 31)
    first = readings_csv([("M1", day, Decimal("100"), Decimal("2000"))])
    other = readings_csv([("M1", day, Decimal("101"), Decimal("2020"))])
    for name, data in (("a.csv", first), ("b.csv", other)):
        with UnitOfWork(engine) as uow:
            report = import_readings(
                ImportFile(utility_id, name, data), ReadingSource.REMOTE, uow, CLOCK
            )
    [held] = report.outcomes
    assert [r.code for r in held.reasons] == [HoldCode.CONFLICTING_READING]
    with UnitOfWork(engine) as uow:
        correct_reading(
            ReviewReading(utility_id, held.reading_id or 0, "kbh", "Tjekket på stedet"),
            Decimal("100.500"),
            Decimal("2010"),
            uow,
            CLOCK,
        )
    assert sorted(readings_of(engine, utility_id, "M1")) == sorted(
        [
            (day, "remote", "superseded"),
            (day, "remote", "rejected"),
            (day, "correction", "accepted"),
        ]
    )
