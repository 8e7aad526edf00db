"""Where a party's refunds are paid (udbetalingskonto): a Danish account, an IBAN or NemKonto.

A Danish account is a registration number (4 digits) and an account number (up to 10 digits);
an IBAN must pass its ISO 13616 check (mod 97 = 1). NemKonto is the account the person or
company registered with the state, addressed by CPR or CVR; it is what a party without an
account of its own is paid to (`aalborg 2.3`: overpayments go to the customer's NemKonto),
and only where the utility's bank takes NemKonto transfers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from heatbill.domain.errors import ValidationError
from heatbill.wording import say

_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")


class PayoutKind(StrEnum):
    DANISH = "danish"
    """Reg. no. + account no. (BBAN)."""
    IBAN = "iban"
    NEMKONTO = "nemkonto"


@dataclass(frozen=True, slots=True)
class PayoutAccount:
    """The account a refund goes to; for NemKonto only the kind (CPR/CVR come from the party)."""

    kind: PayoutKind
    reg_number: str | None = None
    account_number: str | None = None
    iban: str | None = None

    def __post_init__(self) -> None:
        danish = _digits(self.reg_number, 4, 4) and _digits(self.account_number, 1, 10)
        if self.kind is PayoutKind.DANISH and not danish:
            raise ValidationError(say("refunds.account.bban"))
        if self.kind is PayoutKind.IBAN and not valid_iban(self.iban or ""):
            raise ValidationError(say("refunds.account.iban", got=self.iban or ""))

    @classmethod
    def danish(cls, reg_number: str, account_number: str) -> PayoutAccount:
        return cls(PayoutKind.DANISH, reg_number.strip(), account_number.strip())

    @classmethod
    def of_iban(cls, iban: str) -> PayoutAccount:
        return cls(PayoutKind.IBAN, iban=iban.replace(" ", "").upper())

    @classmethod
    def nemkonto(cls) -> PayoutAccount:
        return cls(PayoutKind.NEMKONTO)

    def describe(self) -> str:
        """What staff see: `1234 0001234567`, the IBAN, or `NemKonto`."""
        if self.kind is PayoutKind.DANISH:
            return f"{self.reg_number} {(self.account_number or '').rjust(10, '0')}"
        if self.kind is PayoutKind.IBAN:
            return self.iban or ""
        return say("refunds.account.nemkonto")


@dataclass(frozen=True, slots=True)
class PayingAccount:
    """The utility's own account the refunds are paid from (debtor of the payout file)."""

    iban: str
    bic: str
    nemkonto_agreed: bool = False
    """The utility has its bank's NemKonto service (only then may a file pay to NemKonto)."""

    def __post_init__(self) -> None:
        if not valid_iban(self.iban):
            raise ValidationError(say("refunds.account.iban", got=self.iban))
        if not _BIC.match(self.bic):
            raise ValidationError(say("refunds.account.bic", got=self.bic))


def valid_iban(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10…35, mod 97 = 1."""
    if not _IBAN.match(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _digits(value: str | None, low: int, high: int) -> bool:
    return value is not None and low <= len(value) <= high and value.isascii() and value.isdigit()
