"""The ledger on SQLite and PostgreSQL: booking, idempotency, reversals, clearing, guards."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from heatbill.adapters.clock import FixedClock
from heatbill.domain.errors import ConflictError, LedgerError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money
from heatbill.services.ledger import (
    RecordPayment,
    ReverseEntry,
    post_entries,
    record_payment,
    reverse_entry,
    trial_balance,
)
from heatbill.services.unit_of_work import UnitOfWork

DAY = date(2026, 3, 2)
CLOCK = FixedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))


def installment(engine: Engine, utility_id: int, customer: int, ore: int, key: str) -> int:
    """Charge one installment (heat and VAT) to a customer; returns its open item's id."""
    with UnitOfWork(engine) as uow:
        [item_id] = uow.ledger(utility_id).new_open_item_ids(1)
        net = Money(ore * 4 // 5)
        entry = JournalEntry(
            booking_date=DAY,
            reason=Reason.INSTALLMENT,
            description=f"Acontorate {key}",
            clause="4rater",
            idempotency_key=key,
            postings=(
                Posting(Account.RECEIVABLES, Money(ore), customer, item_id),
                Posting(Account.HEAT_REVENUE, -net),
                Posting(Account.VAT_PAYABLE, -(Money(ore) - net)),
            ),
            new_open_items=(
                OpenItem(item_id, customer, OpenItemKind.PRINCIPAL, date(2026, 3, 16), key),
            ),
        )
        post_entries(uow, CLOCK, utility_id, [entry])
    return item_id


def balance(engine: Engine, utility_id: int, customer: int) -> Money:
    with UnitOfWork(engine, write=False) as uow:
        return uow.ledger(utility_id).customer_balances().get(customer, Money(0))


def test_an_installment_and_its_payment_balance_the_customer(
    engine: Engine, utility_id: int
) -> None:
    installment(engine, utility_id, 101, 250000, "rate-2026-2-101")
    assert balance(engine, utility_id, 101) == Money(250000)
    with UnitOfWork(engine) as uow:
        record_payment(
            RecordPayment(utility_id, 101, Money(250000), DAY, "Indbetaling FI", "fi:1"), uow, CLOCK
        )
    assert balance(engine, utility_id, 101) == Money(0)
    with UnitOfWork(engine, write=False) as uow:
        assert uow.ledger(utility_id).open_items(101) == []
        lines = trial_balance(uow, utility_id)
    assert sum((line.debit for line in lines), Money(0)) == sum(
        (line.credit for line in lines), Money(0)
    )
    assert {line.gl.number for line in lines} >= {"5820", "1010", "7300"}


def test_booking_the_same_key_twice_adds_nothing(engine: Engine, utility_id: int) -> None:
    installment(engine, utility_id, 102, 100000, "rate-2026-1-102")
    installment(engine, utility_id, 102, 100000, "rate-2026-1-102")
    assert balance(engine, utility_id, 102) == Money(100000)


def test_a_partial_payment_leaves_the_rest_open_and_an_overpayment_is_a_credit(
    engine: Engine, utility_id: int
) -> None:
    item = installment(engine, utility_id, 103, 100000, "rate-103")
    with UnitOfWork(engine) as uow:
        record_payment(
            RecordPayment(utility_id, 103, Money(40000), DAY, "Delbetaling", "p:1"), uow, CLOCK
        )
    with UnitOfWork(engine, write=False) as uow:
        [(open_item, residual)] = uow.ledger(utility_id).open_items(103)
    assert (open_item.open_item_id, residual) == (item, Money(60000))
    with UnitOfWork(engine) as uow:
        record_payment(
            RecordPayment(utility_id, 103, Money(70000), DAY, "Betaling", "p:2"), uow, CLOCK
        )
    with UnitOfWork(engine, write=False) as uow:
        [(credit, residual)] = uow.ledger(utility_id).open_items(103)
    assert credit.kind is OpenItemKind.CREDIT
    assert residual == Money(-10000)


def test_a_reversed_payment_reopens_exactly_what_it_cleared(
    engine: Engine, utility_id: int
) -> None:
    item = installment(engine, utility_id, 104, 100000, "rate-104")
    with UnitOfWork(engine) as uow:
        paid = record_payment(
            RecordPayment(utility_id, 104, Money(100000), DAY, "Betalingsservice", "bs:1"),
            uow,
            CLOCK,
        )
    with UnitOfWork(engine) as uow:
        reverse_entry(ReverseEntry(utility_id, paid, DAY, "Tilbageført (0239)"), uow, CLOCK)
    with UnitOfWork(engine, write=False) as uow:
        [(open_item, residual)] = uow.ledger(utility_id).open_items(104)
        reversal = uow.ledger(utility_id).journal()[-1][1]
    assert (open_item.open_item_id, residual) == (item, Money(100000))
    assert reversal.reverses_entry_id == paid
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError):
        uow.ledger(utility_id).reverse(paid, DAY, "Igen", created_at=CLOCK.now())


