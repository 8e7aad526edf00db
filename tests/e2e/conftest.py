"""End-to-end fixtures: the `heatbill` command on a database of the test's own.

The command runs in this process by default: the real entry point (`main`, with its argument
parsing, error table and exit codes) on a fresh `sys.argv`, environment and working directory,
its output captured — the same as a new process but without the interpreter's start-up on
every call, which made the suite far too slow. `HEATBILL_E2E_SUBPROCESS=1` runs each call as a
real process instead. Tests of process behaviour (kill -9, a lock between two runs) start
processes themselves.

`database_url` runs a test once on a SQLite file and once on a throw-away PostgreSQL database:
the integration suite's `postgres_engine`, with its rules — skipped on a developer's machine
without a server, a failure on CI (CI or HEATBILL_REQUIRE_POSTGRES set), never a skip there.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from heatbill.adapters.db.engine import make_engine, sqlite_url
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
        if os.environ.get("HEATBILL_E2E_SUBPROCESS"):
            done = subprocess.run(
                [str(HEATBILL), *args],
                cwd=self.cwd,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            returncode, stdout, stderr = done.returncode, done.stdout, done.stderr
        else:
            returncode, stdout, stderr = in_process(list(args), self.cwd, env)
        self.outputs.append(stdout + stderr)
        assert returncode == code, f"{args}: exit {returncode}\n{stdout}{stderr}"
        return stdout if code == 0 else stderr

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json"))

    def write(self, name: str, text: str) -> str:
        (self.cwd / name).write_text(text, encoding="utf-8")
        return name


def in_process(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """Run `heatbill ARGS` through its real entry point in this process: (exit code, out, err)."""
    saved_env, saved_argv, saved_cwd = dict(os.environ), sys.argv, Path.cwd()
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    from heatbill.entrypoints.cli.main import main  # noqa: PLC0415 - imported in the env above

    sys.argv = ["heatbill", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)
        sys.argv = saved_argv
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database of the test's own: a SQLite file, or a PostgreSQL database copied from the
    session's migrated one (so tests may use the same utility codes)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "heatbill.sqlite3")
        return
    template: Engine = request.getfixturevalue("postgres_engine")
    template.dispose()  # a template may have no open connections
    name = f"heatbill_e2e_{uuid.uuid4().hex[:12]}"
    admin = make_engine(
        template.url.set(database="postgres").render_as_string(hide_password=False),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.url.database}"'))
    try:
        yield template.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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
