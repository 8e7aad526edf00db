"""A budget's expected use (forventet forbrug) in MWh: a whole heating year, or a season's share.

`4rater` "Budget": "Grundlaget er sidste varmeårs faktiske forbrug. Når der er tale om nye
forbrugere eller særlige forhold, er forbruget beregnet ud fra et skøn." So the year comes from
last year's use — normalised to a normal year by degree days when the rulebook's
`metering.budget_normalised_by_degree_days` says so (DANISH-RULES.md "Degree days": hot water
share h % as is, the rest scaled by normal / actual degree days) — or, for an installation
without a year of readings, from its heated area at `metering.new_installation_mwh_per_m2`.

A move-in budget covers only the rest of the heating year, "forholdsmæssigt stort" in winter
(`4rater`): the share of the year's use from the move-in date is weighted by season — hot
water by days, space heating by the normal year's degree days (DANISH-RULES.md "Budget for a
new customer"). Expected use is rounded once, half-up to 0.001 MWh, as all booked use is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Final

from heatbill.domain.consumption import normal_year_use, to_mwh_resolution
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.wording import say

_HUNDRED: Final = Decimal(100)


class BudgetBasis(StrEnum):
    """What a budget's expected use rests on, as the budget letter explains it."""

    LAST_YEAR_NORMALISED = "last_year_normalised"
    LAST_YEAR_ACTUAL = "last_year_actual"
    AREA_ESTIMATE = "area_estimate"
    MOVE_IN_SHARE = "move_in_share"
    """The season-weighted share of an expected year from the move-in date (`4rater`)."""

    @property
    def text(self) -> str:
        """The Danish wording for the budget letter."""
        return say(f"installments.basis.{self.value}")


@dataclass(frozen=True, slots=True)
class YearUse:
    """A whole heating year's expected use, at 0.001 MWh, and what it rests on."""

    mwh: Decimal
    basis: BudgetBasis

    def __post_init__(self) -> None:
        if self.basis is BudgetBasis.MOVE_IN_SHARE:
            raise ValueError("a whole year's use rests on last year or on the area")
        if self.mwh < 0:
            raise ValidationError(say("installments.use.negative", mwh=self.mwh))


def expected_year_use(
    last_year_use_mwh: Decimal,
    last_year_period: Period,
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
    *,
    normalise: bool,
) -> YearUse:
    """Next year's expected use from last heating year's metered use.

    With `normalise` (`metering.budget_normalised_by_degree_days`) a cold or mild last year is
    moved to a normal year, so the budget neither over- nor undershoots on last year's weather;
    without it, last year's use is the budget as it was (`4rater`: "sidste varmeårs faktiske
    forbrug").
    """
    if last_year_use_mwh < 0:
        raise ValidationError(say("installments.use.negative", mwh=last_year_use_mwh))
    if not normalise:
        return YearUse(to_mwh_resolution(last_year_use_mwh), BudgetBasis.LAST_YEAR_ACTUAL)
    mwh = normal_year_use(last_year_use_mwh, last_year_period, table, hot_water_share_percent)
    return YearUse(to_mwh_resolution(mwh), BudgetBasis.LAST_YEAR_NORMALISED)


def area_estimate(area_m2: Decimal, mwh_per_m2: Decimal) -> YearUse:
    """A normal year's use for a new installation: BBR heated area × MWh per m² (`4rater`:
    "beregnet ud fra et skøn"; the figure is the rulebook's `new_installation_mwh_per_m2`)."""
    if area_m2 <= 0:
        raise ValidationError(say("installments.area.not_positive", area_m2=area_m2))
    return YearUse(to_mwh_resolution(area_m2 * mwh_per_m2), BudgetBasis.AREA_ESTIMATE)


def season_share(
    part: Period, whole: Period, table: DegreeDayTable, hot_water_share_percent: Decimal
) -> Decimal:
    """The share (0–1, unrounded) of `whole`'s expected use that falls in `part`, inside it.

    Hot water runs by days, space heating by the normal year's degree days — the normal year,
    not measured months, because a budget looks ahead. Two months of winter weigh more than
    two months of summer.
    """
    if part.start < whole.start or part.end > whole.end:
        raise ValueError(f"{part} is not inside {whole}")
    h = hot_water_share_percent
    if not 0 <= h <= _HUNDRED:
        raise ValidationError(say("metering.hot_water_share", got=h))
    whole_dd = table.normal_degree_days(whole)
    if whole_dd == 0:  # no heating season at all: everything by days
        h = _HUNDRED
    by_days = Decimal(part.days) / Decimal(whole.days)
    by_dd = table.normal_degree_days(part) / whole_dd if whole_dd else Decimal(0)
    return (h * by_days + (_HUNDRED - h) * by_dd) / _HUNDRED


def move_in_use(
    year_use: YearUse,
    move_in_date: date,
    year: Period,
    table: DegreeDayTable,
    hot_water_share_percent: Decimal,
) -> Decimal:
    """The expected use from `move_in_date` to the end of heating year `year`, at 0.001 MWh."""
    share = season_share(Period(move_in_date, year.end), year, table, hot_water_share_percent)
    return to_mwh_resolution(year_use.mwh * share)
