"""Staff's review of held readings (`vestervig 5.9`): accept, correct or reject, with a reason.

A decision is recorded on the reading with who and why; a correction is a new reading that
supersedes the held one, never an edit of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.register.readings import (
    Reading,
    ReadingSource,
    ReadingStatus,
    RecordedReading,
)
from heatbill.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ReviewReading:
    utility_id: int
    reading_id: int
    by: str
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValidationError("en beslutning om en aflæsning skal have en begrundelse")


def _held(uow: UnitOfWork, command: ReviewReading) -> RecordedReading:
    found = uow.readings(command.utility_id).get(command.reading_id)
    if found.status is not ReadingStatus.HELD:
        raise ConflictError(
            f"aflæsning {command.reading_id} er ikke tilbageholdt (status: {found.status.value})"
        )
    return found


def accept_reading(command: ReviewReading, uow: UnitOfWork, clock: Clock) -> None:
    _held(uow, command)
    uow.readings(command.utility_id).set_status(
        [command.reading_id],
        ReadingStatus.ACCEPTED,
        by=command.by,
        at=clock.now(),
        note=command.reason,
    )
    uow.commit()


def reject_reading(command: ReviewReading, uow: UnitOfWork, clock: Clock) -> None:
    _held(uow, command)
    uow.readings(command.utility_id).set_status(
        [command.reading_id],
        ReadingStatus.REJECTED,
        by=command.by,
        at=clock.now(),
        note=command.reason,
    )
    uow.commit()


def correct_reading(
    command: ReviewReading,
    energy_mwh: Decimal,
    volume_m3: Decimal,
    uow: UnitOfWork,
    clock: Clock,
) -> int:
    """Replace a held reading by staff's corrected values; returns the new reading's id."""
    held = _held(uow, command)
    repository = uow.readings(command.utility_id)
    meter, day = held.reading.meter_id, held.reading.read_on
    # Staff's value is the one that counts that day: another accepted reading of the same meter
    # and day (the one a conflicting reading was held against) gives way to it.
    same_day = [
        h.reading_id
        for h in repository.of_meters([meter])[meter]
        if h.reading.read_on == day and h.status is ReadingStatus.ACCEPTED
    ]
    [new_id] = repository.new_ids(1)
    corrected = Reading(
        held.reading.meter_id,
        held.reading.read_on,
        energy_mwh,
        volume_m3,
        ReadingSource.CORRECTION,
        held.reading.forward_c,
        held.reading.return_c,
    )
    repository.set_status(
        [held.reading_id],
        ReadingStatus.REJECTED,
        by=command.by,
        at=clock.now(),
        note=command.reason,
    )
    if same_day:
        repository.set_status(
            same_day, ReadingStatus.SUPERSEDED, by=command.by, at=clock.now(), note=command.reason
        )
    repository.add(
        [
            RecordedReading(
                new_id,
                corrected,
                ReadingStatus.ACCEPTED,
                note=command.reason,
                supersedes_reading_id=held.reading_id,
            )
        ],
        clock.now(),
    )
    uow.commit()
    return new_id
