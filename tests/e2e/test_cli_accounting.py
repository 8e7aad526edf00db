"""The accountant's commands on the demo ledger, through the real `heatbill` entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from heatbill.adapters.db.engine import sqlite_url

HEATBILL = Path(sys.executable).with_name("heatbill")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEATBILL_DATABASE")}
    env |= {"COLUMNS": "200", "HEATBILL_DATABASE_URL": sqlite_url(cwd / "demo.sqlite3")}
    return subprocess.run(
        [str(HEATBILL), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_exports_and_the_reconciliation_of_the_demo_ledger(tmp_path: Path) -> None:
    assert run("demo-ledger", "--database", "demo.sqlite3", cwd=tmp_path).returncode == 0
    report = run("report", "reconciliation", "--date", "28-02-2026", "-u", "demo", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "Afstemt: debitorer = åbne poster = samlekonto ✓" in report.stdout
    assert "11.606,25 kr." in report.stdout
    figures = json.loads(
        run(
            "report", "reconciliation", "--date", "2026-02-28", "-u", "demo", "--json", cwd=tmp_path
        ).stdout
    )
    assert figures["balanced"] is True
    assert figures["subledger_ore"] == figures["open_items_ore"] == figures["control_ore"]

    gl = run(
        "export",
        "gl",
        "--from",
        "01-01-2026",
        "--to",
        "31-12-2026",
        "-o",
        "gl.csv",
        "-u",
        "demo",
        cwd=tmp_path,
    )
    assert gl.returncode == 0, gl.stderr
    lines = (tmp_path / "gl.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Dato;Bilag;Tekst;Konto;Beløb;Momskode"
    assert "tilbagefører bilag" in "\n".join(lines)

    saft = run(
        "export",
        "saft",
        "--from",
        "01-01-2026",
        "--to",
        "31-12-2026",
        "-o",
        "saft.xml",
        "-u",
        "demo",
        cwd=tmp_path,
    )
    assert saft.returncode == 0, saft.stderr
    root = ET.parse(tmp_path / "saft.xml").getroot()
    assert root.tag == "{urn:StandardAuditFile-Taxation-Financial:DK}AuditFile"

    aged = run(
        "report", "ageing", "--date", "31-03-2026", "-u", "demo", "--csv", "age.csv", cwd=tmp_path
    )
    assert aged.returncode == 0, aged.stderr
    assert "Aldersfordeling af debitorer pr. 31-03-2026" in aged.stdout
    rows = (tmp_path / "age.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[-1] == "1005;0,00;0,00;4325,00;0,00;0,00;0,00;4325,00"


def test_a_period_that_ends_before_it_starts_is_refused(tmp_path: Path) -> None:
    assert run("demo-ledger", "--database", "demo.sqlite3", cwd=tmp_path).returncode == 0
    refused = run(
        "export", "gl", "--from", "01-02-2026", "--to", "31-01-2026", "-u", "demo", cwd=tmp_path
    )
    assert refused.returncode == 2
    assert "ligger før" in refused.stderr
