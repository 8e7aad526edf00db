"""The statement and the debtor list as CSV for a spreadsheet: the conventions of the GL export
and the ageing (semicolon, UTF-8 with BOM, CRLF, dates `31-12-2026`, amounts with a decimal
comma and no thousands separator, minus for credit).

The statement is two tables in one file, as on paper: the movements between an opening and a
closing balance row, then — after an empty line — the open items at the end with their total.
The debtor list is one table ending in a totals row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from heatbill.adapters.formats.gl_csv import BOM, amount_da
from heatbill.adapters.formats.report_words import kind_word, movement_text, payment_word
from heatbill.domain.ledger.debtors import DebtorLine, debtor_totals
from heatbill.domain.ledger.statement import Statement
from heatbill.domain.money import Money
from heatbill.wording import say

STATEMENT_COLUMNS = (
    "date",
    "entry",
    "kind",
    "text",
    "reference",
    "due",
    "payment",
    "amount",
    "balance",
)
OPEN_ITEM_COLUMNS = ("reference", "kind", "due", "residual")
DEBTOR_COLUMNS = (
    "customer",
    "name",
    "installation",
    "address",
    "balance",
    "overdue",
    "oldest_due",
    "claims",
    "credit",
)


def write_statement_csv(statement: Statement) -> bytes:
    s = statement
    rows = [_titles(STATEMENT_COLUMNS), _bookend(s.first, "opening", None, s.opening)]
    for m in s.movements:
        rows.append(
            [
                _day(m.booking_date),
                str(m.entry_id),
                kind_word(m),
                movement_text(m),
                m.reference or "",
                _day(m.due_date),
                payment_word(m),
                amount_da(m.amount),
                amount_da(m.balance),
            ]
        )
    rows += [
        _bookend(s.last, "closing", s.movement_total, s.closing),
        [],
        _titles(OPEN_ITEM_COLUMNS),
    ]
    for item, residual in s.open_items:
        kind = say(f"reports.item.{item.kind.value}")
        rows.append([item.reference, kind, _day(item.due_date), amount_da(residual)])
    rows.append([say("reports.total"), "", "", amount_da(s.open_total)])
    return _encode(rows)


def write_debtors_csv(lines: Sequence[DebtorLine]) -> bytes:
    rows = [_titles(DEBTOR_COLUMNS)]
    for line in lines:
        card = line.card
        rows.append(
            [
                str(line.customer_id),
                "" if card is None else card.name,
                "" if card is None else card.installation,
                "" if card is None else card.address,
                *_debtor_amounts(line.balance, line.overdue),
                _day(line.oldest_due),
                amount_da(line.claims),
                amount_da(line.credit),
            ]
        )
    t = debtor_totals(lines)
    rows.append(
        [
            say("reports.total"),
            "",
            "",
            "",
            *_debtor_amounts(t.balance, t.overdue),
            "",
            amount_da(t.claims),
            amount_da(t.credit),
        ]
    )
    return _encode(rows)


def _debtor_amounts(balance: Money, overdue: Money) -> list[str]:
    return [amount_da(balance), amount_da(overdue)]


def _bookend(day: date, which: str, amount: Money | None, balance: Money) -> list[str]:
    """The opening or closing balance row (the closing one with the period's movements)."""
    return [
        _day(day),
        "",
        say(f"reports.movement.{which}"),
        say(f"reports.statement.{which}"),
        "",
        "",
        "",
        "" if amount is None else amount_da(amount),
        amount_da(balance),
    ]


def _titles(keys: Sequence[str]) -> list[str]:
    return [say(f"reports.col.{key}") for key in keys]


def _day(when: date | None) -> str:
    return "" if when is None else f"{when:%d-%m-%Y}"


def _encode(rows: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return (BOM + out.getvalue()).encode("utf-8")
