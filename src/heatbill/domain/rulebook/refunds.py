"""The rulebook's `[refunds]` section: when money to the customer's good is paid out.

A credit on the customer's account (an overpayment, a credit note) is proposed for payout only
from `minimum` on; a smaller one stays on the account and the next bill uses it (SPEC.md
Payments, issue 5 item 4). None of the source documents names an amount, so every preset
marks its minimum as illustrative: the utility sets its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from heatbill.domain.money import Money
from heatbill.domain.rulebook.kinds import Amount
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled


@dataclass(frozen=True, slots=True)
class Refunds:
    """Refunds (tilbagebetalinger) out to the customer."""

    minimum: Ruled[Money]
    """The smallest credit (kroner, incl. VAT as booked) proposed for payout; below it the
    credit waits for the next bill."""


def read_refunds(r: Reader) -> Refunds:
    return Refunds(minimum=r.ruled("minimum", Amount()))
