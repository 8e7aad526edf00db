"""GL export, SAF-T and the reconciliation on SQLite and PostgreSQL, from a booked ledger.

The story (kr.): three installments of 1.000,00 (800,00 heat + 200,00 VAT) on 2 March;
customer 201 pays in full by Betalingsservice and the bank charges it back on 20 March,
202 pays 400,00 of it, 203 pays 1.250,00 (250,00 kept as a credit); on 25 March 202 gets a
credit note of 100,00 on the installment. On 31 March the subledger is 1.000 + 500 − 250 =
1.250,00; on 19 March, before the charge-back, it is 250,00.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.ledger_queries import LedgerQueries
from heatbill.adapters.formats.gl_csv import gl_lines
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.ledger.ageing import AgeBucket, totals
from heatbill.domain.money import Money
from heatbill.services.accounting import (
    chart_of,
    gl_export,
    reconciliation,
    saft_export,
)
from heatbill.services.debtor_reports import ageing_report
from heatbill.services.ledger import (
    RecordPayment,
    ReverseEntry,
    post_entries,
    record_payment,
    reverse_entry,
)
from heatbill.services.unit_of_work import UnitOfWork

CHARGED = date(2026, 3, 2)
PAID = date(2026, 3, 16)
CLOCK = FixedClock(datetime(2026, 4, 1, 9, tzinfo=UTC))
NS = {"s": "urn:StandardAuditFile-Taxation-Financial:DK"}


def book_story(engine: Engine, utility_id: int) -> dict[int, int]:
    """Book the story; returns the installment's open item per customer."""
    items: dict[int, int] = {}
    with UnitOfWork(engine) as uow:
        ids = uow.ledger(utility_id).new_open_item_ids(3)
        entries = []
        for customer, item in zip((201, 202, 203), ids, strict=True):
            items[customer] = item
            entries.append(
                JournalEntry(
                    CHARGED,
                    Reason.INSTALLMENT,
                    f"Acontorate 2/2026, kunde {customer}",
                    (
                        Posting(Account.RECEIVABLES, Money(100000), customer, item),
                        Posting(Account.HEAT_REVENUE, Money(-80000)),
                        Posting(Account.VAT_PAYABLE, Money(-20000)),
                    ),
                    idempotency_key=f"rate:{customer}",
                    new_open_items=(
                        OpenItem(item, customer, OpenItemKind.PRINCIPAL, date(2026, 3, 17), "R2"),
                    ),
                )
            )
        post_entries(uow, CLOCK, utility_id, entries)
    payments = {}
    for customer, ore in ((201, 100000), (202, 40000), (203, 125000)):
        with UnitOfWork(engine) as uow:
            payments[customer] = record_payment(
                RecordPayment(
                    utility_id, customer, Money(ore), PAID, "Indbetaling", f"pay:{customer}"
                ),
                uow,
                CLOCK,
            )
    with UnitOfWork(engine) as uow:
        reverse_entry(
            ReverseEntry(utility_id, payments[201], date(2026, 3, 20), "Tilbageført (0239)"),
            uow,
            CLOCK,
        )
    credit_note = JournalEntry(
        date(2026, 3, 25),
        Reason.CHARGE,
        "Kreditnota, kunde 202",
        (
            Posting(Account.RECEIVABLES, Money(-10000), 202, items[202]),
            Posting(Account.HEAT_REVENUE, Money(8000)),
            Posting(Account.VAT_PAYABLE, Money(2000)),
        ),
        idempotency_key="credit:202",
    )
    with UnitOfWork(engine) as uow:
        post_entries(uow, CLOCK, utility_id, [credit_note])
    return items


def test_the_reconciliation_balances_with_payments_a_reversal_and_a_credit(
    engine: Engine, utility_id: int
) -> None:
    book_story(engine, utility_id)
    with UnitOfWork(engine, write=False) as uow:
        end_of_march = reconciliation(uow, utility_id, date(2026, 3, 31))
        before_chargeback = reconciliation(uow, utility_id, date(2026, 3, 19))
        before_anything = reconciliation(uow, utility_id, date(2026, 3, 1))
    assert end_of_march.balanced
    assert end_of_march.subledger == end_of_march.open_items == end_of_march.control
    assert end_of_march.subledger == Money(125000)
    assert end_of_march.control_account.number == "5600"
    assert before_chargeback.balanced
    assert before_chargeback.subledger == Money(35000)
    assert before_anything.balanced
    assert before_anything.subledger == Money(0)


