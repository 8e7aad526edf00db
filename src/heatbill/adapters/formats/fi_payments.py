"""FI payments (FI-indbetalinger): payments customers made with the bill's payment slip
(indbetalingskort, card type 71), as the utility's bank exports them.

There is no one Danish file for these. A utility under Betalingsservice gets them from Nets in
the 0602 delivery, section 0215 (betalingsservice_0602); otherwise each bank offers its own
export ("FI-adviseringer" in its online bank, in its own CSV or fixed-width layout — Sydbank's
and Bankdata's record descriptions show two different ones), or camt.053/054 (camt053).
No bank's layout was found authoritative enough to copy, so this is heatbill's own documented
CSV layout: **the utility's bank export as configured to it** — the export is set up once in
the online bank to give these columns (or the file is mapped into them). The assumption is
explicit: a file that does not have these columns is refused, never guessed at.

One row per payment, a header row first; `;` or `,` between fields; UTF-8 (BOM optional) or
Windows-1252; decimal comma or point, no thousands separator (table.py, values.py):

| column          | alias        | content                                                    |
|-----------------|--------------|------------------------------------------------------------|
| `dato`          | date         | the day the payment was booked, `2026-03-02` or `02-03-2026` |
| `beloeb`        | amount       | kroner, more than 0, at most 2 decimals (`1875,00`)         |
| `kortart`       | card_type    | `71` (the only card type whose payment id heatbill prints)  |
| `betalings_id`  | payment_id   | the 15-digit payment id, its check digit right (Luhn)      |
| `kreditornr`    | creditor     | the 8-digit FI creditor number, starting with 8            |
| `arkivreference`| archive_ref  | optional: the bank's reference for the payment; once a file |
| `navn`          | name         | optional: the payer's name as the bank has it              |

A payment id whose check digit is wrong is refused (it cannot have come through the FI
system, which checks it); whether the id names an open item is decided on import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from heatbill.adapters.formats import values
from heatbill.adapters.formats.header import Column
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.table import CsvRow, ParsedFile, read_csv
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money, total
from heatbill.domain.payment_id import (
    CARD_TYPE,
    is_valid_payment_id,
    parse_creditor_number,
    payload_of,
)
from heatbill.wording import say

COLUMNS: Final = (
    Column("dato", aliases=("date",)),
    Column("beloeb", aliases=("amount", "beløb")),
    Column("kortart", aliases=("card_type",)),
    Column("betalings_id", aliases=("payment_id",)),
    Column("kreditornr", aliases=("creditor",)),
    Column("arkivreference", required=False, aliases=("archive_ref",)),
    Column("navn", required=False, aliases=("name",)),
)

_kroner = values.positive(2)


@dataclass(frozen=True, slots=True)
class FiPayment:
    line: int
    booked_on: date
    amount: Money
    payment_id: str
    """Fifteen digits, check digit verified: heatbill's payload names the open item."""
    creditor_number: str
    archive_reference: str | None = None
    payer_name: str | None = None


def parse_fi_payments(data: bytes | str, name: str) -> ParsedFile[FiPayment]:
    """Every payment in the file, or FileFormatError listing every problem (no rows at all)."""
    log = ProblemLog()
    table = read_csv(data, name, COLUMNS, log)
    fast = _FastPath(table.header.positions)
    rows = [
        payment for row in table.rows if (payment := fast.payment(row) or _payment(row)) is not None
    ]
    _archive_references_once(table.rows, log)
    log.raise_if_any(name)
    decoded = table.decoded
    return ParsedFile(name, decoded.sha256, decoded.encoding, table.delimiter, tuple(rows))


def total_of(payments: ParsedFile[FiPayment]) -> Money:
    """What the file pays in all, to compare with the bank's total for the day."""
    return total(payment.amount for payment in payments.rows)


def _payment(row: CsvRow) -> FiPayment | None:
    booked_on = row.required("dato", values.calendar_date)
    kroner = row.required("beloeb", _kroner)
    card_type = row.required("kortart", _card_type)
    payment_id = row.required("betalings_id", _payment_id)
    creditor = row.required("kreditornr", parse_creditor_number)
    if (
        booked_on is None or kroner is None or card_type is None or payment_id is None
        or creditor is None
    ):  # fmt: skip
        return None
    return FiPayment(
        row.line, booked_on, Money.kroner(kroner), payment_id, creditor,
        row.text("arkivreference") or None, row.text("navn") or None,
    )  # fmt: skip


class _FastPath:
    """A row whose every field is plainly right, read without the per-field machinery (a
    bank's day of FI payments has ~10⁵ rows); any other row is left to `_payment`, whose
    checks and messages are the file's."""

    def __init__(self, positions: dict[str, int]) -> None:
        names = ("dato", "beloeb", "kortart", "betalings_id", "kreditornr")
        self._required = [positions[n] for n in names] if positions.keys() >= set(names) else None
        self._optional = [positions.get("arkivreference"), positions.get("navn")]
        self._days: dict[str, date | None] = {}
        self._creditors: set[str] = set()

    def payment(self, row: CsvRow) -> FiPayment | None:
        if self._required is None:
            return None
        cells = row.cells
        day, kroner, card_type, payment_id, creditor = (cells[i].strip() for i in self._required)
        booked_on = self._day(day)
        amount = _ore(kroner)
        if booked_on is None or amount is None or card_type != CARD_TYPE:
            return None
        if not is_valid_payment_id(payment_id) or not self._creditor(creditor):
            return None
        reference, payer = (None if i is None else cells[i].strip() or None for i in self._optional)
        return FiPayment(row.line, booked_on, Money(amount), payment_id, creditor, reference, payer)

    def _day(self, text: str) -> date | None:
        if text not in self._days:
            self._days[text] = values.parse_date(text)
        return self._days[text]

    def _creditor(self, text: str) -> bool:
        if text not in self._creditors:
            if not _CREDITOR.fullmatch(text):
                return False
            self._creditors.add(text)
        return True


_KRONER = re.compile(r"([0-9]{1,15})(?:[.,]([0-9]{1,2}))?")
_CREDITOR = re.compile(r"8[0-9]{7}")


def _ore(text: str) -> int | None:
    """Plain kroner (`1875`, `1875,5`, `1875.50`) in øre; None for anything else, and for 0."""
    match = _KRONER.fullmatch(text)
    if match is None:
        return None
    decimals = match[2] or ""
    ore = int(match[1]) * 100 + int(decimals.ljust(2, "0"))
    return ore or None


def _card_type(text: str) -> str:
    if text != CARD_TYPE:
        raise ValidationError(say("fi.card_type", got=text))
    return text


def _payment_id(text: str) -> str:
    payload_of(text)  # refuses a malformed id or a wrong check digit
    return text


def _archive_references_once(rows: tuple[CsvRow, ...], log: ProblemLog) -> None:
    first: dict[str, int] = {}
    for row in rows:
        reference = row.text("arkivreference")
        if not reference:
            continue
        if reference in first:
            row.problem("arkivreference", say("fi.archive_twice", first=first[reference]))
        first.setdefault(reference, row.line)
