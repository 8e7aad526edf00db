"""Metered use between two dates at an installation, across meter changes.

The utility replaces main meters when it sees fit (`vestervig 5.2`); a new meter starts from
its own register, so use is never one register minus another meter's. Each meter counts from
its start reading — on its `installed_on` — or the period's start, whichever is later, to its
final reading — on its `removed_on` — or the period's end, whichever is earlier; the old meter's
final reading and the new meter's start reading are both dated the day of the change.

The readings at those dates must exist: a missing one is estimated first (`estimates`), and a
real reading wins over an estimate for the same day. Readings close their day, so the use
"between 31-12-2025 and 31-12-2026" is the use of 2026.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.domain.errors import ValidationError
from heatbill.domain.register.installations import Meter
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class MeteredUse:
    """Use from the registers: energy in MWh, volume in m³."""

    energy_mwh: Decimal
    volume_m3: Decimal


def use_between(
    readings: Iterable[Reading], meters: Iterable[Meter], start: date, end: date
) -> MeteredUse:
    """The use from the readings at the end of `start` to those at the end of `end`."""
    if end < start:
        raise ValidationError(say("metering.use.order", start=_day(start), end=_day(end)))
    by_day = _readings_by_meter_and_day(readings)
    energy_mwh, volume_m3, covered_to = Decimal(0), Decimal(0), start
    for meter in sorted(meters, key=lambda m: m.installed_on):
        first = max(start, meter.installed_on)
        last = end if meter.removed_on is None else min(end, meter.removed_on)
        if first >= last:
            continue  # the meter was not in place during the period
        _check_continues(covered_to, first)
        opening, closing = _at(by_day, meter, first), _at(by_day, meter, last)
        energy_mwh += closing.energy_mwh - opening.energy_mwh
        volume_m3 += closing.volume_m3 - opening.volume_m3
        covered_to = last
    _check_continues(covered_to, end)
    return MeteredUse(energy_mwh, volume_m3)


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
