"""Rulebook sections for billing: installments, due dates, settlement, interest, clearing order.

Sources: `vestervig 6.1`–`6.4`, `6.11`; `solrod 6.1`–`6.2`; `aalborg 2.2`–`2.6`; `4rater`;
renteloven via DANISH-RULES.md. Day counts are calendar days unless a name says bank days.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

from heatbill.domain.rulebook.clauses import Clause
from heatbill.domain.rulebook.kinds import Choice, Choices, Flag, Rate, Whole
from heatbill.domain.rulebook.kinds_text import YearlyDate, YearlyDates
from heatbill.domain.rulebook.law import INTEREST_MARGIN_MAX_PP
from heatbill.domain.rulebook.month_day import MonthDay
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Basis, Ruled


class ChargeDay(StrEnum):
    FIRST_BANK_DAY = "first_bank_day"
    """Charged on the first bank day of the installment's month (`4rater`)."""
    FIXED = "fixed"
    """Charged on the installment date itself."""


@dataclass(frozen=True, slots=True)
class Installments:
    """A-conto installments (acontorater): how many a year, on which dates, charged when."""

    count: Ruled[int]
    dates: Ruled[tuple[MonthDay, ...]]
    charge_day: Ruled[ChargeDay]
    equal_amounts: Ruled[bool]
    """The year's budget is split in equal installments (`4rater`), not by season."""


def read_installments(r: Reader) -> Installments:
    return Installments(
        count=r.ruled("count", Whole(1, 12)),
        dates=r.ruled("dates", YearlyDates()),
        charge_day=r.ruled("charge_day", Choice(ChargeDay)),
        equal_amounts=r.ruled("equal_amounts", Flag()),
    )


class DueDateRule(StrEnum):
    MIN_DAYS_ACROSS_MONTH_END = "min_days_across_month_end"
    """At least `days` after the bill date, and across a month end (`vestervig 6.4`, `6.13`)."""
    DAYS_THEN_NTH_BANK_DAY = "days_then_nth_bank_day"
    """`days` after the invoice date, then the `nth_bank_day` of a month (`aalborg 2.2`)."""


@dataclass(frozen=True, slots=True)
class DueDates:
    """How a bill's due date (betalingsfrist) is set from its bill date."""

    rule: Ruled[DueDateRule]
    days: Ruled[int]
    nth_bank_day: Ruled[int] | None
    """Only with `days_then_nth_bank_day`: the bank day of the month due dates fall on."""


def read_due_dates(r: Reader) -> DueDates:
    return DueDates(
        rule=r.ruled("rule", Choice(DueDateRule)),
        days=r.ruled("days", Whole(1, 60)),
        nth_bank_day=r.optional_ruled("nth_bank_day", Whole(1, 10)),
    )


@dataclass(frozen=True, slots=True)
class Settlement:
    """Annual settlement (årsafregning) and move settlement (flytteafregning) deadlines.

    Exactly one of `annual_deadline_months` (sent within n months of the annual reading) and
    `annual_with_installment` (sent with installment n, `4rater`) is given.
    """

    annual_reading: Ruled[MonthDay]
    """The annual reading date, also the end of the utility's financial year."""
    annual_deadline_months: Ruled[int] | None
    annual_with_installment: Ruled[int] | None
    move_deadline_months: Ruled[int]
    refund_offset_against_next_installment: Ruled[bool]
    """A refund is first set off against the next installment, only the excess paid out."""


def read_settlement(r: Reader) -> Settlement:
    return Settlement(
        annual_reading=r.ruled("annual_reading", YearlyDate()),
        annual_deadline_months=r.optional_ruled("annual_deadline_months", Whole(1, 12)),
        annual_with_installment=r.optional_ruled("annual_with_installment", Whole(1, 12)),
        move_deadline_months=r.ruled("move_deadline_months", Whole(1, 12)),
        refund_offset_against_next_installment=r.ruled(
            "refund_offset_against_next_installment", Flag()
        ),
    )


