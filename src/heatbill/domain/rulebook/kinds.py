"""Value kinds: how one raw TOML value becomes a typed rulebook value, or is refused.

Each kind knows what it expects (a Danish phrase for the error message), a placeholder used
only while the rest of a refused file is still being checked, and how to parse. Amounts are
written as text in kroner (`"100.00"`) and become exact `Money`; rates are text and become
`Decimal`. Floats are refused: TOML `100.0` is a binary fraction, not an amount.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from heatbill.domain.money import Money
from heatbill.domain.rulebook.clauses import Clause
from heatbill.domain.rulebook.law import LegalLimit
from heatbill.wording import say

T_co = TypeVar("T_co", covariant=True)
E = TypeVar("E", bound=StrEnum)
N = TypeVar("N", int, Decimal, Money)

_AMOUNT = re.compile(r"^\d+(?:\.\d{1,2})?$")
_RATE = re.compile(r"^\d+(?:\.\d+)?$")


class RefusedValueError(Exception):
    """A raw value that does not fit its kind; `text` is the Danish problem."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class Kind(Protocol[T_co]):
    @property
    def expected(self) -> str: ...

    @property
    def placeholder(self) -> T_co: ...

    def parse(self, raw: object) -> T_co: ...


def show_raw(raw: object) -> str:
    """A raw TOML value as the file would spell it, for 'fik …' in messages."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        return json.dumps(raw, ensure_ascii=False)
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, int | float):
        return repr(raw)
    if isinstance(raw, list):
        return "[" + ", ".join(show_raw(item) for item in raw) + "]"
    return say("rulebook.got.table")


def show_value(value: object) -> str:
    """A parsed value in messages: amounts in Danish notation, the rest as the file spells it."""
    if isinstance(value, Money):
        return value.format_da()
    return show_raw(value) if isinstance(value, bool) else str(value)


def expected_error(expected: str, raw: object) -> RefusedValueError:
    return RefusedValueError(say("rulebook.expected", expected=expected, got=show_raw(raw)))


def check_limits(value: N, at_most: LegalLimit[N] | None, at_least: LegalLimit[N] | None) -> None:
    """Refuse a value beyond a statutory bound, naming the bound and its clause."""
    if at_most is not None and value > at_most.value:
        raise RefusedValueError(
            limit_text("rulebook.above_legal_cap", value, at_most.value, at_most.clause)
        )
    if at_least is not None and value < at_least.value:
        raise RefusedValueError(
            limit_text("rulebook.below_legal_minimum", value, at_least.value, at_least.clause)
        )


def limit_text(key: str, value: object, limit: object, clause: Clause) -> str:
    """A Danish 'beyond the legal bound' message: the value, the bound and its clause."""
    return say(key, value=show_value(value), limit=show_value(limit), clause=clause)


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole number in `lo..hi`; a statutory bound, if any, is checked first and named."""

    lo: int
    hi: int
    at_most: LegalLimit[int] | None = None
    at_least: LegalLimit[int] | None = None

    @property
    def expected(self) -> str:
        return say("rulebook.expect.whole", lo=self.lo, hi=self.hi)

    @property
    def placeholder(self) -> int:
        return self.lo

    def parse(self, raw: object) -> int:
        if type(raw) is not int:
            raise expected_error(self.expected, raw)
        check_limits(raw, self.at_most, self.at_least)
        if not self.lo <= raw <= self.hi:
            raise expected_error(self.expected, raw)
        return raw


@dataclass(frozen=True, slots=True)
class Flag:
    """true or false; `must_be` pins a value that law or binding guidance decides."""

    must_be: LegalLimit[bool] | None = None

    @property
    def expected(self) -> str:
        return say("rulebook.expect.flag")

    @property
    def placeholder(self) -> bool:
        return False

    def parse(self, raw: object) -> bool:
        if not isinstance(raw, bool):
            raise expected_error(self.expected, raw)
        if self.must_be is not None and raw != self.must_be.value:
            text = limit_text("rulebook.must_be", raw, self.must_be.value, self.must_be.clause)
            raise RefusedValueError(text)
        return raw


@dataclass(frozen=True, slots=True)
class Amount:
    """Kroner as text with at most two decimals (`"187.50"`), or a whole number; → Money."""

    at_most: LegalLimit[Money] | None = None

    @property
    def expected(self) -> str:
        return say("rulebook.expect.amount")

    @property
    def placeholder(self) -> Money:
        return Money(0)

    def parse(self, raw: object) -> Money:
        if type(raw) is int and raw >= 0:
            raw = str(raw)
        if not isinstance(raw, str) or not _AMOUNT.match(raw):
            raise expected_error(self.expected, raw)
        amount = Money.kroner(raw)
        check_limits(amount, self.at_most, None)
        return amount


@dataclass(frozen=True, slots=True)
class Rate:
    """A non-negative exact number as text (`"13.60"`), or a whole number; → Decimal."""

    hi: Decimal | None = None
    at_most: LegalLimit[Decimal] | None = None

    @property
    def expected(self) -> str:
        if self.hi is None:
            return say("rulebook.expect.rate")
        return say("rulebook.expect.rate_up_to", hi=self.hi)

    @property
    def placeholder(self) -> Decimal:
        return Decimal(0)

    def parse(self, raw: object) -> Decimal:
        if type(raw) is int and raw >= 0:
            raw = str(raw)
        if not isinstance(raw, str) or not _RATE.match(raw):
            raise expected_error(self.expected, raw)
        rate = Decimal(raw)
        check_limits(rate, self.at_most, None)
        if self.hi is not None and rate > self.hi:
            raise expected_error(self.expected, raw)
        return rate


class Choice(Generic[E]):
    """One of an enumeration's values, spelled as in the file (`"first_bank_day"`)."""

    def __init__(self, enum: type[E]) -> None:
        self.enum = enum

    @property
    def expected(self) -> str:
        return say("rulebook.expect.choice", choices=_spell(self.enum))

    @property
    def placeholder(self) -> E:
        return next(iter(self.enum))

    def parse(self, raw: object) -> E:
        if isinstance(raw, str) and raw in self.enum.__members__.values():
            return self.enum(raw)
        raise expected_error(self.expected, raw)


class Choices(Generic[E]):
    """A list of an enumeration's values in order, without repeats; `complete`: all of them."""

    def __init__(self, enum: type[E], *, complete: bool = False) -> None:
        self.enum = enum
        self.complete = complete

    @property
    def expected(self) -> str:
        key = "rulebook.expect.all_choices" if self.complete else "rulebook.expect.choices"
        return say(key, choices=_spell(self.enum))

    @property
    def placeholder(self) -> tuple[E, ...]:
        return ()

    def parse(self, raw: object) -> tuple[E, ...]:
        allowed = {member.value for member in self.enum}
        if not isinstance(raw, list) or not raw or len(set(map(str, raw))) != len(raw):
            raise expected_error(self.expected, raw)
        if not all(isinstance(item, str) and item in allowed for item in raw):
            raise expected_error(self.expected, raw)
        if self.complete and len(raw) != len(allowed):
            raise expected_error(self.expected, raw)
        return tuple(self.enum(item) for item in raw)


def _spell(enum: type[StrEnum]) -> str:
    return ", ".join(f'"{member.value}"' for member in enum)
