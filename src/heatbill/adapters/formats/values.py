"""Parsers for one cell's text: numbers, dates, choices, yes/no.

Each takes the cell's trimmed, non-empty text and returns the value or raises ValidationError
with the Danish message that follows "linje N, felt F: ". Numbers become `Decimal`, never
float; dates become `datetime.date`.

Numbers take a decimal comma or point ("12,5" or "12.5") and no thousands separator: "1.234,5"
is refused rather than guessed. A lone point is read as a decimal point, so a Danish
"12.345" meaning twelve thousand would be read as 12.345; that file would fail the plausibility
check of every reading (`vestervig 5.9`), and exports from spreadsheets and head-ends do not
write thousands separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TypeAlias, TypeVar

from heatbill.domain.errors import ValidationError
from heatbill.wording import say

E = TypeVar("E", bound=Enum)
T = TypeVar("T")
Parser: TypeAlias = Callable[[str], T]
"""Reads one cell's text; raises ValidationError with the message for the field."""

_NUMBER = re.compile(r"^-?\d+(?:[.,](\d+))?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DANISH_DATE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")


def text(value: str) -> str:
    return value


def number(places: int) -> Parser[Decimal]:
    """A signed decimal with at most `places` decimals."""

    def parse(value: str) -> Decimal:
        match = _NUMBER.match(value)
        if not match or len(match.group(1) or "") > places:
            raise ValidationError(say("formats.value.number", places=places, got=value))
        return Decimal(value.replace(",", "."))

    return parse


def non_negative(places: int) -> Parser[Decimal]:
    """A register or quantity: at least 0, at most `places` decimals."""
    signed = number(places)

    def parse(value: str) -> Decimal:
        parsed = signed(value)
        if parsed < 0:
            raise ValidationError(say("formats.value.negative", got=value))
        return parsed

    return parse


def positive(places: int) -> Parser[Decimal]:
    """An area or volume: more than 0, at most `places` decimals."""
    signed = number(places)

    def parse(value: str) -> Decimal:
        parsed = signed(value)
        if parsed <= 0:
            raise ValidationError(say("formats.value.not_positive", got=value))
        return parsed

    return parse


def calendar_date(value: str) -> date:
    """ISO `2026-12-31` or Danish `31-12-2026`."""
    found = parse_date(value)
    if found is None:
        raise ValidationError(say("formats.value.date", got=value))
    return found


def parse_date(value: str) -> date | None:
    """The date, or None when `value` is not a date in one of the two forms (or not a day)."""
    if match := _ISO_DATE.match(value):
        year, month, day = match.groups()
    elif match := _DANISH_DATE.match(value):
        day, month, year = match.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def choice(words: Mapping[str, E]) -> Parser[E]:
    """One of the Danish `words` as its enum member; case and blanks are ignored ("< 30 kw")."""
    folded = {_squeeze(word): member for word, member in words.items()}

    def parse(value: str) -> E:
        found = folded.get(_squeeze(value))
        if found is None:
            raise ValidationError(say("formats.value.choice", choices=", ".join(words), got=value))
        return found

    return parse


def yes_no(value: str) -> bool:
    """`ja` or `nej`."""
    answer = _squeeze(value)
    if answer not in ("ja", "nej"):
        raise ValidationError(say("formats.value.choice", choices="ja, nej", got=value))
    return answer == "ja"


def _squeeze(word: str) -> str:
    return "".join(word.split()).lower()
