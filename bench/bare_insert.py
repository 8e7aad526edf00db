"""The yardstick for an import: the same reading rows bulk-inserted with no logic at all.

The rows the import stored are read back as plain tuples and written into a scratch copy of
the reading table (same columns, keys, indexes and foreign keys): executemany of tuples on the
raw sqlite3 cursor, COPY FROM STDIN on PostgreSQL. The scratch table is dropped afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Engine, ForeignKeyConstraint, Index, MetaData, Table, text

from heatbill.adapters.db.register_tables import reading

SCRATCH = "reading_scratch"


def stored_rows(
    engine: Engine, utility_id: int, import_ids: Sequence[int]
) -> list[tuple[Any, ...]]:
    """The reading rows of these imports as the database holds them (scaled integers)."""
    columns = ", ".join(c.name for c in reading.columns)
    ids = ", ".join(str(int(i)) for i in import_ids)
    query = f"SELECT {columns} FROM reading WHERE utility_id = {int(utility_id)} AND import_id IN ({ids})"  # noqa: E501
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def bare_insert_seconds(engine: Engine, rows: list[tuple[Any, ...]]) -> float:
    """Seconds to insert `rows` into the scratch table and commit."""
    scratch = _scratch_table()
    try:
        with engine.begin() as connection:
            scratch.create(connection)
        return _timed_insert(engine, scratch, rows)
    finally:
        with engine.begin() as connection:
            scratch.drop(connection)


def _scratch_table() -> Table:
    """A copy of the reading table with its own constraint and index names."""
    columns = [
        Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable, autoincrement=False)
        for c in reading.columns
    ]
    foreign_keys = [
        ForeignKeyConstraint(
            [e.parent.name for e in fk.elements],
            [e.column for e in fk.elements],
            name=f"fk_{SCRATCH}_{i}",
        )
        for i, fk in enumerate(reading.foreign_key_constraints)
    ]
    indexes = [
        Index(f"ix_{SCRATCH}_{i}", *(c.name for c in index.columns))
        for i, index in enumerate(reading.indexes)
    ]
    return Table(SCRATCH, MetaData(), *columns, *foreign_keys, *indexes)


def _timed_insert(engine: Engine, scratch: Table, rows: list[tuple[Any, ...]]) -> float:
    names = [c.name for c in scratch.columns]
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        started = time.perf_counter()
        cursor = raw.cursor()
        if engine.dialect.name == "postgresql":
            with cursor.copy(f"COPY {SCRATCH} ({', '.join(names)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.execute("BEGIN")
            marks = ", ".join("?" for _ in names)
            cursor.executemany(f"INSERT INTO {SCRATCH} ({', '.join(names)}) VALUES ({marks})", rows)
        raw.commit() if engine.dialect.name == "postgresql" else cursor.execute("COMMIT")
        return time.perf_counter() - started
