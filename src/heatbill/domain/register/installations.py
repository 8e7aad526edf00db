"""Properties (ejendomme), installations (målesteder) and meters (målere) over time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from heatbill.domain.errors import ValidationError


class PropertyUse(StrEnum):
    HOUSING = "housing"
    BUSINESS = "business"


@dataclass(frozen=True, slots=True)
class Property:
    """A property with its BBR heated area (m²), and volume (m³) where a tariff charges by it."""

    property_id: int
    address: str
    postcode: str
    city: str
    heated_area_m2: Decimal
    use: PropertyUse
    volume_m3: Decimal | None = None
    bbr_id: str | None = None

    def __post_init__(self) -> None:
        if not self.address.strip():
            raise ValidationError("en ejendom skal have en adresse")
        if self.heated_area_m2 <= 0:
            raise ValidationError("det opvarmede areal skal være større end 0 m²")
        if self.volume_m3 is not None and self.volume_m3 <= 0:
            raise ValidationError("rumfanget skal være større end 0 m³")

    @property
    def full_address(self) -> str:
        return f"{self.address}, {self.postcode} {self.city}"


@dataclass(frozen=True, slots=True)
class Installation:
    """Where heat is delivered and metered (målested) at a property; `number` is what the
    customer sees on bills and uses with the pin code in the portal (`solrod 5.4`)."""

    installation_id: int
    property_id: int
    number: str


class ReadingMethod(StrEnum):
    REMOTE = "remote"
    """Fjernaflæsning (`vestervig 5.5`)."""
    SELF = "self"
    """Selvaflæsning on a card (`vestervig 5.6`)."""


class MeterSize(StrEnum):
    """Meter classes of the tariff sheet's meter rent (`solrod 5.2`)."""

    UP_TO_30_KW = "lt30kw"
    UP_TO_100_KW = "lt100kw"
    OVER_100_KW = "gt100kw"


@dataclass(frozen=True, slots=True)
class Meter:
    """A main meter at an installation for `[installed_on, removed_on)`."""

    meter_id: int
    installation_id: int
    serial: str
    installed_on: date
    method: ReadingMethod
    size: MeterSize = MeterSize.UP_TO_30_KW
    removed_on: date | None = None

    def __post_init__(self) -> None:
        if self.removed_on is not None and self.removed_on <= self.installed_on:
            raise ValidationError("en måler skal være fjernet efter den er sat op")

    def in_service_on(self, day: date) -> bool:
        return self.installed_on <= day and (self.removed_on is None or day < self.removed_on)
