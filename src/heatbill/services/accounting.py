"""Accounting read models: the GL export, the SAF-T Financial file and the reconciliation.

Periods are given as first and last day (inclusive, as people and SAF-T say them) and queried
half-open `[first, last + 1 day)`. Each export costs a fixed number of queries whatever the
size of the ledger: the period's journal (2), balances at its start and end (2 per kind), the
chart of accounts (1), the customers' register cards (1). Nothing is written or committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import version

from heatbill.adapters.db.ledger_queries import LedgerQueries
from heatbill.adapters.formats.gl_csv import GlLine, gl_lines, write_gl_csv
from heatbill.adapters.formats.saft_financial import (
    SaftAccount,
    SaftAddress,
    SaftAudit,
    SaftCompany,
    SaftCustomer,
    write_saft,
)
from heatbill.domain.errors import ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.ledger.accounts import DEFAULT_CHART, GlAccount
from heatbill.domain.ledger.reconciliation import Reconciliation, reconcile
from heatbill.domain.money import Money, total
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ExportFile:
    content: bytes
    lines: int
    debit: Money
    credit: Money


def chart_of(uow: UnitOfWork, utility_id: int) -> dict[Account, GlAccount]:
    """The utility's chart of accounts for every internal account (default where unmapped)."""
    stored = uow.utilities.account_map(utility_id)
    return {account: stored.get(account, DEFAULT_CHART[account]) for account in Account}


def _check_period(first: date, last: date) -> None:
    if last < first:
        raise ValidationError(
            say("accounting.cli.bad_period", start=f"{first:%d-%m-%Y}", end=f"{last:%d-%m-%Y}")
        )


def gl_export(uow: UnitOfWork, utility_id: int, first: date, last: date) -> ExportFile:
    """The period's journal through the utility's chart, as the bookkeeping CSV."""
    _check_period(first, last)
    entries = LedgerQueries(uow.connection, utility_id).journal_between(first, last + DAY)
    lines = gl_lines(entries, chart_of(uow, utility_id))
    return ExportFile(write_gl_csv(lines), len(lines), *_sides(lines))


def _sides(lines: list[GlLine]) -> tuple[Money, Money]:
    debit = total(line.amount for line in lines if line.amount.ore > 0)
    return debit, -total(line.amount for line in lines if line.amount.ore < 0)


def saft_export(
    uow: UnitOfWork, utility_id: int, first: date, last: date, created_on: date
) -> ExportFile:
    """The SAF-T Financial file of the period (balances at its start and end, every entry)."""
    _check_period(first, last)
    queries = LedgerQueries(uow.connection, utility_id)
    chart = chart_of(uow, utility_id)
    entries = queries.journal_between(first, last + DAY)
    audit = SaftAudit(
        company=_company(uow, utility_id),
        start=first,
        end=last,
        created_on=created_on,
        software_version=version("heatbill"),
        accounts=_accounts(queries, chart, first, last),
        customers=_customers(queries, first, last),
        entries=entries,
        gl_numbers={account.value: gl.number for account, gl in chart.items()},
    )
    postings = [p for booked in entries for p in booked.entry.postings]
    return ExportFile(
        write_saft(audit),
        len(entries),
        total(p.debit for p in postings),
        total(p.credit for p in postings),
    )


def _company(uow: UnitOfWork, utility_id: int) -> SaftCompany:
    found = next(u for u in uow.utilities.all() if u.utility_id == utility_id)
    return SaftCompany(found.name, found.cvr, SaftAddress.parse(found.address))


def _accounts(
    queries: LedgerQueries, chart: dict[Account, GlAccount], first: date, last: date
) -> list[SaftAccount]:
    """One per GL number of the chart, summing the internal accounts mapped onto it."""
    opening = queries.account_balances_before(first)
    closing = queries.account_balances_before(last + DAY)
    by_number: dict[str, SaftAccount] = {}
    for account, gl in chart.items():
        known = by_number.get(gl.number)
        start = opening.get(account, Money(0))
        end = closing.get(account, Money(0))
        if known is not None:
            start, end = start + known.opening, end + known.closing
        by_number[gl.number] = SaftAccount(
            known.gl if known else gl, known.kind if known else account.kind, start, end
        )
    return [by_number[number] for number in sorted(by_number)]


def _customers(queries: LedgerQueries, first: date, last: date) -> list[SaftCustomer]:
    opening = queries.customer_balances_before(first)
    closing = queries.customer_balances_before(last + DAY)
    cards = queries.customer_cards()
    customers: list[SaftCustomer] = []
    for customer_id in sorted(set(opening) | set(closing)):
        card = cards.get(customer_id)
        customers.append(
            SaftCustomer(
                customer_id=customer_id,
                name=card.name
                if card
                else say("accounting.customer_unknown", customer_id=customer_id),
                cvr=card.cvr if card else None,
                address=SaftAddress(card.street, card.postcode, card.city)
                if card
                else SaftAddress("", "", ""),
                opening=opening.get(customer_id, Money(0)),
                closing=closing.get(customer_id, Money(0)),
            )
        )
    return customers


def reconciliation(uow: UnitOfWork, utility_id: int, on: date) -> Reconciliation:
    """Subledger balance, open items and GL control account on `on` (end of day)."""
    queries = LedgerQueries(uow.connection, utility_id)
    residuals: dict[int, Money] = {}
    for item, residual in queries.open_items_before(on + DAY):
        residuals[item.customer_id] = residuals.get(item.customer_id, Money(0)) + residual
    return reconcile(
        on,
        subledger=queries.customer_balances_before(on + DAY),
        open_items=residuals,
        balances=queries.account_balances_before(on + DAY),
        chart=chart_of(uow, utility_id),
    )
