"""`heatbill bills list|show|oioubl|betalingsservice|correct`: issued bills, what they ask for
(FI payment line, OIOUBL for an EAN, the Betalingsservice 0601 delivery of a day) and the
correction of a settlement (a credit note and a new bill). Listings are read models; the
correction is a use case that commits, or with --dry-run books nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from heatbill.domain.errors import ValidationError
from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.bill_view import (
    KIND_WORDS,
    bills_table,
    difference,
    file_json,
    head_json,
    print_bill,
)
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.bill_documents import bill_documents
from heatbill.services.bill_queries import bill_file, bill_heads
from heatbill.services.collection_deliveries import Agreement, collection_delivery
from heatbill.services.corrections import correct_settlement
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.bills.app"), no_args_is_help=True)
NUMBER = typer.Argument(..., help=say("cli.opt.bill_number"), show_default=False)
OUTPUT = typer.Option(None, "--output", "-o", help=say("cli.opt.output"))


@app.command("list", help=say("cli.bills.list"))
def list_(
    customer: int | None = typer.Argument(None, help=say("cli.opt.customer"), show_default=False),
    utility: str = UTILITY_OPTION,
    installation: str | None = typer.Option(None, help=say("cli.opt.bill_installation")),
    kind: str | None = typer.Option(None, help=say("cli.opt.bill_kind")),
    on: str | None = typer.Option(None, "--date", help=say("cli.opt.issued_on")),
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The utility's bills, oldest first, narrowed by customer, installation, kind or day."""
    wanted = None if kind is None else arguments.choice(kind, "--kind", KIND_WORDS)
    day = None if on is None else arguments.day(on, "--date")
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        heads = bill_heads(
            uow,
            uow.utilities.get(utility).utility_id,
            customer_id=customer,
            installation_number=installation,
            kind=wanted,
            issued_on=day,
        )
    if as_json:
        arguments.print_json([head_json(h) for h in heads])
    elif not heads:
        typer.echo(say("bills.none"))
    else:
        Console().print(bills_table(heads))


@app.command("show", help=say("cli.bills.show"))
def show(
    number: str = NUMBER,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """One bill: lines, totals, due date, FI payment line, what it corrects or is corrected by."""
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        found = bill_file(uow, uow.utilities.get(utility).utility_id, number)
    if as_json:
        arguments.print_json(file_json(found))
        return
    print_bill(found)


@app.command("oioubl", help=say("cli.bills.oioubl"))
def oioubl(
    number: str = NUMBER,
    utility: str = UTILITY_OPTION,
    output: Path | None = OUTPUT,
    database: str | None = DATABASE_OPTION,
) -> None:
    """The bill's OIOUBL invoice, or credit note, for a customer with an EAN."""
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        utility_id = uow.utilities.get(utility).utility_id
        found = bill_file(uow, utility_id, number)
        xml = bill_documents(utility_id, found.head.bill_id, uow).oioubl
    if xml is None:
        raise ValidationError(
            say("bills.no_ean", number=found.head.number, name=found.head.customer_name)
        )
    _write(xml, output, say("bills.oioubl.written", number=found.head.number, path=output))


@app.command("betalingsservice", help=say("cli.bills.betalingsservice"))
def betalingsservice(
    on: str = typer.Option(..., "--date", help=say("cli.opt.bs_date")),
    reg_no: str = typer.Option(..., "--reg-no", help=say("cli.opt.reg_no")),
    account_no: str = typer.Option(..., "--account-no", help=say("cli.opt.account_no")),
    utility: str = UTILITY_OPTION,
    debtor_group: int = typer.Option(1, "--debtor-group", help=say("cli.opt.debtor_group")),
    delivery_number: int | None = typer.Option(
        None, "--delivery-number", help=say("cli.opt.delivery_number")
    ),
    output: Path | None = OUTPUT,
    database: str | None = DATABASE_OPTION,
) -> None:
    """The 0601 delivery of the bills issued on the date to customers with a mandate in force
    (`heatbill import mandates`)."""
    day = arguments.day(on, "--date")
    serial = int(f"{day:%Y%m%d}") if delivery_number is None else delivery_number
    agreement = Agreement(debtor_group, reg_no.strip(), account_no.strip(), serial)
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        utility_id = uow.utilities.get(utility).utility_id
        made = collection_delivery(uow, utility_id, day, agreement)
    summary = say(
        "bills.bs.written",
        delivery=serial,
        day=dk(day),
        path=output,
        count=len(made.delivery.collections),
        amount=made.total.format_da(),
    )
    if made.left_out:
        summary += "\n" + say("bills.bs.left_out", numbers=", ".join(made.left_out))
    _write(made.data, output, summary)


@app.command("correct", help=say("cli.bills.correct"))
def correct(
    number: str = NUMBER,
    utility: str = UTILITY_OPTION,
    reason: str = typer.Option(..., "--reason", help=say("cli.opt.correct_reason")),
    by: str = typer.Option(..., "--by", help=say("cli.opt.correct_by")),
    on: str | None = typer.Option(None, "--date", help=say("cli.opt.correct_date")),
    dry_run: bool = typer.Option(False, "--dry-run", help=say("cli.opt.dry_run")),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Credit a settlement and bill it again from the readings as they are now."""
    day = CLOCK.today() if on is None else arguments.day(on, "--date")
    if not reason.strip() or not by.strip():
        raise ValidationError(say("corrections.no_reason"))
    noted = say("bills.correct.reason", reason=reason.strip(), by=by.strip())
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            original = bill_file(uow, utility_id, number).head
        with UnitOfWork(engine) as uow:
            note, new = correct_settlement(
                utility_id, original.bill_id, day, noted, uow, CLOCK, dry_run=dry_run
            )
    typer.echo(
        say(
            "bills.correct.dry" if dry_run else "bills.correct.done",
            original=original.number,
            note=note.number,
            note_total=note.total.format_da(),
            new=new.number,
            new_total=new.total.format_da(),
            difference=difference(original.total, new.total),
        )
    )


def _write(data: bytes, output: Path | None, summary: str) -> None:
    """To the file and a summary line, or the bare bytes to standard output (for a pipe)."""
    if output is None:
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # a text-only stream (the command run inside a test)
            try:
                sys.stdout.write(data.decode("utf-8"))
            except UnicodeDecodeError:  # a Betalingsservice file is ISO-8859-1
                sys.stdout.write(data.decode("iso-8859-1"))
            return
        binary.write(data)
        binary.flush()
        return
    output.write_bytes(data)
    typer.echo(summary)
