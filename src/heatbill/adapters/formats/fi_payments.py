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

from dataclasses import dataclass
from datetime import date
from typing import Final

from heatbill.adapters.formats import values
from heatbill.adapters.formats.header import Column
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.table import CsvRow, ParsedFile, read_csv
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money, total
from heatbill.domain.payment_id import CARD_TYPE, parse_creditor_number, payload_of
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
    rows = [payment for row in table.rows if (payment := _payment(row)) is not None]
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
