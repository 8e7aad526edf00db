"""The README's first command, through the real `heatbill` entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEATBILL = Path(sys.executable).with_name("heatbill")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HEATBILL_DATABASE_URL"}
    env["COLUMNS"] = "200"
    return subprocess.run(
        [str(HEATBILL), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_demo_shows_the_rulebook_and_a_balanced_ledger(tmp_path: Path) -> None:
    result = run("demo-ledger", "--database", "demo.sqlite3", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"SQLite-filen {tmp_path / 'demo.sqlite3'}" in out
    assert "solrod 6.1" in out  # the rulebook and the entries name their clauses
    assert "Debet = kredit" in out
    assert "✓" in out
    assert "UBALANCE" not in out
    assert "UOVERENSSTEMMELSE" not in out
    assert "tilbagefører nr." in out  # the charged-back payment is a reversal, not an edit
    assert "Rykkergebyr" in out


def test_demo_can_be_run_again_from_scratch(tmp_path: Path) -> None:
    first = run("demo-ledger", "--database", "demo.sqlite3", cwd=tmp_path)
    second = run("demo-ledger", "--database", "demo.sqlite3", cwd=tmp_path)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


def test_db_upgrade_creates_the_schema_and_prints_the_file(tmp_path: Path) -> None:
    first = run("db", "upgrade", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert str(tmp_path / "var" / "heatbill.sqlite3") in first.stdout
    assert "opgraderet" in first.stdout
    again = run("db", "upgrade", cwd=tmp_path)
    assert "allerede nyeste version" in again.stdout


def test_the_demo_year_lives_the_days_and_leaves_letters_and_a_chart(tmp_path: Path) -> None:
    result = run(
        "demo",
        "--database",
        "year.sqlite3",
        "--out",
        "ud",
        "--installations",
        "40",
        "--days",
        "50",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Året i tal" in out
    assert "Acontorater" in out
    assert "Rykker" in out  # late payers got their reminders in February
    letters = next(line for line in out.splitlines() if "Breve og arbejdsordrer" in line)
    assert int(letters.split("│")[2].strip()) > 0
    assert "Afstemt: debitorer = åbne poster = samlekonto" in out
    assert "UOVERENSSTEMMELSE" not in out
    assert (tmp_path / "ud" / "restancer.png").stat().st_size > 1000
    assert list((tmp_path / "ud" / "breve").rglob("*.pdf"))
