"""Rulebook section for metering (måling): estimates, plausibility, self-reading, budgets.

Sources: `vestervig 5.6`–`5.9`, `6.1`; `solrod 5.4`–`5.7`, `6.1`; `4rater`; DANISH-RULES.md
"Degree days (graddage) and estimates". How many days before a move the utility must be told
is `moves.notice_days`, not repeated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from heatbill.domain.rulebook.kinds import Flag, Rate, RefusedValueError, Whole, expected_error
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.wording import say

_PERCENT: Final = Rate(hi=Decimal(100))
_MWH_PER_M2_MAX: Final = Decimal(1)


@dataclass(frozen=True, slots=True)
class MwhPerSquareMetre:
    """MWh per m² of heated area in a normal year: more than 0, at most 1, as text (`"0.13"`)."""

    @property
    def expected(self) -> str:
        return say("metering.expect.mwh_per_m2", hi=_MWH_PER_M2_MAX)

    @property
    def placeholder(self) -> Decimal:
        return Decimal(0)

    def parse(self, raw: object) -> Decimal:
        try:
            value = Rate().parse(raw)
        except RefusedValueError:  # re-worded with this kind's own expectation
            raise expected_error(self.expected, raw) from None
        if not 0 < value <= _MWH_PER_M2_MAX:
            raise expected_error(self.expected, raw)
        return value


@dataclass(frozen=True, slots=True)
class Metering:
    """How readings are checked and replaced, and how use is spread over the year."""

    hot_water_share_percent: Ruled[Decimal]
    """Share of a year's use that is domestic hot water, spread by days, not degree days."""
    plausibility_tolerance_percent: Ruled[Decimal]
    """A reading whose use lies more than this above or below the expected use is held for
    review, never billed (`vestervig 5.9`, `solrod 5.7`); its clause is every hold's clause."""
    self_reading_deadline_days: Ruled[int]
    """Calendar days the customer has to return a self-reading card (`vestervig 5.6`)."""
    self_reading_reminder: Ruled[bool]
    """A reminder goes out when the card is late; its fee, if any, is the tariff sheet's
    `self_reading_card_reminder` (`solrod 5.4`)."""
    estimate_after_missing_card: Ruled[bool]
    """No card and no access: bill on a calculated use (`vestervig 5.7`, `solrod 5.5`)."""
    budget_normalised_by_degree_days: Ruled[bool]
    """The budget is last year's use normalised to a normal year, not last year's use as is."""
    new_installation_mwh_per_m2: Ruled[Decimal]
    """A normal year's use per m² heated area, for an installation without a year of history."""


def read_metering(r: Reader) -> Metering:
    return Metering(
        hot_water_share_percent=r.ruled("hot_water_share_percent", _PERCENT),
        plausibility_tolerance_percent=r.ruled("plausibility_tolerance_percent", _PERCENT),
        self_reading_deadline_days=r.ruled("self_reading_deadline_days", Whole(1, 60)),
        self_reading_reminder=r.ruled("self_reading_reminder", Flag()),
        estimate_after_missing_card=r.ruled("estimate_after_missing_card", Flag()),
        budget_normalised_by_degree_days=r.ruled("budget_normalised_by_degree_days", Flag()),
        new_installation_mwh_per_m2=r.ruled("new_installation_mwh_per_m2", MwhPerSquareMetre()),
    )
