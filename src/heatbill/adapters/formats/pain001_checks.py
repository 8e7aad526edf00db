"""What a pain.001 refund file must satisfy before it is written.

Every problem of the order is collected — the file as a whole first, then each refund by its
position and end-to-end id — and reported together, as the 0601 writer does. Widths are the
schema's (Max35Text ids, Max70Text names, Max140Text remittance); an IBAN must pass its
ISO 13616 check (mod 97 = 1); text must be printable and in ISO-8859-1, which Danish banks
advise for æ, ø and å.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from heatbill.adapters.formats.pain001_order import (
    DanishAccount,
    Iban,
    NemKonto,
    PaymentOrder,
    Refund,
)
from heatbill.adapters.formats.problems import LineProblem
from heatbill.wording import say

MAX_AMOUNT_ORE = 10**17 - 1
_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")


def problems_of(order: PaymentOrder) -> list[LineProblem]:
    found = [LineProblem(None, None, message) for message in _order(order)]
    seen: dict[str, int] = {}
    for index, refund in enumerate(order.refunds, start=1):
        messages = list(_refund(refund, order.nemkonto_agreed))
        if refund.end_to_end_id in seen:
            messages.append(say("pain.twice", first=seen[refund.end_to_end_id]))
        seen.setdefault(refund.end_to_end_id, index)
        ident = refund.end_to_end_id
        found += [
            LineProblem(None, None, say("pain.refund", index=index, id=ident, message=message))
            for message in messages
        ]
    return found


def _order(order: PaymentOrder) -> Iterator[str]:
    if not order.refunds:
        yield say("pain.empty")
    if order.created_at.tzinfo is None:
        yield say("pain.naive_time")
    yield from _text("message_id", order.message_id, 35)
    yield from _text("debtor_name", order.debtor.name, 70)
    if not _valid_iban(order.debtor.iban):
        yield say("pain.field", field=say("pain.field.debtor_iban"),
                  message=say("pain.iban", got=order.debtor.iban))  # fmt: skip
    if not _BIC.match(order.debtor.bic):
        yield say("pain.field", field=say("pain.field.bic"),
                  message=say("pain.bic", got=order.debtor.bic))  # fmt: skip


def _refund(refund: Refund, nemkonto_agreed: bool) -> Iterator[str]:
    yield from _text("end_to_end_id", refund.end_to_end_id, 35)
    yield from _text("creditor_name", refund.creditor_name, 70)
    yield from _text("remittance", refund.remittance, 140)
    if not 0 < refund.amount.ore <= MAX_AMOUNT_ORE:
        yield _field("amount", say("pain.amount", got=refund.amount.format_da()))
    account = refund.account
    if isinstance(account, Iban) and not _valid_iban(account.iban):
        yield _field("account", say("pain.iban", got=account.iban))
    if isinstance(account, DanishAccount) and not (
        _digits(account.reg_number, 4, 4) and _digits(account.account_number, 1, 10)
    ):
        got = f"{account.reg_number} {account.account_number}"
        yield _field("account", say("pain.bban", got=got))
    if isinstance(account, NemKonto):
        if not nemkonto_agreed:
            yield _field("account", say("pain.nemkonto_agreement"))
        if not (_digits(account.identifier, 10, 10) or _digits(account.identifier, 8, 8)):
            yield _field("account", say("pain.nemkonto_id"))


def _field(key: str, message: str) -> str:
    return say("pain.field", field=say(f"pain.field.{key}"), message=message)


def _text(key: str, value: str, width: int) -> Iterator[str]:
    if not value.strip():
        yield _field(key, say("pain.blank"))
    elif len(value) > width:
        yield _field(key, say("pain.too_long", length=len(value), width=width))
    elif not value.isprintable() or not _latin_1(value):
        yield _field(key, say("pain.charset", text=value))


def _latin_1(value: str) -> bool:
    try:
        value.encode("iso-8859-1")
    except UnicodeEncodeError:
        return False
    return True


def _digits(value: str, low: int, high: int) -> bool:
    return low <= len(value) <= high and value.isascii() and value.isdigit()


def _valid_iban(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10…35, mod 97 = 1."""
    if not _IBAN.match(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1
