"""Taking in meter readings: plausibility, holds for review, estimates superseded.

Every new reading is compared with the meter's previous accepted reading and with the use
expected from last year's use normalised by degree days (`vestervig 5.9`). A plausible reading
is accepted; an implausible one or a decreasing register is held and never billed until staff
accept or correct it. A real reading replaces an estimate of the same day automatically
(`vestervig 5.7`). Works on a whole batch at once: a few queries for the part of the meters'
history the checks need (`reading_history`), one bulk insert of the new readings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.degree_days import DegreeDayTable
from heatbill.domain.errors import ValidationError
from heatbill.domain.last_year import LastYear, last_year_span
from heatbill.domain.plausibility import (
    HoldReason,
    PlausibilityRule,
    check_reading,
    conflicting_reading,
)
from heatbill.domain.register.readings import (
    Reading,
    ReadingSource,
    ReadingStatus,
    RecordedReading,
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


@dataclass
class _Context:
    rule: PlausibilityRule
    table: DegreeDayTable
    hot_water_share_percent: Decimal
    today: date
    history: dict[int, list[RecordedReading]]


def take_readings(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    readings: Sequence[Reading],
    import_id: int | None,
) -> list[ReadingOutcome]:
    """Record readings (not committed: the caller's use case commits), in input order."""
    context = _context(uow, clock, utility_id, readings)
    repository = uow.readings(utility_id)
    ids = iter(repository.new_ids(len(readings)))
    outcomes: dict[int, ReadingOutcome] = {}
    recorded: list[RecordedReading] = []
    superseded: list[int] = []
    order = sorted(range(len(readings)), key=lambda i: (readings[i].meter_id, readings[i].read_on))
    for index in order:
        outcome = _judge(readings[index], context, next(ids))
        outcomes[index] = outcome
        superseded += outcome.superseded
        if outcome.reading_id is not None and outcome.status is not None:
            reasons = tuple(r.text for r in outcome.reasons)
            item = RecordedReading(outcome.reading_id, outcome.reading, outcome.status, reasons)
            context.history[outcome.reading.meter_id].append(item)
            recorded.append(item)
    repository.add(recorded, clock.now(), import_id)
    if superseded:
        repository.set_status(
            superseded,
            ReadingStatus.SUPERSEDED,
            by="heatbill",
            at=clock.now(),
            note="erstattet af en aflæsning",
        )
    return [outcomes[i] for i in range(len(readings))]


def _context(
    uow: UnitOfWork, clock: Clock, utility_id: int, readings: Sequence[Reading]
) -> _Context:
    today = clock.today()
    metering = rulebook_of(uow, utility_id, today).metering
    repository = uow.readings(utility_id)
    return _Context(
        rule=PlausibilityRule.from_rulebook(metering),
        table=DegreeDayTable(repository.degree_days()),
        hot_water_share_percent=metering.hot_water_share_percent.value,
        today=today,
        history=defaultdict(list, history_for(repository, readings)),
    )


def _judge(new: Reading, context: _Context, reading_id: int) -> ReadingOutcome:
    same_day, earlier = _around(context.history[new.meter_id], new.read_on)
    real_same_day = [h for h in same_day if h.reading.source is not ReadingSource.ESTIMATED]
    if any(_same_values(h.reading, new) for h in real_same_day):
        return ReadingOutcome(None, new, None)
    previous = max(earlier, key=_recorded_day, default=None)
    if previous is None:
        outcome_reasons: tuple[HoldReason, ...] = ()
    else:
        expected = _expected_use(new, earlier, context)
        outcome_reasons = check_reading(
            new, previous.reading, expected, context.rule, today=context.today
        ).reasons
    if real_same_day and not outcome_reasons:
        outcome_reasons = (conflicting_reading(new, real_same_day[0].reading, context.rule),)
    status = ReadingStatus.HELD if outcome_reasons else ReadingStatus.ACCEPTED
    replaced: tuple[int, ...] = ()
    if status is ReadingStatus.ACCEPTED and new.source is not ReadingSource.ESTIMATED:
        replaced = tuple(
            h.reading_id for h in same_day if h.reading.source is ReadingSource.ESTIMATED
        )
    return ReadingOutcome(reading_id, new, status, outcome_reasons, replaced)


def _around(
    history: list[RecordedReading], day: date
) -> tuple[list[RecordedReading], list[RecordedReading]]:
    """The readings of `day` that still count (not superseded), and the accepted ones before
    it, each in history order (by day and id)."""
    same_day, earlier = [], []
    for h in history:
        read_on = h.reading.read_on
        if read_on == day:
            if h.status is not ReadingStatus.SUPERSEDED:
                same_day.append(h)
        elif read_on < day and h.status is ReadingStatus.ACCEPTED:
            earlier.append(h)
    return same_day, earlier


def _recorded_day(recorded: RecordedReading) -> date:
    return recorded.reading.read_on


def _expected_use(
    new: Reading, earlier: list[RecordedReading], context: _Context
) -> Decimal | None:
    """Expected use since the previous reading, from last year's use; None without a year
    (or when a register went down within it). `earlier`: the accepted readings before."""
    real = [h.reading for h in earlier if h.reading.source is not ReadingSource.ESTIMATED]
    span = last_year_span(sorted(real, key=_day))
    if span is None:
        return None
    try:
        last_year = LastYear.between(*span, context.table, context.hot_water_share_percent)
    except ValidationError:
        return None
    return last_year.use_until(new.read_on, context.table)


def _day(reading: Reading) -> date:
    return reading.read_on


def _same_values(a: Reading, b: Reading) -> bool:
    return (a.energy_mwh, a.volume_m3) == (b.energy_mwh, b.volume_m3)
