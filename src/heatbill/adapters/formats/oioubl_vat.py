"""The VAT a bill booked, carried into its e-invoice (`oioubl.Line.given_vat`), and the rule it
must keep.

heatbill computes a bill's VAT once, on the sum of its lines, and spreads it over the lines
(`Charges.line_vat`); the settlement's line for installments billed carries the installments'
own VAT. Written as booked, the e-invoice's totals are the bill's to the øre; recomputed per
line they could differ by an øre or two. A receiver's validation allows a tax amount within
1 kr. of taxable amount × rate on every TaxSubtotal (e.g. the BII rule EUGEN-T14-R042), which
is the rule here: on each line (each line carries its own TaxSubtotal) and in each category.
A zero-rated line carries no VAT.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from heatbill.domain.money import ORE_PER_KRONE, Money
from heatbill.wording import say

if TYPE_CHECKING:
    from heatbill.adapters.formats.oioubl import EInvoice

TOLERANCE_ORE: Final = ORE_PER_KRONE
"""Strictly less than 1 kr. off amount × rate."""


def given_vat_problems(document: EInvoice) -> list[str]:
    """What is wrong with the given VAT of a document's lines (nothing when none is given)."""
    given = [(n, line) for n, line in enumerate(document.lines, 1) if line.given_vat is not None]
    problems = []
    for number, line in given:
        vat = line.vat_amount
        if not line.vat.rate and vat:
            problems.append(
                say(
                    "oioubl.given_vat_zero_rated",
                    number=number,
                    description=line.description,
                    vat=vat.format_da(),
                )
            )
        elif _off(line.amount, vat, line.vat.rate):
            problems.append(
                _off_by(f"{number} ({line.description})", line.amount, vat, line.vat.rate)
            )
    if given:
        for category, taxable, vat in document.subtotals():
            if _off(taxable, vat, category.rate):
                problems.append(_off_by(str(category), taxable, vat, category.rate))
    return problems


def _off(amount: Money, vat: Money, rate: Decimal) -> bool:
    return abs(Decimal(vat.ore) - amount.exact_times(rate)) >= TOLERANCE_ORE


def _off_by(what: str, amount: Money, vat: Money, rate: Decimal) -> str:
    percent = format((rate * 100).normalize(), "f")
    return say(
        "oioubl.given_vat_off",
        what=what,
        vat=vat.format_da(),
        rate=percent,
        amount=amount.format_da(),
    )
