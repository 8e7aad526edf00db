"""`bulk.streamed`: rows handed over chunk by chunk land whole, in the caller's transaction.

On PostgreSQL a writer thread COPYs each chunk while the caller makes the next; these tests
hold it to what a plain insert promises: every row stored once, an error of the database
raised to the caller, an error of the caller not lost behind the writer, and after either the
transaction rolls back to nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    func,
    select,
)

from heatbill.adapters.db.bulk import streamed

probe = Table(
    "bulk_streamed_probe",
    MetaData(),
    Column("k", BigInteger, primary_key=True, autoincrement=False),
    Column("v", String(20), nullable=False),
)
COLUMNS = ("k", "v")


@pytest.fixture
def table(engine: Engine) -> Iterator[Engine]:
    probe.drop(engine, checkfirst=True)
    probe.create(engine)
    yield engine
    probe.drop(engine)


def chunk(start: int, count: int) -> list[tuple[int, str]]:
    return [(k, f"r{k}") for k in range(start, start + count)]


def stored(engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as connection:
        return [(k, v) for k, v in connection.execute(select(probe).order_by(probe.c.k))]


def writers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("copy ")]


def test_every_chunk_lands_once_in_the_transaction(table: Engine) -> None:
    with table.connect() as connection:
        connection.begin()
        with streamed(connection, probe, COLUMNS) as write:
            for start in range(0, 75_000, 25_000):
                write(chunk(start, 25_000))
        assert connection.execute(select(func.count()).select_from(probe)).scalar_one() == 75_000
        connection.commit()
    assert stored(table) == chunk(0, 75_000)
    assert writers() == []


def write_with_a_key_twice(connection: Connection) -> None:
    with streamed(connection, probe, COLUMNS) as write:
        write(chunk(0, 1_000))
        write(chunk(500, 1_000))  # 500-999 again
        write(chunk(5_000, 1_000))


def test_a_refused_row_is_raised_and_nothing_is_kept(table: Engine) -> None:
    with table.connect() as connection:
        connection.begin()
        with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
            write_with_a_key_twice(connection)
        assert writers() == []
        connection.rollback()
    assert stored(table) == []


def fail_after_a_chunk(connection: Connection) -> None:
    with streamed(connection, probe, COLUMNS) as write:
        write(chunk(0, 20_000))
        raise LookupError("the caller's own error")


def test_the_callers_error_waits_for_the_writer_and_wins(table: Engine) -> None:
    with table.connect() as connection:
        connection.begin()
        with pytest.raises(LookupError, match="the caller's own error"):
            fail_after_a_chunk(connection)
        assert writers() == []  # stopped before the caller goes on
        connection.rollback()
        assert connection.execute(select(func.count()).select_from(probe)).scalar_one() == 0
    assert stored(table) == []
