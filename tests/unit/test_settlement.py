"""Settlements by `4rater`: owed with installment 2; refunds set off or paid out."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.billing.settlement import Disposition, settle_move, settle_year
from heatbill.domain.money import Money

MARCH = date(2027, 3, 16)
INSTALLMENT_2 = Money.kroner("3900.00")


def test_an_amount_owed_is_collected_with_installment_2() -> None:
    result = settle_year(
        Money.kroner("16100.00"),
        Money.kroner("15600.00"),
        next_installment=INSTALLMENT_2,
        next_due=MARCH,
        offset_against_next=True,
    )
    assert (result.balance, result.disposition, result.due) == (
        Money.kroner(500),
        Disposition.COLLECT,
        MARCH,
    )


def test_a_refund_smaller_than_installment_2_is_set_off() -> None:
    result = settle_year(
        Money.kroner("14000.00"),
        Money.kroner("15600.00"),
        next_installment=INSTALLMENT_2,
        next_due=MARCH,
        offset_against_next=True,
    )
    assert (result.balance, result.disposition) == (Money.kroner(-1600), Disposition.SET_OFF)


def test_a_refund_larger_than_installment_2_is_paid_out() -> None:
    result = settle_year(
        Money.kroner("10000.00"),
        Money.kroner("15600.00"),
        next_installment=INSTALLMENT_2,
        next_due=MARCH,
        offset_against_next=True,
    )
    assert (result.balance, result.disposition) == (Money.kroner(-5600), Disposition.PAY_OUT)


def test_without_set_off_in_the_rulebook_every_refund_is_paid_out() -> None:
    result = settle_year(
        Money.kroner("15000.00"),
        Money.kroner("15600.00"),
        next_installment=INSTALLMENT_2,
        next_due=MARCH,
        offset_against_next=False,
    )
    assert result.disposition is Disposition.PAY_OUT


def test_a_move_settlement_stays_with_the_leaving_customer() -> None:
    owed = settle_move(Money.kroner("4200.00"), Money.kroner("3900.00"), date(2026, 4, 15))
    assert (owed.disposition, owed.due) == (Disposition.COLLECT, date(2026, 4, 15))
    refund = settle_move(Money.kroner("3000.00"), Money.kroner("3900.00"), date(2026, 4, 15))
    assert (refund.disposition, refund.due) == (Disposition.PAY_OUT, None)


@given(st.integers(0, 10**9), st.integers(0, 10**9), st.integers(1, 10**8))
def test_the_balance_is_exactly_actual_minus_installments(
    actual: int, billed: int, nxt: int
) -> None:
    result = settle_year(
        Money(actual),
        Money(billed),
        next_installment=Money(nxt),
        next_due=MARCH,
        offset_against_next=True,
    )
    assert result.balance == Money(actual - billed)
    if result.disposition is Disposition.SET_OFF:
        assert -result.balance <= Money(nxt)
