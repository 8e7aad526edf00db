"""The ledger's rules, in the domain: balanced entries, reversals, open items, clearing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.errors import ConflictError, LedgerError
from heatbill.domain.ledger import (
    Account,
    Book,
    JournalEntry,
    OpenItem,
    OpenItemKind,
    Posting,
    Reason,
    clear_amount,
    payment_entry,
)
from heatbill.domain.money import Money, total

DAY = date(2026, 3, 2)


def charge(
    item_id: int,
    customer: int,
    ore: int,
    kind: OpenItemKind = OpenItemKind.PRINCIPAL,
    *,
    due: date = DAY,
    key: str | None = None,
) -> JournalEntry:
    """A claim on a customer: debit receivables (a new open item), credit revenue."""
    revenue = {
        OpenItemKind.FEE: Account.FEE_REVENUE,
        OpenItemKind.INTEREST: Account.INTEREST_REVENUE,
    }
    return JournalEntry(
        booking_date=due,
        reason=Reason.INSTALLMENT,
        description=f"Krav {item_id}",
        postings=(
            Posting(Account.RECEIVABLES, Money(ore), customer, item_id),
            Posting(revenue.get(kind, Account.HEAT_REVENUE), Money(-ore)),
        ),
        idempotency_key=key,
        new_open_items=(OpenItem(item_id, customer, kind, due, f"Krav {item_id}"),),
    )


def test_an_unbalanced_entry_is_refused() -> None:
    with pytest.raises(LedgerError, match=r"differ by 0,01 kr\."):
        JournalEntry(
            booking_date=DAY,
            reason=Reason.CHARGE,
            description="Skæv",
            postings=(Posting(Account.BANK, Money(100)), Posting(Account.HEAT_REVENUE, Money(-99))),
        )


def test_an_entry_needs_two_postings_and_no_zero_lines() -> None:
    with pytest.raises(LedgerError, match="two postings"):
        JournalEntry(DAY, Reason.CHARGE, "En linje", (Posting(Account.BANK, Money(0 + 1)),))
    with pytest.raises(LedgerError, match=r"0,00 kr\."):
        Posting(Account.BANK, Money(0))


def test_receivables_postings_name_customer_and_open_item() -> None:
    with pytest.raises(LedgerError, match="customer and an open item"):
        Posting(Account.RECEIVABLES, Money(100))
    with pytest.raises(LedgerError, match="only receivables"):
        Posting(Account.BANK, Money(100), 1, 7)


def test_a_reversal_negates_every_posting_and_points_at_its_original() -> None:
    book = Book()
    original = book.post(charge(1, 42, 50000))
    reversal = book.entry(original).reversal(original, DAY, "Fejl i aflæsning")
    book.post(reversal)
    assert reversal.reverses_entry_id == original
    assert total(p.amount for p in reversal.postings) == Money(0)
    assert book.customer_balance(42) == Money(0)
    assert book.open_items_of(42) == []


def test_an_entry_is_reversed_once_only() -> None:
    book = Book()
    original = book.post(charge(1, 42, 50000))
    book.post(book.entry(original).reversal(original, DAY, "Fejl"))
    with pytest.raises(ConflictError, match="already reversed"):
        book.post(book.entry(original).reversal(original, DAY, "Igen"))


def test_the_same_idempotency_key_books_nothing_new() -> None:
    book = Book()
    first = book.post(charge(1, 42, 50000, key="installment:2026-1:42"))
    again = book.post(charge(1, 42, 50000, key="installment:2026-1:42"))
    assert again == first
    assert len(book.entries()) == 1


def test_an_open_item_belongs_to_one_customer() -> None:
    book = Book()
    book.post(charge(1, 42, 50000))
    wrong = JournalEntry(
        DAY,
        Reason.PAYMENT,
        "Betaling",
        (Posting(Account.BANK, Money(100)), Posting(Account.RECEIVABLES, Money(-100), 43, 1)),
    )
    with pytest.raises(LedgerError, match="another customer"):
        book.post(wrong)


def test_a_payment_clears_fees_then_interest_then_the_oldest_principal() -> None:
    items = [
        (OpenItem(1, 7, OpenItemKind.PRINCIPAL, date(2026, 3, 16), "Rate 2"), Money(300000)),
        (OpenItem(2, 7, OpenItemKind.PRINCIPAL, date(2026, 1, 16), "Rate 1"), Money(300000)),
        (OpenItem(3, 7, OpenItemKind.FEE, date(2026, 2, 10), "Rykkergebyr"), Money(10000)),
        (OpenItem(4, 7, OpenItemKind.INTEREST, date(2026, 2, 28), "Morarenter"), Money(2500)),
    ]
    allocations, rest = clear_amount(Money(312500 + 100), items)
    assert [(a.open_item_id, a.amount) for a in allocations] == [
        (3, Money(10000)),
        (4, Money(2500)),
        (2, Money(300000)),
        (1, Money(100)),
    ]
    assert rest == Money(0)


def test_an_overpayment_becomes_a_credit_item_never_lost() -> None:
    book = Book()
    book.post(charge(1, 7, 10000))
    entry = payment_entry(
        customer_id=7,
        amount=Money(15000),
        booking_date=DAY,
        open_items=book.open_items_of(7),
        credit_item_id=2,
        description="Indbetaling",
    )
    book.post(entry)
    assert book.customer_balance(7) == Money(-5000)
    [(credit, residual)] = book.open_items_of(7)
    assert credit.kind is OpenItemKind.CREDIT
    assert residual == Money(-5000)


def test_a_charged_back_payment_reopens_exactly_what_it_cleared() -> None:
    book = Book()
    book.post(charge(1, 7, 10000, OpenItemKind.FEE))
    book.post(charge(2, 7, 90000))
    before = book.residuals()
    payment = payment_entry(
        customer_id=7,
        amount=Money(50000),
        booking_date=DAY,
        open_items=book.open_items_of(7),
        credit_item_id=3,
        description="Betalingsservice",
    )
    paid = book.post(payment)
    assert book.residuals()[1] == Money(0)
    book.post(book.entry(paid).reversal(paid, DAY, "Tilbageført af pengeinstitut (0239)"))
    after = book.residuals()
    assert {k: after[k] for k in before} == before


operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("charge"),
            st.integers(1, 3),
            st.integers(1, 10**7),
            st.sampled_from(list(OpenItemKind)[:3]),
        ),
        st.tuples(st.just("pay"), st.integers(1, 3), st.integers(1, 10**7), st.just(None)),
        st.tuples(st.just("reverse"), st.integers(0, 50), st.just(0), st.just(None)),
    ),
    max_size=40,
)


@given(operations)
def test_any_mix_of_postings_and_reversals_keeps_the_books_balanced(
    ops: list[tuple[str, int, int, OpenItemKind | None]],
) -> None:
    book = Book()
    next_item = 1
    for op, a, b, kind in ops:
        if op == "charge":
            book.post(charge(next_item, a, b, kind or OpenItemKind.PRINCIPAL))
            next_item += 1
        elif op == "pay":
            book.post(
                payment_entry(
                    customer_id=a,
                    amount=Money(b),
                    booking_date=DAY,
                    open_items=book.open_items_of(a),
                    credit_item_id=next_item,
                    description="Betaling",
                )
            )
            next_item += 1
        else:
            candidates = [
                (i, e)
                for i, e in book.entries()
                if e.reason is not Reason.REVERSAL
                and i not in {x.reverses_entry_id for _, x in book.entries()}
            ]
            if candidates:
                entry_id, entry = candidates[a % len(candidates)]
                book.post(entry.reversal(entry_id, DAY, "Rettelse"))
    assert sum(book.trial_balance().values(), Money(0)) == Money(0)
    for _, entry in book.entries():
        assert total(p.amount for p in entry.postings) == Money(0)
        assert entry.debit_total == total(p.credit for p in entry.postings)
    residuals = book.residuals()
    assert total(residuals.values()) == book.account_balance(Account.RECEIVABLES)
    for customer in (1, 2, 3):
        mine = total(r for i, r in residuals.items() if book.open_item(i).customer_id == customer)
        assert mine == book.customer_balance(customer)
