"""Reconstruction and bankruptcy (`aalborg 3.5`): a cut-off date for a customer.

Every claim of the customer from before the date — a bill booked before it and not paid — is
frozen (`EventKind.FROZEN`): no further steps, fees or letters; the timeline holds it. The
estate gets a statement of those claims: what is left of each bill, its fees, and its late
interest up to the date (charged and not yet charged). Supply after the date is billed as
usual: those bills are new claims, not frozen, collected by the rulebook on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.adapters.clock import Clock
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.errors import ConflictError, NotFoundError, ValidationError
from heatbill.domain.money import Money
from heatbill.services.closing_letters import external
from heatbill.services.collections import load_claims
from heatbill.services.late_interest import interest_accrued
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


class CutOffKind(StrEnum):
    RECONSTRUCTION = "reconstruction"
    BANKRUPTCY = "bankruptcy"


@dataclass(frozen=True, slots=True)
class EstateClaim:
    claim_id: int
    reference: str
    due_date: date
    principal: Money
    fees: Money
    interest: Money
    """Late interest up to the cut-off date: charged and unpaid, plus not yet charged."""

    @property
    def total(self) -> Money:
        return self.principal + self.fees + self.interest


@dataclass(frozen=True, slots=True)
class EstateStatement:
    cut_off_id: int
    customer_id: int
    kind: CutOffKind
    on: date
    claims: tuple[EstateClaim, ...]

    @property
    def total(self) -> Money:
        return sum((c.total for c in self.claims), Money(0))


@dataclass(frozen=True, slots=True)
class CutOff:
    customer_id: int
    on: date
    kind: CutOffKind
    by: str


def cut_off(utility_id: int, command: CutOff, uow: UnitOfWork, clock: Clock) -> EstateStatement:
    """Freeze the customer's claims from before `command.on` and state them for the estate."""
    if not command.by.strip():
        raise ValidationError(say("external.cut_off.by"))
    if uow.claims(utility_id).customers([command.customer_id]).get(command.customer_id) is None:
        raise NotFoundError(say("external.cut_off.unknown", customer=command.customer_id))
    repo = external(uow, utility_id)
    ids = repo.claims_of(command.customer_id, command.on)
    loaded = load_claims(uow, utility_id, command.on, ids)
    fresh = [c for c in loaded if not c.claim.frozen]
    if not fresh:
        raise ConflictError(
            say("external.cut_off.nothing", customer=command.customer_id, day=_dk(command.on))
        )
    reason = say(f"external.cut_off.reason.{command.kind.value}", day=_dk(command.on))
    for c in fresh:
        event = ClaimEvent(EventKind.FROZEN, command.on, reason, command.by)
        uow.claims(utility_id).add_event(c.claim.claim_id, event, clock.now())
    accrued = interest_accrued(uow, utility_id, command.on, {c.claim.claim_id for c in fresh})
    claims = tuple(
        EstateClaim(
            c.claim.claim_id, c.claim.reference, c.claim.due_date, c.claim.principal,
            c.claim.fees, c.claim.interest + accrued.get(c.claim.claim_id, Money(0)),
        )
        for c in fresh
    )  # fmt: skip
    cut_off_id = repo.add_cut_off(
        command.customer_id, command.kind.value, command.on, len(claims), command.by, clock.now()
    )
    uow.commit()
    return EstateStatement(cut_off_id, command.customer_id, command.kind, command.on, claims)


def _dk(day: date) -> str:
    return f"{day:%d-%m-%Y}"
