"""`heatbill rulebook …`: show, validate and diff utility rulebooks (placeholder)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Regelsæt (rulebooks): vis, valider og sammenlign.", no_args_is_help=True)


@app.command()
def show(name: str) -> None:
    """Show a rulebook."""
    raise NotImplementedError(name)
