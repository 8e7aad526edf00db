"""Money to good used by a new bill: credits set off against named claims (`4rater`)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.ledger import Account, OpenItem, OpenItemKind, Reason
from heatbill.domain.ledger.clearing import credit_set_off_entry
from heatbill.domain.money import Money

DAY = date(2027, 3, 1)
CUSTOMER = 7


def item(item_id: int, kind: OpenItemKind = OpenItemKind.PRINCIPAL, due: date = DAY) -> OpenItem:
    return OpenItem(item_id, CUSTOMER, kind, due, f"Regning {item_id}")


def set_off(items: list[tuple[OpenItem, Money]], targets: list[int]) -> dict[int, int] | None:
    entry = credit_set_off_entry(
        customer_id=CUSTOMER,
        open_items=items,
        targets=targets,
        booking_date=DAY,
        description="Tilgodehavende modregnet i regning 1",
        clause="4rater",
        idempotency_key="credit-set-off:1",
    )
    if entry is None:
        return None
    assert entry.reason is Reason.CLEARING
    assert all(p.account is Account.RECEIVABLES for p in entry.postings)
    return {p.open_item_id or 0: p.amount.ore for p in entry.postings}


def test_a_smaller_credit_pays_part_of_the_new_installment() -> None:
    items = [
        (item(1, OpenItemKind.CREDIT, date(2027, 2, 1)), Money(-30_000)),
        (item(2), Money(100_000)),
    ]
    assert set_off(items, [2]) == {1: 30_000, 2: -30_000}


def test_a_larger_credit_pays_the_installment_and_the_rest_stays_to_good() -> None:
    items = [(item(1, OpenItemKind.CREDIT), Money(-150_000)), (item(2), Money(100_000))]
    assert set_off(items, [2]) == {1: 100_000, 2: -100_000}


def test_older_credits_go_first_and_only_the_targets_are_paid() -> None:
    items = [
        (item(5, OpenItemKind.CREDIT, date(2027, 2, 1)), Money(-10_000)),
        (item(4, OpenItemKind.CREDIT, date(2027, 1, 1)), Money(-10_000)),
        (item(3, due=date(2026, 9, 14)), Money(50_000)),  # overdue, but not a target
        (item(2), Money(15_000)),
    ]
    assert set_off(items, [2]) == {4: 10_000, 5: 5_000, 2: -15_000}


def test_nothing_to_good_or_nothing_open_books_nothing() -> None:
    assert set_off([(item(2), Money(100_000))], [2]) is None
    assert set_off([(item(1, OpenItemKind.CREDIT), Money(-5_000))], [2]) is None


amounts = st.integers(min_value=1, max_value=10_000_000)


@given(st.lists(amounts, max_size=4), st.lists(amounts, min_size=1, max_size=4))
def test_a_set_off_moves_no_money_and_never_over_clears(
    credits: list[int], claims: list[int]
) -> None:
    items = [(item(100 + n, OpenItemKind.CREDIT), Money(-c)) for n, c in enumerate(credits)]
    items += [(item(n + 1), Money(c)) for n, c in enumerate(claims)]
    moved = set_off(items, [n + 1 for n in range(len(claims))])
    if not credits:
        assert moved is None
        return
    assert moved is not None
    assert sum(moved.values()) == 0
    assert sum(v for v in moved.values() if v > 0) == min(sum(credits), sum(claims))
    residuals = {i.open_item_id: r.ore for i, r in items}
    for item_id, amount in moved.items():
        after = residuals[item_id] + amount
        assert (after <= 0) if residuals[item_id] < 0 else (after >= 0)
