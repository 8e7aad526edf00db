"""`heatbill move out|in|owner NUMBER`: register a move or a change of owner, with its reading.

Prints what ended and what began — and when nobody moves in, that the owner is now the
customer and liable in the interim period, with the clause (`aalborg 1.7`, `solrod 2.16`) —
whether the notice came late, the move reading's verdict and the letters queued.
"""

from __future__ import annotations

from dataclasses import dataclass

import typer

from heatbill.domain.errors import ValidationError
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.parties import Contact, Cpr, Party, PartyKind, parse_cvr
from heatbill.domain.register.readings import ReadingSource
from heatbill.domain.register.relationships import Role
from heatbill.entrypoints.cli import arguments
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.entrypoints.cli.move_view import move_story
from heatbill.services.moves import MoveReading, RegisterMove, move_rules, register_move
from heatbill.services.register_queries import customer_periods
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

app = typer.Typer(help=say("cli.move.app"), no_args_is_help=True)

NUMBER = typer.Argument(..., help=say("cli.opt.number"), show_default=False)
MOVE_DATE = typer.Option(..., "--date", help=say("cli.opt.move_date"))
NOTIFIED = typer.Option(..., "--notified", help=say("cli.opt.notified"))
ENERGY = typer.Option(None, "--energy-mwh", help=say("cli.opt.move_energy"))
VOLUME = typer.Option(None, "--volume-m3", help=say("cli.opt.move_volume"))
READ_BY = typer.Option("manuel", "--read-by", help=say("cli.opt.read_by"))
ROLE = typer.Option("lejer", "--role", help=say("cli.opt.role"))
ROLES = {"lejer": Role.TENANT, "andelshaver": Role.COOPERATIVE_MEMBER}
READ_BY_WORDS = {
    "fjern": ReadingSource.REMOTE,
    "kort": ReadingSource.CARD,
    "tekniker": ReadingSource.TECHNICIAN,
    "manuel": ReadingSource.MANUAL,
}


@dataclass(frozen=True, slots=True)
class _Registers:
    energy_mwh: str | None
    volume_m3: str | None
    read_by: str

    def reading(self) -> MoveReading | None:
        if self.energy_mwh is None and self.volume_m3 is None:
            return None
        if self.energy_mwh is None or self.volume_m3 is None:
            raise ValidationError(say("cli.arg.both_registers"))
        return MoveReading(
            arguments.quantity(self.energy_mwh, "--energy-mwh"),
            arguments.quantity(self.volume_m3, "--volume-m3"),
            arguments.choice(self.read_by, "--read-by", READ_BY_WORDS),
        )


@app.command("out", help=say("cli.move.out"))
def move_out(
    number: str = NUMBER,
    utility: str = UTILITY_OPTION,
    move_date: str = MOVE_DATE,
    notified: str = NOTIFIED,
    new_tenant_name: str | None = typer.Option(None, help=say("cli.opt.new_tenant_name")),
    new_tenant_cpr: str | None = typer.Option(None, help=say("cli.opt.cpr")),
    new_tenant_email: str | None = typer.Option(None, help=say("cli.opt.email")),
    new_tenant_role: str = typer.Option("lejer", help=say("cli.opt.role")),
    energy_mwh: str | None = ENERGY,
    volume_m3: str | None = VOLUME,
    read_by: str = READ_BY,
    database: str | None = DATABASE_OPTION,
) -> None:
    """A tenant or andelshaver leaves; without a successor the owner takes over in the gap."""
    successor = None
    if new_tenant_name is not None:
        successor = _party(new_tenant_name, new_tenant_cpr, None, new_tenant_email)
    elif new_tenant_cpr or new_tenant_email:
        raise ValidationError(say("cli.arg.new_tenant_name"))
    role = arguments.choice(new_tenant_role, "--new-tenant-role", ROLES)
    registers = _Registers(energy_mwh, volume_m3, read_by)
    _move(
        MoveKind.MOVE_OUT,
        number,
        utility,
        move_date,
        notified,
        successor,
        role,
        registers,
        database,
    )


