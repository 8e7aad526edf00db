"""A bad-debt write-off gets the output VAT it contains back (momsloven § 27, stk. 5) — pure.

Heat is billed with 25 % VAT, so a quarter of the net — a fifth of the amount incl. VAT — of a
heat bill written off is VAT relief; the reopening fee is standard-rated too (DANISH-RULES
"VAT on fees"); reminder, collection notice and closing visit fees are outside VAT, the plan
fee is exempt, late interest carries none.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.ledger import Account
from heatbill.domain.ledger.bad_debt import BilledVat, vat_relief, write_off_entry
from heatbill.domain.money import Money

KR = Money.kroner
HEAT_BILL = BilledVat(KR(1250), KR(250))
REMINDER_FEE = BilledVat(KR(100), Money(0))
REOPENING_FEE = BilledVat(KR("468.75"), KR("93.75"))
INTEREST = BilledVat(KR("12.34"), Money(0))
BILLED = {1: HEAT_BILL, 2: REMINDER_FEE, 3: REOPENING_FEE, 4: INTEREST}


def entry(written_off: list[tuple[int, Money]]) -> dict[Account, Money]:
    found = write_off_entry(date(2026, 3, 1), "Afskrevet som tab", 7, written_off, BILLED, "k")
    sums: dict[Account, Money] = {}
    for p in found.postings:
        sums[p.account] = sums.get(p.account, Money(0)) + p.amount
    return sums


def test_a_heat_bill_written_off_in_full_gets_its_25_percent_vat_back() -> None:
    assert entry([(1, KR(1250))]) == {
        Account.BAD_DEBT: KR(1000),
        Account.VAT_PAYABLE: KR(250),
        Account.RECEIVABLES: KR(-1250),
    }


def test_part_of_a_heat_bill_carries_its_share_of_the_vat() -> None:
    assert vat_relief([(1, KR(100))], BILLED) == KR(20)


def test_fees_outside_vat_and_late_interest_carry_no_vat() -> None:
    assert vat_relief([(2, KR(100)), (4, KR("12.34"))], BILLED) == Money(0)
    assert Account.VAT_PAYABLE not in entry([(2, KR(100)), (4, KR("12.34"))])


def test_the_standard_rated_reopening_fee_carries_its_vat() -> None:
    assert vat_relief([(3, KR("468.75"))], BILLED) == KR("93.75")


def test_a_claim_with_bill_fees_and_interest_gets_relief_on_the_vat_bearing_parts_only() -> None:
    relief = vat_relief([(1, KR(500)), (2, KR(100)), (3, KR("468.75")), (4, KR(10))], BILLED)
    assert relief == KR(100) + KR("93.75")


@given(st.lists(st.tuples(st.sampled_from([1, 2, 3, 4]), st.integers(1, 125_000)), min_size=1))
def test_the_entry_balances_and_the_relief_is_never_above_a_fifth(
    parts: list[tuple[int, int]],
) -> None:
    written_off = [(i, Money(ore)) for i, ore in parts]
    amount = sum((a for _, a in written_off), Money(0))
    sums = entry(written_off)  # the entry's own check: debits equal credits
    relief = sums.get(Account.VAT_PAYABLE, Money(0))
    assert sums[Account.BAD_DEBT] + relief == amount
    assert Money(0) <= relief
    assert relief.ore * 5 <= amount.ore + 5  # within the rounding of each share
