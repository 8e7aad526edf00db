"""A write-off of a bad debt (tab på debitorer) with its VAT relief — pure.

momsloven § 27, stk. 5: on an established loss on a claim the utility may deduct the output VAT
the loss contains. What is written off of a VAT-bearing item (a heat bill at 25 %, a
standard-rated fee such as the reopening, DANISH-RULES "VAT on fees") carries the share of VAT
that item was billed with; fees outside VAT (reminder, collection notice, closing visit), the
VAT-exempt plan fee and late interest carry none. The relief goes back on VAT_PAYABLE on a
posting line of its own, the rest to BAD_DEBT; the shares are exact per item and the sum is
rounded once, half-up to øre. A reversal of the write-off reverses the relief with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.domain.ledger.accounts import Account
from heatbill.domain.ledger.entry import JournalEntry, Posting, Reason
from heatbill.domain.money import Money, round_ore

VAT_RELIEF_CLAUSE = "momsloven § 27, stk. 5"


@dataclass(frozen=True, slots=True)
class BilledVat:
    """What an open item was billed with: its amount incl. VAT and the VAT in it (øre)."""

    billed: Money
    vat: Money

    def share_of(self, amount: Money) -> Decimal:
        """The exact VAT (øre) in `amount` of this item."""
        if not self.billed.is_positive or not self.vat.is_positive:
            return Decimal(0)
        return Decimal(amount.ore) * self.vat.ore / self.billed.ore


def vat_relief(written_off: Sequence[tuple[int, Money]], billed: Mapping[int, BilledVat]) -> Money:
    """The output VAT contained in what is written off of each item (item id, amount)."""
    none = BilledVat(Money(0), Money(0))
    return round_ore(sum((billed.get(i, none).share_of(a) for i, a in written_off), Decimal(0)))


def write_off_entry(  # noqa: PLR0917 - the write-off's facts
    on: date,
    description: str,
    customer_id: int,
    written_off: Sequence[tuple[int, Money]],
    billed: Mapping[int, BilledVat],
    idempotency_key: str,
) -> JournalEntry:
    """Receivables cleared item by item, against BAD_DEBT and the VAT relief."""
    amount = sum((a for _, a in written_off), Money(0))
    relief = vat_relief(written_off, billed)
    postings = [Posting(Account.BAD_DEBT, amount - relief)]
    if relief.is_positive:
        postings.append(Posting(Account.VAT_PAYABLE, relief))
    postings += [Posting(Account.RECEIVABLES, -a, customer_id, i) for i, a in written_off]
    return JournalEntry(
        on, Reason.WRITE_OFF, description, tuple(postings),
        clause=VAT_RELIEF_CLAUSE if relief.is_positive else None,
        idempotency_key=idempotency_key,
    )  # fmt: skip
