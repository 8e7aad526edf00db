"""End-to-end fixtures: the `heatbill` command on a database of the test's own.

`database_url` runs a test once on a SQLite file and once on a throw-away PostgreSQL database:
the integration suite's `postgres_engine`, with its rules — skipped on a developer's machine
without a server, a failure on CI (CI or HEATBILL_REQUIRE_POSTGRES set), never a skip there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from heatbill.adapters.db.engine import sqlite_url
from tests.integration.conftest import postgres_engine  # noqa: F401 - the same fixture

HEATBILL = Path(sys.executable).with_name("heatbill")
TEST_SECRET = "e2e-test-secret-do-not-use-0123456789abc"  # 40 characters, tests only


@dataclass
class Heatbill:
    """The real `heatbill` executable, run as a user would: in a working directory of its own,
    the database from HEATBILL_DATABASE_URL. Keeps every output for checks across commands."""

    cwd: Path
    database_url: str
    outputs: list[str] = field(default_factory=list)

    def __call__(self, *args: str, code: int = 0) -> str:
        """stdout when the command succeeds; stderr when it exits with `code` ≠ 0."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("HEATBILL_")}
        env |= {
            "HEATBILL_DATABASE_URL": self.database_url,
            "HEATBILL_SECRET_KEY": TEST_SECRET,
            "COLUMNS": "200",
        }
        done = subprocess.run(
            [str(HEATBILL), *args],
            cwd=self.cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        self.outputs.append(done.stdout + done.stderr)
        assert done.returncode == code, (
            f"{args}: exit {done.returncode}\n{done.stdout}{done.stderr}"
        )
        return done.stdout if code == 0 else done.stderr

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json"))

    def write(self, name: str, text: str) -> str:
        (self.cwd / name).write_text(text, encoding="utf-8")
        return name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "heatbill.sqlite3")
    engine: Engine = request.getfixturevalue("postgres_engine")
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def heatbill(database_url: str, tmp_path: Path) -> Heatbill:
    work = tmp_path / "work"
    work.mkdir()
    return Heatbill(work, database_url)


@pytest.fixture
def heatbill_sqlite(tmp_path: Path) -> Heatbill:
    work = tmp_path / "work"
    work.mkdir()
    return Heatbill(work, sqlite_url(tmp_path / "heatbill.sqlite3"))
