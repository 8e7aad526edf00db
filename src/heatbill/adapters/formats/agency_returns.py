"""The external collection partner's return file of payments (afregning fra inkassopartner).

Partners report what they collected in their own layouts, none of them public; this is
heatbill's own documented CSV layout, which the partner is asked to deliver (or the file is
mapped into). A file that does not have these columns is refused, never guessed at.

One row per payment, a header row first; `;` or `,` between fields; UTF-8 (BOM optional) or
Windows-1252; decimal comma or point, no thousands separator (table.py, values.py):

| column         | alias  | content                                                       |
|----------------|--------|---------------------------------------------------------------|
| `krav`         | claim  | heatbill's claim number (the bill's open item; hand-over letter) |
| `dato`         | date   | the day the partner received the payment (`02-03-2026`)      |
| `beloeb`       | amount | kroner paid over to the utility for the claim, more than 0    |
| `omkostninger` | costs  | optional: the partner's own costs from the debtor, kroner ex VAT |

The partner's costs are not booked by the utility (the partner keeps them); they are checked
against the legal cap for the claim (`domain.collections.external.cost_cap`).
The file is taken whole or not at all, and only once (its content hash).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from heatbill.adapters.formats import values
from heatbill.adapters.formats.header import Column
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.table import CsvRow, ParsedFile, read_csv
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money
from heatbill.wording import say

COLUMNS: Final = (
    Column("krav", aliases=("claim",)),
    Column("dato", aliases=("date",)),
    Column("beloeb", aliases=("amount", "beløb")),
    Column("omkostninger", required=False, aliases=("costs",)),
)

_kroner = values.positive(2)
_costs = values.non_negative(2)


@dataclass(frozen=True, slots=True)
class AgencyPayment:
    line: int
    claim_id: int
    paid_on: date
    amount: Money
    costs: Money
    """The partner's own costs (kroner ex VAT), 0 when the column is empty or absent."""


def parse_agency_returns(data: bytes | str, name: str) -> ParsedFile[AgencyPayment]:
    """Every payment in the file, or FileFormatError listing every problem (no rows at all)."""
    log = ProblemLog()
    table = read_csv(data, name, COLUMNS, log)
    rows = [payment for row in table.rows if (payment := _payment(row)) is not None]
    log.raise_if_any(name)
    decoded = table.decoded
    return ParsedFile(name, decoded.sha256, decoded.encoding, table.delimiter, tuple(rows))


def _payment(row: CsvRow) -> AgencyPayment | None:
    claim = row.required("krav", _claim)
    paid_on = row.required("dato", values.calendar_date)
    kroner = row.required("beloeb", _kroner)
    costs = row.optional("omkostninger", _costs)
    if claim is None or paid_on is None or kroner is None:
        return None
    return AgencyPayment(
        row.line, claim, paid_on, Money.kroner(kroner), Money.kroner(costs or Decimal(0))
    )


def _claim(text: str) -> int:
    if not text.isdigit() or len(text) > 18:
        raise ValidationError(say("external.file.claim", got=text))
    return int(text)
