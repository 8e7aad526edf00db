"""The customer statement (kontoudtog) and the debtor list (debitorliste), in the domain.

March's statement (kr.): 250,00 owed at the start of the month; installment bill 2026-0001 of
1.000,00 due 17 March; a 100,00 reminder fee; a 1.400,00 Betalingsservice payment that clears
the fee, the old claim and the bill (in the clearing order) and keeps 50,00 as a credit; then
Nets charges it back, which reopens exactly those items and takes the credit away again.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.ledger import OpenItem, OpenItemKind, Reason
from heatbill.domain.ledger.debtors import DebtorCard, debtor_list, debtor_totals
from heatbill.domain.ledger.statement import (
    EntryFacts,
    MovementKind,
    PaymentFacts,
    Statement,
    build_statement,
)
from heatbill.domain.money import Money

C = 7
OLD = OpenItem(1, C, OpenItemKind.PRINCIPAL, date(2026, 2, 2), "Regning 2026-0000")
BILL = OpenItem(2, C, OpenItemKind.PRINCIPAL, date(2026, 3, 17), "Regning 2026-0001")
FEE = OpenItem(3, C, OpenItemKind.FEE, date(2026, 3, 20), "Rykkergebyr")
CREDIT = OpenItem(4, C, OpenItemKind.CREDIT, date(2026, 3, 16), "Overskydende beløb")


def kr(amount: str) -> Money:
    return Money.kroner(amount)


def march() -> Statement:
    bs = PaymentFacts("betalingsservice", "bs_customer")
    entries = [
        EntryFacts(12, date(2026, 3, 18), Reason.REVERSAL, "Tilbageført (0239)",
                   ((3, kr("100")), (1, kr("250")), (2, kr("1000")), (4, kr("50"))),
                   reverses_entry_id=11,
                   payment=PaymentFacts("betalingsservice", None, charge_back=True)),
        EntryFacts(10, date(2026, 3, 10), Reason.FEE, "Rykkergebyr", ((3, kr("100")),),
                   opens=(3,)),
        EntryFacts(9, date(2026, 3, 2), Reason.INSTALLMENT, "Acontorate 1/2026",
                   ((2, kr("1000")),), opens=(2,), bill_number="2026-0001",
                   bill_due=date(2026, 3, 17)),
        EntryFacts(11, date(2026, 3, 16), Reason.PAYMENT, "Indbetaling",
                   ((3, kr("-100")), (1, kr("-250")), (2, kr("-1000")), (4, kr("-50"))),
                   opens=(4,), payment=bs),
    ]  # fmt: skip
    return build_statement(
        C,
        date(2026, 3, 1),
        date(2026, 3, 31),
        opening=kr("250"),
        closing=kr("1350"),
        entries=entries,
        items=[(OLD, kr("250")), (BILL, kr("1000")), (FEE, kr("100")), (CREDIT, Money(0))],
    )


def test_the_movements_come_in_booking_order_with_a_running_balance() -> None:
    s = march()
    assert [m.entry_id for m in s.movements] == [9, 10, 11, 12]
    assert [m.balance for m in s.movements] == [kr("1250"), kr("1350"), kr("-50"), kr("1350")]
    assert [m.kind for m in s.movements] == [
        MovementKind.BILL,
        MovementKind.FEE,
        MovementKind.PAYMENT,
        MovementKind.CHARGE_BACK,
    ]


def test_a_bill_shows_its_number_and_due_date_and_a_fee_its_claim() -> None:
    bill, fee, paid, back = march().movements
    assert (bill.reference, bill.due_date) == ("2026-0001", date(2026, 3, 17))
    assert (fee.reference, fee.due_date) == ("Rykkergebyr", date(2026, 3, 20))
    assert (paid.reference, paid.due_date) == (None, None)  # the credit it kept is no claim
    assert back.reverses_entry_id == 11


def test_a_payment_lists_the_items_it_cleared_in_the_clearing_order() -> None:
    paid = march().movements[2]
    assert paid.items == (
        ("Rykkergebyr", kr("-100")),
        ("Regning 2026-0000", kr("-250")),
        ("Regning 2026-0001", kr("-1000")),
        ("Overskydende beløb", kr("-50")),
    )


def test_opening_plus_movements_is_closing_is_the_open_items() -> None:
    s = march()
    assert s.opening + s.movement_total == s.closing == s.open_total == kr("1350")
    assert s.reconciles
    assert [item.open_item_id for item, _ in s.open_items] == [1, 2, 3]  # by due date


def test_a_statement_whose_figures_disagree_does_not_reconcile() -> None:
    s = march()
    broken = build_statement(
        C,
        s.first,
        s.last,
        opening=s.opening,
        closing=s.closing + kr("1"),
        entries=[],
        items=list(s.open_items),
    )
    assert not broken.reconciles


def test_a_set_off_moves_money_to_good_onto_a_claim_and_nets_nothing() -> None:
    set_off = EntryFacts(
        20, date(2026, 4, 2), Reason.CLEARING, "Modregning", ((4, kr("50")), (2, kr("-50")))
    )
    s = build_statement(
        C,
        date(2026, 4, 1),
        date(2026, 4, 30),
        opening=kr("950"),
        closing=kr("950"),
        entries=[set_off],
        items=[(BILL, kr("950")), (CREDIT, Money(0))],
    )
    [moved] = s.movements
    assert (moved.kind, moved.amount, moved.balance) == (MovementKind.CLEARING, Money(0), kr("950"))
    assert s.reconciles


def test_refunds_interest_and_write_offs_are_named_by_their_reason() -> None:
    kinds = {
        Reason.REFUND: MovementKind.REFUND,
        Reason.INTEREST: MovementKind.INTEREST,
        Reason.WRITE_OFF: MovementKind.WRITE_OFF,
        Reason.CHARGE: MovementKind.CHARGE,
        Reason.REVERSAL: MovementKind.REVERSAL,
    }
    entries = [
        EntryFacts(n, date(2026, 5, 1), reason, "x", ((2, kr("1")),), reverses_entry_id=1)
        for n, reason in enumerate(kinds, start=1)
    ]
    s = build_statement(
        C,
        date(2026, 5, 1),
        date(2026, 5, 31),
        opening=Money(0),
        closing=kr("5"),
        entries=entries,
        items=[(BILL, kr("5"))],
    )
    assert [m.kind for m in s.movements] == list(kinds.values())


@given(
    st.lists(st.integers(-(10**6), 10**6).filter(bool), max_size=30), st.integers(-(10**6), 10**6)
)
def test_the_last_running_balance_is_opening_plus_every_movement(
    amounts: list[int], opening: int
) -> None:
    entries = [
        EntryFacts(n, date(2026, 1, 1 + n % 28), Reason.CHARGE, "x", ((2, Money(ore)),))
        for n, ore in enumerate(amounts)
    ]
    closing = Money(opening + sum(amounts))
    s = build_statement(
        C,
        date(2026, 1, 1),
        date(2026, 1, 31),
        opening=Money(opening),
        closing=closing,
        entries=entries,
        items=[(BILL, closing)],
    )
    assert (s.movements[-1].balance if s.movements else s.opening) == s.closing
    assert s.reconciles


# --- the debtor list -----------------------------------------------------------------------
ON = date(2026, 3, 31)
CARDS = {7: DebtorCard(7, "Jens Hansen", "10001", "Solrød Byvej 12, 2680 Solrød Strand")}


def item(open_item_id: int, customer: int, kind: OpenItemKind, due: date) -> OpenItem:
    return OpenItem(open_item_id, customer, kind, due, f"post {open_item_id}")


def test_a_debtor_line_shows_overdue_claims_and_credits_apart() -> None:
    items = [
        (item(1, 7, OpenItemKind.PRINCIPAL, date(2026, 2, 2)), kr("1000")),
        (item(2, 7, OpenItemKind.FEE, ON), kr("100")),  # due on the day: not yet overdue
        (item(3, 7, OpenItemKind.CREDIT, date(2026, 3, 1)), kr("-40")),
    ]
    [line] = debtor_list(ON, balances={7: kr("1060")}, items=items, cards=CARDS)
    assert line.card == CARDS[7]
    assert (line.balance, line.claims, line.credit) == (kr("1060"), kr("1100"), kr("-40"))
    assert line.overdue == kr("1000")
    assert line.oldest_due == date(2026, 2, 2)


def test_square_customers_are_left_out_but_a_claim_and_a_credit_that_cancel_are_shown() -> None:
    items = [
        (item(1, 8, OpenItemKind.PRINCIPAL, date(2026, 2, 2)), kr("50")),
        (item(2, 8, OpenItemKind.CREDIT, date(2026, 2, 9)), kr("-50")),
    ]
    balances = {7: Money(0), 8: Money(0), 9: kr("-25")}
    lines = debtor_list(ON, balances=balances, items=items, cards=CARDS)
    assert [line.customer_id for line in lines] == [8, 9]
    assert lines[1].card is None
    assert lines[1].oldest_due is None


def test_the_debtor_totals_are_the_subledger() -> None:
    items = [
        (item(1, 7, OpenItemKind.PRINCIPAL, date(2026, 2, 2)), kr("1000")),
        (item(2, 9, OpenItemKind.CREDIT, date(2026, 2, 9)), kr("-25")),
    ]
    balances = {7: kr("1000"), 9: kr("-25")}
    totals = debtor_totals(debtor_list(ON, balances=balances, items=items, cards=CARDS))
    assert totals.customers == 2
    assert totals.balance == sum(balances.values(), Money(0)) == totals.claims + totals.credit
    assert totals.overdue == kr("1000")
