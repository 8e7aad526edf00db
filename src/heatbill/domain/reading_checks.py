"""What becomes of a new reading, given the part of its meter's history the checks need.

A reading already recorded with the same values is a repeat (not recorded again). Otherwise it
is checked against the meter's previous accepted reading and the use expected from last year's
use (`plausibility`, `last_year`; `vestervig 5.9`): accepted, or held with every reason found.
A second real reading of a day with other values is held as conflicting. An accepted real
reading supersedes the estimates of its day (`vestervig 5.7`).

Built for batches of a million: readings and history are tuples of integers (`ScaledReading`,
`HistoryRow`), and most readings are settled in integers — the expected use as the exact use
rounded half-up (`ExpectedUse.kwh`), compared exactly with the tolerance (`UseRangeKwh`), the
Decimal steps only within a hair of a rounding boundary; the reasons, with their Danish texts,
are worked out only for the few held — by `check_reading` itself, on `Reading`s. Pure: `today`
is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Final

from heatbill.domain.degree_days import DegreeDayTable
from heatbill.domain.errors import ValidationError
from heatbill.domain.last_year import ExpectedUse, one_year_before
from heatbill.domain.plausibility import (
    EXPECTED_LIMIT_KWH,
    HoldReason,
    PlausibilityRule,
    UseRangeKwh,
    check_reading,
    conflicting_reading,
    passes,
)
from heatbill.domain.register.readings import (
    HistoryRow,
    Reading,
    ReadingSource,
    ReadingStatus,
    ScaledReading,
    unscaled,
)

Judgement = tuple[ReadingStatus | None, tuple[HoldReason, ...], tuple[int, ...]]
"""(status — None for a repeat —, the hold reasons, the ids of the estimates superseded)."""

_ACCEPTED: Final = ReadingStatus.ACCEPTED.value
_SUPERSEDED: Final = ReadingStatus.SUPERSEDED.value
_ESTIMATED: Final = ReadingSource.ESTIMATED.value
_REPEAT: Final[Judgement] = (None, (), ())


class ReadingChecks:
    """The checks of one utility's rulebook, degree days and day, for any number of readings."""

    def __init__(
        self,
        rule: PlausibilityRule,
        table: DegreeDayTable,
        hot_water_share_percent: Decimal,
        today: date,
    ) -> None:
        self._rule = rule
        self._today = today
        self._latest = rule.latest_day(today)
        self._range = UseRangeKwh.of(rule)
        self._expected = ExpectedUse(table, hot_water_share_percent)
        self._year_before: dict[date, date] = {}

    def judge(self, new: ScaledReading, history: Sequence[HistoryRow]) -> Judgement:
        """`history`: the meter's readings the check needs (all statuses; a day's rows in the
        order of their ids — the order the check reads them in)."""
        meter_id, day, energy, volume, source, _, _ = new
        previous, start, same_day = _scan(history, day)
        real_same_day = [h for h in same_day if h[4] != _ESTIMATED] if same_day else same_day
        for h in real_same_day:
            if h[2] == energy and h[3] == volume:
                return _REPEAT
        reasons: tuple[HoldReason, ...] = ()
        if previous is not None:
            expected = None if start is None else self._expected_use(day, start, history)
            if not self._passes(new, previous, expected):
                reasons = self._reasons(new, previous, expected)
        if real_same_day and not reasons:
            existing = _reading(meter_id, real_same_day[0])
            reasons = (conflicting_reading(unscaled(new), existing, self._rule),)
        if reasons:
            return ReadingStatus.HELD, reasons, ()
        replaced: tuple[int, ...] = ()
        if same_day and source != _ESTIMATED:
            replaced = tuple(h[0] for h in same_day if h[4] == _ESTIMATED)
        return ReadingStatus.ACCEPTED, (), replaced

    def _reasons(
        self, new: ScaledReading, previous: HistoryRow, expected_kwh: int | None
    ) -> tuple[HoldReason, ...]:
        """Every reason `check_reading` finds (with its Danish text): only for the few held."""
        expected = None if expected_kwh is None else Decimal(expected_kwh).scaleb(-3)
        found = check_reading(
            unscaled(new), _reading(new[0], previous), expected, self._rule, today=self._today
        )
        return found.reasons

    def _passes(self, new: ScaledReading, previous: HistoryRow, expected_kwh: int | None) -> bool:
        """`plausibility.passes` in integer units: the same answer (`UseRangeKwh`), the
        Decimal question only where the integers could not be exact."""
        day, energy, volume = new[1:4]
        if day > self._latest or day < previous[1]:
            return False
        if energy < previous[2] or volume < previous[3]:
            return False
        if expected_kwh is None:
            return True
        use_kwh = energy - previous[2]
        if self._range is not None and -EXPECTED_LIMIT_KWH < expected_kwh < EXPECTED_LIMIT_KWH:
            return self._range.holds(use_kwh, expected_kwh)
        return passes(
            day,
            previous[1],
            self._rule,
            registers_down=False,
            use_mwh=Decimal(use_kwh).scaleb(-3),
            expected_use_mwh=Decimal(expected_kwh).scaleb(-3),
            today=self._today,
        )

    def _expected_use(
        self, day: date, start: HistoryRow, history: Sequence[HistoryRow]
    ) -> int | None:
        """Expected use in kWh since `start` — the last accepted real reading before `day` —
        from last year's use (`last_year`): to `day`, from the last accepted real reading a
        year or more before `start`; None without one, or when a register went down since."""
        start_on = start[1]
        cutoff = self._year_before.get(start_on)
        if cutoff is None:
            cutoff = self._year_before[start_on] = one_year_before(start_on)
        reference: HistoryRow | None = None
        for h in history:
            on = h[1]
            real = h[5] == _ACCEPTED and h[4] != _ESTIMATED
            if on <= cutoff and real and (reference is None or on >= reference[1]):
                reference = h  # the last of the last day on or before the cutoff
        if reference is None or start[2] < reference[2] or start[3] < reference[3]:
            return None
        try:
            return self._expected.kwh(reference[1], start_on, start[2] - reference[2], day)
        except ValidationError:
            return None


def _scan(
    history: Sequence[HistoryRow], day: date
) -> tuple[HistoryRow | None, HistoryRow | None, list[HistoryRow]]:
    """(previous: the first accepted reading of the last day before `day`; start: the last
    accepted real one of that day; the readings of `day` not superseded)."""
    same_day: list[HistoryRow] = []
    previous: HistoryRow | None = None
    start: HistoryRow | None = None
    for h in history:
        on = h[1]
        if on < day:
            if h[5] == _ACCEPTED:
                if previous is None or on > previous[1]:
                    previous = h
                if h[4] != _ESTIMATED and (start is None or on >= start[1]):
                    start = h
        elif on == day and h[5] != _SUPERSEDED:
            same_day.append(h)
    return previous, start, same_day


def _reading(meter_id: int, row: HistoryRow) -> Reading:
    _, day, energy, volume, source, _ = row
    return unscaled((meter_id, day, energy, volume, source, None, None))
