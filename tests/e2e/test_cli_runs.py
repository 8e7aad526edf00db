"""`heatbill run …` as a user runs it: budgets, an installment day twice, a settlement preview."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV, a_year_of_readings, readings_csv


def row_of(output: str, step: str) -> list[str]:
    [line] = [line for line in output.splitlines() if step in line]
    return [cell.strip() for cell in line.split("│") if cell.strip()]


def test_budgets_installments_and_a_settlement_preview(tmp_path: Path) -> None:
    heatbill = Heatbill(tmp_path, f"sqlite:///{tmp_path / 'runs.sqlite3'}")
    heatbill(
        "utility",
        "create",
        "--code",
        "fire",
        "--name",
        "Fire Rater Varme",
        "--cvr",
        "12345678",
        "--address",
        "Varmevej 1",
        "--rulebook",
        "4rater",
        "--tariffs",
        "4rater",
    )
    (tmp_path / "kunder.csv").write_text(CUSTOMERS_CSV, encoding="utf-8")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    rows = [(m, date(2024, 12, 31), v, v * 20) for m, v in registers.items()]
    rows += a_year_of_readings(date(2025, 1, 1), 12, registers)
    (tmp_path / "2025.csv").write_bytes(readings_csv(rows))
    heatbill("import", "customers", "kunder.csv", "-u", "fire", "--as-of", "01-01-2026")
    heatbill("import", "readings", "2025.csv", "-u", "fire")

    budgets = heatbill("run", "budgets", "--year", "2026", "-u", "fire")
    assert row_of(budgets, "Budgetter for 2026")[1:3] == ["3", "0"]
    first = heatbill("run", "billing", "--date", "02-01-2026", "-u", "fire")
    assert "Kørslen er gennemført" in first
    assert row_of(first, "Acontorater")[1:3] == ["3", "0"]
    again = heatbill("run", "billing", "--date", "2026-01-02", "-u", "fire")
    assert row_of(again, "Acontorater")[1:4] == ["0", "3", "0,00 kr."]
    preview = heatbill(
        "run", "settlement", "--year", "2026", "--date", "01-03-2027", "-u", "fire", "--dry-run"
    )
    assert "Prøvekørsel: intet er bogført" in preview
