"""One daily run per utility at a time, whatever the database.

PostgreSQL: a session advisory lock on a connection of its own, held for the run — released
by the server when the process dies (kill -9 included), so a crash never leaves it locked.
SQLite: an exclusive `flock` on a lock file next to the database file, released by the kernel
when the process dies. In-memory SQLite has one process by definition: no lock needed.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

from heatbill.adapters.db.engine import sqlite_path


class RunLockedError(Exception):
    """Another run holds the lock."""


@contextmanager
def utility_run_lock(engine: Engine, utility_id: int, purpose: str = "daily") -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        key = zlib.crc32(f"heatbill:{purpose}:{utility_id}".encode())
        with engine.connect() as connection:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
            connection.commit()
            if not got:
                raise RunLockedError
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                connection.commit()
        return
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None:
        yield
        return
    lock_path = path.with_name(f"{path.name}.{purpose}-{utility_id}.lock")
    with lock_path.open("a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as held:
            raise RunLockedError from held
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
