"""`heatbill db …`: create or upgrade the schema of the database in force."""

from __future__ import annotations

import typer
from rich.console import Console
from sqlalchemy.engine import make_url

from heatbill.adapters.db.engine import database_url, make_engine, sqlite_path
from heatbill.adapters.db.migrate import current_revision, head_revision, upgrade
from heatbill.wording import say

app = typer.Typer(help="Database: opret og opgrader skemaet.", no_args_is_help=True)
console = Console()

URL_OPTION = typer.Option(
    None, "--database-url", help="Database-URL (ellers $HEATBILL_DATABASE_URL eller SQLite-filen)."
)


def describe(url: str) -> str:
    """Where the data lives, for people: the SQLite file's path or the URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return say("db.sqlite_file", path=path.resolve())
    return say("db.server", url=make_url(url).render_as_string(hide_password=True))


@app.command("upgrade")
def upgrade_command(database: str | None = URL_OPTION) -> None:
    """Upgrade the database schema to the newest version (creates it when empty)."""
    url = database_url(database)
    console.print(describe(url))
    engine = make_engine(url)
    before = current_revision(engine)
    upgrade(engine)
    after = current_revision(engine)
    engine.dispose()
    if before == after:
        console.print(say("db.up_to_date", revision=after))
    else:
        console.print(say("db.upgraded", before=before or "-", after=after))


@app.command("status")
def status_command(database: str | None = URL_OPTION) -> None:
    """Show the schema version of the database and the newest one this release knows."""
    url = database_url(database)
    console.print(describe(url))
    engine = make_engine(url)
    console.print(say("db.status", current=current_revision(engine) or "-", head=head_revision()))
    engine.dispose()
