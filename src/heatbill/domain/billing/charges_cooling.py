"""The cooling incentive (motivationstarif, afkølingstarif): a surcharge per °C off target.

A utility charges extra when an installation cools the district heating water too little
(`vestervig 3.3`, `solrod 3.3`), measured by the meter as the period's average cooling (supply
minus return) or average return temperature. The sheet's `CoolingIncentive` gives the target
and either kroner per MWh per °C (Solrød: "Afkølingsafgift 8,35 kr./MWh pr. °C" incl. VAT) or
percent of the energy charge per °C (Vestervig: "1 % pr. grad man køler mindre af end 25
grader af de variable omkostninger").

Only a surcharge: the tariff domain models one, and neither published sheet offers a bonus, so
an installation at or better than the target gets no line. Degrees count pro rata (2,5 °C off
is 2,5 × the rate): the sheets do not say whole degrees — check with the utility. The period's
one average applies to every price part of it, since the meter reports one average. A meter
that does not report the sheet's measure gives no line.
"""

from __future__ import annotations

from decimal import Decimal

from heatbill.domain.billing.charges_lines import (
    ChargeKind,
    ChargeLine,
    ChargeUnit,
    RateUnit,
    decimal_da,
    period_da,
)
from heatbill.domain.billing.charges_split import PricedPart
from heatbill.domain.consumption import format_mwh
from heatbill.domain.money import ORE_PER_KRONE, round_ore
from heatbill.domain.tariff import CoolingCharge, CoolingIncentive, CoolingMeasure
from heatbill.wording import say

_HUNDRED = Decimal(100)


def cooling_line(
    part: PricedPart, mwh: Decimal, cooling_c: Decimal | None, return_c: Decimal | None
) -> ChargeLine | None:
    """The surcharge for `part` with `mwh` delivered, or None when there is nothing to charge."""
    incentive = part.prices.cooling
    if incentive is None or mwh <= 0:
        return None
    measure = incentive.measure.value
    measured = cooling_c if measure is CoolingMeasure.COOLING else return_c
    if measured is None:
        return None
    degrees_off = degrees_worse_than_target(incentive, measured)
    if degrees_off <= 0:
        return None
    exact_ore, rate_unit, charge = _surcharge(incentive, degrees_off, mwh, part)
    text = say(
        f"charges.cooling.{measure}",
        period=period_da(part.period),
        measured=decimal_da(measured, places=1),
        off=decimal_da(degrees_off, places=1),
        target=decimal_da(incentive.target_celsius.value, places=0),
        charge=charge,
    )
    return ChargeLine(
        kind=ChargeKind.COOLING,
        text=text,
        period=part.period,
        quantity=degrees_off,
        unit=ChargeUnit.DEGREES_OFF,
        rate=incentive.rate.value,
        rate_unit=rate_unit,
        amount=round_ore(exact_ore),
        clause=incentive.rate.clause,
    )


def _surcharge(
    incentive: CoolingIncentive, degrees_off: Decimal, mwh: Decimal, part: PricedPart
) -> tuple[Decimal, RateUnit, str]:
    """The unrounded surcharge in øre, how its rate applies, and the Danish words for it."""
    rate = incentive.rate.value
    if incentive.charge.value is CoolingCharge.KR_PER_MWH:
        words = say("charges.cooling.kr_per_mwh", rate=decimal_da(rate), mwh=format_mwh(mwh))
        return degrees_off * rate * mwh * ORE_PER_KRONE, RateUnit.KR_PER_MWH, words
    # The energy charge unrounded: the surcharge is rounded once, as its own line.
    energy_ore = mwh * part.prices.energy_rate.value * ORE_PER_KRONE
    energy = round_ore(energy_ore).format_da()
    words = say("charges.cooling.percent_of_energy", rate=decimal_da(rate, places=0), energy=energy)
    return degrees_off * rate / _HUNDRED * energy_ore, RateUnit.PERCENT_OF_ENERGY, words


def degrees_worse_than_target(incentive: CoolingIncentive, measured_c: Decimal) -> Decimal:
    """°C worse than the target: cooling below it, or return temperature above it (may be < 0)."""
    target = incentive.target_celsius.value
    if incentive.measure.value is CoolingMeasure.COOLING:
        return target - measured_c
    return measured_c - target
