"""`heatbill readings estimate|request-cards|follow-up`: the runs that fill in readings —
estimates for meters without a reading (`vestervig 5.7`) and self-reading cards (`5.6`).
Each is a use case that commits; this prints what it did."""

from __future__ import annotations

import typer

from heatbill.domain.consumption import format_mwh
from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.estimates import estimate_readings
from heatbill.services.reading_queries import meter_places
from heatbill.services.self_reading import follow_up_self_readings, request_self_readings
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

DATE = typer.Option(..., "--date", help=say("cli.opt.date"))


def estimate(
    utility: str = UTILITY_OPTION, on: str = DATE, database: str | None = DATABASE_OPTION
) -> None:
    """Estimate every meter in service without a reading on the date (`vestervig 5.7`)."""
    day = arguments.day(on, "--date")
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            done = estimate_readings(utility_id, day, uow, CLOCK)
        with UnitOfWork(engine, write=False) as uow:
            places = meter_places(uow, utility_id, [e.estimate.reading.meter_id for e in done])
    if not done:
        typer.echo(say("cli.readings.none_estimated", day=dk(day)))
        return
    typer.echo(say("cli.readings.estimated", count=len(done), day=dk(day)))
    for item in done:
        basis, reading = item.estimate.basis, item.estimate.reading
        number, serial = places[reading.meter_id]
        typer.echo(
            say(
                "cli.readings.estimate_line",
                reading_id=item.reading_id,
                installation=number,
                meter=serial,
                energy=format_mwh(reading.energy_mwh),
                use=format_mwh(basis.use_mwh),
                since=dk(basis.start_reading.read_on),
                method=say(f"register.estimate.{basis.method.value}"),
            )
        )


def request_cards(
    utility: str = UTILITY_OPTION, on: str = DATE, database: str | None = DATABASE_OPTION
) -> None:
    """Send a self-reading card to every self-read meter for the date (once per meter)."""
    day = arguments.day(on, "--date")
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            made = request_self_readings(utility_id, day, uow, CLOCK)
    if not made:
        typer.echo(say("cli.readings.no_cards", day=dk(day)))
        return
    deadline = max(r.deadline for r in made)
    typer.echo(say("cli.readings.cards_sent", count=len(made), day=dk(day), deadline=dk(deadline)))


def follow_up(utility: str = UTILITY_OPTION, database: str | None = DATABASE_OPTION) -> None:
    """Close answered cards; remind (with the tariff's fee) or estimate those past deadline."""
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            report = follow_up_self_readings(utility_id, uow, CLOCK)
    typer.echo(
        say(
            "cli.readings.followed_up",
            answered=report.answered,
            reminded=report.reminded,
            estimated=report.estimated,
        )
    )
