"""Bulk inserts for batch paths: plain tuples straight to the driver, inside the transaction.

STYLE "Set-based batch paths": a batch of a million rows is written without building a dict
per row or compiling parameters per row. The rows hold what a Core insert would take (Decimals
for scaled quantities, dates, aware datetimes); each column's own bind processing is applied,
so a row is stored exactly as a Core insert stores it. Then: COPY FROM STDIN on PostgreSQL,
executemany of tuples on the raw sqlite3 cursor on SQLite, a Core executemany elsewhere. The
rows join the connection's transaction: the unit of work still commits or rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from queue import Queue
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, insert

_Processor = Callable[[Any], Any]


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert `rows` (tuples in the order of `columns`) into `table`."""
    dialect = connection.dialect
    processors = [(i, _processor(table, name, connection)) for i, name in enumerate(columns)]
    processed = [(i, p) for i, p in processors if p is not None]

    def bind(row: Sequence[Any]) -> list[Any]:
        values = list(row)
        for i, process in processed:
            values[i] = process(values[i])
        return values

    if dialect.name not in ("postgresql", "sqlite"):
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    insert_stored(connection, table, columns, (bind(row) for row in rows))


def insert_stored(
    connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert `rows` that already hold what the driver stores (scaled integers, enum values;
    dates and times as `binder` gives them) — on PostgreSQL or SQLite."""
    dialect = connection.dialect
    if dialect.name not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"bulk inserts of stored values on {dialect.name}")
    target = _target(connection, table, columns)
    cursor: Any = connection.connection.cursor()
    try:
        if dialect.name == "postgresql":
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            statement = f"INSERT INTO {target} VALUES ({marks})"  # noqa: S608 - quoted schema names
            cursor.executemany(statement, rows)
    finally:
        cursor.close()


@contextmanager
def streamed(
    connection: Connection, table: Table, columns: Sequence[str]
) -> Iterator[Callable[[Sequence[Sequence[Any]]], None]]:
    """`insert_stored` chunk by chunk, as the caller hands the chunks over.

    On PostgreSQL a thread of its own COPYs each chunk (one statement a chunk) while the caller
    makes the next: psycopg waits for the server without holding the GIL, so the server's part
    of an insert — the indexes, and at each statement's end the foreign keys' checks, a query
    a row and key — runs on the second core beside the caller's Python. The COPY is binary,
    each value sent as its column's type (no text to write and parse again): every value must
    be of exactly the Python type of its column (int, str, date, aware datetime, None).
    Elsewhere each chunk is inserted when it is handed over. The caller must not use the
    connection until the block ends. The rows join the transaction like any insert; an error
    of the writer is raised at the next hand-over or when the block ends, and an error in the
    block waits for the writer to stop before it goes on (so the unit of work rolls back an
    idle connection).
    """
    if connection.dialect.name != "postgresql":
        yield lambda rows: insert_stored(connection, table, columns, rows)
        return
    raw: Any = connection.connection.dbapi_connection
    statement = f"COPY {_target(connection, table, columns)} FROM STDIN (FORMAT BINARY)"
    with raw.cursor() as cursor:
        types = _column_types(cursor, connection, table, columns)
    chunks: Queue[Sequence[Sequence[Any]] | None] = Queue(maxsize=2)
    failed: list[BaseException] = []

    def write() -> None:
        while (chunk := chunks.get()) is not None:
            if failed:
                continue  # drain: the transaction is lost, the caller hears of it
            try:
                with raw.cursor() as cursor, cursor.copy(statement) as copy:
                    copy.set_types(types)
                    for row in chunk:
                        copy.write_row(row)
            except BaseException as exc:  # handed to the caller's thread
                failed.append(exc)

    def hand_over(rows: Sequence[Sequence[Any]]) -> None:
        if failed:
            raise failed[0]
        chunks.put(rows)

    writer = threading.Thread(target=write, name=f"copy {table.name}", daemon=True)
    writer.start()
    try:
        yield hand_over
    finally:
        chunks.put(None)
        writer.join()
    if failed:
        raise failed[0]


def _target(connection: Connection, table: Table, columns: Sequence[str]) -> str:
    """`table (column, …)`, quoted for the connection's database."""
    preparer = connection.dialect.identifier_preparer
    names = ", ".join(preparer.quote(name) for name in columns)
    return f"{preparer.format_table(table)} ({names})"


def _column_types(
    cursor: Any, connection: Connection, table: Table, columns: Sequence[str]
) -> list[int]:
    """The PostgreSQL type (oid) of each column, as the table has it."""
    cursor.execute(
        "SELECT attname, atttypid::int FROM pg_attribute"
        " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        (connection.dialect.identifier_preparer.format_table(table),),
    )
    types = dict(cursor.fetchall())
    return [types[name] for name in columns]


def binder(connection: Connection, table: Table, name: str) -> _Processor:
    """The driver's value for a value of the column (itself when the column needs none)."""
    process = _processor(table, name, connection)
    return _same if process is None else process


def _same(value: Any) -> Any:
    return value


def _processor(table: Table, name: str, connection: Connection) -> _Processor | None:
    """The column's bind processing; remembered per value for dates (a batch has few)."""
    column_type = table.c[name].type
    dialect = connection.dialect
    process: _Processor | None = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None or not isinstance(column_type, Date | DateTime):
        return process
    known: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        found = known.get(value, known)
        if found is known:
            found = known[value] = process(value)
        return found

    return remembered
