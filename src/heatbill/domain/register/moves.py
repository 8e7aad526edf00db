"""Customer changes (ejer-/lejerskifte, flytning) as a plan of register changes and letters.

The plan is pure: given the installation's relationships, the property's owners and the
rulebook's move rules, it says which relationship ends when, which begins, and who is told.
The move date D is the first day of the new customer; the move reading is the register at the
end of D − 1. Claims stay with the relationship that owed them (`vestervig 6.9`): nothing here
moves money.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from heatbill.domain.errors import ValidationError
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.register.relationships import Relationship, Role, customer_on


class MoveKind(StrEnum):
    MOVE_OUT = "move_out"
    """The customer (tenant or andelshaver) leaves; a successor may or may not be known."""
    MOVE_IN = "move_in"
    """A new tenant or andelshaver takes over from the owner (or the interim owner)."""
    CHANGE_OF_OWNER = "change_of_owner"


@dataclass(frozen=True, slots=True)
class MoveRules:
    """The rulebook's move parameters, with their clauses."""

    notice_days: int
    notice_clause: str
    interim_owner_liable: bool
    interim_clause: str
    welcome_letter: bool
    welcome_clause: str


@dataclass(frozen=True, slots=True)
class Move:
    kind: MoveKind
    installation_id: int
    move_date: date
    notified_on: date
    new_party_id: int | None = None
    new_role: Role = Role.TENANT
    registered_on: date | None = None
    """The day staff register the move: the letters' date (the notice date when not given)."""


@dataclass
class MovePlan:
    ends: list[tuple[int, date]] = field(default_factory=list)
    starts: list[Relationship] = field(default_factory=list)
    letters: list[LetterRequest] = field(default_factory=list)
    late_notice: bool = False
    reading_on: date = date.min
    leaving: Relationship | None = None


def plan_move(
    move: Move,
    relationships: Sequence[Relationship],
    owners: Sequence[int],
    rules: MoveRules,
    new_relationship_id: Callable[[], int],
) -> MovePlan:
    """What a move changes. `owners` are the property's owners on the move date."""
    day = move.move_date
    current = customer_on(relationships, day)
    if any(r.start > day for r in relationships):
        raise ValidationError("der er registreret et senere kundeforhold; ret det først")
    plan = MovePlan(reading_on=day - timedelta(days=1), leaving=current)
    plan.late_notice = (day - move.notified_on).days < rules.notice_days
    if _sale_of_a_rented_property(move, current):
        plan.leaving = None
        return plan  # the tenant stays the customer; only the ownership changes
    if current is not None:
        plan.ends.append((current.relationship_id, day))
    successor = _successor(move, current, owners, rules)
    if successor is None:
        raise ValidationError("ingen ny kunde og ingen ejer at overdrage målestedet til")
    party_id, role, interim = successor
    started = Relationship(
        new_relationship_id(), move.installation_id, party_id, role, day, interim=interim
    )
    plan.starts.append(started)
    _letters(plan, move, started, rules)
    return plan


def _successor(
    move: Move, current: Relationship | None, owners: Sequence[int], rules: MoveRules
) -> tuple[int, Role, bool] | None:
    match move.kind:
        case MoveKind.CHANGE_OF_OWNER:
            if move.new_party_id is None:
                raise ValidationError("et ejerskifte kræver den nye ejer")
            return move.new_party_id, Role.OWNER, False
        case MoveKind.MOVE_IN:
            if move.new_party_id is None:
                raise ValidationError("en indflytning kræver den nye kunde")
            if current is not None and current.role is not Role.OWNER:
                raise ValidationError("der er allerede en lejer; registrér fraflytningen først")
            return move.new_party_id, move.new_role, False
        case _:
            if current is None or current.role is Role.OWNER:
                raise ValidationError("kun en lejer eller andelshaver kan fraflytte")
            if move.new_party_id is not None:
                return move.new_party_id, move.new_role, False
            if not rules.interim_owner_liable or not owners:
                return None
            return owners[0], Role.OWNER, True


def _sale_of_a_rented_property(move: Move, current: Relationship | None) -> bool:
    """A change of owner while a tenant is the customer (`vestervig 1.2`): the tenant's direct
    relationship goes on; the new owner takes over the ownership (and the interim liability)."""
    return (
        move.kind is MoveKind.CHANGE_OF_OWNER
        and current is not None
        and current.role is not Role.OWNER
    )


def _letters(plan: MovePlan, move: Move, started: Relationship, rules: MoveRules) -> None:
    facts = {"move_date": f"{move.move_date:%d-%m-%Y}"}
    on = move.registered_on or move.notified_on
    if started.interim:
        plan.letters.append(
            LetterRequest(
                LetterKind.INTERIM_LIABILITY,
                started.party_id,
                on,
                rules.interim_clause,
                started.relationship_id,
                facts,
            )
        )
    elif rules.welcome_letter:
        plan.letters.append(
            LetterRequest(
                LetterKind.WELCOME,
                started.party_id,
                on,
                rules.welcome_clause,
                started.relationship_id,
                facts,
            )
        )
