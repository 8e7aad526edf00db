"""Whom a payment is for: by its FI payment id or Betalingsservice customer number, never by a
guess; and how it is booked."""

from __future__ import annotations

from datetime import date

from heatbill.domain.ledger import Account, OpenItem, OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.domain.payments.incoming import IncomingPayment, PaymentKind, PaymentSource
from heatbill.domain.payments.matching import (
    Match,
    MatchRule,
    after_entry,
    booking_entry,
    match_payment,
    referenced_items,
)

DAY = date(2026, 3, 2)
ITEMS = {41: 7, 42: 8}
"""Open item → customer."""


def paid(amount: int = 100_00, *, ref: str | None = None, bs: int | None = None) -> IncomingPayment:
    return IncomingPayment(
        3, PaymentSource.FI, PaymentKind.PAYMENT, Money(amount), DAY, DAY, ref, bs
    )


def match(payment: IncomingPayment) -> Match:
    return match_payment(payment, item_customers=ITEMS, customers={7, 8})


def test_the_fi_payment_id_names_the_bill_and_so_the_customer() -> None:
    assert match(paid(ref=payment_id_for_open_item(42))) == Match(8, MatchRule.PAYMENT_ID)


def test_a_betalingsservice_customer_number_names_the_customer() -> None:
    assert match(paid(bs=7)) == Match(7, MatchRule.BS_CUSTOMER)


def test_an_unknown_bill_falls_back_to_the_customer_number_when_there_is_one() -> None:
    assert match(paid(ref=payment_id_for_open_item(99), bs=8)) == Match(8, MatchRule.BS_CUSTOMER)


def test_what_names_nothing_known_is_never_guessed() -> None:
    bad = payment_id_for_open_item(41)[:-1] + "0"
    assert match(paid(ref=bad)).why_not == f"betalings-id {bad} har forkert kontrolciffer"
    unknown = payment_id_for_open_item(99)
    assert match(paid(ref=unknown)).why_not == (
        f"betalings-id {unknown} svarer ikke til nogen regning"
    )
    assert match(paid(bs=5)).why_not == "kundenummer 5 findes ikke"
    assert match(paid()) == Match(
        None, None, "betalingen har hverken betalings-id eller kundenummer"
    )


def test_only_valid_payment_ids_are_looked_up() -> None:
    good, bad = payment_id_for_open_item(41), payment_id_for_open_item(42)[:-1] + "9"
    assert referenced_items([paid(ref=good), paid(ref=bad), paid(bs=7)]) == {41}


def test_an_unmatched_payment_waits_on_its_own_account() -> None:
    payment = paid(12_345, ref=payment_id_for_open_item(99))
    entry = booking_entry(
        payment, match(payment), open_items=[], order=[], credit_item_id=1, key="k", clause=None
    )
    assert [(p.account, p.amount.ore) for p in entry.postings] == [
        (Account.BANK, 12_345),
        (Account.UNMATCHED_PAYMENTS, -12_345),
    ]


def test_a_payment_clears_fees_first_and_keeps_the_rest_as_a_credit() -> None:
    fee = OpenItem(43, 8, OpenItemKind.FEE, DAY, "Rykkergebyr")
    bill = OpenItem(42, 8, OpenItemKind.PRINCIPAL, DAY, "Regning 1")
    items = [(bill, Money(500_00)), (fee, Money(100_00))]
    payment = paid(700_00, ref=payment_id_for_open_item(42))
    order = [OpenItemKind.FEE, OpenItemKind.INTEREST, OpenItemKind.PRINCIPAL]
    entry = booking_entry(
        payment, match(payment), open_items=items, order=order, credit_item_id=44, key="k",
        clause="spec",
    )  # fmt: skip
    moved = {p.open_item_id: p.amount.ore for p in entry.postings if p.open_item_id}
    assert moved == {43: -100_00, 42: -500_00, 44: -100_00}
    left = after_entry(items, entry)
    assert [(i.open_item_id, i.kind, r.ore) for i, r in left] == [
        (44, OpenItemKind.CREDIT, -100_00)
    ]
