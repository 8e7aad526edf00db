"""Installment dates (acontorater): when each a-conto installment is charged and falls due.

The rulebook's `installments` section gives the dates (MonthDay) and the charge-day rule, its
`due_dates` section the payment period. `4rater`: "Ratebeløb opkræves pr. den 1. hverdag i en
måned" — 2 Jan, 1 Mar, 1 Jun, 1 Sep, each charged on the first bank day of its month; a fixed
date (`vestervig 6.1`, the tariff sheet's 1/1, 1/4, 1/7, 1/10) that is not a bank day moves to
the next one, so an installment on 24 December is charged on the next bank day. Due dates are
counted from the charge date, which is the bill date: at least 14 days and across a month end
(`vestervig 6.4`), or 14 days then the 2nd bank day of a month (`aalborg 2.2`); either way on a
bank day (SPEC "Billing: due dates"), so interest never runs from a day nobody can pay on.

The heating year (varmeår) ends with the annual reading (`settlement.annual_reading`, a
reading closes its day): 31 December gives the calendar year, Vestervig's 31 May gives
1 June – 31 May. A heating year is named by the year of the annual reading that closes it, and
its installments are numbered 1, 2, … in date order from its start.

A move-in (`4rater`: "budget, gældende fra indflytningsdato og frem til 31. december … er du
indflytter, kan opkrævningsdatoen være en anden") keeps the installments charged on or after
the move-in; when the move-in falls inside a stretch whose installment was already charged, an
extra first installment — numbered as the one it stands in for — is charged at once, on the
first bank day on or after the move-in date, so a move-in after the last installment date is
still billed. See `schedule_from`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from heatbill.domain.calendar import BankCalendar
from heatbill.domain.degree_days import Period
from heatbill.domain.rulebook import ChargeDay, Clause, DueDateRule, MonthDay, Rulebook

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class InstallmentDate:
    """One installment's dates and the clauses behind them; no amount (see `budget`)."""

    number: int
    """1, 2, … from the start of the heating year; a move-in's extra one shares a number."""
    nominal_date: date
    """The rulebook's date in this year; a move-in's extra installment: the move-in date."""
    charge_date: date
    """The bank day it is charged on — the bill date its due date counts from."""
    due_date: date
    charge_clause: Clause
    """Why it is charged that day: the charge-day rule (`4rater`) or the move-in budget."""
    due_clause: Clause
    """Why it is due that day: the due-date rule (`vestervig 6.4`, `aalborg 2.2`)."""
    at_move_in: bool = False
    """The extra first installment of a move-in budget, charged at once."""


def heating_year(year: int, rulebook: Rulebook) -> Period:
    """The heating year closed by the annual reading in `year`: `[day after the reading a year
    before, day after the reading)` — the calendar year for a 31 December reading."""
    reading = rulebook.settlement.annual_reading.value
    return Period(reading.in_year(year - 1) + _ONE_DAY, reading.in_year(year) + _ONE_DAY)


def heating_year_of(day: date, rulebook: Rulebook) -> int:
    """The name (year of its annual reading) of the heating year that `day` falls in."""
    return day.year if day < heating_year(day.year, rulebook).end else day.year + 1


def installment_schedule(
    year: int, rulebook: Rulebook, calendar: BankCalendar
) -> list[InstallmentDate]:
    """Every installment of heating year `year`, in date order, with charge and due dates."""
    period = heating_year(year, rulebook)
    nominal = sorted(_in_period(day, period) for day in rulebook.installments.dates.value)
    return [
        _installment(number, day, _charge_date(day, rulebook, calendar), rulebook, calendar)
        for number, day in enumerate(nominal, start=1)
    ]


def schedule_from(
    move_in_date: date, rulebook: Rulebook, calendar: BankCalendar
) -> list[InstallmentDate]:
    """The installments of a move-in budget, from `move_in_date` to the end of its heating year.

    The first bank day on or after the move-in is the earliest charge. Installments charged on
    or after it stay as scheduled. If an earlier one was charged this year and none falls on
    that first bank day, the move-in sits inside a stretch already charged: an extra first
    installment (same number as that stretch's) is charged on that first bank day. Before the
    year's first charge the whole ordinary schedule applies.
    """
    schedule = installment_schedule(heating_year_of(move_in_date, rulebook), rulebook, calendar)
    first_charge = calendar.bank_day_on_or_after(move_in_date)
    charged = [item for item in schedule if item.charge_date < first_charge]
    ahead = [item for item in schedule if item.charge_date >= first_charge]
    if not charged or (ahead and ahead[0].charge_date == first_charge):
        return ahead
    extra = _installment(charged[-1].number, move_in_date, first_charge, rulebook, calendar)
    move_in_clause = rulebook.installments.dates.clause  # the document's own installment rule
    return [replace(extra, charge_clause=move_in_clause, at_move_in=True), *ahead]


def due_date(charge_date: date, rulebook: Rulebook, calendar: BankCalendar) -> date:
    """The due date of a bill dated `charge_date` by the rulebook's due-date rule."""
    rules = rulebook.due_dates
    days = rules.days.value
    if rules.rule.value is DueDateRule.DAYS_THEN_NTH_BANK_DAY:
        if rules.nth_bank_day is None:  # refused when the rulebook is loaded
            raise ValueError("days_then_nth_bank_day needs due_dates.nth_bank_day")
        return calendar.due_on_nth_bank_day(charge_date, days, rules.nth_bank_day.value)
    return calendar.due_at_least(charge_date, days, across_month_end=True)


def _charge_date(nominal: date, rulebook: Rulebook, calendar: BankCalendar) -> date:
    if rulebook.installments.charge_day.value is ChargeDay.FIRST_BANK_DAY:
        return calendar.nth_bank_day_of_month(nominal.year, nominal.month, 1)
    return calendar.bank_day_on_or_after(nominal)


def _installment(
    number: int, nominal: date, charge: date, rulebook: Rulebook, calendar: BankCalendar
) -> InstallmentDate:
    return InstallmentDate(
        number=number,
        nominal_date=nominal,
        charge_date=charge,
        due_date=due_date(charge, rulebook, calendar),
        charge_clause=rulebook.installments.charge_day.clause,
        due_clause=rulebook.due_dates.rule.clause,
    )


def _in_period(day: MonthDay, period: Period) -> date:
    """The one date of `day` inside a heating year (which spans at most two calendar years)."""
    candidate = day.in_year(period.start.year)
    return candidate if candidate >= period.start else day.in_year(period.start.year + 1)
