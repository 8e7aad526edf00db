"""The portal's forecast of the annual settlement: what the year will likely end at.

The budget (a-conto) was set for an expected year's use at the prices in force; the fixed
charges are in it and will be in the settlement alike. So the settlement's likely balance is
the difference in use — the use so far plus the expected rest of the year, against the
budget's expected use — at the energy price, with VAT. The rest of the year is the budget's
expected use split by days (hot water) and degree days (space heating), as an estimate is
(`consumption.split_use`, DANISH-RULES.md). A forecast, shown as one: never booked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from heatbill.domain.consumption import split_use
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.money import Money, with_vat


@dataclass(frozen=True, slots=True)
class Forecast:
    year: int
    used_mwh: Decimal
    """Metered since the year's start reading, up to `through`."""
    through: date
    rest_mwh: Decimal
    """Expected from `through` to the year's end."""
    budget_mwh: Decimal
    balance: Money
    """Positive: the customer will likely pay this more; negative: likely get it back."""

    @property
    def projected_mwh(self) -> Decimal:
        return self.used_mwh + self.rest_mwh


def settlement_forecast(  # noqa: PLR0917 - the forecast's facts
    year: int,
    used_mwh: Decimal,
    through: date,
    budget_mwh: Decimal,
    energy_rate_per_mwh: Decimal,
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
) -> Forecast:
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    through = min(max(through, start), end)
    if through >= end:
        rest = Decimal(0)
    elif through <= start:
        rest = budget_mwh
    else:
        parts = [Period(start, through), Period(through, end)]
        rest = split_use(budget_mwh, parts, table, hot_water_share_percent)[1]
    difference = used_mwh + rest - budget_mwh
    balance = with_vat(Money.kroner(difference * energy_rate_per_mwh))
    return Forecast(year, used_mwh, through, rest, budget_mwh, balance)


@dataclass(frozen=True, slots=True)
class UseInterval:
    """Metered use between two accepted readings of one meter, and the use the budget
    expected over the same days."""

    start: date
    end: date
    used_mwh: Decimal
    expected_mwh: Decimal | None


def use_intervals(
    readings: list[tuple[int, date, Decimal]],
    budget_mwh_by_year: dict[int, Decimal],
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
) -> list[UseInterval]:
    """(meter id, read on, energy register) of accepted readings, oldest first → the use
    between consecutive readings of the same meter. A reading is at the end of its day, so
    the interval is [day after the earlier, day after the later)."""
    found: list[UseInterval] = []
    last: dict[int, tuple[date, Decimal]] = {}
    for meter_id, read_on, energy in readings:
        before = last.get(meter_id)
        last[meter_id] = (read_on, energy)
        if before is None or read_on <= before[0]:
            continue
        start = date.fromordinal(before[0].toordinal() + 1)
        end = date.fromordinal(read_on.toordinal() + 1)
        found.append(
            UseInterval(
                start,
                end,
                energy - before[1],
                _expected(start, end, budget_mwh_by_year, table, hot_water_share_percent),
            )
        )
    return found


def _expected(
    start: date,
    end: date,
    budgets: dict[int, Decimal],
    table: DegreeDayTable,
    share: Decimal,
) -> Decimal | None:
    year = start.year
    if end > date(year + 1, 1, 1) or year not in budgets:
        return None
    year_start, year_end = date(year, 1, 1), date(year + 1, 1, 1)
    cuts = sorted({year_start, start, end, year_end})
    parts = [Period(a, b) for a, b in pairwise(cuts)]
    shares = split_use(budgets[year], parts, table, share)
    return next(s for p, s in zip(parts, shares, strict=True) if p.start == start)
