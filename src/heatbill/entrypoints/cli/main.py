"""The `heatbill` command: sub-commands per concept, errors mapped to exit codes in one place."""

from __future__ import annotations

import sys

import click
import typer
from rich.console import Console
from rich.markup import escape

from heatbill.domain.errors import ConflictError, HeatbillError, NotFoundError, ValidationError
from heatbill.entrypoints.cli import (
    accounting,
    bills,
    cases,
    charges,
    connection,
    customers,
    daily,
    db,
    demo,
    imports,
    interest,
    letters,
    moves,
    payments,
    readings,
    refunds,
    rulebook,
    runs,
    securities,
    utility,
    web,
)
from heatbill.entrypoints.cli import case_external as _case_external  # noqa: F401 - `case hand-over…`
from heatbill.entrypoints.cli import case_plans as _case_plans  # noqa: F401 - `heatbill case plan…`
from heatbill.wording import say

app = typer.Typer(
    name="heatbill",
    help="heatbill — back office for Danish district heating utilities.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(rulebook.app, name="rulebook")
app.add_typer(utility.app, name="utility")
app.add_typer(imports.app, name="import")
app.add_typer(customers.app, name="customers")
app.add_typer(readings.app, name="readings")
app.add_typer(moves.app, name="move")
runs.app.command("daily", help=say("daily.cli.help"))(daily.daily_command)
app.add_typer(runs.app, name="run")
app.add_typer(interest.app, name="interest")
app.add_typer(bills.app, name="bills")
app.add_typer(charges.app, name="charge")
app.add_typer(connection.app, name="connection")
app.add_typer(payments.app, name="payments")
app.add_typer(payments.mandates_app, name="mandates")
app.add_typer(refunds.app, name="refunds")
app.add_typer(cases.app, name="case")
app.add_typer(letters.app, name="letters")
app.add_typer(securities.app, name="security")
app.add_typer(accounting.export_app, name="export")
app.add_typer(accounting.report_app, name="report")
app.command(name="demo")(demo.demo)
app.command(name="demo-web", help=say("web.cli.demo_web"))(demo.demo_web)
app.command(name="web", help=say("web.cli.serve"))(web.serve)
app.add_typer(web.staff_app, name="staff")
app.add_typer(web.portal_app, name="portal")
app.add_typer(web.privacy_app, name="privacy")
app.command(name="demo-ledger")(demo.demo_ledger)

EXIT_CODES: dict[type[HeatbillError], int] = {
    ValidationError: 2,
    NotFoundError: 3,
    ConflictError: 4,
}
"""Exit code per error type; any other HeatbillError exits 1."""


def exit_code_for(error: HeatbillError) -> int:
    for kind, code in EXIT_CODES.items():
        if isinstance(error, kind):
            return code
    return 1


def main() -> None:
    try:
        app(standalone_mode=False)
    except HeatbillError as error:
        Console(stderr=True).print(
            f"[bold red]{say('common.error')}[/] ({error.code}): {escape(error.message)}"
        )
        sys.exit(exit_code_for(error))
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        sys.exit(130)
