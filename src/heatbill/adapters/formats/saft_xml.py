"""SAF-T (DK) building blocks: the namespace, elements in order, amounts and balances."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Final

from heatbill.domain.money import ORE_PER_KRONE, Money

NS: Final = "urn:StandardAuditFile-Taxation-Financial:DK"
VAT_CODE: Final = "U25"
"""heatbill's tax code for output VAT at the standard rate (udgående moms 25 %)."""
VAT_PERCENT: Final = "25.00"


def add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    """A child element in the SAF-T namespace, appended in document order."""
    child = ET.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        child.text = text
    return child


def amount(money: Money) -> str:
    """`1234.56`: SAF-T's monetary type, a decimal point, two places, no sign."""
    whole, frac = divmod(abs(money.ore), ORE_PER_KRONE)
    return f"{whole}.{frac:02d}"


def balance(parent: ET.Element, when: str, money: Money) -> None:
    """`OpeningDebitBalance`/`OpeningCreditBalance` (or Closing…): the side by the sign."""
    side = "Credit" if money.ore < 0 else "Debit"
    add(parent, f"{when}{side}Balance", amount(money))


def debit_or_credit(parent: ET.Element, money: Money) -> None:
    """A line's `DebitAmount` or `CreditAmount`, each an `Amount` inside."""
    side = add(parent, "CreditAmount" if money.ore < 0 else "DebitAmount")
    add(side, "Amount", amount(money))
