"""`heatbill import customers|readings|degree-days|payments|mandates FILE`: a file taken
whole or not at all, once.

A broken file raises FileFormatError listing every problem with file, line and field (exit 2);
the same file twice raises ConflictError naming the earlier import (exit 4). Both through
`main`'s one error table; nothing is written in either case.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from heatbill.adapters.clock import Clock
from heatbill.domain.register.readings import ReadingSource, ReadingStatus
from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.entrypoints.cli.reading_view import reason_lines
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile, import_degree_days, import_readings
from heatbill.services.mandates import import_mandates
from heatbill.services.payments import import_payments
from heatbill.services.reading_queries import meter_places
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

R = TypeVar("R")
app = typer.Typer(help=say("cli.import.app"), no_args_is_help=True)

FILE = typer.Argument(..., help=say("cli.opt.file"), show_default=False)
SOURCES = {"fjern": ReadingSource.REMOTE, "kort": ReadingSource.CARD}


def _file(utility_id: int, path: Path) -> ImportFile:
    return ImportFile(utility_id, str(path), arguments.file_bytes(path))


@app.command("customers", help=say("cli.import.customers"))
def customers(
    path: Path = FILE,
    utility: str = UTILITY_OPTION,
    as_of: str | None = typer.Option(None, "--as-of", help=say("cli.opt.as_of")),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Import a customer export: properties, installations, meters, parties, relationships."""
    on = CLOCK.today() if as_of is None else arguments.day(as_of, "--as-of")
    with engine_for(database) as engine:
        command = _file(utility_id_of(engine, utility), path)
        with UnitOfWork(engine) as uow:
            report = import_customers(command, on, uow, CLOCK)
    typer.echo(
        say(
            "imports.customers_done",
            file=command.file_name,
            total=report.installations,
            import_id=report.import_id,
            parties=report.parties,
            tenants=report.tenants,
        )
    )


@app.command("readings", help=say("cli.import.readings"))
def readings(
    path: Path = FILE,
    utility: str = UTILITY_OPTION,
    source: str = typer.Option("fjern", "--source", help=say("cli.opt.source")),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Import meter readings; print the counts and every reading held with its reasons."""
    origin = arguments.choice(source, "--source", SOURCES)
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        command = _file(utility_id, path)
        with UnitOfWork(engine) as uow:
            report = import_readings(command, origin, uow, CLOCK)
        held = [o for o in report.outcomes if o.status is ReadingStatus.HELD]
        with UnitOfWork(engine, write=False) as uow:
            places = meter_places(uow, utility_id, [o.reading.meter_id for o in held])
    typer.echo(
        say(
            "imports.readings_done",
            file=command.file_name,
            total=len(report.outcomes),
            import_id=report.import_id,
            accepted=report.count(ReadingStatus.ACCEPTED),
            held=report.count(ReadingStatus.HELD),
            repeats=report.count(None),
            superseded=report.superseded,
        )
    )
    if held:
        typer.echo(say("cli.import.held_heading"))
    for outcome in held:
        number, serial = places[outcome.reading.meter_id]
        typer.echo(
            say(
                "cli.import.held_line",
                reading_id=outcome.reading_id,
                installation=number,
                meter=serial,
                day=arguments.dk(outcome.reading.read_on),
            )
        )
        for line in reason_lines([(r.text, str(r.clause)) for r in outcome.reasons]):
            typer.echo(line)


@app.command("degree-days", help=say("cli.import.degree_days"))
def degree_days(
    path: Path = FILE,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Import monthly degree days (CSV, or DMI's climateData JSON)."""
    with engine_for(database) as engine:
        command = _file(utility_id_of(engine, utility), path)
        with UnitOfWork(engine) as uow:
            report = import_degree_days(command, uow, CLOCK)
    first, last = (f"{month:02d}-{year}" for year, month in (report.first, report.last))
    typer.echo(
        say(
            "imports.degree_days_done",
            file=command.file_name,
            months=report.months,
            first=first,
            last=last,
        )
    )


@app.command("payments", help=say("cli.import.payments"))
def payments(
    path: Path = FILE,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Take in a Betalingsservice 0602, FI or camt.053 file; print what was matched."""
    command, report = _take(path, utility, database, import_payments)
    typer.echo(
        say(
            "cli.import.payments_done",
            file=command.file_name,
            import_id=report.import_id,
            paid=report.paid,
            total=report.paid_total.format_da(),
            matched=report.matched,
            unmatched=len(report.unmatched),
            credits=report.credits.format_da(),
            charged_back=report.charged_back,
            not_paid=report.not_paid,
        )
    )
    for line, amount, why in report.unmatched:
        typer.echo(say("cli.import.unmatched_line", line=line, amount=amount.format_da(), why=why))


@app.command("mandates", help=say("cli.import.mandates"))
def mandates(
    path: Path = FILE,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Take in a Betalingsservice 0603 delivery of mandates."""
    command, report = _take(path, utility, database, import_mandates)
    typer.echo(
        say(
            "cli.import.mandates_done",
            file=command.file_name,
            import_id=report.import_id,
            registered=report.registered,
            cancelled=report.cancelled,
        )
    )


def _take(
    path: Path,
    utility: str,
    database: str | None,
    use_case: Callable[[ImportFile, UnitOfWork, Clock], R],
) -> tuple[ImportFile, R]:
    """Read the file and hand it to `use_case` in one unit of work."""
    with engine_for(database) as engine:
        command = _file(utility_id_of(engine, utility), path)
        with UnitOfWork(engine) as uow:
            return command, use_case(command, uow, CLOCK)
