"""File imports: readings, customers and degree days — each taken whole or not at all, once.

A file is parsed completely first (every bad line reported with its field, nothing written);
its content hash is then checked against earlier imports (the same file twice is refused,
naming the earlier import); only then is it written, in one transaction, set-based.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date

from heatbill.adapters.clock import DANISH_TIME, Clock
from heatbill.adapters.formats.degree_days_csv import months, parse_degree_days
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.readings_csv import parse_readings_csv
from heatbill.domain.errors import ConflictError
from heatbill.domain.register.installations import Meter
from heatbill.domain.register.readings import ReadingSource, ReadingStatus
from heatbill.services.readings import ReadingOutcome, take_readings
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class ImportFile:
    utility_id: int
    file_name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class ReadingsReport:
    import_id: int
    outcomes: list[ReadingOutcome]

    def count(self, status: ReadingStatus | None) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def superseded(self) -> int:
        return sum(len(o.superseded) for o in self.outcomes)


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
    parsed = parse_readings_csv(command.data, command.file_name, source=source)
    refuse_repeat(uow, command, "readings", parsed.sha256)
    by_serial = uow.installations(command.utility_id).meters_by_serial(
        [row.meter_serial for row in parsed.rows]
    )
    log = ProblemLog()
    readings = []
    for row in parsed.rows:
        meter = _meter_on(by_serial.get(row.meter_serial, []), row.read_on)
        if meter is None:
            log.add(
                row.line,
                "maaler",
                say(
                    "imports.unknown_meter", serial=row.meter_serial, day=f"{row.read_on:%d-%m-%Y}"
                ),
            )
            continue
        readings.append(row.reading(meter.meter_id))
    log.raise_if_any(command.file_name)
    import_id = uow.readings(command.utility_id).add_import(
        "readings", command.file_name, parsed.sha256, len(parsed.rows), clock.now()
    )
    outcomes = take_readings(uow, clock, command.utility_id, readings, import_id)
    uow.commit()
    return ReadingsReport(import_id, outcomes)


def _meter_on(meters: list[Meter], day: date) -> Meter | None:
    """The meter carrying the serial on `day`; its removal day still counts (final reading)."""
    for meter in meters:
        if meter.installed_on <= day and (meter.removed_on is None or day <= meter.removed_on):
            return meter
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
