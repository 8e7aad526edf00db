"""Customer reports (issue 5, item 6): the statement (kontoudtog) and the debtor list.

Read models: they query directly, compute in memory with the pure domain and write nothing.
Periods are given as first and last day (inclusive) and queried half-open `[first, last + 1)`;
"on a date" means at the end of that day. The debtor list is four queries however many
customers the utility has: balances, open items, register cards — and nothing per customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.adapters.db.ledger_queries import LedgerQueries
from heatbill.adapters.db.report_queries import ReportQueries
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.ledger.debtors import DebtorCard, DebtorLine, debtor_list
from heatbill.domain.ledger.statement import Statement, build_statement
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class CustomerStatement:
    statement: Statement
    card: DebtorCard | None
    """The customer's register card; None for an account booked without one."""


def statement_report(
    uow: UnitOfWork, utility_id: int, customer_id: int, first: date, last: date
) -> CustomerStatement:
    """The customer's account over `first`..`last`: balances, movements and open items."""
    if last < first:
        raise ValidationError(
            say("accounting.cli.bad_period", start=f"{first:%d-%m-%Y}", end=f"{last:%d-%m-%Y}")
        )
    queries = ReportQueries(uow.connection, utility_id)
    card = queries.debtor_cards(customer_id).get(customer_id)
    entries = queries.entries_between(customer_id, first, last + DAY)
    items = queries.items_of(customer_id, last + DAY)
    if card is None and not items:
        raise NotFoundError(say("reports.customer_unknown", customer=customer_id))
    opening, closing = queries.balances_before(customer_id, first, last + DAY)
    statement = build_statement(
        customer_id,
        first,
        last,
        opening=opening,
        closing=closing,
        entries=entries,
        items=items,
    )
    return CustomerStatement(statement, card)


def customer_by_installation(uow: UnitOfWork, utility_id: int, number: str, on: date) -> int:
    """The installation's customer on `on` (else its last customer before that day)."""
    found = ReportQueries(uow.connection, utility_id).customer_of_installation(number, on)
    if found is None:
        day = f"{on:%d-%m-%Y}"
        raise NotFoundError(say("reports.installation_without_customer", number=number, on=day))
    return found


def debtors_report(uow: UnitOfWork, utility_id: int, on: date) -> list[DebtorLine]:
    """Every customer whose account is not square at the end of `on`."""
    ledger = LedgerQueries(uow.connection, utility_id)
    return debtor_list(
        on,
        balances=ledger.customer_balances_before(on + DAY),
        items=ledger.open_items_before(on + DAY),
        cards=ReportQueries(uow.connection, utility_id).debtor_cards(),
    )
