"""Open items (åbne poster): one per claim on the receivables account, or per customer credit.

An open item's residual is the sum of the receivables postings that reference it: the charge
that opened it, the payments and clearings that reduced it, and any reversal of those. So
"open items sum to the balance" holds by construction, and a reversed payment reopens exactly
the items it had cleared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class OpenItemKind(StrEnum):
    """What a claim is; the clearing order in a rulebook names these kinds."""

    PRINCIPAL = "principal"
    """Heat: installments, settlements, move settlements, other charges for supply."""
    FEE = "fee"
    INTEREST = "interest"
    CREDIT = "credit"
    """Money the customer has to good: an overpayment or a refund not yet paid out."""


@dataclass(frozen=True, slots=True)
class OpenItem:
    """A claim (or credit) against one customer, created together with its first posting."""

    open_item_id: int
    customer_id: int
    kind: OpenItemKind
    due_date: date
    reference: str
    """What the customer sees: bill number, fee name, 'Overskydende beløb'."""
    clause: str | None = None
