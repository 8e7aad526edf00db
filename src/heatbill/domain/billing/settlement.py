"""Settlements (pure): the annual settlement (årsafregning) and the move settlement
(flytteafregning) — actual charges minus the installments billed, and what becomes of the
difference.

`4rater`: an amount owed is collected with installment 2; a refund larger than installment 2 is
paid out (NemKonto / Betalingsservice), a smaller one is set off against it. Where the rulebook
does not set refunds off (`refund_offset_against_next_installment` false), every refund is paid
out. A move settlement's balance stays with the leaving customer (`vestervig 6.9`): owed, it is
billed to them; to good, it is paid out to them (`4rater`: "Overskydende beløb tilbagebetales
på oplyste konto").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.money import Money


class Disposition(StrEnum):
    COLLECT = "collect"
    """Owed: billed with the next installment (or on its own for a move)."""
    SET_OFF = "set_off"
    """To good, and not more than the next installment: set off against it (`4rater`)."""
    PAY_OUT = "pay_out"
    """To good: paid out to the customer's account."""
    NOTHING = "nothing"


@dataclass(frozen=True, slots=True)
class SettlementResult:
    actual: Money
    """The period's charges at the prices in force, incl. VAT."""
    installments_billed: Money
    """What the customer was billed on account for the same period, incl. VAT."""
    disposition: Disposition
    due: date | None
    """When an amount owed falls due (the next installment's due date, or the bill's)."""

    @property
    def balance(self) -> Money:
        """Positive: the customer owes; negative: the customer has money to good."""
        return self.actual - self.installments_billed


def settle_year(
    actual: Money,
    installments_billed: Money,
    *,
    next_installment: Money | None,
    next_due: date | None,
    offset_against_next: bool,
) -> SettlementResult:
    """The annual settlement: owed → collected with the next installment; a refund set off
    against the next installment when it is not larger, else paid out (`4rater`)."""
    balance = actual - installments_billed
    if balance.ore == 0:
        return SettlementResult(actual, installments_billed, Disposition.NOTHING, None)
    if balance.ore > 0:
        return SettlementResult(actual, installments_billed, Disposition.COLLECT, next_due)
    refund = -balance
    if offset_against_next and next_installment is not None and refund <= next_installment:
        return SettlementResult(actual, installments_billed, Disposition.SET_OFF, next_due)
    return SettlementResult(actual, installments_billed, Disposition.PAY_OUT, None)


def settle_move(actual: Money, installments_billed: Money, due: date) -> SettlementResult:
    """The move settlement: the leaving customer pays what is owed by `due`, or is paid out."""
    balance = actual - installments_billed
    if balance.ore == 0:
        disposition = Disposition.NOTHING
    elif balance.ore > 0:
        disposition = Disposition.COLLECT
    else:
        disposition = Disposition.PAY_OUT
    return SettlementResult(
        actual,
        installments_billed,
        disposition,
        due if disposition is Disposition.COLLECT else None,
    )