class DayCount(StrEnum):
    ACT_365 = "ACT/365"
    THIRTY_360 = "30/360"


class WhileDisputed(StrEnum):
    """Late interest on a claim the customer disputes (renteloven § 3, stk. 1: interest runs
    from the due date, a dispute does not stop it; only the creditor can waive it)."""

    ACCRUES = "accrues"
    """Charged as on any overdue claim, dispute or not."""
    DEFERRED = "deferred"
    """Runs, but is charged only once the dispute is lifted (the claim stood): the disputed
    days then in one posting. An amount the customer contests is not put on the next bill
    (`vestervig 6.4`) while the dispute stands; a dispute upheld by a correction is not
    lifted, so its days are never charged."""
    WAIVED = "waived"
    """The utility waives the interest of the disputed days."""


class DuringPlan(StrEnum):
    """Late interest on the claims an agreed payment plan covers."""

    REPLACED = "replaced"
    """The plan's terms replace it: its total (bill, fees, interest to the grant day, the
    plan's fee) is fixed and its installments are the agreed due dates, so nothing runs while
    it is kept; after a breach interest runs again from the day of the breach."""
    ACCRUES = "accrues"
    """Interest keeps running on what is left of the bill, plan or not."""


DISPUTED_DEFAULT: Final = Ruled(
    WhileDisputed.DEFERRED, Clause("renteloven", "§ 3, stk. 1"), Basis.SETTING
)
"""A rulebook file without `interest.while_disputed` (stored before it existed)."""
PLAN_DEFAULT: Final = Ruled(DuringPlan.REPLACED, Clause("renteloven", "§ 3, stk. 1"), Basis.SETTING)
"""A rulebook file without `interest.during_plan`."""


@dataclass(frozen=True, slots=True)
class Interest:
    """Late interest (morarente): simple interest at the reference rate + a margin."""

    margin_percentage_points: Ruled[Decimal]
    """Added to Nationalbanken's lending rate; at most 8 pp against consumers."""
    runs_from_due_date: Ruled[bool]
    day_count: Ruled[DayCount]
    due_date_moves_to_bank_day: Ruled[bool]
    """A due date on a weekend or holiday moves to the next bank day before interest runs."""
    on_next_bill: Ruled[bool]
    """Fees and interest are charged on the next bill (`vestervig 6.4`)."""
    while_disputed: Ruled[WhileDisputed] = DISPUTED_DEFAULT
    during_plan: Ruled[DuringPlan] = PLAN_DEFAULT


def read_interest(r: Reader) -> Interest:
    return Interest(
        margin_percentage_points=r.ruled(
            "margin_percentage_points", Rate(at_most=INTEREST_MARGIN_MAX_PP)
        ),
        runs_from_due_date=r.ruled("runs_from_due_date", Flag()),
        day_count=r.ruled("day_count", Choice(DayCount)),
        due_date_moves_to_bank_day=r.ruled("due_date_moves_to_bank_day", Flag()),
        on_next_bill=r.ruled("on_next_bill", Flag()),
        while_disputed=r.optional_ruled("while_disputed", Choice(WhileDisputed))
        or DISPUTED_DEFAULT,
        during_plan=r.optional_ruled("during_plan", Choice(DuringPlan)) or PLAN_DEFAULT,
    )


class ClearingItem(StrEnum):
    """Kinds of open item, spelled as the ledger's `OpenItemKind` spells them."""

    FEE = "fee"
    INTEREST = "interest"
    PRINCIPAL = "principal"


@dataclass(frozen=True, slots=True)
class Clearing:
    """The order in which a payment clears open items by kind; oldest due date first within one."""

    order: Ruled[tuple[ClearingItem, ...]]


def read_clearing(r: Reader) -> Clearing:
    return Clearing(order=r.ruled("order", Choices(ClearingItem, complete=True)))
