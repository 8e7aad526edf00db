"""Exit (udtrædelse): the earliest exit date a written notice allows, by the rulebook's notice
rules (`vestervig 2.18`, `solrod 2.18`).

A rule gives a notice in months to the end of a financial year or of a month, for members who
joined in a window (Solrød: before 1 January 2010 18 months to a financial year end; from then
on one month to a month end, once 5 months have passed since the agreement). The notice must
be received no later than `notice_months` before the exit — notice on 31 January with one
month reaches the end of February, notice on 1 February the end of March. The financial year
ends with the annual reading (`settlement.annual_reading`: Vestervig 31 May, Solrød 31 Dec).
An exit date is the last day of membership; supply ends at the end of that day.
"""

from __future__ import annotations

from datetime import date, timedelta

from heatbill.domain.billing.installments import due_date
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.rulebook import ExitNoticeRule, ExitUntil, Rulebook, Ruled
from heatbill.wording import say

_ONE_DAY = timedelta(days=1)


def notice_rule_for(membership_date: date, rulebook: Rulebook) -> Ruled[ExitNoticeRule]:
    """The notice rule for a member who joined on `membership_date`: the first whose window
    (`members_from` ≤ joined < `members_before`) holds it."""
    for ruled in rulebook.exit.notice:
        rule = ruled.value
        if rule.members_from is not None and membership_date < rule.members_from:
            continue
        if rule.members_before is not None and membership_date >= rule.members_before:
            continue
        return ruled
    raise NotFoundError(say("exit.no_notice_rule", rulebook=rulebook.name, joined=membership_date))


def check_exit_notice(notice_date: date, membership_date: date, rulebook: Rulebook) -> date:
    """The earliest exit date (last day of membership) for a written notice received on
    `notice_date` by a member who joined on `membership_date`.

    `vestervig 2.18`: notice on 10-03-2026, 18 months → 10-09-2027 → the financial year ending
    31-05-2028. `solrod 2.18` (joined from 2010): one month to a month end, and not before 5
    months have passed since the agreement.
    """
    if notice_date < membership_date:
        raise ValidationError(
            say("exit.notice_before_membership", notice=notice_date, joined=membership_date)
        )
    rule = notice_rule_for(membership_date, rulebook).value
    earliest = add_months(notice_date, rule.notice_months)
    if rule.after_membership_months:
        lasted = add_months(membership_date, rule.after_membership_months) - _ONE_DAY
        earliest = max(earliest, lasted)
    if rule.until is ExitUntil.MONTH_END:
        return month_end(earliest)
    return financial_year_end_on_or_after(earliest, rulebook)


def financial_year_end_on_or_after(day: date, rulebook: Rulebook) -> date:
    """The first end of a financial year on or after `day` (the annual reading date)."""
    end = rulebook.settlement.annual_reading.value
    this_year = end.in_year(day.year)
    return this_year if this_year >= day else end.in_year(day.year + 1)


def month_end(day: date) -> date:
    """The last day of `day`'s month."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1) - _ONE_DAY


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31-08 + 6 →
    28/29-02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return min(date(year, month, 1) + timedelta(days=day.day - 1), month_end(date(year, month, 1)))


def exit_due_date(
    issue_date: date, exit_date: date, rulebook: Rulebook, calendar: BankCalendar
) -> date:
    """The exit bill's due date: the ordinary one (`vestervig 6.4`), but no later than the last
    bank day on or before the exit (`vestervig 2.19`: payable "på udtrædelsestidspunktet";
    `solrod 2.19`: the exit is conditional on payment) — unless that leaves no time to pay."""
    latest = exit_date
    while not calendar.is_bank_day(latest):
        latest -= _ONE_DAY
    ordinary = due_date(issue_date, rulebook, calendar)
    return min(ordinary, latest) if latest > issue_date else ordinary
