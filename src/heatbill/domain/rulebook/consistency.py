"""Cross-checks between rulebook parameters whose values each parse but do not fit together.

Run only on a rulebook whose every value parsed (see `parse_rulebook`); each problem names the
key to change and the key it contradicts, as the file spells them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from heatbill.domain.rulebook.billing import DueDateRule, Installments, Settlement
from heatbill.domain.rulebook.collection import CollectionNotice
from heatbill.domain.rulebook.customers import ExitRules
from heatbill.domain.rulebook.external import external_inconsistencies
from heatbill.domain.rulebook.kinds import show_raw
from heatbill.domain.rulebook.problems import Problem
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.wording import say

if TYPE_CHECKING:
    from heatbill.domain.rulebook.book import Rulebook


def rulebook_inconsistencies(book: Rulebook) -> list[Problem]:
    return [
        *_installments(book.installments),
        *_due_dates(book),
        *_settlement(book.settlement, book.installments),
        *_reminders(book),
        *_collection_notice(book.collection_notice),
        *_timeline(book),
        *_closing_notice(book),
        *_exit(book.exit),
        *external_inconsistencies(
            book.external_collection,
            reminders=book.reminders.count.value,
            collection_notice=book.collection_notice.used.value,
        ),
    ]


def _installments(installments: Installments) -> Iterator[Problem]:
    dates, count = len(installments.dates.value), installments.count.value
    if dates != count:
        other = "installments.count"
        yield _problem("installments.dates", "count", count=dates, other=other, expected=count)


def _due_dates(book: Rulebook) -> Iterator[Problem]:
    rule = book.due_dates.rule.value
    needs_nth = rule is DueDateRule.DAYS_THEN_NTH_BANK_DAY
    if needs_nth != (book.due_dates.nth_bank_day is not None):
        key = "required_when" if needs_nth else "not_allowed_when"
        value = show_raw(rule.value)
        yield _problem("due_dates.nth_bank_day", key, other="due_dates.rule", value=value)


def _settlement(settlement: Settlement, installments: Installments) -> Iterator[Problem]:
    months, with_installment = settlement.annual_deadline_months, settlement.annual_with_installment
    if (months is None) == (with_installment is None):
        first, second = "annual_deadline_months", "annual_with_installment"
        yield _problem("settlement", "one_of", first=first, second=second)
    if with_installment is not None:
        key, other = "settlement.annual_with_installment", "installments.count"
        yield from _at_most(key, with_installment, other, installments.count)


def _reminders(book: Rulebook) -> Iterator[Problem]:
    reminders = book.reminders
    key, other = "reminders.announces_collection_on", "reminders.count"
    yield from _at_most(key, reminders.announces_collection_on, other, reminders.count)


def _collection_notice(notice: CollectionNotice) -> Iterator[Problem]:
    used = notice.used.value
    for name, given in (("earliest_day", notice.earliest_day), ("fee_bearing", notice.fee_bearing)):
        if used != (given is not None):
            key = "required_when" if used else "not_allowed_when"
            other, value = "collection_notice.used", show_raw(used)
            yield _problem(f"collection_notice.{name}", key, other=other, value=value)


def _timeline(book: Rulebook) -> Iterator[Problem]:
    """Reminder, collection notice and closing visit follow each other (`vestervig 6.13`)."""
    steps: list[tuple[str, Ruled[int]]] = [("reminders.earliest_day", book.reminders.earliest_day)]
    if book.collection_notice.earliest_day is not None:
        steps.append(("collection_notice.earliest_day", book.collection_notice.earliest_day))
    steps.append(("closing.earliest_day", book.closing.earliest_day))
    for (before_key, before), (key, step) in itertools.pairwise(steps):
        if step.value <= before.value:
            yield _problem(key, "after", value=step.value, other=before_key, limit=before.value)


def _closing_notice(book: Rulebook) -> Iterator[Problem]:
    low, high = book.closing.notice_days_min, book.closing.notice_days_max
    if high is not None and high.value < low.value:
        other = "closing.notice_days_min"
        yield _problem(
            "closing.notice_days_max", "not_below", value=high.value, other=other, limit=low.value
        )


def _exit(exit_rules: ExitRules) -> Iterator[Problem]:
    for n, ruled in enumerate(exit_rules.notice, start=1):
        start, end = ruled.value.members_from, ruled.value.members_before
        if start is not None and end is not None and end <= start:
            key, other = f"exit.notice[{n}].members_before", f"exit.notice[{n}].members_from"
            yield _problem(key, "date_order", value=end, other=other, limit=start)


def _at_most(key: str, value: Ruled[int], other: str, limit: Ruled[int]) -> Iterator[Problem]:
    if value.value > limit.value:
        yield _problem(key, "at_most", value=value.value, other=other, limit=limit.value)


def _problem(key: str, kind: str, **fields: object) -> Problem:
    texts = {name: str(value) for name, value in fields.items()}
    return Problem(key, say(f"rulebook.inconsistent.{kind}", **texts))
