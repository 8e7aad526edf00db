"""`heatbill customers list|show`: every installation with its customer, and one installation's
whole story. Read models only; CPR numbers are shown masked, in JSON too."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.arguments import dk, identity, iso, party_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
)
from heatbill.entrypoints.cli.customer_view import file_json, print_file
from heatbill.services import register_queries as queries
from heatbill.services.reading_queries import hold_clause
from heatbill.services.register_queries import CustomerLine
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.customers.app"), no_args_is_help=True)


@app.command("list", help=say("cli.customers.list"))
def list_(
    utility: str = UTILITY_OPTION,
    on: str | None = typer.Option(None, "--date", help=say("cli.opt.on")),
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Every installation with its customer on the day (today unless --date)."""
    day = CLOCK.today() if on is None else arguments.day(on, "--date")
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        lines = queries.customers_on(uow, uow.utilities.get(utility).utility_id, day)
    if as_json:
        arguments.print_json([_line_json(line) for line in lines])
        return
    table = Table(title=say("cli.customers.list_title", day=dk(day)), title_justify="left")
    for key in ("installation", "address", "customer", "role", "since", "identity"):
        table.add_column(say(f"cli.col.{key}"))
    for line in lines:
        party = line.party
        table.add_row(
            Text(line.installation_number),
            Text(line.address),
            Text(say("cli.customers.nobody") if party is None else party.name),
            _role(line),
            dk(line.since),
            "" if party is None else identity(party),
        )
    Console().print(table)


@app.command("show", help=say("cli.customers.show"))
def show(
    number: str = typer.Argument(..., help=say("cli.opt.number"), show_default=False),
    utility: str = UTILITY_OPTION,
    recent: int = typer.Option(12, "--readings", min=1, help=say("cli.opt.recent")),
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """An installation: property, owners, meters, customers over time (interim periods too),
    recent readings with status and hold reasons, and the letters about it."""
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        utility_id = uow.utilities.get(utility).utility_id
        found = queries.installation_file(uow, utility_id, number)
        clause = hold_clause(uow, utility_id, CLOCK.today())
    if as_json:
        arguments.print_json(file_json(found, clause, recent))
        return
    print_file(found, clause, recent)


def _role(line: CustomerLine) -> str:
    if line.role is None:
        return ""
    if line.interim:
        return say("register.role.interim")
    return say(f"register.role.{line.role.value}")


def _line_json(line: CustomerLine) -> dict[str, object]:
    return {
        "installation": line.installation_number,
        "address": line.address,
        "customer": None if line.party is None else party_json(line.party),
        "role": None if line.role is None else line.role.value,
        "interim": line.interim,
        "since": iso(line.since),
    }
