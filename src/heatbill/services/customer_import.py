"""Importing customers from a utility's old system: properties, installations, meters,
parties, owners and customer relationships, in bulk, all or nothing.

Rows already in the register (an installation number or a meter serial) are refused with
their line, so a second, different export cannot double an installation. Owners appearing on
several rows (a landlord with many flats) become one party, recognised by CPR or CVR.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.formats.customer_rows import CustomerRow, PartyValues
from heatbill.adapters.formats.customers_csv import parse_customers_csv
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.domain.register.installations import Installation, Meter, Property
from heatbill.domain.register.parties import Party
from heatbill.domain.register.relationships import Relationship, Role
from heatbill.services.imports import ImportFile, refuse_repeat
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class CustomersReport:
    import_id: int
    installations: int
    parties: int
    tenants: int


@dataclass
class _Batch:
    properties: list[Property]
    installations: list[Installation]
    meters: list[Meter]
    parties: list[Party]
    owners: list[tuple[int, int, date]]
    relationships: list[Relationship]


def import_customers(
    command: ImportFile, as_of: date, uow: UnitOfWork, clock: Clock
) -> CustomersReport:
    parsed = parse_customers_csv(command.data, command.file_name, as_of=as_of)
    refuse_repeat(uow, command, "customers", parsed.sha256)
    _refuse_known(uow, command, list(parsed.rows))
    batch = _build(uow, command.utility_id, list(parsed.rows))
    u = command.utility_id
    uow.parties(u).add_many(batch.parties, clock.now())
    installations = uow.installations(u)
    installations.add_properties(batch.properties)
    installations.add_installations(batch.installations)
    installations.add_meters(batch.meters)
    uow.parties(u).add_owners(batch.owners)
    installations.add_relationships(batch.relationships, clock.now())
    import_id = uow.readings(u).add_import(
        "customers", command.file_name, parsed.sha256, len(parsed.rows), clock.now()
    )
    uow.commit()
    tenants = sum(1 for r in batch.relationships if r.role is not Role.OWNER)
    return CustomersReport(import_id, len(batch.installations), len(batch.parties), tenants)


def _refuse_known(uow: UnitOfWork, command: ImportFile, rows: list[CustomerRow]) -> None:
    installations = uow.installations(command.utility_id)
    known_serials = installations.meters_by_serial([r.meter.serial for r in rows])
    known_numbers = installations.existing_numbers([r.installation_number for r in rows])
    log = ProblemLog()
    for row in rows:
        if row.installation_number in known_numbers:
            log.add(
                row.line,
                "maalested",
                say("imports.installation_exists", number=row.installation_number),
            )
        if row.meter.serial in known_serials:
            log.add(row.line, "maaler", say("imports.meter_exists", serial=row.meter.serial))
    log.raise_if_any(command.file_name)


def _build(uow: UnitOfWork, utility_id: int, rows: list[CustomerRow]) -> _Batch:
    ids = uow.ids(utility_id)
    n = len(rows)
    first = {
        name: ids.reserve(name, n) for name in ("property", "installation", "meter", "relationship")
    }
    party_first = ids.reserve("party", 2 * n)
    batch = _Batch([], [], [], [], [], [])
    parties: dict[tuple[str, str], Party] = {}

    def party_for(values: PartyValues) -> Party:
        key = _identity(values, len(batch.parties))
        if key not in parties:
            party = Party(
                party_first + len(batch.parties),
                values.kind,
                values.name,
                values.contact,
                values.cpr,
                values.cvr,
                values.ean,
            )
            parties[key] = party
            batch.parties.append(party)
        return parties[key]

    for i, row in enumerate(rows):
        values = row.property
        prop = Property(
            first["property"] + i,
            values.address,
            values.postcode,
            values.city,
            values.heated_area_m2,
            values.use,
            values.volume_m3,
        )
        installation = Installation(
            first["installation"] + i, prop.property_id, row.installation_number
        )
        meter = Meter(
            first["meter"] + i,
            installation.installation_id,
            row.meter.serial,
            row.meter.installed_on,
            row.meter.method,
            row.meter.size,
        )
        customer = party_for(row.customer)
        owner = customer if row.owner is None else party_for(row.owner)
        batch.properties.append(prop)
        batch.installations.append(installation)
        batch.meters.append(meter)
        batch.owners.append((prop.property_id, owner.party_id, row.customer_since))
        batch.relationships.append(
            Relationship(
                first["relationship"] + i,
                installation.installation_id,
                customer.party_id,
                row.role,
                row.customer_since,
            )
        )
    return batch


def _identity(values: PartyValues, fallback: int) -> tuple[str, str]:
    """How one party is recognised on several rows: CPR or CVR; else each row is its own."""
    if values.cpr is not None:
        return ("cpr", values.cpr.digits)
    if values.cvr is not None:
        return ("cvr", values.cvr)
    return ("row", str(fallback))
