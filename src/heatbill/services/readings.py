"""Taking in meter readings: plausibility, holds for review, estimates superseded.

Every new reading is compared with the meter's previous accepted reading and with the use
expected from last year's use normalised by degree days (`vestervig 5.9`). A plausible reading
is accepted; an implausible one or a decreasing register is held and never billed until staff
accept or correct it. A real reading replaces an estimate of the same day automatically
(`vestervig 5.7`). Works on a whole batch at once, set-based: one query per day of the batch
for the part of the meters' history the checks need (`reading_history`), the checks on tuples
of integers (`domain.reading_checks`), the new readings bulk-inserted in chunks as they are
checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.reading_repository import NewReading
from heatbill.domain.degree_days import DegreeDayTable
from heatbill.domain.plausibility import HoldReason, PlausibilityRule
from heatbill.domain.reading_checks import ReadingChecks
from heatbill.domain.register.readings import (
    Reading,
    ReadingStatus,
    ScaledReading,
    scaled,
)
from heatbill.services.reading_history import history_for
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of


@dataclass(frozen=True, slots=True)
class ReadingOutcome:
    reading_id: int | None
    """None when the reading was already recorded with the same values (a repeat)."""
    reading: Reading
    status: ReadingStatus | None
    reasons: tuple[HoldReason, ...] = ()
    superseded: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdicts:
    """What became of each reading of a batch, column by column, in input order."""

    reading_ids: list[int | None]
    """None for a repeat of a reading already recorded with the same values."""
    statuses: list[ReadingStatus | None]
    reasons: dict[int, tuple[HoldReason, ...]]
    """By the reading's index in the batch: only the held ones."""
    superseded: dict[int, tuple[int, ...]]
    """By the reading's index in the batch: the estimates it replaced."""

    def outcome(self, index: int, reading: Reading) -> ReadingOutcome:
        return ReadingOutcome(
            self.reading_ids[index],
            reading,
            self.statuses[index],
            self.reasons.get(index, ()),
            self.superseded.get(index, ()),
        )


def take_readings(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    readings: Sequence[Reading],
    import_id: int | None,
) -> list[ReadingOutcome]:
    """Record readings (not committed: the caller's use case commits), in input order."""
    verdicts = take_scaled(uow, clock, utility_id, [scaled(r) for r in readings], import_id)
    return [verdicts.outcome(i, reading) for i, reading in enumerate(readings)]


def take_scaled(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    readings: Sequence[ScaledReading],
    import_id: int | None,
) -> Verdicts:
    """`take_readings` for a batch in integer units (a file of ~10⁵ readings)."""
    checks = _checks(uow, clock, utility_id)
    repository = uow.readings(utility_id)
    history = history_for(repository, readings)
    count = len(readings)
    verdicts = Verdicts([None] * count, [None] * count, {}, {})
    recorded: list[NewReading] = []
    superseded: list[int] = []
    meter_ids = [r[0] for r in readings]
    once = len(set(meter_ids)) == count  # a head-end file: no reading is another's history
    order = sorted(range(count), key=(meter_ids if once else [r[:2] for r in readings]).__getitem__)
    judge, statuses, reading_ids = checks.judge, verdicts.statuses, verdicts.reading_ids
    new_ids = repository.new_ids(count)
    with repository.adding(clock.now(), import_id) as write:  # no other query till it ends
        for index, reading_id in zip(order, new_ids, strict=True):
            new = readings[index]
            meter_history = history.get(new[0])
            if meter_history is None:
                meter_history = history[new[0]] = []
            status, reasons, replaced = judge(new, meter_history)
            if status is None:
                continue
            reading_ids[index] = reading_id
            statuses[index] = status
            texts = None
            if reasons:
                verdicts.reasons[index] = reasons
                texts = "\n".join(r.text for r in reasons)
            if replaced:
                verdicts.superseded[index] = replaced
                superseded += replaced
            if not once:
                meter_history.append((reading_id, new[1], new[2], new[3], new[4], status.value))
            recorded.append((reading_id, new, status.value, texts))
            if len(recorded) == _CHUNK:
                write(recorded)
                recorded = []
        if recorded:
            write(recorded)
    if superseded:
        repository.set_status(
            superseded,
            ReadingStatus.SUPERSEDED,
            by="heatbill",
            at=clock.now(),
            note="erstattet af en aflæsning",
        )
    return verdicts


_CHUNK: Final = 10_000
"""Readings written at a time: on PostgreSQL a chunk is written while the next is checked."""


def _checks(uow: UnitOfWork, clock: Clock, utility_id: int) -> ReadingChecks:
    today = clock.today()
    metering = rulebook_of(uow, utility_id, today).metering
    return ReadingChecks(
        PlausibilityRule.from_rulebook(metering),
        DegreeDayTable(uow.readings(utility_id).degree_days()),
        metering.hot_water_share_percent.value,
        today,
    )
