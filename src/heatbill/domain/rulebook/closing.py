"""Rulebook sections for closing the supply, reopening it, and security deposits.

Sources: `vestervig 6.6`–`6.8`, `6.10`, `6.13`; `solrod 6.10`; `aalborg 2.7`–`2.9`, `3.4`;
`webinar`. Days are calendar days unless `notice_day_kind` says working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from heatbill.domain.rulebook.kinds import Choice, Choices, Flag, Whole
from heatbill.domain.rulebook.law import NO_CLOSING_FOR_OLD_DEBT
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled


class NoticeDays(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True, slots=True)
class Closing:
    """Closing the supply (lukning) for arrears, after written notice."""

    earliest_day: Ruled[int]
    notice_days_min: Ruled[int]
    notice_days_max: Ruled[int] | None
    """The notice should be short (`vestervig 6.13`: e.g. 5–8 days); none: only a minimum."""
    notice_day_kind: Ruled[NoticeDays]
    fee_bearing: Ruled[bool]
    closing_letter: Ruled[bool]
    avoidable_on_site: Ruled[bool]
    """Paying or giving security to the technician at the visit avoids the closing."""
    bailiff_fee_separate: Ruled[bool]
    notify_landlord_of_tenant: Ruled[bool]
    for_old_debt_alone: Ruled[bool]
    """Always false: heat may not be closed for old debt alone (`webinar`)."""


def read_closing(r: Reader) -> Closing:
    return Closing(
        earliest_day=r.ruled("earliest_day", Whole(2, 120)),
        notice_days_min=r.ruled("notice_days_min", Whole(1, 30)),
        notice_days_max=r.optional_ruled("notice_days_max", Whole(1, 30)),
        notice_day_kind=r.ruled("notice_day_kind", Choice(NoticeDays)),
        fee_bearing=r.ruled("fee_bearing", Flag()),
        closing_letter=r.ruled("closing_letter", Flag()),
        avoidable_on_site=r.ruled("avoidable_on_site", Flag()),
        bailiff_fee_separate=r.ruled("bailiff_fee_separate", Flag()),
        notify_landlord_of_tenant=r.ruled("notify_landlord_of_tenant", Flag()),
        for_old_debt_alone=r.ruled("for_old_debt_alone", Flag(must_be=NO_CLOSING_FOR_OLD_DEBT)),
    )


@dataclass(frozen=True, slots=True)
class Reopening:
    """Reopening (genoplukning / genåbning) after a closing: which conditions suffice."""

    on_full_payment: Ruled[bool]
    on_security: Ruled[bool]
    on_payment_plan: Ruled[bool]
    plan_refused_after_breach: Ruled[bool]
    """No plan when the closing followed a breached plan (`vestervig 6.8`)."""
    fee_bearing: Ruled[bool]
    unauthorised_recloses_immediately: Ruled[bool]
    unauthorised_police_report: Ruled[bool]


def read_reopening(r: Reader) -> Reopening:
    return Reopening(
        on_full_payment=r.ruled("on_full_payment", Flag()),
        on_security=r.ruled("on_security", Flag()),
        on_payment_plan=r.ruled("on_payment_plan", Flag()),
        plan_refused_after_breach=r.ruled("plan_refused_after_breach", Flag()),
        fee_bearing=r.ruled("fee_bearing", Flag()),
        unauthorised_recloses_immediately=r.ruled("unauthorised_recloses_immediately", Flag()),
        unauthorised_police_report=r.ruled("unauthorised_police_report", Flag()),
    )


class SecurityEligibility(StrEnum):
    IRREGULAR_LATE_PAYMENTS = "irregular_late_payments"
    """Just before the demand, an irregular pattern of repeated, substantial late payments."""
    REPEATED_DEFAULTS = "repeated_defaults"
    """Repeated defaults on payments (`aalborg 3.4`)."""


class SecurityForm(StrEnum):
    CASH_DEPOSIT = "cash_deposit"
    BANK_GUARANTEE = "bank_guarantee"
    SURETY_INSURANCE = "surety_insurance"
    SOCIAL_SERVICES_GUARANTEE = "social_services_guarantee"
    PREPAYMENT = "prepayment"
    OTHER_SUFFICIENT = "other_sufficient"


@dataclass(frozen=True, slots=True)
class Securities:
    """Security for future supply (sikkerhedsstillelse / depositum)."""

    eligibility: Ruled[SecurityEligibility]
    late_payments_min: Ruled[int]
    """How many late payments make the "repeated" pattern (`vestervig 6.10`: "gentagne")."""
    late_days_min: Ruled[int]
    """How many days after the due date a payment is "substantially" late ("væsentlige")."""
    lookback_months: Ruled[int]
    """The months before the assessment that count ("umiddelbart inden kravet stilles")."""
    individual_assessment: Ruled[bool]
    amount_months_of_estimated_use: Ruled[int]
    forms: Ruled[tuple[SecurityForm, ...]]
    refund_after_months_on_time: Ruled[int]
    closing_if_not_provided: Ruled[bool]
    """A demanded security that is not provided may lead to closing (`webinar`)."""
    written_notice_before_closing: Ruled[bool]


def read_securities(r: Reader) -> Securities:
    return Securities(
        eligibility=r.ruled("eligibility", Choice(SecurityEligibility)),
        late_payments_min=r.ruled("late_payments_min", Whole(1, 24)),
        late_days_min=r.ruled("late_days_min", Whole(1, 180)),
        lookback_months=r.ruled("lookback_months", Whole(1, 36)),
        individual_assessment=r.ruled("individual_assessment", Flag()),
        amount_months_of_estimated_use=r.ruled("amount_months_of_estimated_use", Whole(1, 12)),
        forms=r.ruled("forms", Choices(SecurityForm)),
        refund_after_months_on_time=r.ruled("refund_after_months_on_time", Whole(1, 36)),
        closing_if_not_provided=r.ruled("closing_if_not_provided", Flag()),
        written_notice_before_closing=r.ruled("written_notice_before_closing", Flag()),
    )
