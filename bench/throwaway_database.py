"""A database that lives for one benchmark run: a temporary SQLite file, or a fresh PostgreSQL
database created on the given server and dropped afterwards (also when the run fails)."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from heatbill.adapters.db.engine import make_engine, sqlite_url
from heatbill.adapters.db.migrate import upgrade


@contextmanager
def throwaway_engine(database_url: str | None, *, keep: bool = False) -> Iterator[Engine]:
    """An engine on a new, migrated database; `database_url` None means SQLite. `keep` leaves
    a PostgreSQL database in place (its name printed) for another run to reuse."""
    if not database_url:
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(sqlite_url(Path(folder) / "bench.sqlite3"))
            try:
                upgrade(engine)
                yield engine
            finally:
                engine.dispose()
        return
    admin = make_engine(database_url, isolation_level="AUTOCOMMIT")
    name = f"heatbill_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(database_url).set(database=name)
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        if keep:
            print(f"kept database {name}", flush=True)
        else:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
