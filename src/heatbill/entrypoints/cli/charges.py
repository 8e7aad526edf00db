"""`heatbill charge one-off|meter-test-refund INSTALLATION`: a one-off charge from the tariff
sheet billed to the installation's customer on the day (`vestervig 2.13`–`2.14`, `5.8`, `5.10`),
and its refund when a tested meter was outside tolerance (`vestervig 5.11`). Each is billed
once: the same request again finds its bill and books nothing."""

from __future__ import annotations

import typer

from heatbill.domain.billing.one_off import ONE_OFF_KINDS
from heatbill.domain.money import Money
from heatbill.domain.tariff import FeeKind
from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.bill_view import kind_word
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.entrypoints.cli.money_options import amount
from heatbill.services.one_off_charges import bill_one_off_charge, refund_meter_test
from heatbill.services.single_bills import Charged
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.charge.app"), no_args_is_help=True)
INSTALLATION = typer.Argument(..., help=say("cli.opt.number"), show_default=False)
FEE_WORDS: dict[str, FeeKind] = {k.value: k for k in ONE_OFF_KINDS} | {
    "ekstra-aflaesning": FeeKind.EXTRA_READING,
    "maalerafproevning": FeeKind.METER_TEST,
    "flytning-af-stik": FeeKind.PIPE_RELOCATION,
    "omlaegning-af-stik": FeeKind.PIPE_ENLARGEMENT,
    "nedtagning-af-maaler": FeeKind.METER_REMOVAL,
    "genetablering-af-maaler": FeeKind.METER_REFITTING,
    "regningskopi": FeeKind.BILL_COPY,
    "paavisning": FeeKind.PIPE_LOCATION,
    "forgaeves-fremmoede": FeeKind.MISSED_APPOINTMENT,
}


@app.command("one-off", help=say("cli.charge.one_off"))
def one_off(
    installation: str = INSTALLATION,
    utility: str = UTILITY_OPTION,
    kind: str = typer.Option(..., "--kind", help=say("cli.opt.fee_kind")),
    on: str = typer.Option(..., "--date", help=say("cli.opt.charge_date")),
    reason: str = typer.Option("", "--reason", help=say("cli.opt.charge_reason")),
    cost: str | None = typer.Option(None, "--cost", help=say("cli.opt.cost")),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Bill the sheet's fee (or the actual cost of works) to the customer that day."""
    fee = arguments.choice(kind, "--kind", FEE_WORDS)
    day = arguments.day(on, "--date")
    price: Money | None = None if cost is None else amount(cost, "--cost")
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            charged = bill_one_off_charge(
                utility_id, installation, fee, day, reason.strip(), uow, CLOCK, cost=price
            )
    typer.echo(charged_line(charged, installation))


@app.command("meter-test-refund", help=say("cli.charge.meter_test_refund"))
def meter_test_refund(
    installation: str = INSTALLATION,
    utility: str = UTILITY_OPTION,
    charged_on: str = typer.Option(..., "--charged-on", help=say("cli.opt.charged_on")),
    on: str | None = typer.Option(None, "--date", help=say("cli.opt.refund_date")),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Credit the meter test (or the reading) charged on a day, in full."""
    charged_day = arguments.day(charged_on, "--charged-on")
    day = CLOCK.today() if on is None else arguments.day(on, "--date")
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            refund = refund_meter_test(utility_id, installation, charged_day, day, uow, CLOCK)
    typer.echo(charged_line(refund, installation))


def charged_line(charged: Charged, installation: str) -> str:
    bill = charged.bill
    line = say(
        "charge.cli.done",
        kind=kind_word(bill.kind),
        number=bill.number,
        text=bill.lines[0].text,
        total=bill.total.format_da(),
        installation=installation,
        due=dk(bill.due_date),
    )
    return say("charge.cli.already") + line if charged.already else line
