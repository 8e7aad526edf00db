"""`heatbill readings …`: list readings and review the held ones (`vestervig 5.9`): accept,
correct or reject, with a reason and who decided. Decisions are use cases that commit; the
listings are read models. The estimate and card runs are in `reading_runs`."""

from __future__ import annotations

import typer
from rich.console import Console

from heatbill.domain.consumption import format_m3, format_mwh
from heatbill.domain.register.readings import ReadingStatus
from heatbill.entrypoints.cli import arguments, reading_runs
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.entrypoints.cli.reading_view import held_text, reading_json, readings_table
from heatbill.services import reading_queries as queries
from heatbill.services.reading_review import (
    ReviewReading,
    accept_reading,
    correct_reading,
    reject_reading,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("cli.readings.app"), no_args_is_help=True)

READING_ID = typer.Argument(..., help=say("cli.opt.reading_id"), show_default=False)
REASON = typer.Option(..., "--reason", help=say("cli.opt.reason"))
BY = typer.Option(..., "--by", help=say("cli.opt.by"))
STATUS_WORDS = {s.value: s for s in ReadingStatus} | {
    say(f"register.status.{s.value}"): s for s in ReadingStatus
}


@app.command("list", help=say("cli.readings.list"))
def list_(
    utility: str = UTILITY_OPTION,
    installation: str | None = typer.Option(None, help=say("cli.opt.installation")),
    status: str | None = typer.Option(None, help=say("cli.opt.status")),
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Readings with their status, optionally of one installation or one status."""
    wanted = None if status is None else arguments.choice(status, "--status", STATUS_WORDS)
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        utility_id = uow.utilities.get(utility).utility_id
        lines = queries.reading_lines(
            uow, utility_id, installation_number=installation, status=wanted
        )
        clause = queries.hold_clause(uow, utility_id, CLOCK.today())
    if as_json:
        arguments.print_json([reading_json(line, clause) for line in lines])
        return
    Console().print(readings_table(lines, clause, say("cli.readings.list_title")))


@app.command("held", help=say("cli.readings.held"))
def held(
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The readings held for review, each with every reason and the clause behind it."""
    with engine_for(database) as engine, UnitOfWork(engine, write=False) as uow:
        utility_id = uow.utilities.get(utility).utility_id
        lines = queries.reading_lines(uow, utility_id, status=ReadingStatus.HELD)
        clause = queries.hold_clause(uow, utility_id, CLOCK.today())
    if as_json:
        arguments.print_json([reading_json(line, clause) for line in lines])
        return
    typer.echo("\n".join(held_text(lines, clause)) or say("cli.readings.none_held"))


@app.command("accept", help=say("cli.readings.accept"))
def accept(
    reading_id: int = READING_ID,
    utility: str = UTILITY_OPTION,
    reason: str = REASON,
    by: str = BY,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Accept a held reading as it is (it will be billed)."""
    _decide("accepted", reading_id, utility, reason, by, database)


@app.command("reject", help=say("cli.readings.reject"))
def reject(
    reading_id: int = READING_ID,
    utility: str = UTILITY_OPTION,
    reason: str = REASON,
    by: str = BY,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Reject a held reading (never billed); an estimate or a new reading takes its place."""
    _decide("rejected", reading_id, utility, reason, by, database)


def _decide(
    outcome: str, reading_id: int, utility: str, reason: str, by: str, database: str | None
) -> None:
    decide = accept_reading if outcome == "accepted" else reject_reading
    with engine_for(database) as engine:
        command = ReviewReading(utility_id_of(engine, utility), reading_id, by, reason)
        with UnitOfWork(engine) as uow:
            decide(command, uow, CLOCK)
        with UnitOfWork(engine, write=False) as uow:
            line = queries.reading_line(uow, command.utility_id, reading_id)
    typer.echo(
        say(
            f"cli.readings.{outcome}",
            reading_id=reading_id,
            installation=line.installation_number,
            meter=line.meter_serial,
            day=dk(line.recorded.reading.read_on),
            by=by,
            reason=reason,
        )
    )


@app.command("correct", help=say("cli.readings.correct"))
def correct(
    reading_id: int = READING_ID,
    utility: str = UTILITY_OPTION,
    energy_mwh: str = typer.Option(..., "--energy-mwh", help=say("cli.opt.energy")),
    volume_m3: str = typer.Option(..., "--volume-m3", help=say("cli.opt.volume")),
    reason: str = REASON,
    by: str = BY,
    database: str | None = DATABASE_OPTION,
) -> None:
    """Replace a held reading by corrected registers: a new reading, the held one rejected."""
    energy = arguments.quantity(energy_mwh, "--energy-mwh")
    volume = arguments.quantity(volume_m3, "--volume-m3")
    with engine_for(database) as engine:
        command = ReviewReading(utility_id_of(engine, utility), reading_id, by, reason)
        with UnitOfWork(engine) as uow:
            new_id = correct_reading(command, energy, volume, uow, CLOCK)
    typer.echo(
        say(
            "cli.readings.corrected",
            reading_id=reading_id,
            new_id=new_id,
            energy=format_mwh(energy),
            volume=format_m3(volume),
            by=by,
            reason=reason,
        )
    )


app.command("estimate", help=say("cli.readings.estimate"))(reading_runs.estimate)
app.command("request-cards", help=say("cli.readings.request_cards"))(reading_runs.request_cards)
app.command("follow-up", help=say("cli.readings.follow_up"))(reading_runs.follow_up)
