"""Cutting a billing period where the prices or the year change, and the use at those cuts.

Prices are dated (`vestervig 4`, `solrod 4.1`): a period that spans a new price period's
`valid_from` is cut there, and each part is billed at its own prices (SPEC.md "Tariffs"). The
fixed yearly charges are also cut at every New Year, because they are prorated by the days of
the calendar year they fall in (365 or 366).

The metered use is split at the price cuts only. A real reading at a cut always wins; between
two known points (the period's start, a cut with a reading, the period's end) the use is split
by `consumption.split_use` — hot water by days, space heating by degree days (DANISH-RULES.md
"Degree days (graddage) and estimates", `vestervig 5.7`). The parts add up exactly to the use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from heatbill.domain.consumption import split_use
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.tariff import PricePeriod, TariffSheet
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class PricedPart:
    """A part of the billing period inside one price period of the tariff sheet."""

    period: Period
    prices: PricePeriod


def price_parts(sheet: TariffSheet, period: Period) -> tuple[PricedPart, ...]:
    """`period` cut at every `valid_from` inside it; NotFoundError if it begins before the sheet."""
    cuts = sorted(
        {
            p.valid_from.value
            for p in sheet.periods
            if period.start < p.valid_from.value < period.end
        }
    )
    bounds = [period.start, *cuts, period.end]
    return tuple(PricedPart(Period(a, b), sheet.period_on(a)) for a, b in pairwise(bounds))


def year_parts(period: Period) -> tuple[Period, ...]:
    """`period` cut at every 1 January inside it, so that each part lies in one calendar year."""
    cuts = [date(year, 1, 1) for year in range(period.start.year + 1, period.last_day.year + 1)]
    bounds = [period.start, *cuts, period.end]
    return tuple(Period(a, b) for a, b in pairwise(bounds))


def split_at_cuts(
    total: Decimal,
    parts: Sequence[Period],
    metered_to: Mapping[date, Decimal],
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
) -> tuple[Decimal, ...]:
    """`total` (at 0.001 of its unit) over consecutive `parts`, exactly.

    `metered_to[day]` is the use metered from the first part's start up to `day` (exclusive),
    from a real reading; it fixes the use on both sides of a cut at `day`. Entries for days that
    are not cuts are not needed and not used. Each stretch between known points is split by
    days and degree days; a stretch of one part takes its whole use.
    """
    known = {parts[0].start: Decimal(0), parts[-1].end: total}
    known |= {part.start: metered_to[part.start] for part in parts[1:] if part.start in metered_to}
    shares: list[Decimal] = []
    for begin, end in pairwise(sorted(known)):
        stretch = [part for part in parts if begin <= part.start < end]
        use = known[end] - known[begin]
        if use < 0:
            last_day = _day(end - timedelta(days=1))
            raise ValidationError(say("charges.use.reading_order", day=last_day, use=known[end]))
        if len(stretch) == 1:
            shares.append(use)
        else:
            shares.extend(split_use(use, stretch, table, hot_water_share_percent))
    return tuple(shares)


def _day(day: date) -> str:
    return f"{day:%d-%m-%Y}"
