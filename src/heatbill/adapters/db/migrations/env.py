"""Alembic environment: runs on the connection heatbill hands over, or on the URL in force."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from heatbill.adapters.db.engine import database_url, make_engine
from heatbill.adapters.db.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    engine = make_engine(database_url(context.config.get_main_option("sqlalchemy.url")))
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("heatbill migrations run online only (heatbill db upgrade)")
run_migrations_online()
