"""Corrections: a bill is never edited; a credit note cancels it and a new revision replaces it.

The credit note is booked against the original's entry and open item: revenue and VAT come
back, the claim is cancelled as far as it is still open, and what was already paid stays with
the customer as a credit on the credit note's own item.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.correction import (
    Cancellation,
    CreditNote,
    cleared_on_original,
    corrected_bill,
    credit_note_for,
)
from heatbill.domain.errors import ConflictError, LedgerError, ValidationError
from heatbill.domain.ledger import Account, Book, Reason, payment_entry
from heatbill.domain.money import Money

CUSTOMER = 7
HEAT = BillLine(
    "Varme 41,250 MWh", Money.kroner("21140.63"), Money.kroner("5285.16"), Account.HEAT_REVENUE
)
FIXED = BillLine(
    "Fast afgift", Money.kroner("3000.00"), Money.kroner("750.00"), Account.FIXED_CHARGE_REVENUE
)
INSTALLMENTS = BillLine(
    "Opkrævet a conto for perioden",
    Money.kroner("-20000.00"),
    Money.kroner("-5000.00"),
    Account.HEAT_REVENUE,
)
SETTLEMENT = Bill(
    bill_id=41,
    number="2027-0000041",
    kind=BillKind.ANNUAL_SETTLEMENT,
    customer_id=CUSTOMER,
    installation_id=3,
    period_start=date(2026, 1, 1),
    period_end=date(2027, 1, 1),
    issue_date=date(2027, 3, 1),
    due_date=date(2027, 3, 15),
    lines=(HEAT, FIXED, INSTALLMENTS),
)
CORRECTED_ON = date(2027, 3, 10)
DUE = date(2027, 4, 5)


def test_a_credit_note_negates_every_line_of_the_bill_it_credits() -> None:
    note = credit_note_for(SETTLEMENT, CORRECTED_ON)
    assert note.kind is BillKind.CREDIT_NOTE
    assert [(x.amount, x.vat) for x in note.lines] == [
        (-x.amount, -x.vat) for x in SETTLEMENT.lines
    ]
    assert [(x.text, x.account) for x in note.lines] == [
        (x.text, x.account) for x in SETTLEMENT.lines
    ]
    assert note.total == -SETTLEMENT.total
    assert (note.period_start, note.period_end) == (SETTLEMENT.period_start, SETTLEMENT.period_end)
    assert (note.corrects_bill_id, note.revision) == (SETTLEMENT.bill_id, SETTLEMENT.revision)
    assert (note.customer_id, note.installation_id) == (CUSTOMER, SETTLEMENT.installation_id)
    assert (note.issue_date, note.due_date) == (CORRECTED_ON, CORRECTED_ON)
    assert (note.bill_id, note.number) == (0, "")  # numbered when it is issued


def test_a_credit_note_is_not_credited_and_a_draft_is_not_either() -> None:
    note = replace(credit_note_for(SETTLEMENT, CORRECTED_ON), bill_id=42, number="2027-0000042")
    with pytest.raises(ValidationError, match="kreditnota"):
        credit_note_for(note, CORRECTED_ON)
    with pytest.raises(ValidationError, match="ikke udstedt"):
        credit_note_for(replace(SETTLEMENT, bill_id=0), CORRECTED_ON)


def test_the_corrected_bill_is_the_next_revision_of_the_same_kind_and_period() -> None:
    lower = replace(HEAT, text="Varme 39,000 MWh", amount=Money.kroner("19987.50"))
    new = corrected_bill(SETTLEMENT, [lower, FIXED, INSTALLMENTS], CORRECTED_ON, DUE)
    assert (new.kind, new.revision, new.corrects_bill_id) == (
        BillKind.ANNUAL_SETTLEMENT,
        1,
        SETTLEMENT.bill_id,
    )
    assert (new.period_start, new.period_end) == (SETTLEMENT.period_start, SETTLEMENT.period_end)
    assert (new.issue_date, new.due_date, new.lines[0]) == (CORRECTED_ON, DUE, lower)
    assert (new.bill_id, new.number) == (0, "")
    again = corrected_bill(replace(new, bill_id=43, number="x"), SETTLEMENT.lines, DUE, DUE)
    assert (again.revision, again.corrects_bill_id) == (2, 43)


def test_a_correction_that_changes_nothing_is_refused() -> None:
    with pytest.raises(ConflictError, match="intet at rette"):
        corrected_bill(SETTLEMENT, list(SETTLEMENT.lines), CORRECTED_ON, DUE)


def test_the_credit_note_cancels_what_is_still_open_of_the_original() -> None:
    owed = SETTLEMENT.total
    assert cleared_on_original(owed, owed) == owed  # unpaid: all of it
    assert cleared_on_original(owed, Money.kroner(1000)) == Money.kroner(1000)  # partly paid
    assert cleared_on_original(owed, Money(0)) == Money(0)  # paid
    refund = Money.kroner(-800)
    assert cleared_on_original(refund, refund) == refund  # a refund still to good
    assert cleared_on_original(refund, Money(0)) == Money(0)  # a refund paid out


@given(
    st.integers(-(10**9), 10**9).filter(bool),
    st.integers(-(10**9), 10**9),
)
def test_a_credit_note_never_cancels_more_than_is_open_or_was_billed(
    total_ore: int, residual_ore: int
) -> None:
    cleared = cleared_on_original(Money(total_ore), Money(residual_ore))
    assert abs(cleared.ore) <= min(abs(total_ore), abs(residual_ore))
    assert cleared.ore == 0 or (cleared.ore > 0) == (total_ore > 0) == (residual_ore > 0)


def _booked(residual: Money, why: str = "Måleren viste 5 % for meget") -> CreditNote:
    """The credit note of SETTLEMENT (entry 1, open item 501) when `residual` is still open."""
    cancels = Cancellation(SETTLEMENT.number, 1, 501, residual, why)
    note = CreditNote.against(credit_note_for(SETTLEMENT, CORRECTED_ON, DUE), cancels)
    return replace(note, bill_id=42, number="2027-0000042")


def _book_original() -> Book:
    book = Book()
    assert book.post(SETTLEMENT.journal_entry(501, "4rater")) == 1
    return book


def test_an_unpaid_bill_is_cancelled_on_its_own_open_item() -> None:
    book = _book_original()
    note = _booked(SETTLEMENT.total)
    entry = note.journal_entry(502, "4rater")
    book.post(entry)
    assert (entry.reason, entry.reverses_entry_id) == (Reason.REVERSAL, 1)
    assert entry.description == (
        "Kreditnota 2027-0000042 til regning 2027-0000041: Måleren viste 5 % for meget"
    )
    assert book.residuals() == {501: Money(0), 502: Money(0)}
    assert book.customer_balance(CUSTOMER) == Money(0)
    for account in (Account.HEAT_REVENUE, Account.FIXED_CHARGE_REVENUE, Account.VAT_PAYABLE):
        assert book.account_balance(account) == Money(0)
    assert book.open_item(502).reference == "Kreditnota 2027-0000042"


def test_what_was_paid_of_the_bill_stays_with_the_customer_as_a_credit() -> None:
    book = _book_original()
    items = [(book.open_item(501), SETTLEMENT.total)]
    paid = Money.kroner(1000)
    book.post(
        payment_entry(
            customer_id=CUSTOMER,
            amount=paid,
            booking_date=date(2027, 3, 5),
            open_items=items,
            credit_item_id=900,
            description="Indbetaling",
        )
    )
    book.post(_booked(SETTLEMENT.total - paid).journal_entry(502, "4rater"))
    assert book.residuals() == {501: Money(0), 502: -paid}
    assert book.customer_balance(CUSTOMER) == -paid


def test_a_bill_is_credited_once() -> None:
    book = _book_original()
    book.post(_booked(SETTLEMENT.total).journal_entry(502, None))
    second = replace(_booked(Money(0)), bill_id=43, number="2027-0000043")
    with pytest.raises(ConflictError, match="already reversed"):
        book.post(second.journal_entry(503, None))


def test_a_credit_note_is_booked_only_against_what_it_cancels() -> None:
    note = credit_note_for(SETTLEMENT, CORRECTED_ON)
    cancels = Cancellation(SETTLEMENT.number, 1, 501, Money(0), "fejl")
    with pytest.raises(LedgerError, match="bogføres mod"):
        CreditNote.against(SETTLEMENT, cancels)  # not a credit note
    with pytest.raises(LedgerError, match="bogføres mod"):
        replace(CreditNote.against(note, cancels), cancels=None)
    with pytest.raises(ValidationError, match="begrundelse"):
        Cancellation(SETTLEMENT.number, 1, 501, Money(0), "  ")
    booked = CreditNote.against(note, cancels)
    assert type(booked.as_bill()) is Bill
    assert booked.as_bill() == note
