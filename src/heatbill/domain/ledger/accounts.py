"""The ledger's own accounts, and the default mapping to a utility's chart of accounts.

heatbill posts to a small fixed set of internal accounts; each utility maps them to the account
numbers of its own bookkeeping (kontoplan) for the GL export. Debit-positive amounts: an asset
or expense account's balance is its sum, a liability or income account's balance is minus it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AccountKind(StrEnum):
    ASSET = "asset"
    LIABILITY = "liability"
    INCOME = "income"
    EXPENSE = "expense"


class Account(StrEnum):
    """Internal account keys. Only RECEIVABLES carries open items."""

    RECEIVABLES = "receivables"
    """Debitorer: what customers owe (and credits they hold), one open item per claim."""
    BANK = "bank"
    HEAT_REVENUE = "heat_revenue"
    FIXED_CHARGE_REVENUE = "fixed_charge_revenue"
    FEE_REVENUE = "fee_revenue"
    INTEREST_REVENUE = "interest_revenue"
    VAT_PAYABLE = "vat_payable"
    """Udgående moms: VAT on heat and standard-rated fees."""
    DEPOSITS_HELD = "deposits_held"
    """Security deposits: a liability to the customer, never income (solrod 6.10, webinar)."""
    UNMATCHED_PAYMENTS = "unmatched_payments"
    """Payments awaiting clarification: never lost, never guessed."""
    REFUNDS_PAYABLE = "refunds_payable"
    BAD_DEBT = "bad_debt"

    @property
    def kind(self) -> AccountKind:
        return _KINDS[self]


_KINDS: dict[Account, AccountKind] = {
    Account.RECEIVABLES: AccountKind.ASSET,
    Account.BANK: AccountKind.ASSET,
    Account.HEAT_REVENUE: AccountKind.INCOME,
    Account.FIXED_CHARGE_REVENUE: AccountKind.INCOME,
    Account.FEE_REVENUE: AccountKind.INCOME,
    Account.INTEREST_REVENUE: AccountKind.INCOME,
    Account.VAT_PAYABLE: AccountKind.LIABILITY,
    Account.DEPOSITS_HELD: AccountKind.LIABILITY,
    Account.UNMATCHED_PAYMENTS: AccountKind.LIABILITY,
    Account.REFUNDS_PAYABLE: AccountKind.LIABILITY,
    Account.BAD_DEBT: AccountKind.EXPENSE,
}


@dataclass(frozen=True, slots=True)
class GlAccount:
    """A line of a utility's chart of accounts that an internal account maps to."""

    number: str
    name: str


DEFAULT_CHART: dict[Account, GlAccount] = {
    Account.RECEIVABLES: GlAccount("5600", "Debitorer, varmekunder"),
    Account.BANK: GlAccount("5820", "Bank"),
    Account.HEAT_REVENUE: GlAccount("1010", "Salg af varme, forbrug"),
    Account.FIXED_CHARGE_REVENUE: GlAccount("1020", "Faste afgifter og målerleje"),
    Account.FEE_REVENUE: GlAccount("1310", "Gebyrer"),
    Account.INTEREST_REVENUE: GlAccount("4410", "Renteindtægter, morarenter"),
    Account.VAT_PAYABLE: GlAccount("7300", "Salgsmoms"),
    Account.DEPOSITS_HELD: GlAccount("7100", "Depositum og sikkerhedsstillelser"),
    Account.UNMATCHED_PAYMENTS: GlAccount("5690", "Uafklarede indbetalinger"),
    Account.REFUNDS_PAYABLE: GlAccount("7150", "Tilbagebetalinger til kunder"),
    Account.BAD_DEBT: GlAccount("2810", "Tab på debitorer"),
}
"""The chart for a utility that has not mapped its own (Danish kontoplan style)."""
