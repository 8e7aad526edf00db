"""Values as plain JSON data: dataclasses to dicts, Money to integer øre (under `*_ore`),
dates ISO 8601, Decimals as exact strings, enums by value. Secrets (CPR, hashes) left out."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from heatbill.domain.money import Money

_SECRET = frozenset({"cpr", "cpr_sealed", "cpr_lookup", "password_hash", "pin_hash"})


def plain(value: Any) -> Any:  # noqa: PLR0911 - one answer per kind of value
    """A dataclass (or list, dict, value) as JSON: Money → øre under a `*_ore` key."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in _SECRET:
                continue
            key = f"{f.name}_ore" if isinstance(item, Money) else f.name
            found[key] = plain(item)
        return found
    if isinstance(value, Money):
        return value.ore
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value
