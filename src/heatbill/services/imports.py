"""File imports: readings, customers and degree days — each taken whole or not at all, once.

A file is parsed completely first (every bad line reported with its field, nothing written);
its content hash is then checked against earlier imports (the same file twice is refused,
naming the earlier import); only then is it written, in one transaction, set-based.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date
from typing import Final

from heatbill.adapters.clock import DANISH_TIME, Clock
from heatbill.adapters.formats.degree_days_csv import months, parse_degree_days
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.readings_csv import parse_scaled_readings
from heatbill.adapters.formats.readings_plain import ScaledRow
from heatbill.adapters.gc_pause import gc_paused
from heatbill.domain.errors import ConflictError
from heatbill.domain.register.readings import (
    ReadingSource,
    ReadingStatus,
    ScaledReading,
    unscaled,
)
from heatbill.services.readings import ReadingOutcome, Verdicts, take_scaled
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class ImportFile:
    utility_id: int
    file_name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class ReadingsReport:
    """What became of a file's readings, kept column by column (a file has ~10⁵ readings):
    `outcomes` makes an object of each only when asked."""

    import_id: int
    readings: Sequence[ScaledReading]
    verdicts: Verdicts

    @property
    def outcomes(self) -> list[ReadingOutcome]:
        """Every reading's outcome, in the file's order."""
        return [self._outcome(i) for i in range(len(self.readings))]

    def held(self) -> list[ReadingOutcome]:
        """The outcomes of the readings held for review, in the file's order."""
        return [self._outcome(i) for i in sorted(self.verdicts.reasons)]

    def count(self, status: ReadingStatus | None) -> int:
        return self.verdicts.statuses.count(status)

    @property
    def superseded(self) -> int:
        return sum(len(ids) for ids in self.verdicts.superseded.values())

    def _outcome(self, index: int) -> ReadingOutcome:
        return self.verdicts.outcome(index, unscaled(self.readings[index]))


def refuse_repeat(uow: UnitOfWork, command: ImportFile, kind: str, sha256: str) -> None:
    earlier = uow.readings(command.utility_id).find_import(kind, sha256)
    if earlier is not None:
        import_id, name, at = earlier
        # Stored in UTC (SQLite gives it back naive); people read Danish time.
        at = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(DANISH_TIME)
        raise ConflictError(
            say(
                "imports.already",
                file=command.file_name,
                import_id=import_id,
                earlier=name,
                at=f"{at:%d-%m-%Y %H:%M}",
            )
        )


def import_readings(
    command: ImportFile, source: ReadingSource, uow: UnitOfWork, clock: Clock
) -> ReadingsReport:
    with gc_paused():  # a file of ~10⁵ rows: tuples without cycles
        parsed = parse_scaled_readings(command.data, command.file_name, source=source)
        refuse_repeat(uow, command, "readings", parsed.sha256)
        readings = _on_meters(uow, command, parsed.rows, source)
        import_id = uow.readings(command.utility_id).add_import(
            "readings", command.file_name, parsed.sha256, len(parsed.rows), clock.now()
        )
        verdicts = take_scaled(uow, clock, command.utility_id, readings, import_id)
        uow.commit()
    return ReadingsReport(import_id, readings, verdicts)


def _on_meters(
    uow: UnitOfWork, command: ImportFile, rows: Sequence[ScaledRow], source: ReadingSource
) -> list[ScaledReading]:
    """The file's readings on the meters carrying their serials on their days; a serial that
    is no meter's on the day is a problem of its line (FileFormatError listing them all)."""
    days = {row[2] for row in rows}
    if len(days) > _DAYS_ONE_BY_ONE:
        return _on_meters_by_serial(uow, command, rows, source)
    installations = uow.installations(command.utility_id)
    meters = {day: installations.meters_on(day) for day in days}
    kind = source.value
    readings = [
        (meter_id, day, energy, volume, kind, forward, back)
        for _, serial, day, energy, volume, forward, back in rows
        if (meter_id := meters[day].get(serial)) is not None
    ]
    if len(readings) < len(rows):  # some serial is no meter's: say which, as below
        return _on_meters_by_serial(uow, command, rows, source)
    return readings


_DAYS_ONE_BY_ONE: Final = 3
"""A file of at most this many days (a head-end's has one) gets the meters of each day in a
query of its own; a file of more days gets all meters by serial."""


def _on_meters_by_serial(
    uow: UnitOfWork, command: ImportFile, rows: Sequence[ScaledRow], source: ReadingSource
) -> list[ScaledReading]:
    serials = uow.installations(command.utility_id).meter_serials()
    log = ProblemLog()
    readings: list[ScaledReading] = []
    for line, serial, day, energy, volume, forward, back in rows:
        meter_id = _meter_on(serials.get(serial, ()), day)
        if meter_id is None:
            message = say("imports.unknown_meter", serial=serial, day=f"{day:%d-%m-%Y}")
            log.add(line, "maaler", message)
            continue
        readings.append((meter_id, day, energy, volume, source.value, forward, back))
    log.raise_if_any(command.file_name)
    return readings


def _meter_on(meters: Iterable[tuple[int, date, date | None]], day: date) -> int | None:
    """The meter carrying the serial on `day`; its removal day still counts (final reading)."""
    for meter_id, installed_on, removed_on in meters:
        if installed_on <= day and (removed_on is None or day <= removed_on):
            return meter_id
    return None


@dataclass(frozen=True, slots=True)
class DegreeDaysReport:
    months: int
    first: tuple[int, int]
    last: tuple[int, int]


def import_degree_days(command: ImportFile, uow: UnitOfWork, clock: Clock) -> DegreeDaysReport:
    parsed = parse_degree_days(command.data, command.file_name)
    refuse_repeat(uow, command, "degree_days", parsed.sha256)
    values = months(parsed)
    repository = uow.readings(command.utility_id)
    import_id = repository.add_import(
        "degree_days", command.file_name, parsed.sha256, len(values), clock.now()
    )
    repository.set_degree_days(values, import_id)
    uow.commit()
    keys = sorted(values)
    return DegreeDaysReport(len(keys), keys[0], keys[-1])
