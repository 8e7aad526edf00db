"""Run the Alembic migrations programmatically (`heatbill db upgrade`, tests, the demo).

Alembic is imported only when a migration has to run: every CLI command makes sure the schema
is current, and a schema already at the newest revision (the usual case) is told by one query
against `alembic_version` and the migration files' names — no Alembic import at all.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - only when migrating

    config = Config()
    config.set_main_option("script_location", str(files("heatbill.adapters.db") / "migrations"))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (the newest by default) inside one transaction."""
    from alembic import command  # noqa: PLC0415 - only when migrating

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def upgrade_if_needed(engine: Engine) -> None:
    """`upgrade` unless the schema is already at the newest revision (checked cheaply)."""
    if _stored_revision(engine) != newest_revision_file():
        upgrade(engine)


def newest_revision_file() -> str | None:
    """The newest revision by the migration files' names (`0009_daily_run.py` → `0009`):
    revisions are numbered in a line, each revising the one before."""
    versions = files("heatbill.adapters.db") / "migrations" / "versions"
    numbers = [m.group(1) for p in versions.iterdir() if (m := _REVISION_FILE.match(p.name))]
    return max(numbers, default=None)


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return found[0] if len(found) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
