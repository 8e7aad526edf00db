"""The statement, the debtor list and the ageing as Excel workbooks (.xlsx, openpyxl).

Values stay values: amounts are numbers in kroner (exact decimals from øre) shown with the
number format `#.##0,00 kr.` (written in Excel's locale-neutral code, so a Danish Excel shows
`1.234,56 kr.`), dates are dates shown `31-12-2026`, ids are integers. Each sheet has a bold
header row frozen at the top and ends in a bold totals row, so a user can sort, filter and add
up without re-typing anything. The columns and their Danish titles are the CSV's.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

from heatbill.adapters.formats.report_words import kind_word, movement_text, payment_word
from heatbill.adapters.formats.reports_csv import (
    DEBTOR_COLUMNS,
    OPEN_ITEM_COLUMNS,
    STATEMENT_COLUMNS,
)
from heatbill.domain.ledger.ageing import AgeBucket, AgeingLine, totals
from heatbill.domain.ledger.debtors import DebtorLine, debtor_totals
from heatbill.domain.ledger.statement import Statement
from heatbill.domain.money import ORE_PER_KRONE, Money
from heatbill.wording import say

KRONER_FORMAT = '#,##0.00\\ "kr.";\\-#,##0.00\\ "kr."'
DATE_FORMAT = "dd-mm-yyyy"

Cell = str | int | date | Money | None


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    totals: Sequence[Cell]


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - a heavy import, only for an Excel file

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for sheet in sheets:
        _fill(book.create_sheet(sheet.title), sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def statement_workbook(s: Statement) -> bytes:
    movements = [
        [
            m.booking_date,
            m.entry_id,
            kind_word(m),
            movement_text(m),
            m.reference,
            m.due_date,
            payment_word(m) or None,
            m.amount,
            m.balance,
        ]
        for m in s.movements
    ]
    opening: list[Cell] = [s.first, None, say("reports.movement.opening")]
    opening += [say("reports.statement.opening"), None, None, None, None, s.opening]
    closing: list[Cell] = [s.last, None, say("reports.movement.closing")]
    closing += [say("reports.statement.closing"), None, None, None, s.movement_total, s.closing]
    items: list[list[Cell]] = [
        [item.reference, say(f"reports.item.{item.kind.value}"), item.due_date, residual]
        for item, residual in s.open_items
    ]
    return write_workbook(
        [
            Sheet(
                say("reports.sheet.statement"),
                _titles(STATEMENT_COLUMNS),
                [opening, *movements],
                closing,
            ),
            Sheet(
                say("reports.sheet.open_items"),
                _titles(OPEN_ITEM_COLUMNS),
                items,
                [say("reports.total"), None, None, s.open_total],
            ),
        ]
    )


def debtors_workbook(lines: Sequence[DebtorLine]) -> bytes:
    rows: list[list[Cell]] = []
    for line in lines:
        card = line.card
        rows.append(
            [
                line.customer_id,
                None if card is None else card.name,
                None if card is None else card.installation,
                None if card is None else card.address,
                line.balance,
                line.overdue,
                line.oldest_due,
                line.claims,
                line.credit,
            ]
        )
    t = debtor_totals(lines)
    total_row: list[Cell] = [say("reports.debtors.all", count=t.customers), None, None, None]
    total_row += [t.balance, t.overdue, None, t.claims, t.credit]
    sheet = Sheet(say("reports.sheet.debtors"), _titles(DEBTOR_COLUMNS), rows, total_row)
    return write_workbook([sheet])


def ageing_workbook(lines: Sequence[AgeingLine]) -> bytes:
    header = [say("accounting.col.customer")]
    header += [say(f"accounting.age.{b.value}") for b in AgeBucket]
    header.append(say("accounting.age.total"))
    rows: list[list[Cell]] = [
        [line.customer_id, *(line.amount(b) for b in AgeBucket), line.total] for line in lines
    ]
    every = totals(lines)
    total_row: list[Cell] = [say("accounting.age.all"), *(every.amount(b) for b in AgeBucket)]
    total_row.append(every.total)
    return write_workbook([Sheet(say("reports.sheet.ageing"), header, rows, total_row)])


def _fill(ws: Worksheet, sheet: Sheet) -> None:
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    bold = Font(bold=True)
    ws.append(list(sheet.header))
    for row in [*sheet.rows, sheet.totals]:
        ws.append([_value(cell) for cell in row])
        for cell, original in zip(ws[ws.max_row], row, strict=False):
            if isinstance(original, Money):
                cell.number_format = KRONER_FORMAT
            elif isinstance(original, date):
                cell.number_format = DATE_FORMAT
    for cell in (*ws[1], *ws[ws.max_row]):
        cell.font = bold
    for number, cells in enumerate(ws.iter_cols(), start=1):
        widest = max(len(_shown(cell.value)) for cell in cells)
        ws.column_dimensions[get_column_letter(number)].width = min(max(widest + 2, 10), 60)
    ws.freeze_panes = "A2"


def _value(cell: Cell) -> str | int | date | Decimal | None:
    if isinstance(cell, Money):
        return Decimal(cell.ore) / ORE_PER_KRONE
    return cell


def _shown(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f} kr."
    if isinstance(value, date):
        return "31-12-2026"
    return "" if value is None else str(value)


def _titles(keys: Sequence[str]) -> list[str]:
    return [say(f"reports.col.{key}") for key in keys]
