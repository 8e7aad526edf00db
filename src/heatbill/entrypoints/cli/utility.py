"""`heatbill utility …`: create a utility with a rulebook and tariff sheet; list utilities; set
the account its refunds are paid from."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from heatbill.domain.register.payout_accounts import PayingAccount
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.refund_payouts import SetUtilityAccount, set_utility_account
from heatbill.services.rulebooks import rule_text
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, create_utility
from heatbill.wording import say

app = typer.Typer(help="Værker: opret og vis.", no_args_is_help=True)
console = Console()


@app.command("create")
def create(
    code: str = typer.Option(..., help="Kort kode, fx solrod."),
    name: str = typer.Option(..., help="Værkets navn."),
    cvr: str = typer.Option(..., help="CVR-nummer."),
    address: str = typer.Option(..., help="Adresse."),
    rulebook: str = typer.Option(..., help="Regelsæt: et navn (solrod …) eller en fil."),
    tariffs: str = typer.Option(..., help="Takstblad: et navn eller en fil."),
    fi_creditor: str | None = typer.Option(None, help="FI-kreditornummer (8 cifre)."),
    pbs: str | None = typer.Option(None, help="Betalingsservice PBS-nummer."),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Create a utility; its rulebook and tariff sheet are validated first."""
    command = CreateUtility(
        code=code,
        name=name,
        cvr=cvr,
        address=address,
        fi_creditor_number=fi_creditor,
        pbs_number=pbs,
        rulebook=rule_text(rulebook),
        tariffs=rule_text(tariffs, tariffs=True),
    )
    with engine_for(database) as engine, UnitOfWork(engine) as uow:
        created = create_utility(command, uow, CLOCK)
    console.print(
        say(
            "utility.created",
            code=code,
            utility_id=created.utility_id,
            rulebook=created.rulebook.name,
            tariffs=created.tariffs.name,
        )
    )


@app.command("list")
def list_(database: str | None = DATABASE_OPTION, as_json: bool = JSON_OPTION) -> None:
    """List the utilities in the database."""
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        rows = uow.utilities.all()
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {"code": r.code, "name": r.name, "cvr": r.cvr, "address": r.address}
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table(title=say("utility.list_title"))
    for key in ("code", "name", "cvr", "address"):
        table.add_column(say(f"utility.col.{key}"))
    for r in rows:
        table.add_row(r.code, r.name, r.cvr, r.address)
    console.print(table)


@app.command("set-account", help=say("cli.utility.set_account"))
def set_account(
    iban: str = typer.Option(..., "--iban", help="Værkets IBAN."),
    bic: str = typer.Option(..., "--bic", help="Bankens BIC (8 eller 11 tegn)."),
    nemkonto_agreed: bool = typer.Option(
        False, "--nemkonto-agreed", help=say("cli.utility.opt.nemkonto_agreed")
    ),
    by: str = typer.Option(..., "--by", help=say("cli.refunds.opt.by")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Register the account refunds are paid from (a new version; the newest counts)."""
    paying = PayingAccount(iban.replace(" ", "").upper(), bic.strip().upper(), nemkonto_agreed)
    with engine_for(database) as engine:
        command = SetUtilityAccount(utility_id_of(engine, utility), paying, by)
        with UnitOfWork(engine) as uow:
            set_utility_account(command, uow, CLOCK)
    console.print(
        say(
            "refunds.utility_account.set",
            iban=paying.iban,
            bic=paying.bic,
            nemkonto=say("common.yes") if nemkonto_agreed else say("common.no"),
        )
    )
