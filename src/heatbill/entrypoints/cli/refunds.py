"""`heatbill refunds …`: refunds out — propose, decide, pay out, and where to pay.

    heatbill refunds propose --date 01-03-2027 -u solrod
    heatbill refunds list [--status godkendt] [--json] -u solrod
    heatbill refunds approve 12 --by kbh -u solrod
    heatbill refunds reject 13 --by kbh --reason "Kunden har bedt om modregning" -u solrod
    heatbill refunds payout --date 05-03-2027 -o udbetaling.xml -u solrod
    heatbill refunds account 10003 --reg-no 1234 --account-no 5678901 --by kbh -u solrod

The customer in `account` is the customer id (`heatbill customers show`, column Id).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.db.refund_repository import ProposalRow
from heatbill.domain.errors import ValidationError
from heatbill.domain.payments.refunds import RefundStatus
from heatbill.domain.register.payout_accounts import PayoutAccount
from heatbill.entrypoints.cli.arguments import choice, day, dk, iso, print_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.refund_payouts import (
    MakePayout,
    SetCustomerAccount,
    make_payout,
    set_customer_account,
)
from heatbill.services.refunds import (
    DecideRefund,
    ProposeRefunds,
    approve_refund,
    propose_refunds,
    refund_proposals,
    reject_refund,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.refunds.help"), no_args_is_help=True)
console = Console()
DATE_OPTION = typer.Option(..., "--date", help="Dato, fx 01-03-2027.")
BY_OPTION = typer.Option(..., "--by", help=say("cli.refunds.opt.by"))
STATUS_WORDS = {say(f"refunds.status.{s}"): s for s in RefundStatus}


@app.command("propose", help=say("cli.refunds.propose"))
def propose(
    on: str = DATE_OPTION, utility: str = UTILITY_OPTION, database: str | None = DATABASE_OPTION
) -> None:
    when = day(on, "--date")
    with engine_for(database) as engine:
        command = ProposeRefunds(utility_id_of(engine, utility), when)
        with UnitOfWork(engine) as uow:
            report = propose_refunds(command, uow, CLOCK)
    minimum = report.minimum
    console.print(
        say(
            "refunds.proposed",
            count=len(report.proposed),
            date=dk(when),
            total=report.total.format_da(),
            minimum=minimum.value.format_da(),
            clause=minimum.clause,
        )
    )


@app.command("list", help=say("cli.refunds.list"))
def list_(
    status: str | None = typer.Option(None, "--status", help=say("cli.refunds.opt.status")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    wanted = None if status is None else choice(status, "--status", STATUS_WORDS)
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            rows = refund_proposals(uow, utility_id, wanted)
    if as_json:
        print_json([_json(r) for r in rows])
        return
    table = Table(title=say("refunds.list_title"))
    columns = ("id", "customer", "name", "amount", "source", "reference", "account", "status")
    for key in (*columns, "decided"):
        table.add_column(say(f"refunds.col.{key}"), justify="right" if key == "amount" else "left")
    for r in rows:
        table.add_row(
            str(r.proposal_id),
            str(r.customer_id),
            r.name,
            r.amount.format_da(),
            say(f"refunds.source.{r.source}"),
            r.reference,
            r.account.describe(),
            say(f"refunds.status.{r.status}"),
            _decided(r),
        )
    console.print(table)


def _decided(row: ProposalRow) -> str:
    if row.decided_by is None:
        return ""
    text = f"{row.decided_by} {dk(row.decided_on)}"
    return f"{text}: {row.reason}" if row.reason else text


def _json(row: ProposalRow) -> dict[str, object]:
    return {
        "id": row.proposal_id,
        "customer": row.customer_id,
        "name": row.name,
        "amount_ore": row.amount.ore,
        "source": row.source.value,
        "reference": row.reference,
        "account": row.account.describe(),
        "account_kind": row.account.kind.value,
        "proposed_on": iso(row.proposed_on),
        "status": row.status.value,
        "decided_by": row.decided_by,
        "decided_on": iso(row.decided_on),
        "reason": row.reason,
        "payout_file": row.message_id,
    }


@app.command("approve", help=say("cli.refunds.approve"))
def approve(
    proposal: int = typer.Argument(..., help="Forslagets id."),
    by: str = BY_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        command = DecideRefund(utility_id_of(engine, utility), proposal, by)
        with UnitOfWork(engine) as uow:
            row = approve_refund(command, uow, CLOCK)
    console.print(
        say(
            "refunds.approved",
            proposal=row.proposal_id,
            by=row.decided_by,
            amount=row.amount.format_da(),
            account=row.account.describe(),
        )
    )


@app.command("reject", help=say("cli.refunds.reject"))
def reject(
    proposal: int = typer.Argument(..., help="Forslagets id."),
    by: str = BY_OPTION,
    reason: str = typer.Option(..., "--reason", help=say("cli.refunds.opt.reason")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        command = DecideRefund(utility_id_of(engine, utility), proposal, by, reason)
        with UnitOfWork(engine) as uow:
            row = reject_refund(command, uow, CLOCK)
    console.print(
        say("refunds.rejected", proposal=row.proposal_id, by=row.decided_by, reason=row.reason)
    )


@app.command("payout", help=say("cli.refunds.payout"))
def payout(
    on: str = DATE_OPTION,
    output: Path = typer.Option(..., "--output", "-o", help=say("cli.refunds.opt.out")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    when = day(on, "--date")
    with engine_for(database) as engine:
        command = MakePayout(utility_id_of(engine, utility), when)
        with UnitOfWork(engine) as uow:
            made = make_payout(command, uow, CLOCK)
    output.write_text(made.content, encoding="utf-8")
    console.print(
        say(
            "refunds.paid",
            message_id=made.message_id,
            count=made.refund_count,
            total=made.total.format_da(),
            date=dk(made.execution_date),
            path=output,
        )
    )


@app.command("account", help=say("cli.refunds.account"))
def account(
    customer: int = typer.Argument(..., help="Kundens id."),
    reg_no: str | None = typer.Option(None, "--reg-no", help="Registreringsnummer (4 cifre)."),
    account_no: str | None = typer.Option(None, "--account-no", help="Kontonummer."),
    iban: str | None = typer.Option(None, "--iban", help="IBAN."),
    nemkonto: bool = typer.Option(False, "--nemkonto", help="Udbetal til NemKonto."),
    by: str = BY_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    payout_account = _payout_account(reg_no, account_no, iban, nemkonto)
    with engine_for(database) as engine:
        command = SetCustomerAccount(utility_id_of(engine, utility), customer, payout_account, by)
        with UnitOfWork(engine) as uow:
            name = set_customer_account(command, uow, CLOCK)
    console.print(
        say("refunds.account.set", name=name, customer=customer, account=payout_account.describe())
    )


def _payout_account(
    reg_no: str | None, account_no: str | None, iban: str | None, nemkonto: bool
) -> PayoutAccount:
    danish = reg_no is not None or account_no is not None
    if sum((danish, iban is not None, nemkonto)) != 1:
        raise ValidationError(say("refunds.account.one_kind"))
    if iban is not None:
        return PayoutAccount.of_iban(iban)
    if nemkonto:
        return PayoutAccount.nemkonto()
    return PayoutAccount.danish(reg_no or "", account_no or "")
