"""Statutory limits a rulebook or tariff sheet may not exceed (DANISH-RULES.md, renteloven).

A utility may choose stricter values (fewer reminders, lower fees); a file that goes beyond
these is refused when it is loaded, so no fee the law forbids can ever be posted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Generic, TypeVar

from heatbill.domain.money import Money
from heatbill.domain.rulebook.clauses import Clause

N = TypeVar("N", int, Decimal, Money, bool)


@dataclass(frozen=True, slots=True)
class LegalLimit(Generic[N]):
    """A bound set by law (or binding guidance), with the clause that sets it."""

    value: N
    clause: Clause


_SECTION_9B_1: Final = Clause("renteloven", "§ 9 b, stk. 1")

REMINDER_FEE_MAX: Final = LegalLimit(Money.kroner(100), _SECTION_9B_1)
"""At most 100 kr. per reminder (rykkergebyr)."""
REMINDER_FEES_MAX_COUNT: Final = LegalLimit(3, _SECTION_9B_1)
"""At most 3 fee-bearing reminders for the same claim."""
REMINDER_FEE_MIN_DAYS_APART: Final = LegalLimit(10, _SECTION_9B_1)
"""Each fee-bearing reminder at least 10 days after the previous one."""
COLLECTION_FEE_MAX: Final = LegalLimit(Money.kroner(100), Clause("renteloven", "§ 9 b, stk. 3"))
"""The collection fee (inkassogebyr) when a claim is handed over to collection."""
BUSINESS_COMPENSATION_MAX: Final = LegalLimit(
    Money.kroner(310), Clause("renteloven", "§ 9 a, stk. 3")
)
"""The one-off compensation per continuous arrears, business customers only, never consumers."""
INTEREST_MARGIN_MAX_PP: Final = LegalLimit(Decimal(8), Clause("renteloven", "§ 7"))
"""Late interest against consumers: at most the reference rate + 8 percentage points."""
NO_CLOSING_FOR_OLD_DEBT: Final = LegalLimit(False, Clause("webinar"))
"""Heat may not be closed for old debt alone (Dansk Fjernvarme, webinar)."""
