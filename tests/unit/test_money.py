"""Money is exact: integer øre, no floats, Danish formatting, one rounding rule (half-up)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.domain.money import Money, allocate, round_ore, total, vat_of, with_vat


def test_money_refuses_floats() -> None:
    with pytest.raises(TypeError, match="integer øre"):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.kroner(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) * 1.25  # type: ignore[operator]
    with pytest.raises(TypeError, match="Decimal"):
        Money(100).times(0.25)  # type: ignore[arg-type]


def test_money_refuses_bool_and_mixed_units() -> None:
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(TypeError):
        Money(100) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        sum([Money(1)], 5)


@pytest.mark.parametrize(
    ("ore", "text"),
    [
        (123456, "1.234,56 kr."),
        (0, "0,00 kr."),
        (5, "0,05 kr."),
        (-7550, "-75,50 kr."),
        (100000000, "1.000.000,00 kr."),
        (46875, "468,75 kr."),
    ],
)
def test_danish_format(ore: int, text: str) -> None:
    assert Money(ore).format_da() == text
    assert Money.parse_da(text) == Money(ore)


def test_parse_danish_refuses_english_notation() -> None:
    with pytest.raises(ValueError, match=r"1\.234,56"):
        Money.parse_da("1,234.56")


def test_rounding_is_half_up_to_the_ore() -> None:
    assert round_ore(Decimal("0.5")) == Money(1)
    assert round_ore(Decimal("1.4999")) == Money(1)
    assert round_ore(Decimal("-0.5")) == Money(-1)
    assert Money.kroner("187.505") == Money(18751)


def test_vat_is_25_percent_of_the_net_amount() -> None:
    # DANISH-RULES: reopening 375 kr. ex VAT is 468,75 kr. incl. VAT; bailiff 330 → 412,50.
    assert with_vat(Money.kroner(375)) == Money.kroner("468.75")
    assert with_vat(Money.kroner(330)) == Money.kroner("412.50")
    assert vat_of(Money.kroner("0.02")) == Money(1)  # 0,5 øre rounds up


def test_sum_of_money_starts_from_zero() -> None:
    assert sum([Money(1), Money(2)]) == Money(3)
    assert total([]) == Money(0)


def test_four_equal_installments_sum_to_the_budget() -> None:
    # 4rater: the budget is spread over 4 equal installments; the øre that do not divide go
    # to the first ones, so the parts still add up exactly.
    parts = allocate(Money(1000001), [1, 1, 1, 1])
    assert parts == [Money(250001), Money(250000), Money(250000), Money(250000)]


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=24).filter(any),
)
def test_allocate_is_exact_and_proportional(ore: int, weights: list[int]) -> None:
    parts = allocate(Money(ore), weights)
    assert total(parts) == Money(ore)
    weight_sum = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact = Decimal(ore) * weight / weight_sum
        assert abs(Decimal(part.ore) - exact) < 1


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_and_parse_round_trip(ore: int) -> None:
    assert Money.parse_da(Money(ore).format_da()) == Money(ore)
