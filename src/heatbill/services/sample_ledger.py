"""A small, explainable sample ledger for the demo utility (until the simulated year exists).

Five customers are billed installment 1 of the year (Solrød: four a-conto bills, `solrod 6.1`,
charged on the first bank day, `4rater`), and then: one pays in full, one pays part, one pays
too much (a credit), one pays by Betalingsservice and the bank charges it back (a reversal
reopens the bill), and one does not pay and gets a reminder with its fee (`solrod 6.4`).
Every entry carries the clause behind it and an idempotency key, so building it twice books
nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.ledger.clearing import payment_entry
from heatbill.domain.money import Money, allocate
from heatbill.services.unit_of_work import UnitOfWork

VAT_SHARE_OF_GROSS = Decimal(1) / Decimal(5)
"""25 % VAT on the net is one fifth of the gross amount."""

REMINDER_FEE = Money.kroner(100)
"""Reminder fee, outside VAT (DANISH-RULES: the typical fee table; renteloven § 9 b cap)."""


@dataclass(frozen=True, slots=True)
class SampleCustomer:
    customer_id: int
    name: str
    annual_budget: Money
    pays: str
    """'full', 'part', 'over', 'charged_back' or 'none'."""


SAMPLE_CUSTOMERS = (
    SampleCustomer(1001, "Anne Jensen", Money.kroner("15600.00"), "full"),
    SampleCustomer(1002, "Bo Nielsen", Money.kroner("18250.00"), "part"),
    SampleCustomer(1003, "Carla Hansen", Money.kroner("12400.00"), "over"),
    SampleCustomer(1004, "Dan Pedersen", Money.kroner("21000.00"), "charged_back"),
    SampleCustomer(1005, "Eva Larsen", Money.kroner("16900.00"), "none"),
)


def installment_entry(
    customer: SampleCustomer, item_id: int, charge_date: date, due: date
) -> JournalEntry:
    """Installment 1 of 4: a quarter of the budget, heat net and VAT booked apart."""
    gross = allocate(customer.annual_budget, [1, 1, 1, 1])[0]
    vat = gross.times(VAT_SHARE_OF_GROSS)
    reference = f"Acontorate 1/{charge_date.year}"
    return JournalEntry(
        booking_date=charge_date,
        reason=Reason.INSTALLMENT,
        description=f"{reference}, kunde {customer.customer_id}",
        clause="solrod 6.1",
        idempotency_key=f"demo:installment:{charge_date.year}-1:{customer.customer_id}",
        postings=(
            Posting(Account.RECEIVABLES, gross, customer.customer_id, item_id),
            Posting(Account.HEAT_REVENUE, -(gross - vat)),
            Posting(Account.VAT_PAYABLE, -vat),
        ),
        new_open_items=(
            OpenItem(
                item_id, customer.customer_id, OpenItemKind.PRINCIPAL, due, reference, "solrod 6.1"
            ),
        ),
    )


def reminder_fee_entry(customer: SampleCustomer, item_id: int, on: date, due: date) -> JournalEntry:
    return JournalEntry(
        booking_date=on,
        reason=Reason.FEE,
        description=f"Rykkergebyr, kunde {customer.customer_id}",
        clause="solrod 6.4",
        idempotency_key=f"demo:reminder-fee:{on.year}-1:{customer.customer_id}",
        postings=(
            Posting(Account.RECEIVABLES, REMINDER_FEE, customer.customer_id, item_id),
            Posting(Account.FEE_REVENUE, -REMINDER_FEE),
        ),
        new_open_items=(
            OpenItem(
                item_id, customer.customer_id, OpenItemKind.FEE, due, "Rykkergebyr", "solrod 6.4"
            ),
        ),
    )


def build_sample_ledger(
    uow: UnitOfWork, clock: Clock, calendar: BankCalendar, utility_id: int, year: int
) -> None:
    """Book the sample story for `year` in one transaction (again: nothing new is booked)."""
    ledger = uow.ledger(utility_id)
    charge_date = calendar.nth_bank_day_of_month(year, 1, 1)
    due = calendar.due_at_least(charge_date, 14, across_month_end=True)
    item_ids = ledger.new_open_item_ids(len(SAMPLE_CUSTOMERS) * 2 + 1)
    installments = [
        installment_entry(c, item_ids[i], charge_date, due) for i, c in enumerate(SAMPLE_CUSTOMERS)
    ]
    ledger.post_many(installments, created_at=clock.now())
    paid_on = due - timedelta(days=2)
    payment_ids: dict[int, int] = {}
    for n, customer in enumerate(SAMPLE_CUSTOMERS):
        amount = _payment_amount(customer, installments[n].postings[0].amount)
        if amount is None:
            continue
        entry = payment_entry(
            customer_id=customer.customer_id,
            amount=amount,
            booking_date=paid_on,
            open_items=ledger.open_items(customer.customer_id),
            credit_item_id=item_ids[len(SAMPLE_CUSTOMERS) + n],
            description=f"Indbetaling, kunde {customer.customer_id}",
            idempotency_key=f"demo:payment:{year}-1:{customer.customer_id}",
        )
        payment_ids[customer.customer_id] = ledger.post(entry, created_at=clock.now())
    charged_back = next(c for c in SAMPLE_CUSTOMERS if c.pays == "charged_back")
    ledger.reverse(
        payment_ids[charged_back.customer_id],
        calendar.following_bank_day(paid_on),
        "Betalingsservice-betaling afvist af pengeinstitut (0239)",
        created_at=clock.now(),
        idempotency_key=f"demo:chargeback:{year}-1:{charged_back.customer_id}",
    )
    reminder_day = due + timedelta(days=14)
    non_payer = next(c for c in SAMPLE_CUSTOMERS if c.pays == "none")
    ledger.post(
        reminder_fee_entry(non_payer, item_ids[-1], reminder_day, reminder_day + timedelta(10)),
        created_at=clock.now(),
    )
    uow.commit()


def _payment_amount(customer: SampleCustomer, billed: Money) -> Money | None:
    match customer.pays:
        case "full" | "charged_back":
            return billed
        case "part":
            return Money(billed.ore // 2)
        case "over":
            return billed + Money.kroner(250)
        case _:
            return None
