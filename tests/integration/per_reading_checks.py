"""The plausibility checks as first written, reading by reading: each meter's whole history,
and the expected use from `estimate_reading`. Kept as the reference that the batch path
(`services.readings` with `services.reading_history`) must agree with, verdict for verdict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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
from heatbill.services.readings import ReadingOutcome
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of


@dataclass(frozen=True, slots=True)
class Verdict:
    recorded: bool
    """False for a repeat of a reading already recorded with the same values."""
    status: ReadingStatus | None
    reasons: tuple[HoldReason, ...]
    superseded: tuple[int, ...]

    @classmethod
    def of(cls, outcome: ReadingOutcome) -> Verdict:
        recorded = outcome.reading_id is not None
        return cls(recorded, outcome.status, outcome.reasons, outcome.superseded)


@dataclass
class _Checks:
    rule: PlausibilityRule
    table: DegreeDayTable
    hot_water_share_percent: Decimal
    today: date
    meters: dict[int, Meter]


def per_reading_verdicts(
    uow: UnitOfWork, utility_id: int, readings: Sequence[Reading], today: date
) -> list[Verdict]:
    """What each reading's check says, in input order (nothing is written)."""
    metering = rulebook_of(uow, utility_id, today).metering
    meter_ids = sorted({r.meter_id for r in readings})
    checks = _Checks(
        PlausibilityRule.from_rulebook(metering),
        DegreeDayTable(uow.readings(utility_id).degree_days()),
        metering.hot_water_share_percent.value,
        today,
        uow.installations(utility_id).meters_by_id(meter_ids),
    )
    history = defaultdict(list, uow.readings(utility_id).of_meters(meter_ids))
    verdicts: dict[int, Verdict] = {}
    for index in sorted(
        range(len(readings)), key=lambda i: (readings[i].meter_id, readings[i].read_on)
    ):
        new = readings[index]
        verdict = _judge(new, history[new.meter_id], checks)
        verdicts[index] = verdict
        if verdict.recorded and verdict.status is not None:
            texts = tuple(r.text for r in verdict.reasons)
            history[new.meter_id].append(RecordedReading(-1 - index, new, verdict.status, texts))
    return [verdicts[i] for i in range(len(readings))]


def _judge(new: Reading, history: list[RecordedReading], checks: _Checks) -> Verdict:
    same_day = [
        h
        for h in history
        if h.reading.read_on == new.read_on and h.status is not ReadingStatus.SUPERSEDED
    ]
    real_same_day = [h for h in same_day if h.reading.source is not ReadingSource.ESTIMATED]
    if any(
        (h.reading.energy_mwh, h.reading.volume_m3) == (new.energy_mwh, new.volume_m3)
        for h in real_same_day
    ):
        return Verdict(False, None, (), ())
    earlier = [
        h for h in history if h.status is ReadingStatus.ACCEPTED and h.reading.read_on < new.read_on
    ]
    previous = max(earlier, key=lambda h: h.reading.read_on, default=None)
    reasons: tuple[HoldReason, ...] = ()
    if previous is not None:
        expected = _expected_use(new, [h.reading for h in earlier], checks)
        outcome = check_reading(new, previous.reading, expected, checks.rule, today=checks.today)
        reasons = outcome.reasons
    if real_same_day and not reasons:
        reasons = (conflicting_reading(new, real_same_day[0].reading, checks.rule),)
    status = ReadingStatus.HELD if reasons else ReadingStatus.ACCEPTED
    replaced: tuple[int, ...] = ()
    if status is ReadingStatus.ACCEPTED and new.source is not ReadingSource.ESTIMATED:
        replaced = tuple(
            h.reading_id for h in same_day if h.reading.source is ReadingSource.ESTIMATED
        )
    return Verdict(True, status, reasons, replaced)


def _expected_use(new: Reading, earlier: list[Reading], checks: _Checks) -> Decimal | None:
    try:
        estimate = estimate_reading(
            checks.meters[new.meter_id],
            new.read_on,
            earlier,
            checks.table,
            checks.hot_water_share_percent,
        )
    except ValidationError:
        return None
    if estimate.basis.method is not EstimateMethod.LAST_YEAR:
        return None
    return estimate.basis.use_mwh
