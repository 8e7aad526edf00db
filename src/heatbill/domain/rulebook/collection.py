"""Rulebook sections for the first collection steps: reminders, payment plans, collection notice.

Sources: `vestervig 6.4`–`6.6`, `6.13`; `solrod 6.5`–`6.6`; `aalborg 2.5`, `3.2`–`3.3`;
renteloven § 9 a–9 b. Days are calendar days; "day n" counts from the bill date as day 1,
as the timeline in `vestervig 6.13` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from heatbill.domain.money import Money
from heatbill.domain.rulebook.kinds import Amount, Choice, Flag, Whole
from heatbill.domain.rulebook.law import (
    BUSINESS_COMPENSATION_MAX,
    COLLECTION_FEE_MAX,
    REMINDER_FEE_MAX,
    REMINDER_FEE_MIN_DAYS_APART,
    REMINDER_FEES_MAX_COUNT,
)
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled


@dataclass(frozen=True, slots=True)
class Reminders:
    """Reminders (rykkerbreve) before the claim goes on to collection or closing."""

    count: Ruled[int]
    earliest_day: Ruled[int]
    days_to_pay: Ruled[int]
    fee_bearing: Ruled[bool]
    fee_bearing_max: Ruled[int]
    """Fee-bearing reminders for the same claim, at most 3 (renteloven § 9 b)."""
    min_days_between_fees: Ruled[int]
    """Days between two fee-bearing reminders, at least 10 (renteloven § 9 b)."""
    announces_collection_on: Ruled[int]
    """The reminder (1-based) that tells the customer the claim goes to collection."""
    mentions_payment_plan: Ruled[bool]


def read_reminders(r: Reader) -> Reminders:
    return Reminders(
        count=r.ruled("count", Whole(1, 5)),
        earliest_day=r.ruled("earliest_day", Whole(2, 90)),
        days_to_pay=r.ruled("days_to_pay", Whole(10, 60)),
        fee_bearing=r.ruled("fee_bearing", Flag()),
        fee_bearing_max=r.ruled("fee_bearing_max", Whole(0, 3, at_most=REMINDER_FEES_MAX_COUNT)),
        min_days_between_fees=r.ruled(
            "min_days_between_fees", Whole(10, 60, at_least=REMINDER_FEE_MIN_DAYS_APART)
        ),
        announces_collection_on=r.ruled("announces_collection_on", Whole(1, 5)),
        mentions_payment_plan=r.ruled("mentions_payment_plan", Flag()),
    )


class PlanAvailability(StrEnum):
    NORMALLY = "normally"
    """The customer can normally agree a plan (`vestervig 6.5`)."""
    SPECIAL_CASES_ONLY = "special_cases_only"
    """Only in special cases, e.g. an unusually large back-bill (`aalborg 3.3`)."""
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class PaymentPlans:
    """Payment plans (betalingsordninger / afdragsordninger)."""

    availability: Ruled[PlanAvailability]
    max_months: Ruled[int]
    fee_bearing: Ruled[bool]
    current_bills_paid_alongside: Ruled[bool]
    breach_goes_to_collection: Ruled[bool]
    """A breached plan goes straight to collection, without new reminders."""


def read_payment_plans(r: Reader) -> PaymentPlans:
    return PaymentPlans(
        availability=r.ruled("availability", Choice(PlanAvailability)),
        max_months=r.ruled("max_months", Whole(1, 24)),
        fee_bearing=r.ruled("fee_bearing", Flag()),
        current_bills_paid_alongside=r.ruled("current_bills_paid_alongside", Flag()),
        breach_goes_to_collection=r.ruled("breach_goes_to_collection", Flag()),
    )


@dataclass(frozen=True, slots=True)
class CollectionNotice:
    """The collection notice (inkassomeddelelse, `vestervig 6.6`); `aalborg` has none."""

    used: Ruled[bool]
    earliest_day: Ruled[int] | None
    """Given exactly when `used`."""
    fee_bearing: Ruled[bool] | None
    """Given exactly when `used`."""


def read_collection_notice(r: Reader) -> CollectionNotice:
    return CollectionNotice(
        used=r.ruled("used", Flag()),
        earliest_day=r.optional_ruled("earliest_day", Whole(2, 120)),
        fee_bearing=r.optional_ruled("fee_bearing", Flag()),
    )


@dataclass(frozen=True, slots=True)
class FeeCaps:
    """Caps on late-payment fees, in kroner; never above the statute (`law`)."""

    reminder_fee_max: Ruled[Money]
    collection_fee_max: Ruled[Money]
    business_compensation: Ruled[Money]
    """The one-off compensation per continuous arrears — business customers only."""


def read_fee_caps(r: Reader) -> FeeCaps:
    return FeeCaps(
        reminder_fee_max=r.ruled("reminder_fee_max", Amount(at_most=REMINDER_FEE_MAX)),
        collection_fee_max=r.ruled("collection_fee_max", Amount(at_most=COLLECTION_FEE_MAX)),
        business_compensation=r.ruled(
            "business_compensation", Amount(at_most=BUSINESS_COMPENSATION_MAX)
        ),
    )
