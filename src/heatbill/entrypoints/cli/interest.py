"""`heatbill interest …`: Nationalbanken's reference rate, kept as data by staff.

    heatbill interest rates [--json]                              the table, oldest first
    heatbill interest add-rate --from 2027-01-01 --rate 1.60 --by kbh
                                                                  the next half-year's rate

The interest run itself is `heatbill run interest --date D -u U` (runs.py).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import typer
from rich.console import Console
from rich.table import Table

from heatbill.domain.collections.reference_rates import (
    LAW_MARGIN_PP,
    half_year_name,
    percent_da,
)
from heatbill.domain.errors import ValidationError
from heatbill.entrypoints.cli.arguments import day, dk, iso, print_json
from heatbill.entrypoints.cli.context import CLOCK, DATABASE_OPTION, JSON_OPTION, engine_for
from heatbill.services.interest_rates import AddReferenceRate, add_reference_rate, reference_rates
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("interest.cli.app"), no_args_is_help=True)
console = Console()


@app.command("rates")
def rates(as_json: bool = JSON_OPTION, database: str | None = DATABASE_OPTION) -> None:
    """List Nationalbanken's lending rate by half-year, with the late-interest rate (+8 pp)."""
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        rows = reference_rates(uow)
    if as_json:
        print_json(
            [
                {
                    "valid_from": iso(r.valid_from),
                    "rate_percent": percent_da(r.rate_percent).replace(",", "."),
                    "added_by": r.added_by,
                }
                for r in rows
            ]
        )
        return
    table = Table(title=say("interest.rates.title"))
    for key in ("from", "half", "rate", "late", "by"):
        table.add_column(say(f"interest.rates.col.{key}"), justify="right")
    for r in rows:
        table.add_row(
            dk(r.valid_from),
            half_year_name(r.valid_from),
            percent_da(r.rate_percent),
            percent_da(r.rate_percent + LAW_MARGIN_PP),
            r.added_by,
        )
    console.print(table)


@app.command("add-rate")
def add_rate(
    valid_from: str = typer.Option(..., "--from", help="Halvårets første dag: 1/1 eller 1/7."),
    rate: str = typer.Option(..., "--rate", help="Udlånsrenten i procent, fx 1.60."),
    by: str = typer.Option(..., "--by", help="Hvem tilføjer renten (initialer)."),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Add the next half-year's reference rate (no gap, no duplicate, 1 Jan or 1 Jul only)."""
    command = AddReferenceRate(day(valid_from, "--from"), _rate(rate), by)
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        added = add_reference_rate(command, uow, CLOCK)
    console.print(
        say(
            "interest.rate.added",
            rate=percent_da(added.rate_percent),
            start=dk(added.valid_from),
            half=half_year_name(added.valid_from),
            by=added.added_by,
        )
    )


def _rate(text: str) -> Decimal:
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation as error:
        raise ValidationError(say("interest.rate.bad", got=text)) from error
