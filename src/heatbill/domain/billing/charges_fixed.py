"""Fixed yearly charges: subscription, capacity charge and meter rent, prorated by days.

`vestervig 4.1` (abonnement, fast bidrag pr. m³), `solrod 4.1` (fast afgift pr. m³) and
`solrod 5.2` (målerleje by meter size) price these per year. A part of a year pays
`yearly × days in the part / days in that calendar year` (365 or 366), each part lying in one
calendar year (`charges_split.year_parts`); the product is formed exactly, divided once and
rounded once. So a whole calendar year pays exactly the yearly amount, while a heating year
June–May that includes a leap year's 29 February does not (2024/25 is 214/366 + 151/365 of a
year: 2.496,00 kr. of a 2.500,00 kr. subscription). The sheets do not say how to prorate —
check with the utility.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from heatbill.domain.billing.charges_lines import (
    ChargeKind,
    ChargeLine,
    ChargeUnit,
    RateUnit,
    decimal_da,
    period_da,
)
from heatbill.domain.billing.charges_split import PricedPart, year_parts
from heatbill.domain.degree_days import Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import ORE_PER_KRONE, Money, round_ore
from heatbill.domain.register.installations import Property
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.domain.tariff import CapacityUnit, PricePeriod
from heatbill.wording import catalog, say


@dataclass(frozen=True, slots=True)
class _YearlyCharge:
    """A fixed charge of the price period: `rate` kroner per `unit` a year, `quantity` units."""

    kind: ChargeKind
    wording: str
    quantity: Decimal
    unit: ChargeUnit
    rate: Ruled[Decimal]
    size: str = ""
    """The meter size class's Danish name, for meter rent."""


def fixed_lines(
    part: PricedPart, premises: Property, meter_class: str | None
) -> Iterator[ChargeLine]:
    """The part's fixed charges, one line per charge and calendar year."""
    for charge in _yearly_charges(part.prices, premises, meter_class):
        for period in year_parts(part.period):
            yield _prorated(charge, period)


def _yearly_charges(
    prices: PricePeriod, premises: Property, meter_class: str | None
) -> Iterator[_YearlyCharge]:
    """The fixed charges `prices` has, with the property's or meter's quantity for each."""
    if prices.subscription is not None:
        rate = _kroner(prices.subscription)
        unit = ChargeUnit.INSTALLATION
        yield _YearlyCharge(ChargeKind.SUBSCRIPTION, "charges.subscription", Decimal(1), unit, rate)
    if prices.capacity is not None:
        unit, quantity = _capacity_basis(prices.capacity.unit.value, premises)
        key = f"charges.capacity.{unit}"
        yield _YearlyCharge(ChargeKind.CAPACITY, key, quantity, unit, prices.capacity.rate)
    if meter_class is not None:
        rent = _kroner(_meter_rent(prices, meter_class))
        kind, unit = ChargeKind.METER_RENT, ChargeUnit.METER
        yield _YearlyCharge(kind, "charges.meter_rent", Decimal(1), unit, rent, _size(meter_class))


def _prorated(charge: _YearlyCharge, period: Period) -> ChargeLine:
    """`charge` for `period`, inside one calendar year: yearly × days / days in the year."""
    year_days = 366 if calendar.isleap(period.start.year) else 365
    rate = charge.rate.value
    exact_ore = charge.quantity * rate * ORE_PER_KRONE * period.days / year_days
    text = say(
        charge.wording,
        period=period_da(period),
        quantity=decimal_da(charge.quantity, places=0),
        rate=decimal_da(rate),
        days=period.days,
        year_days=year_days,
        size=charge.size,
    )
    return ChargeLine(
        kind=charge.kind,
        text=text,
        period=period,
        quantity=charge.quantity,
        unit=charge.unit,
        rate=rate,
        rate_unit=RateUnit.KR_PER_YEAR,
        amount=round_ore(exact_ore),
        clause=charge.rate.clause,
    )


def _capacity_basis(unit: CapacityUnit, premises: Property) -> tuple[ChargeUnit, Decimal]:
    """The chargeable quantity: BBR heated area, building volume, or the one installation."""
    if unit is CapacityUnit.AREA_M2:
        return ChargeUnit.AREA_M2, premises.heated_area_m2
    if unit is CapacityUnit.INSTALLATION:
        return ChargeUnit.INSTALLATION, Decimal(1)
    if premises.volume_m3 is None:
        raise ValidationError(say("charges.capacity.no_volume", address=premises.full_address))
    return ChargeUnit.BUILDING_M3, premises.volume_m3


def _meter_rent(prices: PricePeriod, meter_class: str) -> Ruled[Money]:
    """The rent for the meter's size class; a class the sheet does not price is refused."""
    rent = prices.meter_rent_for(meter_class)
    if rent is None:
        known = ", ".join(size for size, _ in prices.meter_rent) or "-"
        day = f"{prices.valid_from.value:%d-%m-%Y}"
        text = say("charges.meter_rent.unknown", size=meter_class, day=day, known=known)
        raise ValidationError(text)
    return rent


def _kroner(amount: Ruled[Money]) -> Ruled[Decimal]:
    return Ruled(amount.value.as_decimal_kroner(), amount.clause, amount.basis)


def _size(meter_class: str) -> str:
    """The Danish name of a meter size class, or the sheet's own name for one without."""
    key = f"charges.meter_class.{meter_class}"
    return say(key) if key in catalog() else meter_class
