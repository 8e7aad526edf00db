"""Rulebook sections about the customer relationship: moves, exit, letters and channels.

Sources: `vestervig 1.4`, `2.16`, `2.18`–`2.19`, `6.9`, `8.3`; `solrod 1.5`, `2.18`–`2.19`;
`aalborg 1.3`–`1.8`; `4rater`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.rulebook.kinds import Choice, Choices, Flag, Whole
from heatbill.domain.rulebook.kinds_text import Day
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled


class LiableUntil(StrEnum):
    FINAL_READING = "final_reading"
    """Until the change is registered and the meter read (`aalborg 1.4`, `vestervig 2.16`)."""
    CHANGE_REGISTERED = "change_registered"
    """Until the utility has been told of the change (`vestervig 6.9`, tenants)."""


@dataclass(frozen=True, slots=True)
class Moves:
    """Owner and tenant changes (ejer-/lejerskifte) and who pays in between."""

    notice_days: Ruled[int]
    """Calendar days before the move by which the utility must be told."""
    former_customer_liable_until: Ruled[LiableUntil]
    interim_owner_liable: Ruled[bool]
    """Between two tenants the owner is the customer and liable (`aalborg 1.7`–`1.8`)."""
    owner_notified_in_writing: Ruled[bool]


def read_moves(r: Reader) -> Moves:
    return Moves(
        notice_days=r.ruled("notice_days", Whole(0, 60)),
        former_customer_liable_until=r.ruled("former_customer_liable_until", Choice(LiableUntil)),
        interim_owner_liable=r.ruled("interim_owner_liable", Flag()),
        owner_notified_in_writing=r.ruled("owner_notified_in_writing", Flag()),
    )


class ExitUntil(StrEnum):
    FINANCIAL_YEAR_END = "financial_year_end"
    MONTH_END = "month_end"


@dataclass(frozen=True, slots=True)
class ExitNoticeRule:
    """Written notice for leaving the utility (udtræden), for members who joined in a window."""

    notice_months: int
    until: ExitUntil
    members_from: date | None = None
    members_before: date | None = None
    after_membership_months: int = 0
    """Notice can only take effect once the membership has lasted this long (`solrod 2.18`)."""


class ExitCompensation(StrEnum):
    IF_CAPACITY_NOT_TRANSFERRED = "if_capacity_not_transferred"
    """Share of unamortised plant cost only if the capacity cannot pass on (`vestervig 2.19 e`)."""
    ALWAYS = "always"


@dataclass(frozen=True, slots=True)
class ExitRules:
    """Exit notice rules (one per membership window) and the exit compensation rule."""

    notice: tuple[Ruled[ExitNoticeRule], ...]
    compensation: Ruled[ExitCompensation]


def read_exit(r: Reader) -> ExitRules:
    return ExitRules(
        notice=tuple(_read_notice_rule(item) for item in r.records("notice")),
        compensation=r.ruled("compensation", Choice(ExitCompensation)),
    )


def _read_notice_rule(r: Reader) -> Ruled[ExitNoticeRule]:
    rule = ExitNoticeRule(
        notice_months=r.plain("notice_months", Whole(1, 36)),
        until=r.plain("until", Choice(ExitUntil)),
        members_from=r.optional_plain("members_from", Day()),
        members_before=r.optional_plain("members_before", Day()),
        after_membership_months=r.optional_plain("after_membership_months", Whole(0, 60)) or 0,
    )
    clause, basis = r.provenance()
    return Ruled(rule, clause, basis)


class Channel(StrEnum):
    DIGITAL_POST = "digital_post"
    EMAIL = "email"
    SMS = "sms"
    PAPER = "paper"
    BETALINGSSERVICE = "betalingsservice"
    """The text line of a Betalingsservice payment overview (`vestervig 8.3`)."""


@dataclass(frozen=True, slots=True)
class Letters:
    """How letters reach the customer: channels in order of preference."""

    channels: Ruled[tuple[Channel, ...]]
    paper_for_exempt: Ruled[bool]
    """Paper for customers exempt from digital post (`solrod 1.5`)."""
    welcome_letter: Ruled[bool]
    interruption_notice_days: Ruled[int]
    """Calendar days' notice of a planned stop of the supply (`vestervig 3.6`: "så vidt muligt
    med forudgående varsel"); a breakdown may be mended without notice."""


def read_letters(r: Reader) -> Letters:
    return Letters(
        channels=r.ruled("channels", Choices(Channel)),
        paper_for_exempt=r.ruled("paper_for_exempt", Flag()),
        welcome_letter=r.ruled("welcome_letter", Flag()),
        interruption_notice_days=r.ruled("interruption_notice_days", Whole(0, 60)),
    )
