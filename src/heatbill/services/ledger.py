"""Ledger use cases: book entries, reverse one, take in a payment, read the trial balance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.domain.ledger import Account, JournalEntry, payment_entry
from heatbill.domain.ledger.accounts import DEFAULT_CHART, GlAccount
from heatbill.domain.ledger.clearing import DEFAULT_ORDER
from heatbill.domain.ledger.open_items import OpenItemKind
from heatbill.domain.money import Money
from heatbill.services.unit_of_work import UnitOfWork


def post_entries(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    entries: Sequence[JournalEntry],
    run_id: int | None = None,
) -> list[int]:
    """Book entries in one transaction; entries already booked (same key) are not repeated."""
    ids = uow.ledger(utility_id).post_many(entries, created_at=clock.now(), run_id=run_id)
    uow.commit()
    return ids


@dataclass(frozen=True, slots=True)
class ReverseEntry:
    utility_id: int
    entry_id: int
    booking_date: date
    why: str


def reverse_entry(command: ReverseEntry, uow: UnitOfWork, clock: Clock) -> int:
    """Correct an entry the only way the ledger allows: a reversal that points at it."""
    reversal_id = uow.ledger(command.utility_id).reverse(
        command.entry_id,
        command.booking_date,
        command.why,
        created_at=clock.now(),
        idempotency_key=f"reversal:{command.entry_id}",
    )
    uow.commit()
    return reversal_id


@dataclass(frozen=True, slots=True)
class RecordPayment:
    utility_id: int
    customer_id: int
    amount: Money
    booking_date: date
    description: str
    idempotency_key: str
    order: tuple[OpenItemKind, ...] = DEFAULT_ORDER


def record_payment(command: RecordPayment, uow: UnitOfWork, clock: Clock) -> int:
    """Take in a customer's payment, clearing their open items in the rulebook's order."""
    ledger = uow.ledger(command.utility_id)
    entry = payment_entry(
        customer_id=command.customer_id,
        amount=command.amount,
        booking_date=command.booking_date,
        open_items=ledger.open_items(command.customer_id),
        credit_item_id=ledger.new_open_item_ids(1)[0],
        description=command.description,
        order=command.order,
        idempotency_key=command.idempotency_key,
    )
    entry_id = ledger.post(entry, created_at=clock.now())
    uow.commit()
    return entry_id


@dataclass(frozen=True, slots=True)
class TrialBalanceLine:
    account: Account
    gl: GlAccount
    debit: Money
    credit: Money


def trial_balance(uow: UnitOfWork, utility_id: int) -> list[TrialBalanceLine]:
    """Balance per account, in the utility's own chart of accounts (råbalance)."""
    chart = uow.utilities.account_map(utility_id) or DEFAULT_CHART
    balances = uow.ledger(utility_id).account_balances()
    lines = [
        TrialBalanceLine(
            account=account,
            gl=chart.get(account, DEFAULT_CHART[account]),
            debit=amount if amount.ore > 0 else Money(0),
            credit=-amount if amount.ore < 0 else Money(0),
        )
        for account, amount in balances.items()
    ]
    return sorted(lines, key=lambda line: line.gl.number)
