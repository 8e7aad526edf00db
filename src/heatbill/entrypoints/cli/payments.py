"""`heatbill payments …` and `heatbill mandates …`: incoming payments and Betalingsservice
mandates, for staff.

    heatbill import payments 0602.txt -u demo          (imports.py: 0602, FI or camt.053)
    heatbill payments unmatched -u demo [--json]       the clarification list
    heatbill payments assign 17 --customer 10002 --reason "…" --by kbh -u demo
    heatbill payments list 10002 -u demo [--json]      a customer's payments
    heatbill import mandates 0603.txt -u demo
    heatbill mandates list -u demo [--json]
    heatbill mandates cancellations --since 01-03-2026 -u demo
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.db.payment_repository import StoredPayment
from heatbill.entrypoints.cli.arguments import day, dk, iso, print_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.mandates import MandateState, cancellations_to_send, mandates_of
from heatbill.services.payment_clarification import (
    AssignPayment,
    assign_payment,
    unmatched_payments,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.payments.app"), no_args_is_help=True)
mandates_app = typer.Typer(help=say("cli.mandates.app"), no_args_is_help=True)
console = Console()


@app.command("unmatched", help=say("cli.payments.unmatched"))
def unmatched(
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = unmatched_payments(uow, u)
    _show(found, as_json, title=say("cli.payments.unmatched_title"))


@app.command("list", help=say("cli.payments.list"))
def list_payments(
    customer: int = typer.Argument(..., help=say("cli.payments.opt.customer")),
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = uow.payments(u).of_customer(customer)
    _show(found, as_json, title=say("cli.payments.list_title", customer=customer))


@app.command("assign", help=say("cli.payments.assign"))
def assign(
    payment: int = typer.Argument(..., help=say("cli.payments.opt.payment")),
    customer: int = typer.Option(..., "--customer", help=say("cli.payments.opt.customer")),
    reason: str = typer.Option(..., "--reason", help=say("cli.payments.opt.reason")),
    by: str = typer.Option(..., "--by", help=say("cli.payments.opt.by")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            entry_id = assign_payment(AssignPayment(u, payment, customer, reason, by), uow, CLOCK)
    typer.echo(say("cli.payments.assigned", payment=payment, customer=customer, entry=entry_id))


@mandates_app.command("list", help=say("cli.mandates.list"))
def list_mandates(
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = mandates_of(uow, u)
    _show_mandates(found, as_json)


@mandates_app.command("cancellations", help=say("cli.mandates.cancellations"))
def cancellations(
    since: str = typer.Option(..., "--since", help=say("cli.mandates.opt.since")),
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    first = day(since, "--since")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            found = cancellations_to_send(uow, u, first)
    _show_mandates(found, as_json)


def _show(found: list[StoredPayment], as_json: bool, *, title: str) -> None:
    if as_json:
        print_json(
            [
                {
                    "payment_id": p.payment_id,
                    "file": p.file_name,
                    "line": p.line,
                    "source": p.source.value,
                    "kind": p.kind.value,
                    "amount_ore": p.amount.ore,
                    "paid_on": iso(p.paid_on),
                    "booked_on": iso(p.booked_on),
                    "reference": p.reference,
                    "bs_customer": p.bs_customer,
                    "payer": p.payer,
                    "customer_id": p.customer_id,
                    "matched_by": p.matched_by,
                    "why_unmatched": p.why_unmatched,
                    "entry_id": p.entry_id,
                }
                for p in found
            ]
        )
        return
    table = Table(title=title)
    for column in ("id", "date", "amount", "source", "reference", "customer", "note"):
        table.add_column(say(f"cli.payments.col.{column}"))
    for p in found:
        table.add_row(
            str(p.payment_id),
            dk(p.booked_on),
            p.amount.format_da(),
            say(f"cli.payments.source.{p.source.value}"),
            p.reference or p.payer or "",
            "" if p.customer_id is None else str(p.customer_id),
            p.why_unmatched or say(f"cli.payments.kind.{p.kind.value}"),
        )
    console.print(table)
    if not found:
        typer.echo(say("cli.payments.none"))


def _show_mandates(found: list[MandateState], as_json: bool) -> None:
    if as_json:
        print_json(
            [
                {
                    "mandate_number": m.mandate_number,
                    "customer_id": m.customer_id,
                    "event": m.event,
                    "on": iso(m.on),
                    "active": m.active,
                }
                for m in found
            ]
        )
        return
    table = Table(title=say("cli.mandates.title"))
    for column in ("mandate", "customer", "state", "date"):
        table.add_column(say(f"cli.mandates.col.{column}"))
    for m in found:
        table.add_row(
            str(m.mandate_number),
            str(m.customer_id),
            say(f"cli.mandates.event.{m.event}"),
            dk(m.on),
        )
    console.print(table)
