"""`charges_for` over many installations of one tariff sheet, without redoing the shared parts.

A run prices a whole utility's customers for the same period: the period's price parts are
the same for all of them, and the fixed charges (subscription, capacity, meter rent) depend
only on the part, the property's chargeable quantities (BBR area, building volume) and the
meter's size class — a few thousand distinct values among a million customers. `BatchPricing`
computes those once and reuses the (immutable) lines; the use-dependent lines (energy, water,
cooling) are computed per customer exactly as `charges_for` does. The result is the same
`Charges` as `charges_for` (tests compare the two).
"""

from __future__ import annotations

from decimal import Decimal

from heatbill.domain.billing.charges import Charges, PeriodUse, UseSplit
from heatbill.domain.billing.charges_cooling import cooling_line
from heatbill.domain.billing.charges_fixed import fixed_lines
from heatbill.domain.billing.charges_lines import ChargeKind, ChargeLine, energy_line, water_line
from heatbill.domain.billing.charges_split import PricedPart, price_parts, split_at_cuts
from heatbill.domain.degree_days import Period
from heatbill.domain.register.installations import Property
from heatbill.domain.tariff import TariffSheet

_ORDER = {kind: i for i, kind in enumerate(ChargeKind)}
_FixedKey = tuple[int, Decimal, Decimal | None, str | None]


class BatchPricing:
    """Prices periods by one tariff sheet, remembering price parts and fixed lines."""

    def __init__(self, sheet: TariffSheet) -> None:
        self.sheet = sheet
        self._parts: dict[Period, tuple[PricedPart, ...]] = {}
        self._fixed: dict[_FixedKey, tuple[ChargeLine, ...]] = {}

    def charges(
        self,
        period: Period,
        *,
        premises: Property,
        meter_class: str | None,
        use: PeriodUse,
        split: UseSplit,
    ) -> Charges:
        """What `charges_for(sheet, period, …)` gives for the same arguments."""
        parts = self._parts.get(period)
        if parts is None:
            parts = self._parts[period] = price_parts(self.sheet, period)
        periods = [part.period for part in parts]
        energy: tuple[Decimal, ...]
        water: tuple[Decimal, ...]
        if len(parts) == 1:
            energy, water = (use.energy_mwh,), (use.water_m3,)
        else:
            energy_to = {day: used.energy_mwh for day, used in split.metered_to.items()}
            water_to = {day: used.volume_m3 for day, used in split.metered_to.items()}
            weights = (split.degree_days, split.hot_water_share_percent)
            energy = split_at_cuts(use.energy_mwh, periods, energy_to, *weights)
            water = split_at_cuts(use.water_m3, periods, water_to, *weights)
        lines: list[ChargeLine] = []
        for part, mwh, m3 in zip(parts, energy, water, strict=True):
            lines.extend(self._fixed_lines(part, premises, meter_class))
            lines.append(energy_line(part, mwh))
            lines.extend(
                line
                for line in (
                    water_line(part, m3),
                    cooling_line(part, mwh, use.cooling_c, use.return_c),
                )
                if line is not None
            )
        lines.sort(key=lambda line: (_ORDER[line.kind], line.period.start))
        return Charges(period, tuple(lines))

    def _fixed_lines(
        self, part: PricedPart, premises: Property, meter_class: str | None
    ) -> tuple[ChargeLine, ...]:
        """The part's fixed lines for the premises' quantities (a refusal is never kept: its
        message names the premises)."""
        key = (id(part), premises.heated_area_m2, premises.volume_m3, meter_class)
        found = self._fixed.get(key)
        if found is None:
            found = self._fixed[key] = tuple(fixed_lines(part, premises, meter_class))
        return found
