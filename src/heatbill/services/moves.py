"""Moves and changes of owner: the register changes, the move reading and the letters.

`vestervig 2.16`, `6.9`, `aalborg 1.2`–`1.8`: the former customer is liable until the move
reading; between two tenants the owner is the customer, and is told so in writing; each new
customer gets a welcome letter (`vestervig 1.4`). A notice later than the rulebook's notice
days is accepted but flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.errors import NotFoundError
from heatbill.domain.letters import LetterRequest
from heatbill.domain.register.moves import Move, MoveKind, MoveRules, plan_move
from heatbill.domain.register.parties import Party
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.domain.register.relationships import Relationship, Role
from heatbill.domain.rulebook import Rulebook
from heatbill.services.mandates import cancel_for_moves
from heatbill.services.readings import ReadingOutcome, take_readings
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of


@dataclass(frozen=True, slots=True)
class MoveReading:
    """The meter's registers at the move (end of the day before the move date)."""

    energy_mwh: Decimal
    volume_m3: Decimal
    source: ReadingSource = ReadingSource.REMOTE


@dataclass(frozen=True, slots=True)
class RegisterMove:
    utility_id: int
    installation_number: str
    kind: MoveKind
    move_date: date
    notified_on: date
    new_party: Party | None = None
    """A party not yet in the register (its party_id is assigned here)."""
    existing_party_id: int | None = None
    new_role: Role = Role.TENANT
    reading: MoveReading | None = None


@dataclass(frozen=True, slots=True)
class MoveResult:
    ended: list[tuple[int, date]]
    started: list[Relationship]
    letters: list[LetterRequest]
    late_notice: bool
    reading: ReadingOutcome | None
    mandates_cancelled: list[int] = field(default_factory=list)
    """Betalingsservice mandates of the customers who left, cancelled (`4rater`)."""


def move_rules(rulebook: Rulebook) -> MoveRules:
    moves, letters = rulebook.moves, rulebook.letters
    return MoveRules(
        notice_days=moves.notice_days.value,
        notice_clause=str(moves.notice_days.clause),
        interim_owner_liable=moves.interim_owner_liable.value,
        interim_clause=str(moves.interim_owner_liable.clause),
        welcome_letter=letters.welcome_letter.value,
        welcome_clause=str(letters.welcome_letter.clause),
    )


def register_move(command: RegisterMove, uow: UnitOfWork, clock: Clock) -> MoveResult:
    u = command.utility_id
    installations = uow.installations(u)
    parties = uow.parties(u)
    installation = installations.installation_by_number(command.installation_number)
    party_id = _new_party_id(command, uow, clock)
    prop = installations.property(installation.property_id)
    owners = parties.owners_on(prop.property_id, command.move_date)
    move = Move(
        command.kind,
        installation.installation_id,
        command.move_date,
        command.notified_on,
        party_id,
        command.new_role,
        registered_on=clock.today(),
    )
    ids = uow.ids(u)
    plan = plan_move(
        move,
        installations.relationships_of(installation.installation_id),
        owners,
        move_rules(rulebook_of(uow, u, command.move_date)),
        lambda: ids.reserve("relationship"),
    )
    for relationship_id, end_on in plan.ends:
        installations.end_relationship(relationship_id, end_on)
    installations.add_relationships(
        plan.starts, clock.now(), notified_on=command.notified_on, late_notice=plan.late_notice
    )
    if command.kind is MoveKind.CHANGE_OF_OWNER and party_id is not None:
        for owner in owners:
            parties.end_ownership(prop.property_id, owner, command.move_date)
        parties.add_owners([(prop.property_id, party_id, command.move_date)])
    outcome = _move_reading(command, plan.reading_on, installation.installation_id, uow, clock)
    uow.letters(u).queue(plan.letters, clock.now())
    cancelled = cancel_for_moves(uow, u, plan.ends, clock.now())
    uow.commit()
    return MoveResult(
        plan.ends,
        plan.starts,
        plan.letters,
        plan.late_notice,
        outcome,
        [m.mandate_number for m in cancelled],
    )


def _new_party_id(command: RegisterMove, uow: UnitOfWork, clock: Clock) -> int | None:
    if command.new_party is None:
        if command.existing_party_id is not None:
            uow.parties(command.utility_id).get(command.existing_party_id)  # must exist
        return command.existing_party_id
    party_id = uow.ids(command.utility_id).reserve("party")
    fresh = Party(
        party_id,
        command.new_party.kind,
        command.new_party.name,
        command.new_party.contact,
        command.new_party.cpr,
        command.new_party.cvr,
        command.new_party.ean,
    )
    uow.parties(command.utility_id).add_many([fresh], clock.now())
    return party_id


def _move_reading(
    command: RegisterMove, read_on: date, installation_id: int, uow: UnitOfWork, clock: Clock
) -> ReadingOutcome | None:
    if command.reading is None:
        return None
    meters = [
        m
        for m in uow.installations(command.utility_id).meters_of(installation_id)
        if m.in_service_on(read_on)
    ]
    if not meters:
        raise NotFoundError(f"ingen måler på målested {command.installation_number} den {read_on}")
    reading = Reading(
        meters[0].meter_id,
        read_on,
        command.reading.energy_mwh,
        command.reading.volume_m3,
        command.reading.source,
    )
    [outcome] = take_readings(uow, clock, command.utility_id, [reading], import_id=None)
    return outcome
