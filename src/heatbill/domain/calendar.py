"""Danish bank days (bankdage): the days payments move, so the days bills fall due on.

DANISH-RULES.md "Danish bank days": a bank day is a weekday that is neither a public holiday
(helligdag) nor one of the four bank closing days — the Friday after Kristi himmelfartsdag,
Grundlovsdag (5 June), Juleaftensdag (24 December) and Nytårsaftensdag (31 December). 1 May is
a bank day. SPEC "Billing: due dates": business days are Danish bank days.

The public holidays come from an injected provider (the `holidays` package is wrapped in
`heatbill.adapters.holidays_dk`, keeping the domain pure); the closing days are computed here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

HolidayProvider = Callable[[int], Mapping[date, str]]
"""One year's public holidays, date → Danish name; holidays on a weekend may be included."""

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5
_ASCENSION_AFTER_EASTER = timedelta(days=39)


def easter_sunday(year: int) -> date:
    """Påskedag by the Gregorian computus (the Meeus/Jones/Butcher algorithm)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century - (century + 8) // 25 + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def bank_closing_days(year: int) -> dict[date, str]:
    """The four days the banks close on top of the public holidays (DANISH-RULES bank days)."""
    ascension = easter_sunday(year) + _ASCENSION_AFTER_EASTER
    return {
        ascension + _ONE_DAY: "Fredag efter Kristi himmelfartsdag",
        date(year, 6, 5): "Grundlovsdag",
        date(year, 12, 24): "Juleaftensdag",
        date(year, 12, 31): "Nytårsaftensdag",
    }


@dataclass(frozen=True, slots=True, order=True)
class ClosingDay:
    """A day the banks are closed, with its Danish name for display."""

    day: date
    name: str


class BankCalendar:
    """Which days are bank days, and the due-date arithmetic the rulebooks build on them.

    Each year's closing days are computed once, on first use, and kept; hold on to one
    calendar rather than building one per call.
    """

    def __init__(self, public_holidays: HolidayProvider) -> None:
        self._public_holidays = public_holidays
        self._closed_by_year: dict[int, dict[date, str]] = {}

    def _closed_in(self, year: int) -> dict[date, str]:
        closed = self._closed_by_year.get(year)
        if closed is None:
            holidays = self._public_holidays(year).items()
            closed = {day: name for day, name in holidays if day.year == year}
            for day, name in bank_closing_days(year).items():
                # 5 June can be Anden pinsedag (2017): show both names.
                closed[day] = f"{closed[day]}, {name}" if day in closed else name
            self._closed_by_year[year] = closed
        return closed

    def closing_days(self, year: int) -> tuple[ClosingDay, ...]:
        """Every named closing day of `year` in date order, weekend ones (Påskedag) included."""
        return tuple(sorted(ClosingDay(day, name) for day, name in self._closed_in(year).items()))

    def is_bank_day(self, day: date) -> bool:
        return day.weekday() < _SATURDAY and day not in self._closed_in(day.year)

    def bank_day_on_or_after(self, day: date) -> date:
        """`day` itself when it is a bank day, else the next one: where a due date rolls to."""
        while not self.is_bank_day(day):
            day += _ONE_DAY
        return day

    def following_bank_day(self, day: date) -> date:
        """The first bank day strictly after `day`, whatever `day` is."""
        return self.bank_day_on_or_after(day + _ONE_DAY)

    def add_bank_days(self, day: date, count: int) -> date:
        """The `count`-th bank day after `day` (before it when negative; `day` itself for 0).

        Notice periods in working days count this way: `aalborg 2.7` announces a closing "mindst
        5 arbejdsdage" ahead, so a notice sent on `d` allows closing on `add_bank_days(d, 5)`.
        """
        step = _ONE_DAY if count >= 0 else -_ONE_DAY
        remaining = abs(count)
        while remaining:
            day += step
            if self.is_bank_day(day):
                remaining -= 1
        return day

    def nth_bank_day_of_month(self, year: int, month: int, nth: int) -> date:
        """The `nth` bank day (1 = first) of a month.

        `4rater`: installments are charged on the 1st bank day (hverdag) of the month;
        `aalborg 2.2`: due dates fall on the 2nd.
        """
        if nth < 1:
            raise ValueError(f"the n-th bank day counts from 1, not {nth}")
        found = self.add_bank_days(self.bank_day_on_or_after(date(year, month, 1)), nth - 1)
        if (found.year, found.month) != (year, month):
            raise ValueError(f"{year}-{month:02} has fewer than {nth} bank days")
        return found

    def due_at_least(
        self,
        issue_date: date,
        min_days: int,
        *,
        across_month_end: bool = True,
        roll_to_bank_day: bool = True,
    ) -> date:
        """The earliest due date at least `min_days` calendar days after the issue date.

        `vestervig 6.4` / `6.13`: at least 14 days, and the payment period must cross a month
        end ("betalingsfristen overskrider et månedsskifte"), so with `across_month_end` the due
        date lies in a later month than the issue date. With `roll_to_bank_day` it moves
        forward to a bank day, so the customer can pay on it.
        """
        if min_days < 0:
            raise ValueError(f"a payment period is not negative: {min_days} days")
        due = issue_date + timedelta(days=min_days)
        if across_month_end and _month_of(due) == _month_of(issue_date):
            due = _first_of_next_month(issue_date)
        return self.bank_day_on_or_after(due) if roll_to_bank_day else due

    def due_on_nth_bank_day(self, issue_date: date, min_days: int, nth: int) -> date:
        """The first `nth` bank day of a month that is at least `min_days` after the issue date.

        `aalborg 2.2`: "14 dage fra fakturadatoen. Forfaldsdagene falder på den 2. hverdag i
        måneden" — min_days=14, nth=2.
        """
        if min_days < 0:
            raise ValueError(f"a payment period is not negative: {min_days} days")
        earliest = issue_date + timedelta(days=min_days)
        due = self.nth_bank_day_of_month(earliest.year, earliest.month, nth)
        if due < earliest:  # too early this month; next month's is after `earliest` anyway
            later = _first_of_next_month(earliest)
            due = self.nth_bank_day_of_month(later.year, later.month, nth)
        return due


def _month_of(day: date) -> tuple[int, int]:
    return day.year, day.month


def _first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
