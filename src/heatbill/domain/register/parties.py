"""Parties: persons (with a protected CPR number) and companies (CVR, maybe EAN), and how to
reach them (`solrod 1.5`: e-mail, mobile, digital post unless exempt)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.errors import ValidationError

_CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")
_CVR = re.compile(r"^\d{8}$")
_EAN = re.compile(r"^\d{13}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MOBILE = re.compile(r"^(\+45)?\d{8}$")


@dataclass(frozen=True, slots=True)
class Cpr:
    """A Danish CPR number (personnummer). Sensitive: shown masked, stored encrypted.

    Only the format and the date are checked: numbers issued since 2007 need not pass the old
    modulus-11 test.
    """

    digits: str
    """Ten digits, no dash."""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{10}", self.digits):
            raise ValidationError("CPR-nummer skal være 10 cifre (DDMMÅÅ-XXXX)")

    @classmethod
    def parse(cls, text: str) -> Cpr:
        match = _CPR.match(text.strip())
        if not match:
            raise ValidationError("CPR-nummer skal skrives DDMMÅÅ-XXXX")
        day, month, year2, serial = match.groups()
        try:
            date(2000 + int(year2), int(month), int(day))
        except ValueError:
            # 29-02 in a year 19xx that was a leap year but 20xx is not: accept 1900 + year.
            try:
                date(1900 + int(year2), int(month), int(day))
            except ValueError as exc:
                raise ValidationError("CPR-nummerets dato findes ikke") from exc
        return cls(day + month + year2 + serial)

    def masked(self) -> str:
        """What screens show by default: the birth date, never the serial (`010190-****`)."""
        return f"{self.digits[:6]}-****"

    def formatted(self) -> str:
        """The full number, for the few places allowed to show it (logged by the caller)."""
        return f"{self.digits[:6]}-{self.digits[6:]}"

    def __repr__(self) -> str:
        return f"Cpr({self.masked()!r})"

    __str__ = masked


def parse_cvr(text: str) -> str:
    value = text.strip().replace(" ", "")
    if not _CVR.match(value):
        raise ValidationError("CVR-nummer skal være 8 cifre")
    return value


def parse_ean(text: str) -> str:
    """An EAN/GLN location number for e-invoices (OIOUBL/Peppol): 13 digits, GS1 check digit."""
    value = text.strip()
    if not _EAN.match(value):
        raise ValidationError("EAN-nummer skal være 13 cifre")
    digits = [int(c) for c in value]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12])) % 10) % 10
    if check != digits[12]:
        raise ValidationError("EAN-nummerets kontrolciffer passer ikke")
    return value


class PartyKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach a party (`solrod 1.5`)."""

    email: str | None = None
    mobile: str | None = None
    digital_post: bool = True
    """Reached through the digital mailbox (e-Boks/mit.dk) when the utility uses one."""
    digital_post_exempt: bool = False
    """Exempt from digital communication: letters go on paper (`solrod 1.5`)."""

    def __post_init__(self) -> None:
        if self.email is not None and not _EMAIL.match(self.email):
            raise ValidationError(f"ugyldig e-mailadresse: {self.email}")
        if self.mobile is not None and not _MOBILE.match(self.mobile.replace(" ", "")):
            raise ValidationError(f"ugyldigt mobilnummer: {self.mobile}")


@dataclass(frozen=True, slots=True)
class Party:
    """A person or a company that can be a customer."""

    party_id: int
    kind: PartyKind
    name: str
    contact: Contact
    cpr: Cpr | None = None
    cvr: str | None = None
    ean: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("en part skal have et navn")
        if self.kind is PartyKind.PERSON and (self.cvr or self.ean):
            raise ValidationError("en person har ikke CVR- eller EAN-nummer")
        if self.kind is PartyKind.COMPANY and self.cpr is not None:
            raise ValidationError("en virksomhed har ikke CPR-nummer")

    @property
    def is_business(self) -> bool:
        """Business customers may be charged the 310 kr. compensation (renteloven § 9 a)."""
        return self.kind is PartyKind.COMPANY
