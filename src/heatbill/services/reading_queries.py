"""Read models of readings for the CLI and screens: readings with their meter, installation,
status and hold reasons, and where a meter sits.

Read models query the tables directly (no use case, nothing committed) and are set-based: a
listing costs a few queries however long it is, never one per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, select

from heatbill.adapters.db.register_tables import installation, meter, reading
from heatbill.domain.errors import NotFoundError
from heatbill.domain.register.readings import (
    Reading,
    ReadingSource,
    ReadingStatus,
    RecordedReading,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ReadingLine:
    installation_number: str
    meter_serial: str
    recorded: RecordedReading
    import_id: int | None
    decided_by: str | None


def reading_lines(
    uow: UnitOfWork,
    utility_id: int,
    *,
    installation_number: str | None = None,
    status: ReadingStatus | None = None,
) -> list[ReadingLine]:
    """Readings with their meter and installation, by installation, meter and date."""
    query = _readings(utility_id)
    if installation_number is not None:
        uow.installations(utility_id).installation_by_number(installation_number)  # must exist
        query = query.where(installation.c.number == installation_number)
    if status is not None:
        query = query.where(reading.c.status == status.value)
    return [_reading_line(row) for row in uow.connection.execute(query)]


def installation_readings(
    uow: UnitOfWork, utility_id: int, installation_id: int
) -> list[ReadingLine]:
    """The readings of one installation's meters, in `reading_lines` order; the installation
    already found by the caller (not looked up again)."""
    query = _readings(utility_id).where(meter.c.installation_id == installation_id)
    return [_reading_line(row) for row in uow.connection.execute(query)]


def reading_line(uow: UnitOfWork, utility_id: int, reading_id: int) -> ReadingLine:
    row = uow.connection.execute(
        _readings(utility_id).where(reading.c.reading_id == reading_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(say("register.not_found.reading", reading_id=reading_id))
    return _reading_line(row)


def meter_places(
    uow: UnitOfWork, utility_id: int, meter_ids: Sequence[int]
) -> dict[int, tuple[str, str]]:
    """(installation number, meter serial) of each meter, for messages about readings."""
    unique = sorted(set(meter_ids))
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(unique), _CHUNK):
        rows = uow.connection.execute(
            select(meter.c.meter_id, meter.c.serial, installation.c.number)
            .join(
                installation,
                and_(
                    installation.c.utility_id == meter.c.utility_id,
                    installation.c.installation_id == meter.c.installation_id,
                ),
            )
            .where(
                meter.c.utility_id == utility_id,
                meter.c.meter_id.in_(unique[start : start + _CHUNK]),
            )
        )
        found.update({int(r.meter_id): (r.number, r.serial) for r in rows})
    return found


def _readings(utility_id: int) -> Select[Any]:
    """Readings joined to their meter's serial and installation's number, in display order."""
    return (
        select(reading, meter.c.serial, installation.c.number)
        .join(
            meter,
            and_(
                meter.c.utility_id == reading.c.utility_id, meter.c.meter_id == reading.c.meter_id
            ),
        )
        .join(
            installation,
            and_(
                installation.c.utility_id == meter.c.utility_id,
                installation.c.installation_id == meter.c.installation_id,
            ),
        )
        .where(reading.c.utility_id == utility_id)
        .order_by(installation.c.number, meter.c.serial, reading.c.read_on, reading.c.reading_id)
    )


def _reading_line(row: Any) -> ReadingLine:
    recorded = RecordedReading(
        reading_id=int(row.reading_id),
        reading=Reading(
            meter_id=int(row.meter_id),
            read_on=row.read_on,
            energy_mwh=Decimal(row.energy_mwh),
            volume_m3=Decimal(row.volume_m3),
            source=ReadingSource(row.source),
            forward_c=None if row.forward_c is None else Decimal(row.forward_c),
            return_c=None if row.return_c is None else Decimal(row.return_c),
        ),
        status=ReadingStatus(row.status),
        hold_reasons=tuple(row.hold_reasons.split("\n")) if row.hold_reasons else (),
        note=row.note,
        supersedes_reading_id=row.supersedes_reading_id,
    )
    return ReadingLine(
        row.number,
        row.serial,
        recorded,
        None if row.import_id is None else int(row.import_id),
        row.decided_by,
    )


def hold_clause(uow: UnitOfWork, utility_id: int, on: date) -> str:
    """The clause a hold rests on: every hold reason cites the rulebook's plausibility clause
    (`PlausibilityRule.from_rulebook`); the register keeps the reasons' texts only."""
    return str(rulebook_of(uow, utility_id, on).metering.plausibility_tolerance_percent.clause)
