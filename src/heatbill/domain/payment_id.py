"""FI payment ids (betalings-id) and the FI payment line (indbetalingskort type 71) on bills.

The layout is DANISH-RULES.md "Payment formats": a payment id is 15 digits, 14 digits of payload
and a modulus-10 (Luhn) check digit computed with weights 2, 1, 2, … from the rightmost payload
digit, a product above 9 counting as the sum of its digits. Examples there: payload 1 →
`000000000000018`, payload 2 → `000000000000026`. The payment line reads
`+71<` + payment id + `+` + creditor number + `<`, where the creditor number (FI-kreditornummer)
is 8 digits starting with 8. Public implementations write the same shape (hafsjold/snvrepos,
`clsPbs601.cs`: `+71< {id}+{creditor}<`, the id checked by the same modulus-10 rule).

What the payload means is heatbill's own choice, `payload_for_open_item`: the open item id,
zero-padded to 14 digits. An incoming FI payment (Betalingsservice 0602 section 0215, camt.053)
then names exactly the open item (the bill) it pays, with no lookup table to keep in step.

What the check digit catches (the Luhn properties, tested in tests/unit/test_payment_id.py):
- every single-digit error (one digit replaced by another), anywhere in the 15 digits;
- every swap of two adjacent different digits, except a swap of 0 and 9 (`…09…` ↔ `…90…`):
  0 and 9 have the same weighted digit sum whichever weight they carry.
It does not promise to catch anything else (two wrong digits, jumps over a digit, 22 ↔ 55).
"""

from __future__ import annotations

import re
from typing import Final

from heatbill.domain.errors import ValidationError
from heatbill.wording import say

PAYLOAD_DIGITS: Final = 14
PAYMENT_ID_DIGITS: Final = PAYLOAD_DIGITS + 1
MAX_PAYLOAD: Final = 10**PAYLOAD_DIGITS - 1
CARD_TYPE: Final = "71"
"""Indbetalingskort type 71: a 15-digit payment id and the creditor number, no amount."""

_PAYMENT_ID = re.compile(r"\d{15}")
_CREDITOR = re.compile(r"8\d{7}")


def _weighted(digits: str) -> int:
    """The weighted digit sum of up to four digits, weights …, 1, 2 from the right."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total


_WEIGHTED_4: Final = tuple(_weighted(f"{n:04d}") for n in range(10_000))
"""The weighted sums of every four digits: a payload read four digits at a time (each group
starts at an even place from the right, so it carries the same weights)."""


def check_digit(payload_digits: str) -> int:
    """The modulus-10 check digit of a string of digits: weights 2, 1, 2, … from the right."""
    if len(payload_digits) <= 16 and payload_digits.isascii() and payload_digits.isdigit():
        d, w = payload_digits.zfill(16), _WEIGHTED_4  # leading zeros weigh nothing
        total = w[int(d[:4])] + w[int(d[4:8])] + w[int(d[8:12])] + w[int(d[12:])]
        return (10 - total % 10) % 10
    total = 0
    for position, char in enumerate(reversed(payload_digits)):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product  # the digit sum of 10…18
    return (10 - total % 10) % 10


def fi_payment_id(payload: int) -> str:
    """The 15-digit payment id for a payload of at most 14 digits (zero-padded)."""
    if type(payload) is not int or not 0 <= payload <= MAX_PAYLOAD:
        raise ValidationError(say("payment.id.payload", payload=payload, digits=PAYLOAD_DIGITS))
    digits = f"{payload:0{PAYLOAD_DIGITS}d}"
    return digits + str(check_digit(digits))


def is_valid_payment_id(text: str) -> bool:
    """Fifteen digits whose last is the check digit of the other fourteen."""
    if not _PAYMENT_ID.fullmatch(text):
        return False
    return check_digit(text[:PAYLOAD_DIGITS]) == int(text[PAYLOAD_DIGITS])


def payload_of(payment_id: str) -> int:
    """The payload a payment id carries; a mistyped id (bad check digit) is refused."""
    if not _PAYMENT_ID.fullmatch(payment_id):
        raise ValidationError(say("payment.id.format", got=payment_id))
    if not is_valid_payment_id(payment_id):
        raise ValidationError(say("payment.id.check_digit", got=payment_id))
    return int(payment_id[:PAYLOAD_DIGITS])


def payload_for_open_item(open_item_id: int) -> int:
    """heatbill's payload scheme: the open item id itself (1 … 99 999 999 999 999)."""
    if type(open_item_id) is not int or not 0 < open_item_id <= MAX_PAYLOAD:
        raise ValidationError(say("payment.id.open_item", open_item_id=open_item_id))
    return open_item_id


def payment_id_for_open_item(open_item_id: int) -> str:
    """The payment id printed on the bill whose open item is `open_item_id`."""
    return fi_payment_id(payload_for_open_item(open_item_id))


def open_item_of(payment_id: str) -> int:
    """Which open item an incoming FI payment pays (the inverse of `payment_id_for_open_item`)."""
    return payload_for_open_item(payload_of(payment_id))


def open_item_named(text: str) -> int | None:
    """The open item a payment id names, None when `text` is no valid payment id (a batch's
    matching asks once per payment: `is_valid_payment_id`, then `open_item_of`)."""
    if not is_valid_payment_id(text):
        return None
    return payload_for_open_item(int(text[:PAYLOAD_DIGITS]))


def parse_creditor_number(text: str) -> str:
    """An FI creditor number (FI-kreditornummer): 8 digits, the first of them 8."""
    value = text.strip()
    if not _CREDITOR.fullmatch(value):
        raise ValidationError(say("payment.creditor.format", got=text))
    return value


def fi_line(payment_id: str, creditor_number: str) -> str:
    """The FI payment line: `+71<` 15-digit payment id `+` 8-digit creditor number `<`."""
    payload_of(payment_id)  # refuses a malformed id or a wrong check digit
    creditor = parse_creditor_number(creditor_number)
    return f"+{CARD_TYPE}<{payment_id}+{creditor}<"
