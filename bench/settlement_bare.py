"""The yardstick for the settlement run: the rows it wrote, bulk-inserted with no logic at all.

The journal entries, open items, postings, bills and bill lines the run booked are read back as
plain tuples (in chunks of ids, untimed) and written into scratch copies of their tables (same
columns, keys, unique constraints, indexes, and foreign keys to the real tables, which hold the
same rows — but no ledger triggers): executemany of tuples on the raw sqlite3
cursor, COPY FROM STDIN on PostgreSQL; one transaction, timed with its commit. The scratch
tables are dropped afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKeyConstraint,
    Index,
    MetaData,
    Table,
    UniqueConstraint,
    text,
)

from heatbill.adapters.db.billing_tables import bill, bill_line
from heatbill.adapters.db.tables import journal_entry, open_item, posting

CHUNK = 100_000


@dataclass(frozen=True, slots=True)
class Written:
    """Where the run's rows begin: the first ids it reserved."""

    utility_id: int
    first_entry: int
    first_bill: int
    first_open_item: int


TABLES: tuple[tuple[Table, str, str], ...] = (
    (journal_entry, "entry_id", "first_entry"),
    (open_item, "open_item_id", "first_open_item"),
    (posting, "entry_id", "first_entry"),
    (bill, "bill_id", "first_bill"),
    (bill_line, "bill_id", "first_bill"),
)


def first_ids(connection: Connection, utility_id: int) -> Written:
    rows = dict(
        connection.execute(
            text("SELECT name, next_value FROM id_counter WHERE utility_id = :u"), {"u": utility_id}
        ).all()
    )
    return Written(utility_id, rows.get("entry", 1), rows.get("bill", 1), rows.get("open_item", 1))


def bare_insert(engine: Engine, written: Written) -> tuple[float, dict[str, int]]:
    """Seconds to insert the run's rows into scratch tables and commit, and rows per table."""
    scratch = MetaData()
    copies = {table.name: _copy(table, scratch) for table, _, _ in TABLES}
    scratch.create_all(engine)
    try:
        return _timed(engine, written, copies)
    finally:
        scratch.drop_all(engine)


def _copy(table: Table, scratch: MetaData) -> Table:
    name = f"{table.name}_scratch"
    columns = [
        Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable, autoincrement=False)
        for c in table.columns
    ]
    constraints: list[Any] = []
    for i, fk in enumerate(table.foreign_key_constraints):
        constraints.append(
            ForeignKeyConstraint(
                [e.parent.name for e in fk.elements],
                [e.column for e in fk.elements],
                name=f"fk_{name}_{i}",
            )
        )
    for i, unique in enumerate(c for c in table.constraints if isinstance(c, UniqueConstraint)):
        constraints.append(
            UniqueConstraint(*(c.name for c in unique.columns), name=f"uq_{name}_{i}")
        )
    for i, index in enumerate(table.indexes):
        constraints.append(Index(f"ix_{name}_{i}", *(c.name for c in index.columns)))
    return Table(name, scratch, *columns, *constraints)


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
        for table, key, first in TABLES:
            names = [c.name for c in table.columns]
            where = f"WHERE utility_id = {mark} AND {key} >= {mark}"
            cursor.execute(
                f"SELECT max({key}) FROM {table.name} {where}",
                (written.utility_id, getattr(written, first)),
            )
            last = cursor.fetchone()[0] or 0
            counts[table.name] = 0
            for start in range(getattr(written, first), last + 1, CHUNK):
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


def _insert(
    cursor: Any, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], *, postgresql: bool
) -> None:
    if not rows:
        return
    if postgresql:
        with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in names)
        cursor.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
