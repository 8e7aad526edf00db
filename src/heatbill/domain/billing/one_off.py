"""One-off charges (enkeltstående gebyrer) from the tariff sheet's fees, and their refund.

Works at the owner's expense (moving main valves and meter for a building over the service
pipe, `vestervig 2.13`; relaying a pipe grown too small, `2.14`), readings and meter tests
the customer asks for (`5.8`, `5.10`) and the like are billed one at a time, each on a bill of
its own with one line. The line counts one of its fee kind (`unit` is the kind), so a bill
tells what it charged. Works at actual cost (`2.14`: "De faktiske udgifter") take the cost
instead of a sheet amount, with the sheet fee's VAT scope and clause or else the standard 25 %
and the document's clause.

`vestervig 5.11` / `solrod 5.7`: when a tested meter lies outside the permitted deviation, the
utility bears the cost of the test and of the reading — the charges are credited in full, by a
correction's credit note.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.correction import credit_note_for
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money
from heatbill.domain.rulebook import ClauseError, parse_clause
from heatbill.domain.tariff import Fee, FeeKind, VatScope
from heatbill.wording import say

ONE_OFF_KINDS: Final = frozenset(
    {
        FeeKind.EXTRA_READING,
        FeeKind.METER_TEST,
        FeeKind.PIPE_RELOCATION,
        FeeKind.PIPE_ENLARGEMENT,
        FeeKind.METER_REMOVAL,
        FeeKind.METER_REFITTING,
        FeeKind.BILL_COPY,
        FeeKind.PIPE_LOCATION,
        FeeKind.MISSED_APPOINTMENT,
    }
)
"""Fees billed on their own; dunning and move-statement fees are billed by their own runs."""

AT_COST: Final = MappingProxyType(
    {FeeKind.PIPE_RELOCATION: "2.13", FeeKind.PIPE_ENLARGEMENT: "2.14"}
)
"""Works the conditions put at the owner's actual cost, by the section that says so in both
`vestervig` and `solrod` (Dansk Fjernvarme's standard numbering)."""

REFUNDED_OUTSIDE_TOLERANCE: Final = frozenset({FeeKind.METER_TEST, FeeKind.EXTRA_READING})
"""What the utility bears when a tested meter is outside tolerance (`vestervig 5.11`)."""


def one_off_line(
    kind: FeeKind, fee: Fee | None, note: str, *, cost: Money | None = None, document: str
) -> BillLine:
    """The one line of a charge of `kind`: the sheet's `fee`, or `cost` (excluding VAT) for
    works at actual cost; `note` (why, what was done) follows the fee's name. `document` is
    the sheet's document, cited for works at cost when the sheet has no fee of the kind."""
    name = say(f"rulebook.fee.{kind.value}")
    if kind not in ONE_OFF_KINDS:
        raise ValidationError(say("charge.not_one_off", fee=name))
    if cost is None:
        if fee is None:
            raise NotFoundError(say("charge.not_on_sheet", fee=name))
        amount, scope, clause = fee.amount_ex_vat, fee.vat, str(fee.clause)
    else:
        if kind not in AT_COST or not cost.is_positive:
            raise ValidationError(say("charge.cost_not_allowed", fee=name))
        amount = cost
        scope = VatScope.STANDARD if fee is None else fee.vat
        clause = _works_clause(kind, document) if fee is None else str(fee.clause)
    text = f"{name}: {note.strip()}" if note.strip() else name
    return BillLine(
        text,
        amount,
        scope.vat_on(amount),
        Account.FEE_REVENUE,
        clause,
        Decimal(1),
        kind.value,
        amount.as_decimal_kroner(),
    )


def _works_clause(kind: FeeKind, document: str) -> str:
    try:
        return str(parse_clause(f"{document} {AT_COST[kind]}"))
    except ClauseError:
        raise ValidationError(
            say("charge.no_works_clause", fee=say(f"rulebook.fee.{kind.value}"), document=document)
        ) from None


def charged_kind(bill: Bill) -> FeeKind | None:
    """The fee kind a one-off charge bill charged, or None for any other bill."""
    if bill.kind is not BillKind.CHARGE or len(bill.lines) != 1:
        return None
    unit = bill.lines[0].unit
    return FeeKind(unit) if unit in {k.value for k in ONE_OFF_KINDS} else None


def refund_of(charge: Bill, issue_date: date) -> Bill:
    """The credit note that gives a meter test, or the reading taken for it, back in full
    (`vestervig 5.11`): a correction's credit note (`correction.credit_note_for`) — every line
    negated, same installation, period and revision, linked to the charge."""
    if charged_kind(charge) not in REFUNDED_OUTSIDE_TOLERANCE:
        raise ValidationError(say("charge.not_refundable", number=charge.number))
    return credit_note_for(charge, issue_date)
