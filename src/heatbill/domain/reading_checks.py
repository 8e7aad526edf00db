"""What becomes of a new reading, given the part of its meter's history the checks need.

A reading already recorded with the same values is a repeat (not recorded again). Otherwise it
is checked against the meter's previous accepted reading and the use expected from last year's
use (`plausibility`, `last_year`; `vestervig 5.9`): accepted, or held with every reason found.
A second real reading of a day with other values is held as conflicting. An accepted real
reading supersedes the estimates of its day (`vestervig 5.7`).

Built for batches of a million: readings and history are tuples of integers (`ScaledReading`,
`HistoryRow`), and most readings are settled by `plausibility.passes` with a few Decimal
operations; the reasons, with their Danish texts, are worked out only for the few held — by
`check_reading` itself, on `Reading`s. Pure: `today` is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import Final

from heatbill.domain.degree_days import DegreeDayTable
from heatbill.domain.errors import ValidationError
from heatbill.domain.last_year import ExpectedUse, one_year_before
from heatbill.domain.plausibility import (
    HoldReason,
    PlausibilityRule,
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
_day = itemgetter(1)


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
        self._expected = ExpectedUse(table, hot_water_share_percent)
        self._year_before: dict[date, date] = {}

    def judge(self, new: ScaledReading, history: Sequence[HistoryRow]) -> Judgement:
        """`history`: the meter's readings the check needs (all statuses, by day and id)."""
        meter_id, day, energy, volume, source, _, _ = new
        same_day: list[HistoryRow] = []
        earlier: list[HistoryRow] = []
        for h in history:
            if h[1] == day:
                if h[5] != _SUPERSEDED:
                    same_day.append(h)
            elif h[1] < day and h[5] == _ACCEPTED:
                earlier.append(h)
        real_same_day = [h for h in same_day if h[4] != _ESTIMATED]
        if any(h[2] == energy and h[3] == volume for h in real_same_day):
            return _REPEAT
        reasons: tuple[HoldReason, ...] = ()
        if earlier:
            reasons = self._reasons(new, max(earlier, key=_day), self._expected_use(day, earlier))
        if real_same_day and not reasons:
            existing = _reading(meter_id, real_same_day[0])
            reasons = (conflicting_reading(unscaled(new), existing, self._rule),)
        if reasons:
            return ReadingStatus.HELD, reasons, ()
        replaced: tuple[int, ...] = ()
        if source != _ESTIMATED:
            replaced = tuple(h[0] for h in same_day if h[4] == _ESTIMATED)
        return ReadingStatus.ACCEPTED, (), replaced

    def _reasons(
        self, new: ScaledReading, previous: HistoryRow, expected: Decimal | None
    ) -> tuple[HoldReason, ...]:
        day, energy, volume = new[1:4]
        down = energy < previous[2] or volume < previous[3]
        use_mwh = Decimal(energy - previous[2]).scaleb(-3)
        if passes(
            day,
            previous[1],
            self._rule,
            registers_down=down,
            use_mwh=use_mwh,
            expected_use_mwh=expected,
            today=self._today,
        ):
            return ()
        found = check_reading(
            unscaled(new), _reading(new[0], previous), expected, self._rule, today=self._today
        )
        return found.reasons

    def _expected_use(self, day: date, earlier: list[HistoryRow]) -> Decimal | None:
        """Expected use since the previous reading, from last year's use (`last_year`); None
        without a year, or when a register went down within it. `earlier`: the accepted
        readings before `day`."""
        real = [h for h in earlier if h[4] != _ESTIMATED]
        if not real:
            return None
        real.sort(key=_day)
        start = real[-1]
        cutoff = self._year_before.get(start[1])
        if cutoff is None:
            cutoff = self._year_before[start[1]] = one_year_before(start[1])
        for reference in reversed(real):
            if reference[1] <= cutoff:
                break
        else:
            return None
        if start[2] < reference[2] or start[3] < reference[3]:
            return None
        use_mwh = Decimal(start[2] - reference[2]).scaleb(-3)
        try:
            return self._expected.mwh(reference[1], start[1], use_mwh, day)
        except ValidationError:
            return None


def _reading(meter_id: int, row: HistoryRow) -> Reading:
    _, day, energy, volume, source, _ = row
    return unscaled((meter_id, day, energy, volume, source, None, None))