@app.command("in", help=say("cli.move.in"))
def move_in(
    number: str = NUMBER,
    utility: str = UTILITY_OPTION,
    move_date: str = MOVE_DATE,
    notified: str = NOTIFIED,
    name: str = typer.Option(..., help=say("cli.opt.name")),
    cpr: str | None = typer.Option(None, help=say("cli.opt.cpr")),
    email: str | None = typer.Option(None, help=say("cli.opt.email")),
    role: str = ROLE,
    energy_mwh: str | None = ENERGY,
    volume_m3: str | None = VOLUME,
    read_by: str = READ_BY,
    database: str | None = DATABASE_OPTION,
) -> None:
    """A new tenant or andelshaver takes over from the owner (or the interim owner)."""
    party = _party(name, cpr, None, email)
    chosen = arguments.choice(role, "--role", ROLES)
    registers = _Registers(energy_mwh, volume_m3, read_by)
    _move(
        MoveKind.MOVE_IN, number, utility, move_date, notified, party, chosen, registers, database
    )


@app.command("owner", help=say("cli.move.owner"))
def change_owner(
    number: str = NUMBER,
    utility: str = UTILITY_OPTION,
    move_date: str = MOVE_DATE,
    notified: str = NOTIFIED,
    name: str = typer.Option(..., help=say("cli.opt.name")),
    cpr: str | None = typer.Option(None, help=say("cli.opt.cpr")),
    cvr: str | None = typer.Option(None, help=say("cli.opt.cvr")),
    email: str | None = typer.Option(None, help=say("cli.opt.email")),
    energy_mwh: str | None = ENERGY,
    volume_m3: str | None = VOLUME,
    read_by: str = READ_BY,
    database: str | None = DATABASE_OPTION,
) -> None:
    """The property changes hands; the new owner becomes the customer from the date."""
    party = _party(name, cpr, cvr, email)
    registers = _Registers(energy_mwh, volume_m3, read_by)
    _move(
        MoveKind.CHANGE_OF_OWNER,
        number,
        utility,
        move_date,
        notified,
        party,
        Role.OWNER,
        registers,
        database,
    )


def _party(name: str, cpr: str | None, cvr: str | None, email: str | None) -> Party:
    """A party not yet in the register (the use case gives it its id)."""
    contact = Contact(email=email or None)
    if cpr and cvr:
        raise ValidationError(say("cli.arg.cpr_and_cvr"))
    if cvr:
        return Party(0, PartyKind.COMPANY, name.strip(), contact, cvr=parse_cvr(cvr))
    found = None if not cpr else Cpr.parse(cpr)
    return Party(0, PartyKind.PERSON, name.strip(), contact, cpr=found)


def _move(
    kind: MoveKind,
    number: str,
    utility: str,
    move_date: str,
    notified: str,
    party: Party | None,
    role: Role,
    registers: _Registers,
    database: str | None,
) -> None:
    day = arguments.day(move_date, "--date")
    notified_on = arguments.day(notified, "--notified")
    reading = registers.reading()
    with engine_for(database) as engine:
        utility_id = utility_id_of(engine, utility)
        command = RegisterMove(
            utility_id, number, kind, day, notified_on, party, new_role=role, reading=reading
        )
        with UnitOfWork(engine) as uow:
            result = register_move(command, uow, CLOCK)
        with UnitOfWork(engine, write=False) as uow:
            ids = [i for i, _ in result.ended] + [r.relationship_id for r in result.started]
            periods = customer_periods(uow, utility_id, ids)
            rules = move_rules(rulebook_of(uow, utility_id, day))
    typer.echo(say(f"cli.move.done.{kind.value}", number=number, day=dk(day)))
    for line in move_story(command, result, periods, rules):
        typer.echo(line)
