"""Metered use between two dates at an installation, across meter changes.

The utility replaces main meters when it sees fit (`vestervig 5.2`); a new meter starts from
its own register, so use is never one register minus another meter's. Each meter counts from
its start reading — on its `installed_on` — or the period's start, whichever is later, to its
final reading — on its `removed_on` — or the period's end, whichever is earlier; the old meter's
final reading and the new meter's start reading are both dated the day of the change.

The readings at those dates must exist: a missing one is estimated first (`estimates`), and a
real reading wins over an estimate for the same day. Readings close their day, so the use
"between 31-12-2025 and 31-12-2026" is the use of 2026.

The period's average cooling (forward − return) and return temperature, for the cooling
incentive (`vestervig 3.3`, `solrod 3.3`), are volume-weighted: each reading's averages since
the reading before, weighted by the water that passed in between — the way a heat meter
averages itself, since the heat delivered is volume × cooling. Only the intervals whose reading
reports temperatures count; with none, the period has no average (and no incentive line).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from heatbill.domain.errors import ValidationError
from heatbill.domain.register.installations import Meter
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class MeteredUse:
    """Use from the registers: energy in MWh, volume in m³."""

    energy_mwh: Decimal
    volume_m3: Decimal
    cooling_c: Decimal | None = None
    """Volume-weighted average cooling in °C (0.01), when the meter reports temperatures."""
    return_c: Decimal | None = None
    """Volume-weighted average return temperature in °C (0.01)."""


TEMPERATURE_RESOLUTION = Decimal("0.01")


def use_between(
    readings: Iterable[Reading], meters: Iterable[Meter], start: date, end: date
) -> MeteredUse:
    """The use from the readings at the end of `start` to those at the end of `end`."""
    if end < start:
        raise ValidationError(say("metering.use.order", start=_day(start), end=_day(end)))
    by_day = _readings_by_meter_and_day(readings)
    energy_mwh, volume_m3, covered_to = Decimal(0), Decimal(0), start
    weighted = _Weighted()
    for meter in sorted(meters, key=lambda m: m.installed_on):
        first = max(start, meter.installed_on)
        last = end if meter.removed_on is None else min(end, meter.removed_on)
        if first >= last:
            continue  # the meter was not in place during the period
        _check_continues(covered_to, first)
        opening, closing = _at(by_day, meter, first), _at(by_day, meter, last)
        energy_mwh += closing.energy_mwh - opening.energy_mwh
        volume_m3 += closing.volume_m3 - opening.volume_m3
        weighted.add(by_day, meter, first, last)
        covered_to = last
    _check_continues(covered_to, end)
    return MeteredUse(energy_mwh, volume_m3, *weighted.averages())


class _Weighted:
    """Sums of volume × temperature over the intervals that report temperatures."""

    def __init__(self) -> None:
        self.volume = Decimal(0)
        self.cooling = Decimal(0)
        self.returned = Decimal(0)

    def add(
        self, by_day: dict[tuple[int, date], Reading], meter: Meter, first: date, last: date
    ) -> None:
        days = sorted(d for m, d in by_day if m == meter.meter_id and first <= d <= last)
        for before, after in pairwise(days):
            reading = by_day[(meter.meter_id, after)]
            cooling, returned = reading.cooling_c, reading.return_c
            if cooling is None or returned is None:
                continue
            volume = reading.volume_m3 - by_day[(meter.meter_id, before)].volume_m3
            self.volume += volume
            self.cooling += volume * cooling
            self.returned += volume * returned

    def averages(self) -> tuple[Decimal | None, Decimal | None]:
        if self.volume <= 0:
            return None, None
        return (
            (self.cooling / self.volume).quantize(TEMPERATURE_RESOLUTION, ROUND_HALF_UP),
            (self.returned / self.volume).quantize(TEMPERATURE_RESOLUTION, ROUND_HALF_UP),
        )


def _check_continues(covered_to: date, next_from: date) -> None:
    """Meters follow each other without a gap or an overlap."""
    if next_from > covered_to:
        raise ValidationError(say("metering.use.gap", start=_day(covered_to), end=_day(next_from)))
    if next_from < covered_to:
        raise ValidationError(
            say("metering.use.overlap", start=_day(next_from), end=_day(covered_to))
        )


def _readings_by_meter_and_day(readings: Iterable[Reading]) -> dict[tuple[int, date], Reading]:
    """One reading per meter and day; a real reading replaces an estimate."""
    found: dict[tuple[int, date], Reading] = {}
    for reading in readings:
        key = (reading.meter_id, reading.read_on)
        kept = found.get(key)
        if kept is None or kept.source is ReadingSource.ESTIMATED:
            found[key] = reading
    return found


def _at(by_day: dict[tuple[int, date], Reading], meter: Meter, day: date) -> Reading:
    reading = by_day.get((meter.meter_id, day))
    if reading is None:
        raise ValidationError(say("metering.use.missing", meter=meter.serial, day=_day(day)))
    return reading


def _day(day: date) -> str:
    return f"{day:%d-%m-%Y}"
