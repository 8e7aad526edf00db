"""The ageing report as a CSV for a spreadsheet: the same conventions as the GL export
(semicolon, UTF-8 with BOM, CRLF, decimal comma without thousands separator, minus for credit)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from heatbill.adapters.formats.gl_csv import BOM, amount_da
from heatbill.domain.ledger.ageing import AgeBucket, AgeingLine
from heatbill.wording import say


def write_ageing_csv(lines: Sequence[AgeingLine]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            say("accounting.col.customer"),
            *(say(f"accounting.age.{b.value}") for b in AgeBucket),
            say("accounting.age.total"),
        ]
    )
    for line in lines:
        amounts = [amount_da(line.amount(b)) for b in AgeBucket]
        writer.writerow([str(line.customer_id), *amounts, amount_da(line.total)])
    return (BOM + out.getvalue()).encode("utf-8")
