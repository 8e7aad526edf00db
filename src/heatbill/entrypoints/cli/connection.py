"""`heatbill connection bill|exit INSTALLATION`: the connection contribution billed to the owner,
due before the pipe is laid (`vestervig 2.6`–`2.10`), and the exit on the owner's notice: the
earliest exit date, the statement a–e and the bill of c–e (`vestervig 2.18`–`2.19`,
`solrod 2.18`–`2.19`). Each bill is issued once: the same request again finds it."""

from __future__ import annotations

import typer

from heatbill.domain.billing.exit_statement import PlantShare
from heatbill.domain.errors import ValidationError
from heatbill.domain.tariff import VatScope
from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.entrypoints.cli.money_options import amount, optional_amount
from heatbill.services.connection_exit import (
    BillConnection,
    ExitResult,
    StateExit,
    bill_connection,
    exit_statement,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.connection.app"), no_args_is_help=True)
INSTALLATION = typer.Argument(..., help=say("cli.opt.number"), show_default=False)
BILL_DATE = typer.Option(None, "--date", help=say("cli.opt.bill_date"))
VAT_WORDS = {s.value: s for s in VatScope} | {
    "udenfor": VatScope.OUTSIDE,
    "fritaget": VatScope.EXEMPT,
    "standard": VatScope.STANDARD,
}


@app.command("bill", help=say("cli.connection.bill"))
def bill(
    installation: str = INSTALLATION,
    utility: str = UTILITY_OPTION,
    trace_m: str = typer.Option(..., "--trace-m", help=say("cli.opt.trace_m")),
    development_area: bool = typer.Option(
        False, "--development-area", help=say("cli.opt.development_area")
    ),
    pipe_laid_on: str = typer.Option(..., "--pipe-laid-on", help=say("cli.opt.pipe_laid_on")),
    on: str | None = BILL_DATE,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Quote and bill the connection contribution to the owner."""
    metres = arguments.quantity(trace_m, "--trace-m")
    laid = arguments.day(pipe_laid_on, "--pipe-laid-on")
    day = CLOCK.today() if on is None else arguments.day(on, "--date")
    with engine_for(database) as engine:
        command = BillConnection(
            utility_id_of(engine, utility), installation, metres, development_area, laid, day
        )
        with UnitOfWork(engine) as uow:
            charged = bill_connection(command, uow, CLOCK)
    found = charged.bill
    line = say(
        "connection.cli.done",
        number=found.number,
        installation=installation,
        total=found.total.format_da(),
        vat=found.vat.format_da(),
        due=dk(found.due_date),
    )
    typer.echo(say("charge.cli.already") + line if charged.already else line)


@app.command("exit", help=say("cli.connection.exit"))
def exit_(
    installation: str = INSTALLATION,
    utility: str = UTILITY_OPTION,
    notice_date: str = typer.Option(..., "--notice-date", help=say("cli.opt.notice_date")),
    annual_statement: str | None = typer.Option(None, help=say("cli.opt.annual_statement")),
    owed: str | None = typer.Option(None, help=say("cli.opt.owed")),
    disconnection: str | None = typer.Option(None, help=say("cli.opt.disconnection")),
    pipe_removal: str | None = typer.Option(None, help=say("cli.opt.pipe_removal")),
    plant_cost: str | None = typer.Option(None, help=say("cli.opt.plant_cost")),
    depreciation: str | None = typer.Option(None, help=say("cli.opt.depreciation")),
    connection_value: str | None = typer.Option(None, help=say("cli.opt.connection_value")),
    total_connection_value: str | None = typer.Option(
        None, help=say("cli.opt.total_connection_value")
    ),
    capacity_transferred: bool = typer.Option(
        False, "--capacity-transferred", help=say("cli.opt.capacity_transferred")
    ),
    compensation_vat: str = typer.Option(
        "udenfor", "--compensation-vat", help=say("cli.opt.compensation_vat")
    ),
    membership_date: str | None = typer.Option(None, help=say("cli.opt.membership_date")),
    on: str | None = BILL_DATE,
    database: str | None = DATABASE_OPTION,
) -> None:
    """The earliest exit date for the notice, the statement a–e and the exit bill (c–e)."""
    plant_figures = (plant_cost, depreciation, connection_value, total_connection_value)
    plant = _plant(*plant_figures)
    day = CLOCK.today() if on is None else arguments.day(on, "--date")
    joined = (
        None if membership_date is None else arguments.day(membership_date, "--membership-date")
    )
    with engine_for(database) as engine:
        command = StateExit(
            utility_id=utility_id_of(engine, utility),
            installation_number=installation,
            notice_date=arguments.day(notice_date, "--notice-date"),
            annual_statement=optional_amount(annual_statement, "--annual-statement"),
            owed=optional_amount(owed, "--owed"),
            disconnection=optional_amount(disconnection, "--disconnection"),
            pipe_removal=optional_amount(pipe_removal, "--pipe-removal"),
            plant=plant,
            capacity_transferred=capacity_transferred,
            compensation_vat=arguments.choice(compensation_vat, "--compensation-vat", VAT_WORDS),
            on=day,
            membership_date=joined,
        )
        with UnitOfWork(engine) as uow:
            result = exit_statement(command, uow, CLOCK)
    for line in exit_lines(result):
        typer.echo(line)


def _plant(
    cost: str | None, depreciation: str | None, own: str | None, all_: str | None
) -> PlantShare | None:
    given = (cost, depreciation, own, all_)
    if all(v is None for v in given):
        return None
    if cost is None or depreciation is None or own is None or all_ is None:
        raise ValidationError(say("cli.arg.plant_figures"))
    return PlantShare(
        amount(cost, "--plant-cost"),
        amount(depreciation, "--depreciation"),
        arguments.quantity(own, "--connection-value"),
        arguments.quantity(all_, "--total-connection-value"),
    )


def exit_lines(result: ExitResult) -> list[str]:
    statement = result.statement
    lines = [say("exit.cli.date", day=dk(result.exit_date), clause=statement.clause)]
    for item in statement.items:
        vat = say("exit.cli.item_vat", vat=item.vat.format_da()) if item.vat else ""
        lines.append(say("exit.cli.item", text=item.text, amount=item.amount.format_da(), vat=vat))
    lines.append(say("exit.cli.to_pay", amount=statement.to_pay.format_da()))
    if result.bill is None:
        lines.append(say("exit.cli.no_bill"))
    else:
        found = result.bill.bill
        line = say(
            "exit.cli.bill",
            number=found.number,
            total=found.total.format_da(),
            due=dk(found.due_date),
        )
        lines.append(say("charge.cli.already") + line if result.bill.already else line)
    return lines