def test_a_posting_to_another_customers_item_is_refused(engine: Engine, utility_id: int) -> None:
    item = installment(engine, utility_id, 105, 100000, "rate-105")
    wrong = JournalEntry(
        DAY,
        Reason.PAYMENT,
        "Forkert kunde",
        (Posting(Account.BANK, Money(1)), Posting(Account.RECEIVABLES, Money(-1), 999, item)),
    )
    with UnitOfWork(engine) as uow, pytest.raises(LedgerError, match="anden kunde"):
        uow.ledger(utility_id).post(wrong, created_at=CLOCK.now())


@pytest.mark.parametrize("table", ["posting", "journal_entry", "open_item"])
@pytest.mark.parametrize(
    "statement", ["UPDATE {table} SET utility_id = utility_id", "DELETE FROM {table}"]
)
def test_the_database_refuses_to_change_or_delete_ledger_rows(
    engine: Engine, utility_id: int, table: str, statement: str
) -> None:
    installment(engine, utility_id, 106, 100000, "rate-106")
    with engine.connect() as connection, pytest.raises(DBAPIError, match="append-only"):
        connection.execute(
            text(statement.format(table=table) + " WHERE utility_id = :u"), {"u": utility_id}
        )
    assert balance(engine, utility_id, 106) == Money(100000)


def _raw_entry(connection: object, utility_id: int, entry_id: int) -> None:
    connection.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO journal_entry (utility_id, entry_id, booking_date, reason, description, "
            "created_at) VALUES (:u, :e, :d, 'charge', 'rå', :t)"
        ),
        {"u": utility_id, "e": entry_id, "d": DAY, "t": datetime(2026, 1, 1, tzinfo=UTC)},
    )


def _raw_posting(connection: object, utility_id: int, entry_id: int, line: int, ore: int) -> None:
    connection.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO posting (utility_id, entry_id, line_no, account, amount_ore) "
            "VALUES (:u, :e, :l, 'bank', :a)"
        ),
        {"u": utility_id, "e": entry_id, "l": line, "a": ore},
    )


@pytest.mark.postgresql
def test_postgresql_refuses_an_unbalanced_entry_at_commit(
    postgres_engine: Engine, postgres_utility_id: int
) -> None:
    # The deferred constraint trigger is PostgreSQL's; on SQLite the domain's JournalEntry and
    # the repository (entry and postings written together) hold the rule.
    engine, utility_id = postgres_engine, postgres_utility_id
    with engine.connect() as connection:
        connection.begin()
        _raw_entry(connection, utility_id, 900001)
        _raw_posting(connection, utility_id, 900001, 1, 100)
        _raw_posting(connection, utility_id, 900001, 2, -99)
        with pytest.raises(DBAPIError, match="not balanced"):
            connection.commit()


@pytest.mark.postgresql
def test_postgresql_refuses_postings_added_to_an_earlier_entry(
    postgres_engine: Engine, postgres_utility_id: int
) -> None:
    engine, utility_id = postgres_engine, postgres_utility_id
    with engine.begin() as connection:
        _raw_entry(connection, utility_id, 900002)
        _raw_posting(connection, utility_id, 900002, 1, 100)
        _raw_posting(connection, utility_id, 900002, 2, -100)
    with engine.connect() as connection, pytest.raises(DBAPIError, match="same transaction"):
        _raw_posting(connection, utility_id, 900002, 3, 0)


def test_a_batch_books_each_key_once_and_returns_the_earlier_ids(
    engine: Engine, utility_id: int
) -> None:
    def payment(key: str) -> JournalEntry:
        return JournalEntry(
            DAY,
            Reason.PAYMENT,
            "Uafklaret indbetaling",
            (Posting(Account.BANK, Money(500)), Posting(Account.UNMATCHED_PAYMENTS, Money(-500))),
            idempotency_key=key,
        )

    with UnitOfWork(engine) as uow:
        first = post_entries(uow, CLOCK, utility_id, [payment("a"), payment("b"), payment("a")])
    with UnitOfWork(engine) as uow:
        again = post_entries(uow, CLOCK, utility_id, [payment("b"), payment("c"), payment("a")])
    assert first[0] == first[2] != first[1]
    assert again[0] == first[1]
    assert again[2] == first[0]
    with UnitOfWork(engine, write=False) as uow:
        balances = uow.ledger(utility_id).account_balances()
    assert balances[Account.BANK] == Money(1500)
