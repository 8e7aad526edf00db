"""Reconciliation (afstemning) of the customer subledger on a date: three figures that agree.

1. The subledger balance: every posting on RECEIVABLES booked on or before the date.
2. The open items: the residuals of every open item on that date (charges, payments, clearings
   and reversals that reference it, booked on or before the date).
3. The GL control account (samlekonto) in the export: the balance on that date of the utility's
   GL account that RECEIVABLES maps to, summed over every internal account mapped to that same
   GL number — so a second account wrongly mapped onto the control account shows up here.

The first two are compared customer by customer; a customer whose figures differ is listed.
All amounts are debit-positive `Money` (a customer credit is negative).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from heatbill.domain.ledger.accounts import Account, GlAccount
from heatbill.domain.money import Money, total


@dataclass(frozen=True, slots=True)
class CustomerDifference:
    """A customer whose receivables postings and open items do not agree."""

    customer_id: int
    subledger: Money
    open_items: Money

    @property
    def difference(self) -> Money:
        return self.subledger - self.open_items


@dataclass(frozen=True, slots=True)
class Reconciliation:
    on: date
    subledger: Money
    open_items: Money
    control: Money
    control_account: GlAccount
    differences: tuple[CustomerDifference, ...]

    @property
    def balanced(self) -> bool:
        return self.subledger == self.open_items == self.control and not self.differences


def control_balance(
    balances: Mapping[Account, Money], chart: Mapping[Account, GlAccount]
) -> tuple[GlAccount, Money]:
    """The GL control account of RECEIVABLES and its balance over every account mapped to it."""
    control = chart[Account.RECEIVABLES]
    on_control = (
        amount for account, amount in balances.items() if chart[account].number == control.number
    )
    return control, total(on_control)


def reconcile(
    on: date,
    *,
    subledger: Mapping[int, Money],
    open_items: Mapping[int, Money],
    balances: Mapping[Account, Money],
    chart: Mapping[Account, GlAccount],
) -> Reconciliation:
    """Compare the three figures; `subledger` and `open_items` are per customer id."""
    customers = sorted(set(subledger) | set(open_items))
    differences = tuple(
        CustomerDifference(c, subledger.get(c, Money(0)), open_items.get(c, Money(0)))
        for c in customers
        if subledger.get(c, Money(0)) != open_items.get(c, Money(0))
    )
    account, control = control_balance(balances, chart)
    return Reconciliation(
        on=on,
        subledger=total(subledger.values()),
        open_items=total(open_items.values()),
        control=control,
        control_account=account,
        differences=differences,
    )
