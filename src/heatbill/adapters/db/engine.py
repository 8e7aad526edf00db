"""Engines for the two supported databases, configured from one URL.

SQLite is the embedded default (a file; its path is printed by the CLI); PostgreSQL is the
production database, chosen with HEATBILL_DATABASE_URL=postgresql+psycopg://… .
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DATABASE_URL_ENV = "HEATBILL_DATABASE_URL"
DEFAULT_SQLITE_PATH = Path("var") / "heatbill.sqlite3"


def database_url(explicit: str | None = None) -> str:
    """The URL in force: an explicit one, else $HEATBILL_DATABASE_URL, else the SQLite file."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_URL_ENV)
    if from_env:
        return from_env
    return sqlite_url(DEFAULT_SQLITE_PATH)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other databases or in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with heatbill's connection settings for the URL's database."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling is off; SQLAlchemy's "begin" event issues BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    # A writing unit of work asks for BEGIN IMMEDIATE (execution option `sqlite_begin`): it
    # takes the write lock at once, so two writers queue on busy_timeout instead of one failing
    # half-way when it upgrades a read lock. Readers use a plain deferred BEGIN.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")
