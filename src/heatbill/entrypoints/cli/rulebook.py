"""`heatbill rulebook …`: list, show, validate and diff rulebooks and tariff sheets.

A refused file raises `RulebookError` (a ValidationError): `main` prints it and exits with 2.
Nothing here writes anything; validating a file only reads it.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from heatbill.domain.tariff import TariffSheet
from heatbill.entrypoints.cli.rulebook_view import differences_table, rulebook_overview
from heatbill.entrypoints.cli.tariff_view import tariff_overview
from heatbill.services import rulebooks
from heatbill.wording import say

app = typer.Typer(help=say("rulebook.cli.app"), no_args_is_help=True)

REFERENCE = typer.Argument(..., help=say("rulebook.cli.show.name"), show_default=False)
TARIFFS = typer.Option(None, "--tariffs", "-t", help=say("rulebook.cli.show.tariffs"))


@app.command("list", help=say("rulebook.cli.list"))
def list_command() -> None:
    """List the shipped rulebooks with title, start date and whether a tariff sheet ships."""
    table = Table(title=say("rulebook.list.title"), title_justify="left")
    for column in ("name", "title", "valid_from", "tariffs"):
        table.add_column(say(f"rulebook.list.col.{column}"))
    for preset in rulebooks.presets():
        book = preset.rulebook
        has_tariffs = say("common.yes" if preset.has_tariff_sheet else "common.no")
        row = (book.name, book.title, str(book.valid_from.value), has_tariffs)
        table.add_row(*(Text(cell) for cell in row))
    Console().print(table)


@app.command("show", help=say("rulebook.cli.show"))
def show_command(reference: str = REFERENCE, tariffs: str | None = TARIFFS) -> None:
    """Print every parameter of a rulebook (and optionally a tariff sheet) with its clause."""
    book = rulebooks.find_rulebook(reference)
    sheet = None if tariffs is None else rulebooks.find_tariff_sheet(tariffs)
    console = Console()
    console.print(rulebook_overview(book))
    if sheet is not None:
        console.print(tariff_overview(sheet))


@app.command("validate", help=say("rulebook.cli.validate"))
def validate_command(
    file: Path = typer.Argument(..., help=say("rulebook.cli.validate.file"), show_default=False),
) -> None:
    """Check a rulebook or tariff sheet file; print OK, or let main report every problem."""
    checked = rulebooks.validate_file(file)
    if isinstance(checked, TariffSheet):
        text = say(
            "rulebook.validate.ok.tariff",
            source=file,
            title=checked.title,
            periods=len(checked.periods),
        )
    else:
        valid_from = checked.valid_from.value
        text = say(
            "rulebook.validate.ok.rulebook", source=file, title=checked.title, valid_from=valid_from
        )
    Console().print(Text(text))


@app.command("diff", help=say("rulebook.cli.diff"))
def diff_command(
    a: str = typer.Argument(..., help=say("rulebook.cli.diff.a"), show_default=False),
    b: str = typer.Argument(..., help=say("rulebook.cli.diff.b"), show_default=False),
    provenance: bool = typer.Option(False, "--hjemmel", help=say("rulebook.cli.diff.provenance")),
) -> None:
    """Print the parameters that differ between two rulebooks, with both values and clauses."""
    comparison = rulebooks.compare(a, b, provenance=provenance)
    console = Console()
    names = {"a": comparison.a.name, "b": comparison.b.name}
    if not comparison.differences:
        console.print(Text(say("rulebook.diff.none", **names)))
        return
    console.print(differences_table(comparison.a, comparison.b, comparison.differences))
    console.print(Text(say("rulebook.diff.count", count=len(comparison.differences))))
