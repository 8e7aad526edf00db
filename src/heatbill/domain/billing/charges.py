"""Tariff charges for one installation and one billing period: the lines, the VAT, the total.

Pure: `charges_for(sheet, period, premises, meter_class, use, split)` prices the metered use of
`[start, end)` by the tariff sheet (takstblad, `vestervig 4`, `solrod 4.1`, `solrod 5.2`, SPEC.md
"Tariffs"): fixed subscription, capacity charge by area, volume or installation, meter rent by
size class, energy per MWh, water per m³, and the cooling incentive (`vestervig 3.3`,
`solrod 3.3`). A period that spans a price change is billed in parts at each part's prices
(`charges_split`); how each line is computed and rounded once is in `charges_fixed`,
`charges_lines` and `charges_cooling`.

VAT: every line is heat or part of its price and carries the standard 25 % (DANISH-RULES.md
"VAT on fees": "Heat itself carries 25 % VAT"). It is computed once, on the sum of the lines
ex VAT, rounded half-up by `money.vat_of` — not per line — so the VAT is the exact 25 % of the
net to the øre and the total is exactly net + VAT. The total then agrees with the published
incl.-VAT prices to the øre when each line ex VAT comes out in whole øre, and within 1 øre
otherwise (tests: the Solrød house).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from heatbill.domain.billing.charges_cooling import cooling_line
from heatbill.domain.billing.charges_fixed import fixed_lines
from heatbill.domain.billing.charges_lines import (
    ChargeKind,
    ChargeLine,
    ChargeUnit,
    RateUnit,
    energy_line,
    water_line,
)
from heatbill.domain.billing.charges_split import price_parts, split_at_cuts
from heatbill.domain.consumption import M3_RESOLUTION, MWH_RESOLUTION
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.metered_use import MeteredUse
from heatbill.domain.money import Money, allocate, total, vat_of
from heatbill.domain.register.installations import Property
from heatbill.domain.tariff import TariffSheet
from heatbill.wording import say

__all__ = [
    "ChargeKind",
    "ChargeLine",
    "ChargeUnit",
    "Charges",
    "PeriodUse",
    "RateUnit",
    "UseSplit",
    "charges_for",
]


@dataclass(frozen=True, slots=True)
class PeriodUse:
    """What the meter says for the billing period.

    Energy in MWh and water in m³ at the registers' resolution (0.001, `consumption`); the
    period's average cooling and return temperature in °C when the meter reports them.
    """

    energy_mwh: Decimal
    water_m3: Decimal = Decimal(0)
    cooling_c: Decimal | None = None
    return_c: Decimal | None = None

    def __post_init__(self) -> None:
        _check_use("energy", self.energy_mwh, MWH_RESOLUTION)
        _check_use("water", self.water_m3, M3_RESOLUTION)
        for name in ("cooling_c", "return_c"):
            if not isinstance(getattr(self, name), Decimal | None):
                raise TypeError(f"{name} is a Decimal in °C, not {type(getattr(self, name))}")


@dataclass(frozen=True, slots=True)
class UseSplit:
    """How the use is split at a price change inside the period (DANISH-RULES.md).

    `metered_to[day]`: the use metered from the period's start to `day` (exclusive) — from the
    readings that close the day before (`metered_use.use_between`). A real reading at a price
    change wins; without one, hot water (`hot_water_share_percent` of the use) goes by days and
    space heating by the table's degree days. Days that are not price changes inside the
    period are not needed and not used.
    """

    degree_days: DegreeDayTable
    hot_water_share_percent: Decimal
    metered_to: Mapping[date, MeteredUse] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for use in self.metered_to.values():
            _check_use("energy", use.energy_mwh, MWH_RESOLUTION)
            _check_use("water", use.volume_m3, M3_RESOLUTION)
        object.__setattr__(self, "metered_to", MappingProxyType(dict(self.metered_to)))


@dataclass(frozen=True, slots=True)
class Charges:
    """The priced period: lines ex VAT in bill order, one VAT on their sum, and the total."""

    period: Period
    lines: tuple[ChargeLine, ...]
    net: Money = field(init=False, compare=False, repr=False)
    """The sum of the lines, ex VAT."""
    vat: Money = field(init=False, compare=False, repr=False)
    """25 % of `net`, rounded once."""
    total: Money = field(init=False, compare=False, repr=False)
    """`net` + `vat`."""

    def __post_init__(self) -> None:
        # Computed once: the lines never change, and a run reads the totals many times.
        net = total(line.amount for line in self.lines)
        vat = vat_of(net)
        object.__setattr__(self, "net", net)
        object.__setattr__(self, "vat", vat)
        object.__setattr__(self, "total", Money(net.ore + vat.ore))

    def line_vat(self) -> tuple[Money, ...]:
        """The one VAT spread over the lines by amount, exactly (`money.allocate`), for a bill
        that shows VAT per line; the shares add up to `vat`."""
        amounts = [line.amount.ore for line in self.lines]
        if not any(amounts):
            return tuple(Money(0) for _ in amounts)
        return tuple(allocate(self.vat, amounts))

    def of_kind(self, kind: ChargeKind) -> tuple[ChargeLine, ...]:
        return tuple(line for line in self.lines if line.kind is kind)

    @property
    def energy_mwh(self) -> Decimal:
        """MWh billed in all: the metered energy, however the period was split."""
        return sum((line.quantity for line in self.of_kind(ChargeKind.ENERGY)), Decimal(0))


def charges_for(
    sheet: TariffSheet,
    period: Period,
    *,
    premises: Property,
    meter_class: str | None,
    use: PeriodUse,
    split: UseSplit,
) -> Charges:
    """The charges for `use` in `period` at an installation on `premises`.

    `meter_class` is the tariff sheet's meter size class for the meter rent (`solrod 5.2`), or
    None for no meter rent; a class the sheet does not price is refused. NotFoundError when the
    period begins before the sheet's first prices.
    """
    parts = price_parts(sheet, period)
    periods = [part.period for part in parts]
    energy_to = {day: used.energy_mwh for day, used in split.metered_to.items()}
    water_to = {day: used.volume_m3 for day, used in split.metered_to.items()}
    weights = (split.degree_days, split.hot_water_share_percent)
    energy = split_at_cuts(use.energy_mwh, periods, energy_to, *weights)
    water = split_at_cuts(use.water_m3, periods, water_to, *weights)
    lines: list[ChargeLine] = []
    for part, mwh, m3 in zip(parts, energy, water, strict=True):
        lines.extend(fixed_lines(part, premises, meter_class))
        lines.append(energy_line(part, mwh))
        lines.extend(
            line
            for line in (water_line(part, m3), cooling_line(part, mwh, use.cooling_c, use.return_c))
            if line is not None
        )
    order = list(ChargeKind)
    lines.sort(key=lambda line: (order.index(line.kind), line.period.start))
    return Charges(period, tuple(lines))


def _check_use(what: str, value: Decimal, resolution: Decimal) -> None:
    """Use is a Decimal, at least 0, at the register's resolution: splitting keeps it exact."""
    if not isinstance(value, Decimal):
        raise TypeError(f"use is a Decimal, not {type(value).__name__}: {value!r}")
    if not value.is_finite() or value < 0 or value != value.quantize(resolution):
        name = say(f"charges.use.{what}")
        raise ValidationError(say("charges.use.resolution", name=name, got=value))
