"""Meter readings (aflæsninger): registers for energy (MWh) and volume (m³) at a time.

A reading is never edited: a correction is a new reading that supersedes it, with a reason;
an estimate is superseded automatically when a real reading for the same date arrives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

from heatbill.domain.errors import ValidationError


class ReadingSource(StrEnum):
    REMOTE = "remote"
    CARD = "card"
    """A self-reading card (aflæsningskort, `vestervig 5.6`)."""
    TECHNICIAN = "technician"
    MANUAL = "manual"
    """Keyed in by staff (e.g. from a phone call)."""
    ESTIMATED = "estimated"
    """Beregnet forbrug (`vestervig 5.7`, `6.3`)."""
    CORRECTION = "correction"
    """Staff's correction of a held reading, with its reason (`vestervig 5.9`)."""


class ReadingStatus(StrEnum):
    ACCEPTED = "accepted"
    HELD = "held"
    """Implausible or decreasing: held for review, never billed (`vestervig 5.9`)."""
    REJECTED = "rejected"
    """Staff found it wrong; a correction (if any) supersedes it."""
    SUPERSEDED = "superseded"
    """An estimate replaced by a real reading for the same date (`vestervig 5.7`)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """The meter's registers at the end of `read_on` (a reading 'on 31-12' closes the year)."""

    meter_id: int
    read_on: date
    energy_mwh: Decimal
    volume_m3: Decimal
    source: ReadingSource
    forward_c: Decimal | None = None
    """Average forward (supply) temperature in °C since the previous reading, if the meter says."""
    return_c: Decimal | None = None
    """Average return temperature in °C; cooling = forward − return (cooling incentive)."""

    def __post_init__(self) -> None:
        for name in ("energy_mwh", "volume_m3"):
            value = getattr(self, name)
            if not isinstance(value, Decimal):
                raise TypeError(f"{name} is a Decimal, not {type(value).__name__}")
            if value < 0:
                raise ValidationError(f"{name} kan ikke være negativ")

    @property
    def cooling_c(self) -> Decimal | None:
        if self.forward_c is None or self.return_c is None:
            return None
        return self.forward_c - self.return_c


@dataclass(frozen=True, slots=True)
class RecordedReading:
    """A reading as the register keeps it: its id, status and why it was held or decided."""

    reading_id: int
    reading: Reading
    status: ReadingStatus
    hold_reasons: tuple[str, ...] = ()
    note: str | None = None
    supersedes_reading_id: int | None = None

    @property
    def billable(self) -> bool:
        """Only accepted readings are billed; held ones never are (`vestervig 5.9`)."""
        return self.status is ReadingStatus.ACCEPTED


ScaledReading: TypeAlias = tuple[int, date, int, int, str, int | None, int | None]
"""A reading in the integer units the register keeps, for batch paths that handle a million:
(meter_id, read_on, energy in kWh = 0.001 MWh, volume in litres = 0.001 m³, the source's
value, average forward and return temperature in 0.01 °C or None)."""

HistoryRow: TypeAlias = tuple[int, date, int, int, str, str]
"""A recorded reading as the checks of new readings read it, in the units of `ScaledReading`:
(reading_id, read_on, energy in kWh, volume in litres, the source's value, the status's)."""


def scaled(reading: Reading) -> ScaledReading:
    """The reading in integer units; ValueError if a register has more than 3 decimals or a
    temperature more than 2 (the register keeps no more)."""
    r = reading
    return (
        r.meter_id,
        r.read_on,
        _units(r.energy_mwh, 3),
        _units(r.volume_m3, 3),
        r.source.value,
        None if r.forward_c is None else _units(r.forward_c, 2),
        None if r.return_c is None else _units(r.return_c, 2),
    )


def unscaled(row: ScaledReading) -> Reading:
    """The reading of a `ScaledReading`, its quantities as Decimals with 3 (2) decimals."""
    meter_id, read_on, energy, volume, source, forward, back = row
    return Reading(
        meter_id,
        read_on,
        Decimal(energy).scaleb(-3),
        Decimal(volume).scaleb(-3),
        ReadingSource(source),
        None if forward is None else Decimal(forward).scaleb(-2),
        None if back is None else Decimal(back).scaleb(-2),
    )


def _units(value: Decimal, places: int) -> int:
    units = value.scaleb(places)
    if units != units.to_integral_value():
        raise ValueError(f"{value} has more than {places} decimals")
    return int(units)
