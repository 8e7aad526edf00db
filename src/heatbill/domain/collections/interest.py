"""Late interest (morarente), pure: simple interest on an overdue principal, split at every
1 January and 1 July, counted ACT/365 or 30/360, rounded once per posting.

DANISH-RULES.md "Late interest": interest runs from the due date (§ 3, stk. 1), at the rate of
the half-year (§ 5), never on interest. Periods are half-open: `[start, until)` are the days
the claim is outstanding, so a claim due on 1 July and paid on 31 July carries 30 days.

Day counts (the law sets none; the rulebook chooses, the posting records it):
- ACT/365: the calendar days, over a year of 365 days (leap years too).
- 30/360: every month counts 30 days — the 31st counts none, the last day of February makes
  the month up to 30 — over a year of 360 days. That is 30E/360 (ISDA) counted over the
  interest days `start … until − 1` inclusive, so it is exactly additive over consecutive
  periods and gives DANISH-RULES' example its 30 days (95,83 kr.).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from heatbill.domain.calendar import BankCalendar
from heatbill.domain.collections.reference_rates import (
    LAW_MARGIN_PP,
    ReferenceRates,
    next_half_year,
    rate_on,
)
from heatbill.domain.money import Money, round_ore, total
from heatbill.domain.rulebook.billing import DayCount

_ONE_DAY = timedelta(days=1)
_DAYS_A_YEAR = {DayCount.ACT_365: Decimal(365), DayCount.THIRTY_360: Decimal(360)}
_PERCENT = Decimal(100)
DEMAND_NOTICE = timedelta(days=30)
"""renteloven § 3, stk. 2: without a due date set in advance, interest runs 30 days after the
demand (here: the bill's date)."""


def _thirty_360_ordinal(day: date) -> int:
    """Days counted 30/360 from year 0 up to and including `day`."""
    last_of_month = (day + _ONE_DAY).month != day.month
    return 360 * day.year + 30 * (day.month - 1) + (30 if last_of_month else min(day.day, 30))


def interest_days(start: date, until: date, day_count: DayCount) -> int:
    """The interest days of `[start, until)` under `day_count` (0 for an empty period)."""
    if until <= start:
        return 0
    if day_count is DayCount.ACT_365:
        return (until - start).days
    return _thirty_360_ordinal(until - _ONE_DAY) - _thirty_360_ordinal(start - _ONE_DAY)


@dataclass(frozen=True, slots=True)
class InterestPart:
    """One stretch of constant principal and rate: its basis, and its exact amount in øre."""

    start: date
    until: date
    principal: Money
    days: int
    rate_percent: Decimal
    exact_ore: Decimal


@dataclass(frozen=True, slots=True)
class InterestResult:
    """The interest of a period, part by part; `amount` is rounded once, half-up to øre."""

    day_count: DayCount
    parts: tuple[InterestPart, ...]

    @property
    def amount(self) -> Money:
        return round_ore(sum((p.exact_ore for p in self.parts), Decimal(0)))

    @property
    def days(self) -> int:
        return sum(p.days for p in self.parts)

    @property
    def start(self) -> date | None:
        return self.parts[0].start if self.parts else None

    @property
    def until(self) -> date | None:
        return self.parts[-1].until if self.parts else None


def late_interest(
    principal: Money,
    start: date,
    until: date,
    table: ReferenceRates,
    day_count: DayCount,
    *,
    claim_due: date | None = None,
    margin: Decimal = LAW_MARGIN_PP,
) -> InterestResult:
    """Simple interest on a constant `principal` for `[start, until)`, split at half-years.

    `claim_due` (default `start`) decides the margin: 7 pp for claims due before 1 March 2013.
    A half-year without a reference rate raises `MissingRateError` naming it.
    """
    due = claim_due or start
    parts = _parts(principal, start, until, table, day_count, claim_due=due, margin=margin)
    return InterestResult(day_count, tuple(parts))


def _parts(
    principal: Money,
    start: date,
    until: date,
    table: ReferenceRates,
    day_count: DayCount,
    *,
    claim_due: date,
    margin: Decimal,
) -> list[InterestPart]:
    parts: list[InterestPart] = []
    if principal.ore <= 0:
        return parts
    while start < until:
        end = min(next_half_year(start), until)
        days = interest_days(start, end, day_count)
        rate = rate_on(start, table, claim_due=claim_due, margin=margin)
        exact = principal.exact_times(rate) * days / _PERCENT / _DAYS_A_YEAR[day_count]
        parts.append(InterestPart(start, end, principal, days, rate, exact))
        start = end
    return parts


def interest_on_balances(
    balances: Sequence[tuple[date, Money]],
    start: date,
    until: date,
    table: ReferenceRates,
    day_count: DayCount,
    *,
    claim_due: date,
    margin: Decimal = LAW_MARGIN_PP,
) -> InterestResult:
    """Interest for `[start, until)` on a principal that changes: `balances` are the amounts
    outstanding from each date on (a payment lowers it from its booking date), in date order.
    Days with nothing outstanding carry none; the whole is rounded once."""
    parts: list[InterestPart] = []
    for i, (since, amount) in enumerate(balances):
        ends = balances[i + 1][0] if i + 1 < len(balances) else until
        lo, hi = max(since, start), min(ends, until)
        if lo < hi:
            parts += _parts(amount, lo, hi, table, day_count, claim_due=claim_due, margin=margin)
    return InterestResult(day_count, tuple(parts))


def balances_from_postings(postings: Sequence[tuple[date, Money]]) -> list[tuple[date, Money]]:
    """The running balance of an open item from its postings (booking date, amount)."""
    by_day: dict[date, list[Money]] = {}
    for day, amount in postings:
        by_day.setdefault(day, []).append(amount)
    running = Money(0)
    steps: list[tuple[date, Money]] = []
    for day in sorted(by_day):
        running += total(by_day[day])
        steps.append((day, running))
    return steps


def interest_start(
    due: date,
    *,
    runs_from_due_date: bool,
    moves_to_bank_day: bool,
    calendar: BankCalendar,
    demanded_on: date,
) -> date:
    """The first day interest runs: the due date (rolled to a bank day when the rulebook says
    so), or 30 days after the demand when the rulebook does not run it from the due date."""
    if not runs_from_due_date:
        return max(due, demanded_on + DEMAND_NOTICE)
    return calendar.bank_day_on_or_after(due) if moves_to_bank_day else due
