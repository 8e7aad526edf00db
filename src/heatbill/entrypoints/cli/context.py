"""What every CLI command needs: the database in force, the clock, a utility by its code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy import Engine

from heatbill.adapters.clock import SystemClock
from heatbill.adapters.db.engine import database_url, make_engine
from heatbill.adapters.db.migrate import upgrade_if_needed
from heatbill.services.unit_of_work import UnitOfWork

DATABASE_OPTION = typer.Option(
    None,
    "--database-url",
    envvar="HEATBILL_DATABASE_URL",
    help="Database-URL (ellers SQLite-filen var/heatbill.sqlite3).",
)
UTILITY_OPTION = typer.Option(..., "--utility", "-u", help="Værkets kode, fx demo.")
JSON_OPTION = typer.Option(False, "--json", help="Skriv JSON i stedet for en tabel.")

CLOCK = SystemClock()


@contextmanager
def engine_for(url: str | None) -> Iterator[Engine]:
    """The engine of the database in force, its schema brought up to date first."""
    engine = make_engine(database_url(url))
    try:
        upgrade_if_needed(engine)
        yield engine
    finally:
        engine.dispose()


def utility_id_of(engine: Engine, code: str) -> int:
    with UnitOfWork(engine, write=False) as uow:
        return uow.utilities.get(code).utility_id
