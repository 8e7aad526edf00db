"""Taking in meter readings: plausibility, holds for review, estimates superseded.

Every new reading is compared with the meter's previous accepted reading and with the use
expected from last year's use normalised by degree days (`vestervig 5.9`). A plausible reading
is accepted; an implausible one or a decreasing register is held and never billed until staff
accept or correct it. A real reading replaces an estimate of the same day automatically
(`vestervig 5.7`). Works on a whole batch at once: one query for the meters' history.
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
from heatbill.domain.estimates import EstimateMethod, estimate_reading
from heatbill.domain.plausibility import (
    HoldReason,
    PlausibilityRule,
    check_reading,
    conflicting_reading,
)
from heatbill.domain.register.installations import Meter
from heatbill.domain.register.readings import (
    Reading,
    ReadingSource,
    ReadingStatus,
    RecordedReading,
)
from heatbill.domain.rulebook import Rulebook
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
    rulebook: Rulebook
    rule: PlausibilityRule
    table: DegreeDayTable
    today: date
    history: dict[int, list[RecordedReading]]
    meters: dict[int, Meter]


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
    superseded: list[int] = []
    order = sorted(range(len(readings)), key=lambda i: (readings[i].meter_id, readings[i].read_on))
    for index in order:
        outcome = _judge(readings[index], context, next(ids))
        outcomes[index] = outcome
        superseded += outcome.superseded
        if outcome.reading_id is not None and outcome.status is not None:
            context.history[outcome.reading.meter_id].append(
                RecordedReading(
                    outcome.reading_id,
                    outcome.reading,
                    outcome.status,
                    tuple(r.text for r in outcome.reasons),
                )
            )
    recorded = [
        RecordedReading(o.reading_id, o.reading, o.status, tuple(r.text for r in o.reasons))
        for o in outcomes.values()
        if o.reading_id is not None and o.status is not None
    ]
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
    rulebook = rulebook_of(uow, utility_id, today)
    repository = uow.readings(utility_id)
    meter_ids = sorted({r.meter_id for r in readings})
    return _Context(
        rulebook=rulebook,
        rule=PlausibilityRule.from_rulebook(rulebook.metering),
        table=DegreeDayTable(repository.degree_days()),
        today=today,
        history=defaultdict(list, repository.of_meters(meter_ids)),
        meters=uow.installations(utility_id).meters_by_id(meter_ids),
    )


def _judge(new: Reading, context: _Context, reading_id: int) -> ReadingOutcome:
    history = context.history[new.meter_id]
    same_day = [
        h
        for h in history
        if h.reading.read_on == new.read_on and h.status is not ReadingStatus.SUPERSEDED
    ]
    real_same_day = [h for h in same_day if h.reading.source is not ReadingSource.ESTIMATED]
    if any(_same_values(h.reading, new) for h in real_same_day):
        return ReadingOutcome(None, new, None)
    previous = _previous_accepted(history, new.read_on)
    if previous is None:
        outcome_reasons: tuple[HoldReason, ...] = ()
    else:
        expected = _expected_use(new, history, context)
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


def _previous_accepted(history: list[RecordedReading], before: date) -> RecordedReading | None:
    earlier = [
        h for h in history if h.status is ReadingStatus.ACCEPTED and h.reading.read_on < before
    ]
    return max(earlier, key=lambda h: h.reading.read_on, default=None)


def _expected_use(
    new: Reading, history: list[RecordedReading], context: _Context
) -> Decimal | None:
    """Expected use since the previous reading, from last year's use; None without a year."""
    meter = context.meters[new.meter_id]
    earlier = [
        h.reading
        for h in history
        if h.status is ReadingStatus.ACCEPTED and h.reading.read_on < new.read_on
    ]
    try:
        estimate = estimate_reading(
            meter,
            new.read_on,
            earlier,
            context.table,
            context.rulebook.metering.hot_water_share_percent.value,
        )
    except ValidationError:
        return None
    if estimate.basis.method is not EstimateMethod.LAST_YEAR:
        return None
    return estimate.basis.use_mwh


def _same_values(a: Reading, b: Reading) -> bool:
    return (a.energy_mwh, a.volume_m3) == (b.energy_mwh, b.volume_m3)
