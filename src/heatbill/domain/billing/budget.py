"""The budget (a-conto budget) in money: the expected use priced, spread over the installments.

`4rater`: "Budget beløbet er fordelt over 4 lige store rater" — the priced budget is split with
`money.allocate`, so the installments add up to the budget to the øre; the øre that do not
divide go to the earliest installments, one each. A rulebook without `equal_amounts` weighs
each installment by the season-weighted share of the stretch it pays for (from its date to the
next installment's). Pricing is not done here: the caller passes a `Price`, the tariff sheet's
total incl. VAT for a use over a period, so a budget follows whatever the tariffs say.

Re-setting later installments (`vestervig 6.1`) is in `budget_reset`; its record is kept here,
on the budget, as `BudgetReset`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.domain.billing.budget_use import BudgetBasis, YearUse, move_in_use, season_share
from heatbill.domain.billing.installments import (
    InstallmentDate,
    heating_year,
    heating_year_of,
    installment_schedule,
    schedule_from,
)
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.money import Money, allocate, total
from heatbill.domain.rulebook import Clause, Rulebook

Price = Callable[[Period, Decimal], Money]
"""The total incl. VAT of an expected use (MWh) over a period, at the tariffs in force."""


@dataclass(frozen=True, slots=True)
class Installment:
    """One installment of a budget: its dates, its amount, its weight in the split."""

    dates: InstallmentDate
    amount: Money
    weight: Decimal
    """Its share key in `allocate`: 1 for equal installments, else its season share."""

    @property
    def number(self) -> int:
        return self.dates.number

    @property
    def charge_date(self) -> date:
        return self.dates.charge_date

    @property
    def due_date(self) -> date:
        return self.dates.due_date


@dataclass(frozen=True, slots=True)
class BudgetReset:
    """A re-set of the installments from `from_number` on (`vestervig 6.1`), kept for audit."""

    from_number: int
    reason: str
    rest_before: Money
    rest_after: Money
    expected_mwh: Decimal | None
    """The new expected use when use changed; None when only the amount changed (costs)."""


@dataclass(frozen=True, slots=True)
class Budget:
    """A customer's budget for (the rest of) a heating year, as the budget letter shows it."""

    year: int
    """The heating year, named by the year of its annual reading (see `installments`)."""
    period: Period
    basis: BudgetBasis
    year_use: YearUse
    """The whole year's expected use; a move-in budget's `expected_mwh` is its share."""
    expected_mwh: Decimal
    amount: Money
    installments: tuple[Installment, ...]
    clause: Clause
    """The clause that lets the utility set (and re-set) installments: `installments.count`."""
    resets: tuple[BudgetReset, ...] = ()

    def __post_init__(self) -> None:
        numbers = [item.number for item in self.installments]
        if not numbers or numbers != sorted(set(numbers)):
            raise ValueError(f"installment numbers must rise: {numbers}")
        if total(item.amount for item in self.installments) != self.amount:
            raise ValueError("a budget's installments must add up to its amount")


def year_budget(
    year: int,
    year_use: YearUse,
    price: Price,
    rulebook: Rulebook,
    calendar: BankCalendar,
    *,
    table: DegreeDayTable,
) -> Budget:
    """The budget for the whole heating year `year`, sent with installment 1 (`4rater`)."""
    period = heating_year(year, rulebook)
    schedule = installment_schedule(year, rulebook, calendar)
    amount = price(period, year_use.mwh)
    installments = _spread(amount, schedule, _weights(schedule, period, rulebook, table))
    clause = rulebook.installments.count.clause
    return Budget(
        year, period, year_use.basis, year_use, year_use.mwh, amount, installments, clause
    )


def move_in_budget(
    move_in_date: date,
    year_use: YearUse,
    price: Price,
    rulebook: Rulebook,
    calendar: BankCalendar,
    *,
    table: DegreeDayTable,
) -> Budget:
    """The budget from `move_in_date` to the end of its heating year, weighted by season.

    `year_use` is the installation's expected whole year (the last occupant's use, or the area
    estimate); the move-in pays its season share, on the installments of `schedule_from`.
    """
    year = heating_year_of(move_in_date, rulebook)
    whole = heating_year(year, rulebook)
    period = Period(move_in_date, whole.end)
    h = rulebook.metering.hot_water_share_percent.value
    mwh = move_in_use(year_use, move_in_date, whole, table, h)
    amount = price(period, mwh)
    schedule = schedule_from(move_in_date, rulebook, calendar)
    installments = _spread(amount, schedule, _weights(schedule, period, rulebook, table))
    basis, clause = BudgetBasis.MOVE_IN_SHARE, rulebook.installments.count.clause
    return Budget(year, period, basis, year_use, mwh, amount, installments, clause)


def _weights(
    schedule: Sequence[InstallmentDate], period: Period, rulebook: Rulebook, table: DegreeDayTable
) -> list[Decimal]:
    """Equal weights (`equal_amounts`), else each installment's season share of the stretch it
    pays for: from the period's start (the first) or its own date, to the next one's date."""
    if rulebook.installments.equal_amounts.value:
        return [Decimal(1)] * len(schedule)
    starts = [period.start, *(item.nominal_date for item in schedule[1:])]
    ends = [*starts[1:], period.end]
    h = rulebook.metering.hot_water_share_percent.value
    return [season_share(Period(s, e), period, table, h) for s, e in zip(starts, ends, strict=True)]


def _spread(
    amount: Money, schedule: Sequence[InstallmentDate], weights: Sequence[Decimal]
) -> tuple[Installment, ...]:
    parts = allocate(amount, weights)
    return tuple(
        Installment(dates, part, weight)
        for dates, part, weight in zip(schedule, parts, weights, strict=True)
    )
