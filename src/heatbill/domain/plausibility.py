"""Plausibility of a new reading: accept it, or hold it for review — never bill it unchecked.

`vestervig 5.9` / `solrod 5.7`: on a clear discrepancy between what the meter registered and
the likely use, the meter is checked and the use is set by the rules for calculated use. So a
reading is held, with every reason found, when a register went down (unless the meter was
changed), when the use since the previous reading lies more than the rulebook's tolerance above
or below the expected use (`consumption.expected_use`), when it is dated before the previous
reading, or when it is dated in the future. Each reason has a stable code, the clause it rests
on (the rulebook's plausibility clause) and a Danish text. Pure: `today` is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Final

from heatbill.domain.consumption import format_m3, format_mwh
from heatbill.domain.register.readings import Reading
from heatbill.domain.rulebook.clauses import Clause
from heatbill.domain.rulebook.metering import Metering
from heatbill.wording import say

_HUNDRED: Final = Decimal(100)


class Verdict(StrEnum):
    ACCEPT = "accept"
    HOLD = "hold"
    """Held for review (status HELD): not billed until staff accept or correct it."""


class HoldCode(StrEnum):
    DECREASING_REGISTER = "decreasing_register"
    ABOVE_EXPECTED = "above_expected"
    BELOW_EXPECTED = "below_expected"
    BEFORE_PREVIOUS = "before_previous"
    FUTURE_DATE = "future_date"
    CONFLICTING_READING = "conflicting_reading"
    """Another real reading of the same meter and day, with other values."""


@dataclass(frozen=True, slots=True)
class HoldReason:
    code: HoldCode
    clause: Clause
    text: str
    """Danish, for staff and for the letter to the customer."""


@dataclass(frozen=True, slots=True)
class Outcome:
    reasons: tuple[HoldReason, ...] = ()

    @property
    def verdict(self) -> Verdict:
        return Verdict.HOLD if self.reasons else Verdict.ACCEPT

    @property
    def codes(self) -> tuple[HoldCode, ...]:
        return tuple(reason.code for reason in self.reasons)


@dataclass(frozen=True, slots=True)
class PlausibilityRule:
    """How far use may stray from the expected use, and the clause a hold rests on."""

    tolerance_percent: Decimal
    clause: Clause
    days_ahead_allowed: int = 0
    """A reading dated more than this many days after today is held (0: any future date)."""

    @classmethod
    def from_rulebook(cls, metering: Metering) -> PlausibilityRule:
        tolerance = metering.plausibility_tolerance_percent
        return cls(tolerance.value, tolerance.clause)

    def latest_day(self, today: date) -> date:
        """The last day a reading may be dated."""
        return today + timedelta(days=self.days_ahead_allowed)

    def use_range(self, expected_use_mwh: Decimal) -> tuple[Decimal, Decimal]:
        """The lowest and the highest use that pass: the expected use ± the tolerance."""
        tolerance = self.tolerance_percent
        low = expected_use_mwh * (_HUNDRED - tolerance) / _HUNDRED
        return low, expected_use_mwh * (_HUNDRED + tolerance) / _HUNDRED


@dataclass(frozen=True, slots=True)
class UseRangeKwh:
    """`PlausibilityRule.use_range` for uses in integer kWh (0.001 MWh), decided exactly: a use
    passes when expected × low ≤ use × scale ≤ expected × high — what the Decimal bounds say
    while their products stay within Decimal's 28 digits (`of`, `EXPECTED_LIMIT_KWH`)."""

    low: int
    high: int
    scale: int

    @classmethod
    def of(cls, rule: PlausibilityRule) -> UseRangeKwh | None:
        """None for a tolerance with so many digits that the Decimal bounds could round."""
        tolerance = rule.tolerance_percent
        for factor in (_HUNDRED - tolerance, _HUNDRED + tolerance):
            if len(factor.as_tuple().digits) > _FACTOR_DIGITS:
                return None
        numerator, denominator = tolerance.as_integer_ratio()
        scale = 100 * denominator
        return cls(scale - numerator, scale + numerator, scale)

    def holds(self, use_kwh: int, expected_kwh: int) -> bool:
        """`low <= use <= high` of `use_range`, for an expected use below the limit."""
        use = use_kwh * self.scale
        return expected_kwh * self.low <= use <= expected_kwh * self.high


_FACTOR_DIGITS: Final = 14
EXPECTED_LIMIT_KWH: Final = 10**13
"""`UseRangeKwh` decides expected uses below this (with a 14-digit factor: < 28 digits)."""


