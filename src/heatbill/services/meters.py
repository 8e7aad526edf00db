"""Meter changes (`vestervig 5.2`): the old meter counts to its final reading, the new one
from its start reading; both readings are kept, dated the day of the change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.errors import NotFoundError
from heatbill.domain.register.installations import Meter, MeterSize, ReadingMethod
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.services.readings import ReadingOutcome, take_readings
from heatbill.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ReplaceMeter:
    utility_id: int
    installation_number: str
    on: date
    final_energy_mwh: Decimal
    final_volume_m3: Decimal
    new_serial: str
    start_energy_mwh: Decimal
    start_volume_m3: Decimal
    method: ReadingMethod | None = None
    """Keeps the old meter's reading method when not given; likewise `size`."""
    size: MeterSize | None = None


@dataclass(frozen=True, slots=True)
class MeterChanged:
    old_meter_id: int
    new_meter_id: int
    readings: list[ReadingOutcome]


def replace_meter(command: ReplaceMeter, uow: UnitOfWork, clock: Clock) -> MeterChanged:
    installations = uow.installations(command.utility_id)
    installation = installations.installation_by_number(command.installation_number)
    current = [
        m
        for m in installations.meters_of(installation.installation_id)
        if m.removed_on is None and m.installed_on <= command.on
    ]
    if not current:
        raise NotFoundError(f"ingen opsat måler på målested {command.installation_number}")
    old = current[-1]
    new = Meter(
        meter_id=uow.ids(command.utility_id).reserve("meter"),
        installation_id=installation.installation_id,
        serial=command.new_serial,
        installed_on=command.on,
        method=command.method or old.method,
        size=command.size or old.size,
    )
    installations.remove_meter(old.meter_id, command.on)
    installations.add_meters([new])
    outcomes = take_readings(
        uow,
        clock,
        command.utility_id,
        [
            Reading(
                old.meter_id,
                command.on,
                command.final_energy_mwh,
                command.final_volume_m3,
                ReadingSource.TECHNICIAN,
            ),
            Reading(
                new.meter_id,
                command.on,
                command.start_energy_mwh,
                command.start_volume_m3,
                ReadingSource.TECHNICIAN,
            ),
        ],
        import_id=None,
    )
    uow.commit()
    return MeterChanged(old.meter_id, new.meter_id, outcomes)
