"""Correcting a reading that was accepted — and maybe billed — with a reason.

A meter test outside tolerance (`vestervig 5.11`) or staff's finding that an accepted reading
was wrong (`vestervig 5.9`) is recorded like the review's correction of a held reading
(`reading_review.correct_reading`): a new reading of source CORRECTION, accepted, supersedes
the old one, which is set aside as rejected with the reason. Nothing is edited. A settlement
that billed the old reading is then corrected by `corrections.correct_settlement`.
"""

from __future__ import annotations

from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.errors import ConflictError
from heatbill.domain.register.readings import (
    Reading,
    ReadingSource,
    ReadingStatus,
    RecordedReading,
)
from heatbill.services.reading_review import ReviewReading
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


def correct_accepted_reading(
    command: ReviewReading,
    energy_mwh: Decimal,
    volume_m3: Decimal,
    uow: UnitOfWork,
    clock: Clock,
) -> int:
    """Replace accepted reading `command.reading_id` by corrected registers; the new id."""
    repository = uow.readings(command.utility_id)
    found = repository.get(command.reading_id)
    if found.status is not ReadingStatus.ACCEPTED:
        raise ConflictError(
            say(
                "corrections.reading_not_accepted",
                reading_id=command.reading_id,
                status=found.status.value,
            )
        )
    old = found.reading
    if (old.energy_mwh, old.volume_m3) == (energy_mwh, volume_m3):
        raise ConflictError(say("corrections.reading_unchanged", reading_id=command.reading_id))
    corrected = Reading(
        old.meter_id,
        old.read_on,
        energy_mwh,
        volume_m3,
        ReadingSource.CORRECTION,
        old.forward_c,
        old.return_c,
    )
    [new_id] = repository.new_ids(1)
    repository.set_status(
        [found.reading_id],
        ReadingStatus.REJECTED,
        by=command.by,
        at=clock.now(),
        note=command.reason,
    )
    repository.add(
        [
            RecordedReading(
                new_id,
                corrected,
                ReadingStatus.ACCEPTED,
                note=command.reason,
                supersedes_reading_id=found.reading_id,
            )
        ],
        clock.now(),
    )
    uow.commit()
    return new_id
