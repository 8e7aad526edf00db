"""Column types: exact decimal quantities stored as scaled integers on both databases.

SQLite has no exact decimal type (NUMERIC becomes a float), so a quantity with a fixed number
of decimals — MWh and m³ to 0.001, °C to 0.01, m² to 0.01 — is stored as a BIGINT count of its
smallest step and read back as a Decimal. Nothing ever passes through a float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Dialect
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal with `scale` decimals, stored as the integer `value × 10**scale`."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scale = scale

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_scaled(value, self.scale)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_scaled(value, self.scale)


def to_scaled(value: Decimal, scale: int) -> int:
    """The stored integer of a quantity with at most `scale` decimals."""
    if not isinstance(value, Decimal):
        raise TypeError(f"a quantity is a Decimal, not {type(value).__name__}")
    scaled = value.scaleb(scale)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than {scale} decimals")
    return int(scaled)


def from_scaled(value: Any, scale: int) -> Decimal:
    """The quantity of a stored integer."""
    return Decimal(int(value)).scaleb(-scale)
