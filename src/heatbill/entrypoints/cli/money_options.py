"""Amounts from the command line: Danish notation (`1.234,56`, `9000`, an optional `kr.`)."""

from __future__ import annotations

from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money
from heatbill.wording import say


def amount(text: str, option: str) -> Money:
    try:
        return Money.parse_da(text)
    except ValueError as error:
        raise ValidationError(say("cli.arg.amount", option=option, got=text)) from error


def optional_amount(text: str | None, option: str) -> Money:
    """An amount that is 0 kr. when not given."""
    return Money(0) if text is None else amount(text, option)
