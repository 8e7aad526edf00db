"""`heatbill db …`: the database schema (placeholder)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Database: opret og opgrader skemaet.", no_args_is_help=True)


@app.command()
def upgrade() -> None:
    """Upgrade the database schema to the newest version."""
    raise NotImplementedError
