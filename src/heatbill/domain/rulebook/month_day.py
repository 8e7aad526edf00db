"""MonthDay: a day of the year without a year (`03-01` is 1 March), for recurring dates.

Installment dates and the annual reading date recur every year. 29 February is refused: it
does not exist every year, and a rulebook date must fall in every year it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_COMMON_YEAR = 2025  # any year without 29 February


@dataclass(frozen=True, slots=True, order=True)
class MonthDay:
    month: int
    day: int

    def __post_init__(self) -> None:
        date(_COMMON_YEAR, self.month, self.day)  # raises ValueError for 02-30, 13-01, 02-29

    @classmethod
    def parse(cls, text: str) -> MonthDay:
        """`"03-01"` (month-day, as ISO 8601 orders them) → MonthDay; ValueError otherwise."""
        match = _MONTH_DAY.match(text)
        if match is None:
            raise ValueError(f"not a month-day: {text!r}")
        return cls(int(match[1]), int(match[2]))

    def in_year(self, year: int) -> date:
        return date(year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"
