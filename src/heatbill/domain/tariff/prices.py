"""A price period of a tariff sheet (takstblad): the charges in force from one date.

All amounts exclude VAT; heat carries the standard 25 % (`money.VAT_RATE`). Per-year amounts
are `Money`; per-unit rates are exact `Decimal` kroner: capacity per m² BBR area, per m³
building volume or per installation a year, energy per MWh, water per m³ through the meter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from heatbill.domain.money import Money
from heatbill.domain.rulebook.kinds import Amount, Choice, Rate
from heatbill.domain.rulebook.kinds_text import Day
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.domain.tariff.connection import ConnectionPrices, read_connection
from heatbill.domain.tariff.fees import Fee, FeeKind, read_fees


class CapacityUnit(StrEnum):
    AREA_M2 = "area_m2"
    """Per m² heated area registered in BBR."""
    BUILDING_M3 = "building_m3"
    """Per m³ building volume (rumfang), as Vestervig and Solrød charge."""
    INSTALLATION = "installation"


@dataclass(frozen=True, slots=True)
class CapacityCharge:
    """The capacity charge (effektbidrag / fast bidrag): `rate` kroner per `unit` a year."""

    unit: Ruled[CapacityUnit]
    rate: Ruled[Decimal]


class CoolingMeasure(StrEnum):
    COOLING = "cooling"
    """Average cooling (supply minus return, °C); below the target costs extra."""
    RETURN_TEMPERATURE = "return_temperature"
    """Average return temperature (°C); above the target costs extra."""


class CoolingCharge(StrEnum):
    KR_PER_MWH = "kr_per_mwh"
    """`rate` kroner per MWh for each °C off target."""
    PERCENT_OF_ENERGY = "percent_of_energy"
    """`rate` percent of the energy charge for each °C off target (Vestervig)."""


@dataclass(frozen=True, slots=True)
class CoolingIncentive:
    """The cooling incentive tariff (motivationstarif / afkølingstarif): a surcharge."""

    measure: Ruled[CoolingMeasure]
    target_celsius: Ruled[Decimal]
    charge: Ruled[CoolingCharge]
    rate: Ruled[Decimal]


@dataclass(frozen=True, slots=True)
class PricePeriod:
    """Prices and fees in force from `valid_from` until the next period of the sheet."""

    valid_from: Ruled[date]
    energy_rate: Ruled[Decimal]
    """Kroner per MWh."""
    subscription: Ruled[Money] | None
    """Fixed subscription per installation a year; None when the utility charges none."""
    capacity: CapacityCharge | None
    water_volume_rate: Ruled[Decimal] | None
    """Kroner per m³ of water through the meter, where the utility charges it."""
    meter_rent: tuple[tuple[str, Ruled[Money]], ...]
    """Meter rent a year by meter size class (`solrod 5.2`); empty when there is none."""
    cooling: CoolingIncentive | None
    fees: tuple[Fee, ...]
    connection: ConnectionPrices | None = None
    """Connection contribution prices (`vestervig 2.6`); None when the sheet sets none."""

    def fee(self, kind: FeeKind) -> Fee | None:
        """The fee of `kind`, or None when this sheet does not charge it."""
        return next((fee for fee in self.fees if fee.kind is kind), None)

    def meter_rent_for(self, size_class: str) -> Ruled[Money] | None:
        return dict(self.meter_rent).get(size_class)


def read_period(r: Reader) -> PricePeriod:
    return PricePeriod(
        valid_from=r.ruled("valid_from", Day()),
        energy_rate=r.ruled("energy_rate", Rate()),
        subscription=r.optional_ruled("subscription", Amount()),
        capacity=_read_capacity(r.optional_section("capacity")),
        water_volume_rate=r.optional_ruled("water_volume_rate", Rate()),
        meter_rent=r.ruled_entries("meter_rent", Amount()),
        cooling=_read_cooling(r.optional_section("cooling")),
        fees=read_fees(r.section("fees")),
        connection=read_connection(r.optional_section("connection")),
    )


def _read_capacity(r: Reader | None) -> CapacityCharge | None:
    if r is None:
        return None
    return CapacityCharge(unit=r.ruled("unit", Choice(CapacityUnit)), rate=r.ruled("rate", Rate()))


def _read_cooling(r: Reader | None) -> CoolingIncentive | None:
    if r is None:
        return None
    return CoolingIncentive(
        measure=r.ruled("measure", Choice(CoolingMeasure)),
        target_celsius=r.ruled("target_celsius", Rate(hi=Decimal(100))),
        charge=r.ruled("charge", Choice(CoolingCharge)),
        rate=r.ruled("rate", Rate()),
    )
