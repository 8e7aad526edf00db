"""The typed rows of a customer export: one installation with its property, meter, customer
and — for a tenant or andelshaver — the property's owner.

The values carry no database ids: the import service gives them ids and writes them in bulk
(properties, installations, meters, parties, customer relationships). The Danish words of the
file's choice columns are kept here, next to the values they become.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from heatbill.domain.register.installations import MeterSize, PropertyUse, ReadingMethod
from heatbill.domain.register.parties import Contact, Cpr, PartyKind
from heatbill.domain.register.relationships import Role

USE_WORDS: Final = {"bolig": PropertyUse.HOUSING, "erhverv": PropertyUse.BUSINESS}
METHOD_WORDS: Final = {"fjern": ReadingMethod.REMOTE, "selv": ReadingMethod.SELF}
SIZE_WORDS: Final = {
    "<30kW": MeterSize.UP_TO_30_KW,
    "<100kW": MeterSize.UP_TO_100_KW,
    ">100kW": MeterSize.OVER_100_KW,
}
KIND_WORDS: Final = {"person": PartyKind.PERSON, "virksomhed": PartyKind.COMPANY}
ROLE_WORDS: Final = {
    "ejer": Role.OWNER,
    "lejer": Role.TENANT,
    "andelshaver": Role.COOPERATIVE_MEMBER,
}


@dataclass(frozen=True, slots=True)
class PropertyValues:
    """The property (ejendom) with its BBR heated area (m²) and, if a tariff needs it, volume."""

    address: str
    postcode: str
    city: str
    heated_area_m2: Decimal
    use: PropertyUse
    volume_m3: Decimal | None = None


@dataclass(frozen=True, slots=True)
class MeterValues:
    """The main meter now in service; its size class sets the meter rent (`solrod 5.2`)."""

    serial: str
    installed_on: date
    method: ReadingMethod
    size: MeterSize
    """An empty `maalerstoerrelse` means the smallest class, the domain's default too."""


@dataclass(frozen=True, slots=True)
class PartyValues:
    """A person (CPR optional) or a company (CVR, maybe EAN) and how to reach them."""

    kind: PartyKind
    name: str
    contact: Contact
    cpr: Cpr | None = None
    cvr: str | None = None
    ean: str | None = None


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One installation (målested) and its current customer relationship from `customer_since`.

    `owner` is set exactly when the customer is a tenant or andelshaver: the owner is the
    customer, and liable, between two tenants (`aalborg 1.7`, `vestervig 2.16`).
    """

    line: int
    installation_number: str
    property: PropertyValues
    meter: MeterValues
    customer: PartyValues
    role: Role
    customer_since: date
    owner: PartyValues | None = None