def test_the_gl_export_maps_the_period_through_the_chart(engine: Engine, utility_id: int) -> None:
    book_story(engine, utility_id)
    with UnitOfWork(engine, write=False) as uow:
        exported = gl_export(uow, utility_id, date(2026, 3, 1), date(2026, 3, 31))
        later = gl_export(uow, utility_id, date(2026, 3, 17), date(2026, 3, 31))
        booked = LedgerQueries(uow.connection, utility_id).journal_between(
            date(2026, 3, 1), date(2026, 4, 1)
        )
        lines = gl_lines(booked, chart_of(uow, utility_id))
    text = exported.content.decode("utf-8-sig").splitlines()
    assert text[0] == "Dato;Bilag;Tekst;Konto;Beløb;Momskode"
    assert exported.debit == exported.credit
    assert exported.lines == len(text) - 1 == 20  # 3 × 3 + 3 × 2 + 2 + 3
    on_control = sum(line.amount.ore for line in lines if line.gl.number == "5600")
    assert on_control == 125000
    assert later.lines == 2 + 3  # the charge-back and the credit note
    assert "02-03-2026;" in text[1]


def test_the_saft_file_carries_opening_and_closing_balances(
    engine: Engine, utility_id: int
) -> None:
    book_story(engine, utility_id)
    with UnitOfWork(engine, write=False) as uow:
        exported = saft_export(uow, utility_id, date(2026, 3, 17), date(2026, 3, 31), PAID)
    root = ET.fromstring(exported.content)
    assert exported.lines == len(root.findall(".//s:Transaction", NS)) == 2
    assert exported.debit == exported.credit == Money(110000)
    customers = {c.findtext("s:CustomerID", "", NS): c for c in root.iterfind(".//s:Customer", NS)}
    assert set(customers) == {"201", "202", "203"}
    assert customers["201"].findtext("s:OpeningDebitBalance", "", NS) == "0.00"
    assert customers["201"].findtext("s:ClosingDebitBalance", "", NS) == "1000.00"
    assert customers["203"].findtext("s:ClosingCreditBalance", "", NS) == "250.00"
    assert customers["201"].findtext("s:Name", "", NS) == "Kunde 201"
    control = next(
        a for a in root.iterfind(".//s:Account", NS) if a.findtext("s:AccountID", "", NS) == "5600"
    )
    assert control.findtext("s:OpeningDebitBalance", "", NS) == "350.00"
    assert control.findtext("s:ClosingDebitBalance", "", NS) == "1250.00"
    company = root.find("s:Header/s:Company", NS)
    assert company is not None
    assert company.findtext("s:Address/s:PostalCode", "", NS) == "2680"


def test_the_queries_read_open_items_as_they_stood_on_a_date(
    engine: Engine, utility_id: int
) -> None:
    items = book_story(engine, utility_id)
    with UnitOfWork(engine, write=False) as uow:
        queries = LedgerQueries(uow.connection, utility_id)
        on_19th = {i.open_item_id: r for i, r in queries.open_items_before(date(2026, 3, 20))}
        on_31st = {i.open_item_id: r for i, r in queries.open_items_before(date(2026, 4, 1))}
        assert queries.customer_cards() == {}
    assert items[201] not in on_19th
    assert on_31st[items[201]] == Money(100000)
    assert on_31st[items[202]] == Money(50000)


def test_the_ageing_adds_up_to_the_reconciled_subledger(engine: Engine, utility_id: int) -> None:
    book_story(engine, utility_id)
    with UnitOfWork(engine, write=False) as uow:
        lines = ageing_report(uow, utility_id, date(2026, 4, 30))
        reconciled = reconciliation(uow, utility_id, date(2026, 4, 30))
    assert totals(lines).total == reconciled.subledger == Money(125000)
    by_customer = {line.customer_id: line for line in lines}
    assert by_customer[201].amount(AgeBucket.DAYS_31_60) == Money(100000)  # due 17 March
    assert by_customer[203].amount(AgeBucket.CREDIT) == Money(-25000)
