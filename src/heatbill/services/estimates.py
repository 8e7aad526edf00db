"""Estimating missing readings (`vestervig 5.7`, `6.3`): last year's use spread by degree
days with a hot-water share; an area estimate for a new installation. An estimate is marked as
such, the customer is told what it rests on, and a real reading replaces it when it comes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.domain.consumption import format_mwh
from heatbill.domain.degree_days import DegreeDayTable
from heatbill.domain.errors import ValidationError
from heatbill.domain.estimates import Estimate, estimate_reading
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.register.readings import ReadingStatus, RecordedReading
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of


@dataclass(frozen=True, slots=True)
class EstimatedReading:
    reading_id: int
    estimate: Estimate


def estimate_missing(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    on: date,
    meter_ids: Sequence[int] | None = None,
) -> list[EstimatedReading]:
    """Estimate every meter in service on `on` (or just `meter_ids`) without a reading that
    day; not committed (the caller's use case commits)."""
    installations = uow.installations(utility_id)
    repository = uow.readings(utility_id)
    wanted = None if meter_ids is None else set(meter_ids)
    meters = [
        m for m in installations.meters_in_service(on) if wanted is None or m.meter_id in wanted
    ]
    history = repository.of_meters([m.meter_id for m in meters])
    metering = rulebook_of(uow, utility_id, on).metering
    table = DegreeDayTable(repository.degree_days())
    areas = installations.heated_areas([m.installation_id for m in meters])
    made: list[Estimate] = []
    for meter in meters:
        known = [h for h in history[meter.meter_id] if h.status in _COUNTED]
        if any(h.reading.read_on == on for h in known):
            continue
        try:
            estimate = estimate_reading(
                meter,
                on,
                [h.reading for h in known if h.status is ReadingStatus.ACCEPTED],
                table,
                metering.hot_water_share_percent.value,
                heated_area_m2=areas.get(meter.installation_id),
                mwh_per_m2=metering.new_installation_mwh_per_m2.value,
            )
        except ValidationError:
            continue
        made.append(estimate)
    # One id reservation for the whole batch, not a round trip per meter.
    ids = repository.new_ids(len(made))
    done = [EstimatedReading(i, e) for i, e in zip(ids, made, strict=True)]
    repository.add(
        [
            RecordedReading(
                e.reading_id,
                e.estimate.reading,
                ReadingStatus.ACCEPTED,
                note=e.estimate.basis.method.value,
            )
            for e in done
        ],
        clock.now(),
    )
    _tell_customers(uow, clock, utility_id, done, {m.meter_id: m.installation_id for m in meters})
    return done


_COUNTED = (ReadingStatus.ACCEPTED, ReadingStatus.HELD)


def estimate_readings(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock
) -> list[EstimatedReading]:
    """Staff's use case: estimate every meter without a reading on `on`, and commit."""
    done = estimate_missing(uow, clock, utility_id, on)
    uow.commit()
    return done


def _tell_customers(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    done: list[EstimatedReading],
    installation_of: dict[int, int],
) -> None:
    if not done:
        return
    day = done[0].estimate.reading.read_on
    customers = {r.installation_id: r for r in uow.installations(utility_id).relationships_on(day)}
    letters = []
    for item in done:
        reading = item.estimate.reading
        customer = customers.get(installation_of[reading.meter_id])
        if customer is None:
            continue
        letters.append(
            LetterRequest(
                LetterKind.ESTIMATE_NOTICE,
                customer.party_id,
                clock.today(),
                "vestervig 5.7",
                customer.relationship_id,
                {
                    "read_on": f"{reading.read_on:%d-%m-%Y}",
                    "method": item.estimate.basis.method.value,
                    "use_mwh": format_mwh(item.estimate.basis.use_mwh),
                    "energy_mwh": format_mwh(reading.energy_mwh),
                },
            )
        )
    uow.letters(utility_id).queue(letters, clock.now())
