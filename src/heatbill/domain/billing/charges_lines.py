"""The lines of a heat bill: each tariff charge for one part of the period, rounded once.

Every line is computed at full `Decimal` precision and rounded once, half-up to the øre, by
`money.round_ore` (STYLE.md "One number policy"). Amounts exclude VAT; each line cites the
clause of the tariff sheet line it applies.

Here: the line as a value, energy (MWh × kr/MWh) and water (m³ through the meter × kr/m³);
the fixed yearly charges are in `charges_fixed`, the cooling incentive in `charges_cooling`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from heatbill.domain.billing.charges_split import PricedPart
from heatbill.domain.consumption import format_m3, format_mwh
from heatbill.domain.degree_days import Period
from heatbill.domain.money import ORE_PER_KRONE, Money, round_ore
from heatbill.domain.rulebook.clauses import Clause
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.wording import say


class ChargeKind(StrEnum):
    """The kinds of line, in the order a bill lists them."""

    SUBSCRIPTION = "subscription"
    CAPACITY = "capacity"
    METER_RENT = "meter_rent"
    ENERGY = "energy"
    WATER = "water"
    COOLING = "cooling"


class ChargeUnit(StrEnum):
    """What a line's quantity counts."""

    INSTALLATION = "installation"
    AREA_M2 = "area_m2"
    BUILDING_M3 = "building_m3"
    METER = "meter"
    MWH = "mwh"
    WATER_M3 = "water_m3"
    DEGREES_OFF = "degrees_off"
    """°C worse than the cooling target."""


class RateUnit(StrEnum):
    """How a line's rate applies: `amount = quantity × rate × …` before rounding."""

    KR_PER_YEAR = "kr_per_year"
    """… × days in the line's period / days in its calendar year."""
    KR = "kr"
    """Kroner per unit of quantity, nothing more."""
    KR_PER_MWH = "kr_per_mwh"
    """… × the part's MWh (cooling: kroner per MWh per °C)."""
    PERCENT_OF_ENERGY = "percent_of_energy"
    """… × the part's energy charge / 100 (cooling: percent per °C)."""


@dataclass(frozen=True, slots=True)
class ChargeLine:
    """One line of a bill for `period`: `amount` excludes VAT and is rounded once."""

    kind: ChargeKind
    text: str
    """Danish, from `wording/da/billing_charges.py`."""
    period: Period
    quantity: Decimal
    unit: ChargeUnit
    rate: Decimal
    """Kroner (per year, per MWh, per m³), or percent — see `rate_unit`."""
    rate_unit: RateUnit
    amount: Money
    clause: Clause


def energy_line(part: PricedPart, mwh: Decimal) -> ChargeLine:
    """The energy charge (forbrugsbidrag, energipris): MWh × kr/MWh."""
    rate = part.prices.energy_rate
    return _per_unit(
        ChargeKind.ENERGY, part, quantity=mwh, unit=ChargeUnit.MWH, shown=format_mwh(mwh), rate=rate
    )


def water_line(part: PricedPart, m3: Decimal) -> ChargeLine | None:
    """The water volume charge, m³ through the meter × kr/m³, where the sheet has one."""
    rate = part.prices.water_volume_rate
    if rate is None:
        return None
    return _per_unit(
        ChargeKind.WATER,
        part,
        quantity=m3,
        unit=ChargeUnit.WATER_M3,
        shown=format_m3(m3),
        rate=rate,
    )


def _per_unit(
    kind: ChargeKind,
    part: PricedPart,
    *,
    quantity: Decimal,
    unit: ChargeUnit,
    shown: str,
    rate: Ruled[Decimal],
) -> ChargeLine:
    text = say(
        f"charges.{kind}",
        period=period_da(part.period),
        quantity=shown,
        rate=decimal_da(rate.value),
    )
    return ChargeLine(
        kind=kind,
        text=text,
        period=part.period,
        quantity=quantity,
        unit=unit,
        rate=rate.value,
        rate_unit=RateUnit.KR,
        amount=round_ore(quantity * rate.value * ORE_PER_KRONE),
        clause=rate.clause,
    )


def period_da(period: Period) -> str:
    """`01-06-2024 – 31-12-2024`: first and last day, as a Danish bill writes them."""
    return f"{period.start:%d-%m-%Y} – {period.last_day:%d-%m-%Y}"


def decimal_da(value: Decimal, *, places: int = 2) -> str:
    """Danish notation with at least `places` decimals, never fewer than `value` has."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -places:
        value = value.quantize(Decimal(1).scaleb(-places))
    whole, _, decimals = f"{abs(value):f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".") + (f",{decimals}" if decimals else "")
    return "-" + text if value < 0 else text
