"""Nationalbanken's lending rate (udlånsrente) by half-year, and the late-interest rate of a day.

renteloven § 5: the rate for a half-year is the reference rate fixed on 1 January or 1 July
plus 8 percentage points (7 pp for claims due before 1 March 2013); against consumers that is
also the maximum (§ 7). The table is data: the database holds it and staff add each new
half-year's rate without a release (`heatbill interest add-rate`). `PUBLISHED_RATES` are the
values of DANISH-RULES.md, seeded by the migration and used by the tests. Rates in percent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.wording import say

LAW_MARGIN_PP: Final = Decimal(8)
OLD_CLAIM_MARGIN_PP: Final = Decimal(7)
OLD_CLAIMS_DUE_BEFORE: Final = date(2013, 3, 1)
"""Claims due before this day carry the old margin of 7 percentage points (renteloven § 5)."""

PUBLISHED_RATES: Final[Mapping[date, Decimal]] = {
    date(2020, 1, 1): Decimal("0.05"),
    date(2020, 7, 1): Decimal("0.05"),
    date(2021, 1, 1): Decimal("0.05"),
    date(2021, 7, 1): Decimal("-0.35"),
    date(2022, 1, 1): Decimal("-0.45"),
    date(2022, 7, 1): Decimal("-0.45"),
    date(2023, 1, 1): Decimal("1.90"),
    date(2023, 7, 1): Decimal("3.25"),
    date(2024, 1, 1): Decimal("3.75"),
    date(2024, 7, 1): Decimal("3.50"),
    date(2025, 1, 1): Decimal("2.75"),
    date(2025, 7, 1): Decimal("1.75"),
    date(2026, 1, 1): Decimal("1.75"),
}
"""DANISH-RULES.md "Late interest": udlånsrente in percent by half-year start."""


def half_year_start(day: date) -> date:
    """1 January or 1 July: the day the rate in force on `day` was fixed."""
    return date(day.year, 1 if day.month < 7 else 7, 1)


def next_half_year(start: date) -> date:
    return date(start.year, 7, 1) if start.month < 7 else date(start.year + 1, 1, 1)


def previous_half_year(start: date) -> date:
    return date(start.year - 1, 7, 1) if start.month < 7 else date(start.year, 1, 1)


def is_half_year_start(day: date) -> bool:
    return day.day == 1 and day.month in (1, 7)


def half_year_name(start: date) -> str:
    """'1. halvår 2027' — how staff name a half-year (Danish)."""
    return say("interest.half_year", half=1 if start.month < 7 else 2, year=start.year)


def percent_da(rate: Decimal) -> str:
    """A rate in percent the Danish way: at least two decimals, a decimal comma ('11,50')."""
    cents = rate.quantize(Decimal("0.01"))
    shown = cents if cents == rate else rate.normalize()
    return f"{shown:f}".replace(".", ",")


class MissingRateError(ValidationError):
    """No reference rate is recorded for a half-year: staff must add it before interest runs."""

    code = "missing_reference_rate"

    def __init__(self, start: date) -> None:
        super().__init__(
            say("interest.rate.missing", half=half_year_name(start), start=start.isoformat())
        )
        self.half_year = start


@dataclass(frozen=True, slots=True)
class ReferenceRates:
    """The reference rates by half-year start, oldest first, without gaps."""

    rates: tuple[tuple[date, Decimal], ...]

    @classmethod
    def of(cls, rates: Mapping[date, Decimal] | Iterable[tuple[date, Decimal]]) -> ReferenceRates:
        pairs = rates.items() if isinstance(rates, Mapping) else rates
        return cls(tuple(sorted(pairs)))

    def reference_on(self, day: date) -> Decimal:
        """The udlånsrente fixed on the half-year start of `day`, in percent."""
        start = half_year_start(day)
        for known, rate in self.rates:
            if known == start:
                return rate
        raise MissingRateError(start)

    def with_rate(self, start: date, rate: Decimal) -> ReferenceRates:
        """The table with one more half-year: refused unless it is a half-year start, new, and
        next to the known ones (the half-year after the newest or before the oldest)."""
        if not is_half_year_start(start):
            raise ValidationError(say("interest.rate.not_half_year_start", day=start.isoformat()))
        known = dict(self.rates)
        if start in known:
            raise ConflictError(
                say(
                    "interest.rate.duplicate",
                    half=half_year_name(start),
                    rate=percent_da(known[start]),
                )
            )
        if self.rates:
            oldest, newest = self.rates[0][0], self.rates[-1][0]
            if start not in (next_half_year(newest), previous_half_year(oldest)):
                raise ValidationError(
                    say(
                        "interest.rate.gap",
                        half=half_year_name(start),
                        next=next_half_year(newest).isoformat(),
                    )
                )
        return ReferenceRates.of({**known, start: rate})


def margin_pp(claim_due: date, margin: Decimal = LAW_MARGIN_PP) -> Decimal:
    """The margin over the reference rate: the rulebook's, at most 7 pp for old claims."""
    return min(margin, OLD_CLAIM_MARGIN_PP) if claim_due < OLD_CLAIMS_DUE_BEFORE else margin


def rate_on(
    day: date, table: ReferenceRates, *, claim_due: date, margin: Decimal = LAW_MARGIN_PP
) -> Decimal:
    """The late-interest rate in percent a year on `day` for a claim due on `claim_due`."""
    return table.reference_on(day) + margin_pp(claim_due, margin)
