"""Money: exact amounts in integer øre, and the one rounding rule.

Every amount heatbill books or prints is a `Money`: a whole number of øre (1/100 krone).
Floats are refused at the door. Rates (VAT, interest, prices per MWh) are `Decimal`; a
computation runs at full `Decimal` precision and is rounded exactly once, by `round_ore`,
half-up to the nearest øre (ties away from zero, as Danish invoices and renteloven examples do).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

ORE_PER_KRONE: Final = 100
VAT_RATE: Final = Decimal("0.25")
"""Danish VAT (moms), 25 % — heat and the standard-rated fees carry it."""

_DA_AMOUNT = re.compile(r"^(-)?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?$")


def round_ore(amount_ore: Decimal) -> Money:
    """The one rounding rule: a Decimal amount of øre, half-up to a whole øre."""
    if not isinstance(amount_ore, Decimal):
        raise TypeError(f"round_ore takes a Decimal amount of øre, not {type(amount_ore).__name__}")
    return Money(int(amount_ore.to_integral_value(rounding=ROUND_HALF_UP)))


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An exact amount in øre. Immutable, hashable, ordered; `sum()` works from 0."""

    ore: int

    def __post_init__(self) -> None:
        if type(self.ore) is not int:
            raise TypeError(f"Money holds integer øre, not {type(self.ore).__name__}: {self.ore!r}")

    # --- construction -------------------------------------------------------------------
    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def kroner(cls, amount: str | int | Decimal) -> Money:
        """From kroner: `Money.kroner("187.50")`, `Money.kroner(100)`. Rounds half-up to øre."""
        if isinstance(amount, bool) or not isinstance(amount, str | int | Decimal):
            raise TypeError(f"kroner takes str, int or Decimal, not {type(amount).__name__}")
        try:
            value = Decimal(amount)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount in kroner: {amount!r}") from exc
        if not value.is_finite():
            raise ValueError(f"not a finite amount: {amount!r}")
        return round_ore(value * ORE_PER_KRONE)

    @classmethod
    def parse_da(cls, text: str) -> Money:
        """Parse Danish notation: `1.234,56`, `-75,5`, `100` (an optional `kr.` is allowed)."""
        cleaned = text.strip().removesuffix("kr.").removesuffix("kr").strip().replace(" ", "")
        match = _DA_AMOUNT.match(cleaned)
        if not match:
            raise ValueError(f"not a Danish amount (expected e.g. 1.234,56): {text!r}")
        sign, whole, frac = match.groups()
        ore = int(whole.replace(".", "")) * ORE_PER_KRONE + int((frac or "0").ljust(2, "0"))
        return cls(-ore if sign else ore)

    # --- arithmetic ---------------------------------------------------------------------
    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.ore + other.ore)

    def __radd__(self, other: object) -> Money:
        # sum() starts from the int 0; anything else is a mixed-unit mistake.
        if other == 0 and type(other) is int:
            return self
        if isinstance(other, Money):
            return Money(other.ore + self.ore)
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.ore - other.ore)

    def __neg__(self) -> Money:
        return Money(-self.ore)

    def __abs__(self) -> Money:
        return Money(abs(self.ore))

    def __mul__(self, factor: int) -> Money:
        """Multiply by a whole number; for a rate use `times`, which names its rounding."""
        if type(factor) is not int:
            return NotImplemented
        return Money(self.ore * factor)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.ore != 0

    def times(self, rate: Decimal) -> Money:
        """This amount times a Decimal rate, rounded once by `round_ore`."""
        return round_ore(self.exact_times(rate))

    def exact_times(self, rate: Decimal) -> Decimal:
        """Unrounded øre, for computations that add several terms before rounding once."""
        if not isinstance(rate, Decimal):
            raise TypeError(f"rates are Decimal, not {type(rate).__name__}")
        return Decimal(self.ore) * rate

    @property
    def is_negative(self) -> bool:
        return self.ore < 0

    @property
    def is_positive(self) -> bool:
        return self.ore > 0

    def as_decimal_kroner(self) -> Decimal:
        return Decimal(self.ore) / ORE_PER_KRONE

    # --- presentation -------------------------------------------------------------------
    def format_da(self, *, unit: bool = True) -> str:
        """Danish notation: `1.234,56 kr.`; negative amounts carry a leading minus."""
        whole, frac = divmod(abs(self.ore), ORE_PER_KRONE)
        text = f"{whole:,}".replace(",", ".") + f",{frac:02d}"
        if self.ore < 0:
            text = "-" + text
        return f"{text} kr." if unit else text

    def __str__(self) -> str:
        return self.format_da()


def vat_of(net: Money, rate: Decimal = VAT_RATE) -> Money:
    """The VAT on a net amount (25 % by default), rounded once."""
    return net.times(rate)


def with_vat(net: Money, rate: Decimal = VAT_RATE) -> Money:
    return net + vat_of(net, rate)


def allocate(total: Money, weights: Sequence[int | Decimal]) -> list[Money]:
    """Split `total` in proportion to `weights`, exactly: the parts sum to `total`.

    Largest-remainder method: each part is rounded down, and the øre left over go one by one
    to the parts with the largest remainders (ties to the earliest part). Used for equal
    installments and for spreading a year over periods.
    """
    if not weights:
        raise ValueError("allocate needs at least one weight")
    decimal_weights = [Decimal(w) for w in weights]
    if any(w < 0 for w in decimal_weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(decimal_weights, Decimal(0))
    if weight_sum == 0:
        raise ValueError("weights must not all be zero")
    sign = -1 if total.ore < 0 else 1
    magnitude = abs(total.ore)
    exact = [Decimal(magnitude) * w / weight_sum for w in decimal_weights]
    floors = [int(x) for x in exact]
    leftover = magnitude - sum(floors)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[:leftover]:
        floors[i] += 1
    return [Money(sign * part) for part in floors]


def total(amounts: Iterable[Money]) -> Money:
    """Sum of amounts; `Money(0)` for none. Summed as integers: one `Money` made, not one per
    term (bills and entries sum their lines often)."""
    ore = 0
    for amount in amounts:
        if type(amount) is not Money:
            raise TypeError(f"total adds Money, not {type(amount).__name__}")
        ore += amount.ore
    return Money(ore)
