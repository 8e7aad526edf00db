"""The customer and the owner on a row of the customer export.

The rules for CPR, CVR, EAN, e-mail and mobile live in the domain (`Cpr.parse`, `parse_cvr`,
`parse_ean`, `Contact`); here their errors become problems of the field they came from. A CPR
number is never repeated in a message, since messages end up in logs.
"""

from __future__ import annotations

from heatbill.adapters.formats import values
from heatbill.adapters.formats.customer_rows import KIND_WORDS, PartyValues
from heatbill.adapters.formats.table import CsvRow
from heatbill.domain.register.parties import Contact, Cpr, PartyKind, parse_cvr, parse_ean
from heatbill.wording import say

OWNER_COLUMNS = ("ejer_navn", "ejer_cpr", "ejer_cvr", "ejer_email")


def customer(row: CsvRow) -> PartyValues | None:
    """The row's customer; a person has no CVR or EAN, a company no CPR but always a CVR."""
    kind = row.required("kunde_type", values.choice(KIND_WORDS))
    name = row.required("navn", values.text)
    cpr, cvr, ean = None, None, None
    if kind is PartyKind.COMPANY:
        _refuse_if_given(row, "cpr", "formats.customers.company_with_cpr")
        if not row.text("cvr"):
            row.problem("cvr", say("formats.customers.company_without_cvr"))
        cvr = row.optional("cvr", parse_cvr)
        ean = row.optional("ean", parse_ean)
    elif kind is PartyKind.PERSON:
        cpr = row.optional("cpr", Cpr.parse)
        _refuse_if_given(row, "cvr", "formats.customers.person_with_cvr")
        _refuse_if_given(row, "ean", "formats.customers.person_with_ean")
    contact = _contact(row)
    if kind is None or name is None or contact is None:
        return None
    return PartyValues(kind, name, contact, cpr=cpr, cvr=cvr, ean=ean)


def owner(row: CsvRow, role_word: str) -> PartyValues | None:
    """The owner of a tenant's or andelshaver's installation; a problem when missing."""
    name = row.text("ejer_navn")
    if not name:
        row.problem("ejer_navn", say("formats.customers.owner_missing", role=role_word))
        return None
    email = row.optional("ejer_email", _email)
    if row.text("ejer_cvr"):
        if row.text("ejer_cpr"):
            row.problem("ejer_cvr", say("formats.customers.owner_both_ids"))
        cvr = row.optional("ejer_cvr", parse_cvr)
        return PartyValues(PartyKind.COMPANY, name, Contact(email=email), cvr=cvr)
    cpr = row.optional("ejer_cpr", Cpr.parse)
    return PartyValues(PartyKind.PERSON, name, Contact(email=email), cpr=cpr)


def refuse_owner(row: CsvRow) -> None:
    """An owner's own row names no other owner: a filled-in owner column is a mistake."""
    for column in OWNER_COLUMNS:
        _refuse_if_given(row, column, "formats.customers.owner_not_allowed")


def _contact(row: CsvRow) -> Contact | None:
    email = row.optional("email", _email)
    mobile = row.optional("mobil", _mobile)
    digital_post = row.required("digital_post", values.yes_no)
    exempt = row.required("fritaget_digital_post", values.yes_no)
    if exempt and digital_post:
        row.problem("digital_post", say("formats.customers.exempt_but_digital"))
    if digital_post is None or exempt is None:
        return None
    return Contact(email, mobile, digital_post=digital_post, digital_post_exempt=exempt)


def _email(value: str) -> str:
    Contact(email=value)  # the domain's rule for an e-mail address
    return value


def _mobile(value: str) -> str:
    """Stored without the blanks people type ("20 12 34 56"), as SMS gateways want it."""
    Contact(mobile=value)  # the domain's rule for a Danish mobile number
    return value.replace(" ", "")


def _refuse_if_given(row: CsvRow, column: str, key: str) -> None:
    if row.text(column):
        row.problem(column, say(key))
