"""The yardstick for the payments import: the rows it wrote, bulk-inserted with no logic at all.

The journal entries, postings, credit open items and payment rows the imports booked are read
back as plain tuples (in chunks of ids, untimed) and written into scratch copies of their
tables (`settlement_bare`'s copies: same columns, keys, unique constraints, indexes, and
foreign keys to the real tables — but no ledger triggers): executemany of tuples on the raw
sqlite3 cursor, COPY FROM STDIN on PostgreSQL; one transaction, timed with its commit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, text

from heatbill.adapters.db.payment_tables import payment
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from settlement_bare import _copy, _insert

CHUNK = 100_000


@dataclass(frozen=True, slots=True)
class Written:
    """Where the imports' rows begin: the first ids of each kind before them."""

    utility_id: int
    first: dict[str, int]


TABLES: tuple[tuple[Table, str, str], ...] = (
    (journal_entry, "entry_id", "entry"),
    (open_item, "open_item_id", "open_item"),
    (posting, "entry_id", "entry"),
    (payment, "payment_id", "payment"),
)


def first_ids(connection: Connection, utility_id: int) -> Written:
    rows = connection.execute(
        text("SELECT name, next_value FROM id_counter WHERE utility_id = :u"), {"u": utility_id}
    ).all()
    return Written(utility_id, {str(name): int(value) for name, value in rows})


def bare_insert(engine: Engine, written: Written) -> tuple[float, dict[str, int]]:
    """Seconds to insert the imports' rows into scratch tables and commit, and rows per table."""
    scratch = MetaData()
    copies = {table.name: _copy(table, scratch) for table, _, _ in TABLES}
    scratch.create_all(engine)
    try:
        return _timed(engine, written, copies)
    finally:
        scratch.drop_all(engine)


def _timed(
    engine: Engine, written: Written, copies: dict[str, Table]
) -> tuple[float, dict[str, int]]:
    seconds = 0.0
    counts: dict[str, int] = {}
    postgresql = engine.dialect.name == "postgresql"
    mark = "%s" if postgresql else "?"
    with engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        cursor = raw.cursor()
        if not postgresql:
            cursor.execute("BEGIN")
        for table, key, kind in TABLES:
            names = [c.name for c in table.columns]
            first = written.first.get(kind, 1)
            where = f"WHERE utility_id = {mark} AND {key} >= {mark}"
            cursor.execute(
                f"SELECT max({key}) FROM {table.name} {where}", (written.utility_id, first)
            )
            last = cursor.fetchone()[0] or 0
            counts[table.name] = 0
            for start in range(first, last + 1, CHUNK):
                query = f"SELECT {', '.join(names)} FROM {table.name} {where} AND {key} < {mark}"
                cursor.execute(query, (written.utility_id, start, start + CHUNK))
                rows = [tuple(r) for r in cursor.fetchall()]
                started = time.perf_counter()
                _insert(cursor, copies[table.name].name, names, rows, postgresql=postgresql)
                seconds += time.perf_counter() - started
                counts[table.name] += len(rows)
        started = time.perf_counter()
        raw.commit() if postgresql else cursor.execute("COMMIT")
        seconds += time.perf_counter() - started
    return seconds, counts