def check_reading(
    new: Reading,
    previous: Reading,
    expected_use_mwh: Decimal | None,
    rule: PlausibilityRule,
    *,
    today: date,
    use_mwh: Decimal | None = None,
) -> Outcome:
    """ACCEPT, or HOLD with every reason found.

    `expected_use_mwh` is the likely use from `previous` to `new` (None without history: the
    use is then not compared). `use_mwh` is the metered use since `previous`, needed only across
    a meter change (`use_between`); on one meter it is the energy register's difference.
    """
    hold = _Hold(rule.clause)
    latest = rule.latest_day(today)
    if new.read_on > latest:
        hold(HoldCode.FUTURE_DATE, day=_day(new.read_on), latest=_day(latest))
    if new.read_on < previous.read_on:
        hold(HoldCode.BEFORE_PREVIOUS, day=_day(new.read_on), previous_on=_day(previous.read_on))
        return hold.outcome()  # the use of a reading out of order means nothing
    same_meter = new.meter_id == previous.meter_id
    if same_meter and _registers_decreased(new, previous, hold):
        return hold.outcome()
    if use_mwh is None and same_meter:
        use_mwh = new.energy_mwh - previous.energy_mwh
    if use_mwh is not None and expected_use_mwh is not None:
        _check_use(use_mwh, expected_use_mwh, rule, previous.read_on, hold)
    return hold.outcome()


def passes(
    new_on: date,
    previous_on: date,
    rule: PlausibilityRule,
    *,
    registers_down: bool,
    use_mwh: Decimal,
    expected_use_mwh: Decimal | None,
    today: date,
) -> bool:
    """True exactly when `check_reading` of a reading against the previous reading of the same
    meter finds no reason to hold it: the cheap question a batch asks of every reading, so
    that the reasons and their texts are worked out only for the few held."""
    if new_on > rule.latest_day(today) or new_on < previous_on or registers_down:
        return False
    if expected_use_mwh is None:
        return True
    low, high = rule.use_range(expected_use_mwh)
    return low <= use_mwh <= high


class _Hold:
    """Collects hold reasons, each with the rule's clause and its Danish text."""

    def __init__(self, clause: Clause) -> None:
        self._clause = clause
        self._reasons: list[HoldReason] = []

    def __call__(self, code: HoldCode, **fields: str) -> None:
        text = say(f"metering.hold.{code.value}", **fields)
        self._reasons.append(HoldReason(code, self._clause, text))

    def outcome(self) -> Outcome:
        return Outcome(tuple(self._reasons))


def _registers_decreased(new: Reading, previous: Reading, hold: _Hold) -> bool:
    energy_down = new.energy_mwh < previous.energy_mwh
    volume_down = new.volume_m3 < previous.volume_m3
    if not (energy_down or volume_down):
        return False
    on = _day(previous.read_on)
    if energy_down:
        was, now = format_mwh(previous.energy_mwh), format_mwh(new.energy_mwh)
        register = say("metering.register.energy")
        hold(HoldCode.DECREASING_REGISTER, register=register, was=was, now=now, previous_on=on)
    if volume_down:
        was, now = format_m3(previous.volume_m3), format_m3(new.volume_m3)
        register = say("metering.register.volume")
        hold(HoldCode.DECREASING_REGISTER, register=register, was=was, now=now, previous_on=on)
    return True


def _check_use(
    use_mwh: Decimal, expected_mwh: Decimal, rule: PlausibilityRule, since: date, hold: _Hold
) -> None:
    low, high = rule.use_range(expected_mwh)
    if use_mwh > high:
        code = HoldCode.ABOVE_EXPECTED
    elif use_mwh < low:
        code = HoldCode.BELOW_EXPECTED
    else:
        return
    hold(
        code,
        use=format_mwh(use_mwh),
        expected=format_mwh(expected_mwh),
        tolerance=f"{rule.tolerance_percent:f}".replace(".", ","),
        since=_day(since),
    )


def _day(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def conflicting_reading(new: Reading, existing: Reading, rule: PlausibilityRule) -> HoldReason:
    """The hold for a second, different real reading of one meter on one day."""
    hold = _Hold(rule.clause)
    hold(
        HoldCode.CONFLICTING_READING,
        day=_day(new.read_on),
        was=format_mwh(existing.energy_mwh),
        now=format_mwh(new.energy_mwh),
    )
    return hold.outcome().reasons[0]
