"""No code path updates or deletes a ledger row: the source never builds such a statement.

The databases refuse it as well (tests/integration/test_ledger_db.py); this test keeps the
code honest before it ever reaches a database.
"""

from __future__ import annotations

import re
from pathlib import Path

import heatbill
from heatbill.adapters.db.billing_tables import BILLING_APPEND_ONLY
from heatbill.adapters.db.tables import LEDGER_TABLES

SOURCE = Path(heatbill.__file__).parent
TABLES = "|".join(LEDGER_TABLES + BILLING_APPEND_ONLY)
FORBIDDEN = [
    re.compile(rf"\b(update|delete)\(\s*({TABLES})\b"),  # SQLAlchemy Core: update(posting)
    re.compile(rf"\b({TABLES})\.(update|delete)\(\)"),  # posting.update()
    re.compile(rf"\b(UPDATE|DELETE\s+FROM|TRUNCATE)\s+({TABLES})\b", re.IGNORECASE),  # raw SQL
]
GUARDS = {"ledger_guards.py"}  # the DDL that refuses these statements names them, of course


def test_no_source_file_updates_or_deletes_a_ledger_row() -> None:
    offenders = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*.py"))
        if path.name not in GUARDS and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(pattern.search(line) for pattern in FORBIDDEN)
    ]
    assert offenders == []


def test_the_scan_would_catch_an_offender() -> None:
    samples = [
        "update(posting).values(amount_ore=0)",
        "DELETE FROM journal_entry",
        "open_item.delete()",
    ]
    assert all(any(p.search(s) for p in FORBIDDEN) for s in samples)
