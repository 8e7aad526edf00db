"""What a Betalingsservice 0601 delivery must satisfy before a byte is written.

Every field has a fixed width (betalingsservice_0601 lists them); a value that does not fit is a
problem, never silently cut or padded into a wrong number. All problems of a delivery are
collected, each naming the collection (its position and customer number) and the field, and
reported together, as the import parsers do (problems.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from heatbill.adapters.formats.problems import LineProblem
from heatbill.domain.money import Money
from heatbill.wording import say

if TYPE_CHECKING:
    from heatbill.adapters.formats.betalingsservice_0601 import (
        Collection,
        Creditor,
        Debtor,
        Delivery,
    )

MAX_ADDRESS_LINES = 2
MAX_AMOUNT_ORE = 10**13 - 1
"""The 042 amount field holds 13 digits of øre."""
_LATIN_1 = "iso-8859-1"


def problems_of(delivery: Delivery) -> list[LineProblem]:
    """Every problem of the delivery, in order: creditor first, then each collection."""
    found = [
        LineProblem(None, None, say("bs0601.creditor", field=say(f"bs0601.field.{f}"), message=m))
        for f, m in _creditor(delivery.creditor)
    ]
    number = _range(delivery.delivery_number, 1, 10**10 - 1)
    if number:
        field = say("bs0601.field.delivery_number")
        found.append(LineProblem(None, None, say("bs0601.creditor", field=field, message=number)))
    if not delivery.collections:
        found.append(LineProblem(None, None, say("bs0601.empty")))
    for index, item in enumerate(delivery.collections, start=1):
        for field, message in _collection(item, delivery):
            text = say("bs0601.collection", index=index, customer=item.customer_number,
                       field=field, message=message)  # fmt: skip
            found.append(LineProblem(None, None, text))
    return found


def _creditor(creditor: Creditor) -> Iterator[tuple[str, str]]:
    checks = [
        ("data_supplier", _exact_digits(creditor.data_supplier_number, 8)),
        ("pbs_number", _exact_digits(creditor.pbs_number, 8)),
        ("debtor_group", _range(creditor.debtor_group, 1, 99_999)),
        ("reg_number", _exact_digits(creditor.reg_number, 4)),
        ("account_number", _digit_text(creditor.account_number, 10)),
        ("user_id", _text(creditor.user_id, 15)),
        ("heading", _text(creditor.heading, 60)),
        ("subsystem", _text(creditor.subsystem, 3) or _exact_length(creditor.subsystem, 3)),
    ]
    yield from ((field, message) for field, message in checks if message)


def _collection(item: Collection, delivery: Delivery) -> Iterator[tuple[str, str]]:
    checks = [
        (_field("customer_number"), _range(item.customer_number, 1, 10**15 - 1)),
        (_field("mandate_number"), _range(item.mandate_number, 0, 10**9 - 1)),
        (_field("amount"), _amount(item.amount)),
        (_field("reference"), _text(item.reference, 30)),
    ]
    if item.due_date < delivery.created_on:
        message = say("bs0601.due_date", due=item.due_date, created=delivery.created_on)
        checks.append((_field("due_date"), message))
    checks += [
        (_field("text_line", number=n), _text(line, 60))
        for n, line in enumerate(item.text_lines, start=1)
    ]
    if item.debtor is not None:
        checks += _debtor(item.debtor)
    yield from ((name, message) for name, message in checks if message)


def _debtor(debtor: Debtor) -> list[tuple[str, str]]:
    lines = debtor.address_lines
    checks = [(_field("name"), _text(debtor.name, 35) or _filled(debtor.name))]
    checks += [(_field("address"), _text(line, 35)) for line in lines]
    if len(lines) > MAX_ADDRESS_LINES:
        message = say("bs0601.address_lines", high=MAX_ADDRESS_LINES, got=len(lines))
        checks.append((_field("address"), message))
    if _exact_digits(debtor.postcode, 4):
        checks.append((_field("postcode"), say("bs0601.postcode", got=debtor.postcode)))
    checks.append((_field("country"), _exact_length(debtor.country, 2)))
    return checks


def _field(key: str, number: int | None = None) -> str:
    return say(f"bs0601.field.{key}", number=number)


def _amount(amount: Money) -> str:
    if 0 < amount.ore <= MAX_AMOUNT_ORE:
        return ""
    return say("bs0601.amount", high=Money(MAX_AMOUNT_ORE).format_da(), got=amount.format_da())


def _text(value: str, width: int) -> str:
    if not value.isprintable() or not _encodes(value):
        return say("bs0601.charset", text=value)
    if len(value) > width:
        return say("bs0601.too_long", text=value, length=len(value), width=width)
    return ""


def _encodes(value: str) -> bool:
    try:
        value.encode(_LATIN_1)
    except UnicodeEncodeError:
        return False
    return True


def _filled(value: str) -> str:
    return "" if value.strip() else say("bs0601.blank")


def _exact_length(value: str, width: int) -> str:
    if len(value) == width:
        return ""
    return say("bs0601.too_long", text=value, length=len(value), width=width)


def _exact_digits(value: str, width: int) -> str:
    ok = len(value) == width and value.isascii() and value.isdigit()
    return "" if ok else say("bs0601.exact_digits", width=width, got=value)


def _digit_text(value: str, width: int) -> str:
    ok = 0 < len(value) <= width and value.isascii() and value.isdigit()
    return "" if ok else say("bs0601.digits", low=1, high=width, got=f'"{value}"')


def _range(value: int, low: int, high: int) -> str:
    ok = type(value) is int and low <= value <= high
    return "" if ok else say("bs0601.range", low=low, high=high, got=value)
