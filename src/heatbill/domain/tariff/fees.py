"""Standard fees (standardgebyrer, `vestervig 6.12`) with their VAT scope and clause.

Amounts are kroner excluding VAT. The VAT scope is one flag per fee (DANISH-RULES.md, "VAT on
fees"): reminder, collection notice and closing visit are outside VAT; a payment plan is
exempt; the others carry the standard 25 %. The reminder fee and the collection fee are capped
by renteloven § 9 b; a sheet above a cap is refused when it is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from heatbill.domain.money import Money, vat_of
from heatbill.domain.rulebook.clauses import Clause
from heatbill.domain.rulebook.kinds import Amount, Choice
from heatbill.domain.rulebook.law import COLLECTION_FEE_MAX, REMINDER_FEE_MAX
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Basis


class VatScope(StrEnum):
    OUTSIDE = "outside"
    """Outside the scope of VAT (compensation, not a supply): no VAT."""
    EXEMPT = "exempt"
    """Exempt from VAT: no VAT."""
    STANDARD = "standard"
    """The standard 25 % VAT."""

    def vat_on(self, net: Money) -> Money:
        return vat_of(net) if self is VatScope.STANDARD else Money(0)


class FeeKind(StrEnum):
    REMINDER = "reminder"
    COLLECTION_NOTICE = "collection_notice"
    CLOSING_VISIT = "closing_visit"
    REOPENING = "reopening"
    PAYMENT_PLAN = "payment_plan"
    BAILIFF_VISIT = "bailiff_visit"
    MOVE_STATEMENT_SELF_READING = "move_statement_self_reading"
    MOVE_STATEMENT_READING_VISIT = "move_statement_reading_visit"
    METER_REMOVAL = "meter_removal"
    METER_REFITTING = "meter_refitting"
    EXTRA_READING = "extra_reading"
    MISSING_ANNUAL_READING = "missing_annual_reading"
    SELF_READING_CARD_REMINDER = "self_reading_card_reminder"
    BILL_COPY = "bill_copy"
    PIPE_LOCATION = "pipe_location"
    MISSED_APPOINTMENT = "missed_appointment"
    METER_TEST = "meter_test"
    """A meter test the customer asks for in writing (`vestervig 5.10`)."""
    PIPE_RELOCATION = "pipe_relocation"
    """Moving the service pipe's main valves and meter for a building over it (`vestervig 2.13`)."""
    PIPE_ENLARGEMENT = "pipe_enlargement"
    """Relaying a service pipe grown too small for a larger heat demand (`vestervig 2.14`)."""


FEE_CAPS: Final = MappingProxyType(
    {FeeKind.REMINDER: REMINDER_FEE_MAX, FeeKind.COLLECTION_NOTICE: COLLECTION_FEE_MAX}
)


@dataclass(frozen=True, slots=True)
class Fee:
    """A fee the utility charges: amount excluding VAT, its VAT scope, and where it comes from."""

    kind: FeeKind
    amount_ex_vat: Money
    vat: VatScope
    clause: Clause
    basis: Basis

    @property
    def amount_incl_vat(self) -> Money:
        return self.amount_ex_vat + self.vat.vat_on(self.amount_ex_vat)


def read_fees(r: Reader) -> tuple[Fee, ...]:
    """Fees by kind, each `{ amount = "100.00", vat = "outside", clause = …, basis = … }`."""
    fees = []
    for kind in FeeKind:
        record = r.optional_section(kind.value)
        if record is None:
            continue
        amount = record.plain("amount", Amount(at_most=FEE_CAPS.get(kind)))
        vat = record.plain("vat", Choice(VatScope))
        clause, basis = record.provenance()
        fees.append(Fee(kind, amount, vat, clause, basis))
    return tuple(fees)
