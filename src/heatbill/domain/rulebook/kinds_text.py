"""Value kinds for text, names, dates and recurring month-days (see `kinds` for numbers)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime

from heatbill.domain.rulebook.clauses import (
    DOCUMENTS,
    Clause,
    ClauseError,
    DocumentRole,
    parse_clause,
)
from heatbill.domain.rulebook.kinds import RefusedValueError, expected_error
from heatbill.domain.rulebook.month_day import MonthDay
from heatbill.wording import say

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Text:
    """Non-empty text, such as a title or a source address."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.text")

    @property
    def placeholder(self) -> str:
        return ""

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise expected_error(self.expected, raw)
        return raw


@dataclass(frozen=True, slots=True)
class Name:
    """A short lower-case identifier (`vestervig`, `below_30_kw`)."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.name")

    @property
    def placeholder(self) -> str:
        return ""

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str) or not _NAME.match(raw):
            raise expected_error(self.expected, raw)
        return raw


def utility_documents() -> tuple[str, ...]:
    return tuple(d.short_name for d in DOCUMENTS.values() if d.role is DocumentRole.UTILITY)


@dataclass(frozen=True, slots=True)
class UtilityDocument:
    """The short name of the utility document a rulebook or tariff sheet is built from."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.document", known=", ".join(utility_documents()))

    @property
    def placeholder(self) -> str:
        return ""

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str) or raw not in utility_documents():
            raise expected_error(self.expected, raw)
        return raw


@dataclass(frozen=True, slots=True)
class ClauseRef:
    """A clause reference (`"vestervig 6.5"`), checked against the known documents."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.clause")

    @property
    def placeholder(self) -> Clause:
        return Clause("spec")

    def parse(self, raw: object) -> Clause:
        if not isinstance(raw, str):
            raise expected_error(self.expected, raw)
        try:
            return parse_clause(raw)
        except ClauseError as error:
            raise RefusedValueError(str(error)) from None


@dataclass(frozen=True, slots=True)
class Day:
    """A calendar date: TOML's own `2024-06-01`, or the same written as text."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.date")

    @property
    def placeholder(self) -> date:
        return date.min

    def parse(self, raw: object) -> date:
        if isinstance(raw, date) and not isinstance(raw, datetime):
            return raw
        if isinstance(raw, str) and _ISO_DATE.match(raw):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        raise expected_error(self.expected, raw)


@dataclass(frozen=True, slots=True)
class YearlyDate:
    """A month-day that recurs every year (`"03-01"`); 29 February is refused."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.month_day")

    @property
    def placeholder(self) -> MonthDay:
        return MonthDay(1, 1)

    def parse(self, raw: object) -> MonthDay:
        if isinstance(raw, str):
            try:
                return MonthDay.parse(raw)
            except ValueError:
                pass
        raise expected_error(self.expected, raw)


@dataclass(frozen=True, slots=True)
class YearlyDates:
    """Month-days in calendar order within the year, no repeats (`["01-02", "03-01"]`)."""

    @property
    def expected(self) -> str:
        return say("rulebook.expect.month_days")

    @property
    def placeholder(self) -> tuple[MonthDay, ...]:
        return ()

    def parse(self, raw: object) -> tuple[MonthDay, ...]:
        if not isinstance(raw, list) or not raw:
            raise expected_error(self.expected, raw)
        days = tuple(YearlyDate().parse(item) for item in raw)
        if any(later <= earlier for earlier, later in itertools.pairwise(days)):
            raise expected_error(self.expected, raw)
        return days
