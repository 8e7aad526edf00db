"""What the register commands read from the command line and how they write values back.

In: dates as `31-12-2026` or `2026-12-31`; quantities with a decimal comma or point; Danish
words for choices. A bad value is a ValidationError naming the option (exit 2 through `main`).
Out, for people: dates `dd-mm-åååå`, MWh and m³ with a decimal comma. Out, as JSON (for
programs): ISO dates, quantities as exact decimal strings with a point, English enum values.
CPR numbers only ever masked (`010190-****`), in both.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TypeVar

import typer

from heatbill.adapters.formats import values
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.register.parties import Party
from heatbill.wording import say

E = TypeVar("E", bound=Enum)


def day(text: str, option: str) -> date:
    found = values.parse_date(text.strip())
    if found is None:
        raise ValidationError(say("cli.arg.date", option=option, got=text))
    return found


def quantity(text: str, option: str) -> Decimal:
    """A register value: at least 0, at most 3 decimals (MWh and m³ to 0.001)."""
    try:
        return values.non_negative(3)(text.strip())
    except ValidationError as error:
        raise ValidationError(
            say("cli.arg.problem", option=option, message=error.message)
        ) from error


def choice(text: str, option: str, words: Mapping[str, E]) -> E:
    found = words.get(text.strip().lower())
    if found is None:
        raise ValidationError(
            say("cli.arg.choice", option=option, choices=", ".join(words), got=text)
        )
    return found


def file_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise NotFoundError(say("cli.arg.file_missing", path=path))
    return path.read_bytes()


def dk(when: date | None) -> str:
    """A date for people: `31-12-2026`; nothing for None."""
    return "" if when is None else f"{when:%d-%m-%Y}"


def iso(when: date | None) -> str | None:
    return None if when is None else when.isoformat()


def exact(number: Decimal | None) -> str | None:
    """A quantity for JSON: exact, with a point, never in exponent form."""
    return None if number is None else f"{number:f}"


def identity(party: Party) -> str:
    """CPR masked (persons) or CVR (companies); empty when the register has neither."""
    if party.cpr is not None:
        return party.cpr.masked()
    return party.cvr or ""


def party_json(party: Party) -> dict[str, str | None]:
    return {
        "name": party.name,
        "kind": party.kind.value,
        "cpr": None if party.cpr is None else party.cpr.masked(),
        "cvr": party.cvr,
        "email": party.contact.email,
    }


def print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
