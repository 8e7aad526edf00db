"""Security deposits, in the rulebook's words: who may be asked for one (`vestervig 6.10`), how
much (Vestervig: 5 months' estimated use), and when it is given back (`solrod 6.10`: a year
paid on time; a deposit set off against open claims, the rest refunded)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.rulebook_files import load_rulebook_preset, preset_names
from heatbill.domain.collections.securities import (
    Ground,
    PaidItem,
    assess,
    check_demand,
    check_form,
    deposit_entry,
    release_date,
    release_entry,
    release_split,
    security_amount,
)
from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.ledger import Account, OpenItem, OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.payments.refunds import RefundSource, source_of_key
from heatbill.domain.rulebook import Clause
from heatbill.domain.rulebook.closing import SecurityForm

VESTERVIG = load_rulebook_preset("vestervig").securities
ON = date(2026, 3, 1)
NONE = Money(0)


def paid(item_id: int, due: date, cleared: date | None) -> PaidItem:
    return PaidItem(item_id, f"Regning {item_id}", due, Money.kroner(1500), cleared)


def late_history(*days_late: int) -> list[PaidItem]:
    """Bills due on the 5th of consecutive months from May 2025, each paid `days` late."""
    return [
        paid(n, due := date(2025, 5 + n, 5), date.fromordinal(due.toordinal() + days))
        for n, days in enumerate(days_late)
    ]


def test_every_preset_states_the_pattern_that_allows_a_demand_with_its_clause() -> None:
    for name in preset_names():
        securities = load_rulebook_preset(name).securities
        assert securities.late_payments_min.value >= 2
        assert securities.late_days_min.value == 14
        assert securities.lookback_months.value == 12
        assert securities.late_payments_min.basis.value == "illustrative"
    assert VESTERVIG.late_payments_min.clause == Clause("vestervig", "6.10")


def test_three_payments_fourteen_days_late_within_a_year_allow_a_demand() -> None:
    found = assess(late_history(14, 0, 20, 30), NONE, ON, VESTERVIG)
    assert found.grounds == (Ground.LATE_PAYMENTS,)
    assert [late.days_late for late in found.late] == [14, 20, 30]
    assert found.clause == "vestervig 6.10"


def test_two_late_payments_or_thirteen_days_late_are_not_a_pattern() -> None:
    assert not assess(late_history(14, 0, 20), NONE, ON, VESTERVIG).eligible
    assert not assess(late_history(13, 13, 13, 13), NONE, ON, VESTERVIG).eligible


def test_late_payments_older_than_twelve_months_do_not_count() -> None:
    old = [paid(7, date(2024, 11, 1), date(2024, 12, 1)), paid(8, date(2025, 2, 1), None)]
    recent = late_history(20, 20)
    found = assess([*old, *recent], NONE, ON, VESTERVIG)
    assert [late.item.open_item_id for late in found.late] == [0, 1]
    assert not found.eligible


def test_a_bill_still_unpaid_long_after_its_due_date_counts_as_late() -> None:
    items = [*late_history(20, 20), paid(9, date(2026, 1, 5), None)]
    found = assess(items, NONE, ON, VESTERVIG)
    assert found.eligible
    assert (found.late[-1].days_late, found.late[-1].paid) == (55, False)


def test_old_debt_from_an_earlier_relationship_is_a_ground_of_its_own() -> None:
    found = assess([], Money.kroner(4000), ON, VESTERVIG)
    assert found.grounds == (Ground.OLD_DEBT,)
    assert found.clause == "webinar"


def test_a_demand_needs_the_staffs_individual_assessment() -> None:
    eligible = assess([], Money.kroner(4000), ON, VESTERVIG)
    with pytest.raises(ValidationError, match="individuelle bedømmelse"):
        check_demand(eligible, "  ", VESTERVIG)
    check_demand(eligible, "Flyttet med gæld, ingen aftale overholdt", VESTERVIG)


def test_a_demand_without_a_ground_is_refused() -> None:
    with pytest.raises(ConflictError, match="kræver 3"):
        check_demand(assess(late_history(20), NONE, ON, VESTERVIG), "vurderet", VESTERVIG)


def test_vestervig_asks_five_months_of_the_expected_year() -> None:
    months = VESTERVIG.amount_months_of_estimated_use.value
    assert months == 5
    assert security_amount(Money.kroner(24000), months) == Money.kroner(10000)
    assert security_amount(Money.kroner("18123.45"), months) == Money.kroner("7551.44")  # .4375


@given(st.integers(0, 10**9), st.integers(1, 12))
def test_the_amount_is_the_months_share_rounded_once(year_ore: int, months: int) -> None:
    amount = security_amount(Money(year_ore), months)
    assert abs(amount.ore * 12 - year_ore * months) <= 6


def test_aalborg_accepts_only_its_own_forms() -> None:
    aalborg = load_rulebook_preset("aalborg").securities
    check_form(SecurityForm.CASH_DEPOSIT, Money.kroner(5000), aalborg)
    with pytest.raises(ValidationError, match="bank_guarantee"):
        check_form(SecurityForm.BANK_GUARANTEE, Money.kroner(5000), aalborg)
    with pytest.raises(ValidationError, match="større end 0"):
        check_form(SecurityForm.CASH_DEPOSIT, NONE, aalborg)


def test_a_cash_deposit_is_a_liability_never_income() -> None:
    entry = deposit_entry(7, 42, Money.kroner(5000), booked_on=ON, description="d", clause="c")
    assert {p.account: p.amount for p in entry.postings} == {
        Account.BANK: Money.kroner(5000),
        Account.DEPOSITS_HELD: -Money.kroner(5000),
    }
    assert entry.idempotency_key == "deposit:7"


def test_released_a_year_after_it_was_given_when_every_bill_was_paid_on_time() -> None:
    given_on = date(2025, 6, 10)
    items = [paid(1, date(2025, 11, 3), date(2025, 11, 3)), paid(2, date(2026, 2, 3), None)]
    assert release_date(given_on, items, date(2026, 2, 1), 12) == date(2026, 6, 10)


def test_a_late_payment_starts_the_year_again_and_an_overdue_bill_holds_it() -> None:
    given_on = date(2025, 6, 10)
    late = [paid(1, date(2025, 11, 3), date(2025, 11, 20))]
    assert release_date(given_on, late, date(2026, 6, 10), 12) == date(2026, 11, 20)
    overdue = [paid(2, date(2026, 5, 3), None)]
    assert release_date(given_on, overdue, date(2026, 6, 10), 12) is None


def test_old_debt_from_before_the_security_does_not_hold_its_release() -> None:
    old = [paid(1, date(2025, 1, 3), None)]
    assert release_date(date(2025, 6, 10), old, date(2026, 6, 10), 12) == date(2026, 6, 10)


def claim(item_id: int, customer: int, kind: OpenItemKind = OpenItemKind.PRINCIPAL) -> OpenItem:
    return OpenItem(item_id, customer, kind, date(2026, 6, 1), f"Post {item_id}")


def test_a_released_deposit_pays_the_open_claims_and_the_rest_is_refunded() -> None:
    owed = [
        (claim(1, 42), Money.kroner(1200)),
        (claim(2, 41, OpenItemKind.FEE), Money.kroner(100)),  # old debt of the same party
        (claim(3, 42, OpenItemKind.CREDIT), -Money.kroner(50)),
    ]
    entry = release_entry(7, 42, Money.kroner(5000), owed, booked_on=ON, description="r",
                          clause="solrod 6.10")  # fmt: skip
    assert [(p.account, p.amount, p.customer_id, p.open_item_id) for p in entry.postings] == [
        (Account.DEPOSITS_HELD, Money.kroner(5000), 42, None),
        (Account.RECEIVABLES, -Money.kroner(100), 41, 2),
        (Account.RECEIVABLES, -Money.kroner(1200), 42, 1),
        (Account.REFUNDS_PAYABLE, -Money.kroner(3700), 42, None),
    ]
    assert source_of_key(entry.idempotency_key) is RefundSource.DEPOSIT


residuals = st.lists(st.integers(-50_000, 500_000).filter(lambda n: n != 0), max_size=6)


@given(st.integers(1, 1_000_000), residuals)
def test_set_off_and_refund_add_up_to_the_deposit(amount_ore: int, owed_ore: list[int]) -> None:
    owed = [(claim(i, 42), Money(r)) for i, r in enumerate(owed_ore, start=1)]
    split = release_split(Money(amount_ore), owed)
    set_off = sum((part for _, part in split.set_off), NONE)
    claims = sum((Money(r) for r in owed_ore if r > 0), NONE)
    assert set_off + split.refund == Money(amount_ore)
    assert set_off == min(Money(amount_ore), claims)
    left = {item.open_item_id: residual for item, residual in owed}
    assert all(NONE < part <= left[item.open_item_id] for item, part in split.set_off)
