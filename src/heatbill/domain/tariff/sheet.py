"""The tariff sheet (takstblad): dated price periods of one utility, and the one in force.

`parse_tariff_sheet` reads the same TOML style as a rulebook — every price with its clause and
basis — and refuses a sheet with `RulebookError`, listing every problem. Pure: nothing cached.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from heatbill.domain.errors import NotFoundError
from heatbill.domain.rulebook.book import parse_toml
from heatbill.domain.rulebook.kinds_text import Name, Text, UtilityDocument
from heatbill.domain.rulebook.problems import Findings, Problem
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.tariff.prices import PricePeriod, read_period
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class TariffSheet:
    """A utility's tariff sheet: `periods` in date order, each in force until the next."""

    name: str
    title: str
    document: str
    source: str
    """Where the figures were read (the published sheet's address), for checking."""
    periods: tuple[PricePeriod, ...]

    def period_on(self, day: date) -> PricePeriod:
        """The price period in force on `day`; NotFoundError before the first period."""
        in_force = [p for p in self.periods if p.valid_from.value <= day]
        if not in_force:
            first = self.periods[0].valid_from.value
            raise NotFoundError(
                say("rulebook.tariff.no_period", name=self.name, day=day, first=first)
            )
        return in_force[-1]


def parse_tariff_sheet(data: Mapping[str, object], source: str) -> TariffSheet:
    """A tariff sheet from a parsed TOML mapping; `source` names the file in messages."""
    findings = Findings()
    root = Reader(data, "", findings)
    name = root.plain("name", Name())
    document = root.plain("document", UtilityDocument())
    findings.own_document = document or None
    sheet = TariffSheet(
        name=name,
        title=root.plain("title", Text()),
        document=document,
        source=root.plain("source", Text()),
        periods=tuple(read_period(item) for item in root.records("periods")),
    )
    findings.close()
    if not findings.problems:
        findings.extend(_period_order(sheet))
    findings.raise_if_any(source)
    return sheet


def parse_tariff_sheet_text(text: str, source: str) -> TariffSheet:
    return parse_tariff_sheet(parse_toml(text, source), source)


def _period_order(sheet: TariffSheet) -> Iterator[Problem]:
    periods = sheet.periods
    for n, (before, after) in enumerate(itertools.pairwise(periods), start=2):
        if after.valid_from.value <= before.valid_from.value:
            text = say(
                "rulebook.inconsistent.date_order",
                value=after.valid_from.value,
                other=f"periods[{n - 1}].valid_from",
                limit=before.valid_from.value,
            )
            yield Problem(f"periods[{n}].valid_from", text)
