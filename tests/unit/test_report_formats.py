"""The statement, the debtor list and the ageing as files: CSV golden files (rewrite with
--update-golden and review the diff) and Excel workbooks read back by value — numbers with the
kroner format, dates as dates, a header row and a totals row."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from heatbill.adapters.formats.reports_csv import write_debtors_csv, write_statement_csv
from heatbill.adapters.formats.reports_xlsx import (
    DATE_FORMAT,
    KRONER_FORMAT,
    ageing_workbook,
    debtors_workbook,
    statement_workbook,
)
from heatbill.domain.ledger import OpenItem, OpenItemKind
from heatbill.domain.ledger.ageing import ageing
from heatbill.domain.ledger.debtors import DebtorCard, DebtorLine, debtor_list
from heatbill.domain.money import Money
from tests.unit.test_customer_reports import march

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "reports"
ON = date(2026, 3, 31)


def debtors() -> list[DebtorLine]:
    cards = {
        7: DebtorCard(7, "Jens Hansen", "10001", "Solrød Byvej 12, 2680 Solrød Strand"),
        8: DebtorCard(8, "Bageriet Ølby ApS", "10003", "Industrivej 7; bagbygning, 2680 Solrød"),
    }
    items = [
        (OpenItem(1, 7, OpenItemKind.PRINCIPAL, date(2026, 2, 2), "R1"), Money(123456)),
        (OpenItem(2, 7, OpenItemKind.FEE, date(2026, 4, 2), "Rykker"), Money(10000)),
        (OpenItem(3, 8, OpenItemKind.CREDIT, date(2026, 3, 1), "Overskud"), Money(-20000)),
        (OpenItem(4, 9, OpenItemKind.INTEREST, date(2025, 11, 30), "Renter"), Money(512)),
    ]
    balances = {7: Money(133456), 8: Money(-20000), 9: Money(512)}
    return debtor_list(ON, balances=balances, items=items, cards=cards)


def test_the_statement_csv(update_golden: bool) -> None:
    _golden("statement.csv", write_statement_csv(march()), update_golden)


def test_the_debtors_csv(update_golden: bool) -> None:
    _golden("debtors.csv", write_debtors_csv(debtors()), update_golden)


def test_the_statement_workbook_reads_back_as_numbers_and_dates() -> None:
    s = march()
    book = load_workbook(io.BytesIO(statement_workbook(s)))
    assert book.sheetnames == ["Kontoudtog", "Åbne poster"]
    sheet = book["Kontoudtog"]
    rows = _values(sheet)
    assert rows[0][:4] == ["Dato", "Bilag", "Art", "Tekst"]
    assert rows[0][-2:] == ["Beløb", "Saldo"]
    assert rows[1][3] == "Saldo primo"
    assert rows[1][-1] == Decimal("250")
    assert rows[2] == [
        date(2026, 3, 2), 9, "Regning", "Acontorate 1/2026", "2026-0001",
        date(2026, 3, 17), None, Decimal("1000"), Decimal("1250"),
    ]  # fmt: skip
    assert rows[4][6] == "Betalingsservice, fundet ved kundenummer"
    assert rows[5][2:4] == ["Tilbageført betaling", "Tilbageført (0239) (tilbagefører bilag 11)"]
    assert rows[-1][3] == "Saldo ultimo"
    assert rows[-1][-2:] == [Decimal("1100"), Decimal("1350")]
    assert sum(r[-2] for r in rows[2:-1]) == rows[-1][-2]
    assert sheet["H3"].number_format == KRONER_FORMAT
    assert sheet["A3"].number_format == DATE_FORMAT
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    items = _values(book["Åbne poster"])
    assert items[0] == ["Reference", "Art", "Forfald", "Restbeløb"]
    assert [r[3] for r in items[1:-1]] == [Decimal("250"), Decimal("1000"), Decimal("100")]
    assert items[-1] == ["I alt", None, None, Decimal("1350")]


def test_the_debtors_workbook_has_a_line_per_customer_and_the_totals() -> None:
    book = load_workbook(io.BytesIO(debtors_workbook(debtors())))
    sheet = book["Debitorliste"]
    rows = _values(sheet)
    assert rows[0] == [
        "Kunde", "Navn", "Målested", "Adresse", "Saldo", "Heraf forfaldent",
        "Ældste forfald", "Krav", "Tilgodehavende",
    ]  # fmt: skip
    assert rows[1] == [
        7, "Jens Hansen", "10001", "Solrød Byvej 12, 2680 Solrød Strand",
        Decimal("1334.56"), Decimal("1234.56"), date(2026, 2, 2), Decimal("1334.56"),
        Decimal("0"),
    ]  # fmt: skip
    assert rows[3][:4] == [9, None, None, None]
    assert rows[-1][0] == "I alt, 3 kunder"
    assert rows[-1][4] == Decimal("1139.68") == sum(r[4] for r in rows[1:-1])
    assert rows[-1][8] == Decimal("-200")
    assert sheet["E2"].number_format == KRONER_FORMAT
    assert sheet["G2"].number_format == DATE_FORMAT
    assert sheet.cell(sheet.max_row, 1).font.bold


def test_the_ageing_workbook_adds_up_to_its_totals_row() -> None:
    items = [
        (OpenItem(1, 7, OpenItemKind.PRINCIPAL, date(2026, 2, 2), "R1"), Money(100000)),
        (OpenItem(2, 8, OpenItemKind.CREDIT, date(2026, 3, 1), "Overskud"), Money(-2500)),
    ]
    book = load_workbook(io.BytesIO(ageing_workbook(ageing(items, ON))))
    rows = _values(book["Aldersfordeling"])
    assert rows[0][0] == "Kunde"
    assert rows[0][-1] == "I alt"
    assert rows[1] == [7, 0, 0, Decimal("1000"), 0, 0, 0, Decimal("1000")]
    assert rows[-1][0] == "Alle kunder"
    assert rows[-1][-1] == Decimal("975")


def _values(sheet: Worksheet) -> list[list[Any]]:
    """Every row's values: amounts as exact Decimals (openpyxl reads floats), dates as dates
    (openpyxl reads datetimes at midnight)."""
    return [[_exact(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def _exact(value: object) -> object:
    if isinstance(value, float):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    if isinstance(value, datetime):
        assert value.time() == time(0)
        return value.date()
    return value


def _golden(name: str, content: bytes, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    assert content == path.read_bytes()
