"""Ageing: open items by days past due on a date; credits apart; the buckets sum to the balance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from heatbill.adapters.formats.ageing_csv import write_ageing_csv
from heatbill.domain.ledger.ageing import AgeBucket, ageing, bucket_of, totals
from heatbill.domain.ledger.open_items import OpenItem, OpenItemKind
from heatbill.domain.money import Money

ON = date(2026, 6, 30)


def item(item_id: int, customer: int, days_overdue: int) -> OpenItem:
    due = ON - timedelta(days=days_overdue)
    return OpenItem(item_id, customer, OpenItemKind.PRINCIPAL, due, f"R{item_id}")


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (-5, AgeBucket.NOT_DUE),
        (0, AgeBucket.NOT_DUE),  # paying on the due date is on time
        (1, AgeBucket.DAYS_0_30),
        (30, AgeBucket.DAYS_0_30),
        (31, AgeBucket.DAYS_31_60),
        (60, AgeBucket.DAYS_31_60),
        (61, AgeBucket.DAYS_61_90),
        (90, AgeBucket.DAYS_61_90),
        (91, AgeBucket.OVER_90),
    ],
)
def test_an_item_falls_in_the_bucket_of_its_days_past_due(days: int, bucket: AgeBucket) -> None:
    assert bucket_of(item(1, 1, days), Money(100), ON) is bucket


def test_a_credit_is_its_own_column_whatever_its_date() -> None:
    assert bucket_of(item(1, 1, 200), Money(-100), ON) is AgeBucket.CREDIT


def test_a_customers_buckets_sum_to_their_balance_and_all_to_the_subledger() -> None:
    items = [
        (item(1, 7, 45), Money(100000)),
        (item(2, 7, 5), Money(20000)),
        (item(3, 7, 0), Money(-5000)),
        (item(4, 9, 120), Money(10000)),
    ]
    lines = ageing(items, ON)
    assert [line.customer_id for line in lines] == [7, 9]
    assert lines[0].amount(AgeBucket.DAYS_31_60) == Money(100000)
    assert lines[0].total == Money(115000)
    assert totals(lines).total == Money(125000)
    csv = write_ageing_csv(lines).decode("utf-8-sig").splitlines()
    assert csv[0].startswith("Kunde;Ikke forfaldent;0-30 dage;")
    assert csv[1] == "7;0,00;200,00;1000,00;0,00;0,00;-50,00;1150,00"
