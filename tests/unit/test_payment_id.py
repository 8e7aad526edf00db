"""FI payment ids and the FI payment line (DANISH-RULES.md "Payment formats").

The worked examples are DANISH-RULES'. The check digit is a Luhn (modulus-10) digit, and the
properties below are exactly what Luhn promises: every single-digit error is caught, every swap
of two adjacent different digits is caught except 0 ↔ 9, and that one exception is shown too.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from heatbill.domain.errors import ValidationError
from heatbill.domain.payment_id import (
    MAX_PAYLOAD,
    check_digit,
    fi_line,
    fi_payment_id,
    is_valid_payment_id,
    open_item_of,
    parse_creditor_number,
    payload_of,
    payment_id_for_open_item,
)

payloads = st.integers(min_value=0, max_value=MAX_PAYLOAD)
payment_ids = payloads.map(fi_payment_id)


# --- worked examples ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("payload", "payment_id"), [(1, "000000000000018"), (2, "000000000000026")]
)
def test_the_danish_rules_examples(payload: int, payment_id: str) -> None:
    assert fi_payment_id(payload) == payment_id
    assert payload_of(payment_id) == payload


def test_weights_run_2_1_2_from_the_rightmost_payload_digit_and_products_add_their_digits() -> None:
    # 7 → 7×2 = 14 → 1+4 = 5; 3 → 3×1 = 3; sum 8 → check digit 2.
    assert check_digit("37") == 2
    assert fi_payment_id(37) == "000000000000372"


@given(st.text(alphabet="0123456789", max_size=24))
def test_the_check_digit_is_the_weighted_digit_sum_however_it_is_computed(digits: str) -> None:
    total = 0
    for position, char in enumerate(reversed(digits)):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    assert check_digit(digits) == (10 - total % 10) % 10


def test_the_payment_line_of_a_bill() -> None:
    assert fi_line("000000000000018", "81234567") == "+71<000000000000018+81234567<"


# --- what is refused ------------------------------------------------------------------------
@pytest.mark.parametrize("payload", [-1, MAX_PAYLOAD + 1, True])
def test_a_payload_outside_14_digits_is_refused(payload: int) -> None:
    with pytest.raises(ValidationError, match="højst 14 cifre"):
        fi_payment_id(payload)


@pytest.mark.parametrize("text", ["00000000000001", "0000000000000180", "00000000000001x", ""])
def test_a_payment_id_that_is_not_15_digits_is_refused(text: str) -> None:
    assert not is_valid_payment_id(text)
    with pytest.raises(ValidationError, match="15 cifre"):
        payload_of(text)


def test_a_wrong_check_digit_is_refused() -> None:
    with pytest.raises(ValidationError, match="forkert kontrolciffer"):
        payload_of("000000000000019")


@pytest.mark.parametrize("creditor", ["71234567", "8123456", "812345678", "8123456a"])
def test_a_creditor_number_is_8_digits_starting_with_8(creditor: str) -> None:
    with pytest.raises(ValidationError, match="8 cifre og begynde med 8"):
        parse_creditor_number(creditor)
    with pytest.raises(ValidationError):
        fi_line("000000000000018", creditor)


def test_the_payment_line_refuses_a_mistyped_payment_id() -> None:
    with pytest.raises(ValidationError, match="kontrolciffer"):
        fi_line("000000000000081", "81234567")


# --- the open item scheme -------------------------------------------------------------------
def test_a_payment_id_names_the_open_item_it_pays() -> None:
    assert payment_id_for_open_item(5001) == "000000000050013"
    assert open_item_of("000000000050013") == 5001


@pytest.mark.parametrize("open_item_id", [0, -3])
def test_open_item_ids_start_at_1(open_item_id: int) -> None:
    with pytest.raises(ValidationError, match="åben post"):
        payment_id_for_open_item(open_item_id)
    with pytest.raises(ValidationError, match="åben post"):
        open_item_of(fi_payment_id(0))


@given(st.integers(min_value=1, max_value=MAX_PAYLOAD))
def test_open_items_round_trip(open_item_id: int) -> None:
    assert open_item_of(payment_id_for_open_item(open_item_id)) == open_item_id


# --- properties -----------------------------------------------------------------------------
@given(payloads)
def test_every_payload_round_trips_through_a_valid_15_digit_id(payload: int) -> None:
    payment_id = fi_payment_id(payload)
    assert len(payment_id) == 15
    assert is_valid_payment_id(payment_id)
    assert payload_of(payment_id) == payload


@given(payment_ids, st.integers(min_value=0, max_value=14), st.integers(min_value=1, max_value=9))
def test_every_single_digit_error_is_caught(payment_id: str, position: int, shift: int) -> None:
    wrong = str((int(payment_id[position]) + shift) % 10)
    mistyped = payment_id[:position] + wrong + payment_id[position + 1 :]
    assert not is_valid_payment_id(mistyped)


def _swap(payment_id: str, position: int) -> str:
    digits = list(payment_id)
    digits[position], digits[position + 1] = digits[position + 1], digits[position]
    return "".join(digits)


@given(payment_ids, st.integers(min_value=0, max_value=13))
def test_every_adjacent_swap_of_different_digits_is_caught_except_0_and_9(
    payment_id: str, position: int
) -> None:
    pair = {payment_id[position], payment_id[position + 1]}
    assume(len(pair) == 2 and pair != {"0", "9"})
    assert not is_valid_payment_id(_swap(payment_id, position))


@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12),
    st.integers(min_value=0, max_value=12),
    st.sampled_from(["09", "90"]),
)
def test_a_swap_of_adjacent_0_and_9_is_the_one_luhn_misses(
    other_digits: str, position: int, pair: str
) -> None:
    payment_id = fi_payment_id(int(other_digits[:position] + pair + other_digits[position:]))
    assert is_valid_payment_id(_swap(payment_id, position))


def test_the_0_9_blind_spot_on_a_concrete_id() -> None:
    payment_id = fi_payment_id(9)  # 000000000000091
    assert payment_id == "000000000000091"
    assert is_valid_payment_id("000000000000901")  # 09 swapped to 90: not caught
