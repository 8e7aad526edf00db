"""The rulebook's `[external_collection]` section: handing a claim to an external collection
partner (ekstern inkasso), where in the timeline, and whether the collection fee is charged.

Sources: `aalborg 3.2` (claims may go to an external partner once the usual reminders were in
vain; the customer is told on reminder 2, `reminders.announces_collection_on`), `vestervig 6.6`
and `solrod 6.6` ("restancen overgår til inkasso ved advokat"), renteloven § 9 b, stk. 3 (the
100 kr. collection fee). A claim with the partner is old debt: it may not lead to closing
(`webinar`), so where a rulebook closes for arrears the hand-over follows the closing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from heatbill.domain.rulebook.kinds import Choice, Flag, Whole, show_raw
from heatbill.domain.rulebook.kinds_text import Text
from heatbill.domain.rulebook.problems import Problem
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.wording import say


class HandOverAfter(StrEnum):
    """The step whose deadline must have passed, unpaid, before the claim is handed over."""

    REMINDER = "reminder"
    """Reminder number `after_reminder` (its pay-by date passed)."""
    COLLECTION_NOTICE = "collection_notice"
    """The collection notice (its closing date passed)."""
    CLOSING = "closing"
    """The supply was closed and the claim is still unpaid."""


@dataclass(frozen=True, slots=True)
class ExternalCollection:
    """External collection (overdragelse til ekstern inkasso)."""

    used: Ruled[bool]
    after: Ruled[HandOverAfter] | None
    """Given exactly when `used`."""
    after_reminder: Ruled[int] | None
    """Given exactly when `after` is `reminder`."""
    wait_days: Ruled[int] | None
    """Calendar days after that step's deadline (after the closing day) before the hand-over;
    given exactly when `used`."""
    partner: Ruled[str] | None
    """The partner's name, as the customer's letter states it; given exactly when `used`."""
    collection_fee: Ruled[bool] | None
    """Charge the collection fee (inkassogebyr, renteloven § 9 b, stk. 3) at the hand-over —
    never when the claim already bears one (the collection notice's); given exactly when
    `used`."""


def read_external_collection(r: Reader) -> ExternalCollection:
    return ExternalCollection(
        used=r.ruled("used", Flag()),
        after=r.optional_ruled("after", Choice(HandOverAfter)),
        after_reminder=r.optional_ruled("after_reminder", Whole(1, 5)),
        wait_days=r.optional_ruled("wait_days", Whole(0, 180)),
        partner=r.optional_ruled("partner", Text()),
        collection_fee=r.optional_ruled("collection_fee", Flag()),
    )


def external_inconsistencies(
    section: ExternalCollection, *, reminders: int, collection_notice: bool
) -> Iterator[Problem]:
    """Keys given exactly when they apply; the step handed over after exists in the rulebook."""
    used = section.used.value
    for name in ("after", "wait_days", "partner", "collection_fee"):
        if used != (getattr(section, name) is not None):
            yield _problem(name, used, "used", show_raw(used))
    after = section.after.value if section.after is not None else None
    wants_number = after is HandOverAfter.REMINDER
    if after is not None and wants_number != (section.after_reminder is not None):
        yield _problem("after_reminder", wants_number, "after", show_raw(after.value))
    if section.after_reminder is not None and section.after_reminder.value > reminders:
        yield Problem(
            "external_collection.after_reminder",
            say("rulebook.inconsistent.at_most", value=str(section.after_reminder.value),
                other="reminders.count", limit=str(reminders)),
        )  # fmt: skip
    if after is HandOverAfter.COLLECTION_NOTICE and not collection_notice:
        yield Problem("external_collection.after", say("rulebook.external.no_notice"))


def _problem(name: str, required: bool, other: str, value: str) -> Problem:
    kind = "required_when" if required else "not_allowed_when"
    text = say(f"rulebook.inconsistent.{kind}", other=f"external_collection.{other}", value=value)
    return Problem(f"external_collection.{name}", text)
