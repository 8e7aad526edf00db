"""A claim's case, for staff: its history, why it stands where it stands, what happens next —
and the manual steps: a dispute raised or lifted, a closing visit reported.

Everything staff record goes through the law guard and is kept with who, when and why, so a
complaint can be answered from the case page alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.collection_repository import CustomerFacts, StepRow
from heatbill.domain.collections.claim import Claim, StepKind
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.collections.guard import Proposed, refusals
from heatbill.domain.collections.timeline import Hold, NextStep, next_step, road_ahead
from heatbill.domain.errors import ConflictError, NotFoundError, ValidationError
from heatbill.domain.ledger.charges import fee_entry
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.domain.tariff.fees import FeeKind
from heatbill.services.collections import apply_steps, load_claims, rules_for
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class Case:
    claim: Claim
    customer: CustomerFacts
    steps: list[StepRow]
    events: list[ClaimEvent]
    next: NextStep | Hold
    ahead: list[NextStep]
    """The steps to come if nothing is paid, at their earliest dates."""


def case_of(uow: UnitOfWork, utility_id: int, claim_id: int, on: date) -> Case:
    found = cases_of(uow, utility_id, [claim_id], on)
    if not found:
        raise NotFoundError(say("collections.case.unknown", claim=claim_id))
    return found[0]


def cases_of(uow: UnitOfWork, utility_id: int, claim_ids: list[int], on: date) -> list[Case]:
    """The cases of the given claims (a customer's, for the customer page), by claim id."""
    if not claim_ids:
        return []
    found = load_claims(uow, utility_id, on, claim_ids)
    rules = rules_for(uow, utility_id, on)
    return [
        Case(
            loaded.claim,
            loaded.customer,
            loaded.steps,
            list(loaded.events),
            next_step(loaded.claim, rules),
            road_ahead(loaded.claim, rules),
        )
        for loaded in found
    ]


def cases(uow: UnitOfWork, utility_id: int, on: date) -> list[tuple[Claim, NextStep | Hold]]:
    """Every claim in collection with its next step (the collections overview)."""
    rules = rules_for(uow, utility_id, on)
    return [(c.claim, next_step(c.claim, rules)) for c in load_claims(uow, utility_id, on)]


def dispute(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork, utility_id: int, claim_id: int, reason: str, by: str, clock: Clock
) -> None:
    """The customer objects to the claim: no fee and no escalation until it is resolved."""
    case = case_of(uow, utility_id, claim_id, clock.today())
    if case.claim.disputed:
        raise ConflictError(say("collections.case.already_disputed", claim=claim_id))
    _event(uow, utility_id, claim_id, EventKind.DISPUTED, reason, by, clock)


def lift_dispute(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork, utility_id: int, claim_id: int, reason: str, by: str, clock: Clock
) -> None:
    """The dispute is resolved: the claim resumes where it stood."""
    case = case_of(uow, utility_id, claim_id, clock.today())
    if not case.claim.disputed:
        raise ConflictError(say("collections.case.not_disputed", claim=claim_id))
    _event(uow, utility_id, claim_id, EventKind.DISPUTE_LIFTED, reason, by, clock)


@dataclass(frozen=True, slots=True)
class VisitReport:
    claim_id: int
    on: date
    by: str
    closed: bool
    """False when the customer paid or gave security on site (`vestervig 6.7`)."""
    reading_mwh: Decimal | None = None
    note: str = ""


def report_visit(utility_id: int, command: VisitReport, uow: UnitOfWork, clock: Clock) -> int:
    """The closing visit's result: closed (with date and meter reading, a closing letter left
    with the conditions for reopening) or avoided on site; either way the visit's fee is
    charged (`vestervig 6.13`). Returns the step's number."""
    case = case_of(uow, utility_id, command.claim_id, command.on)
    claim = case.claim
    if not claim.visit_pending:
        raise ConflictError(say("collections.case.no_visit", claim=claim.claim_id))
    kind = StepKind.CLOSED if command.closed else StepKind.CLOSING_AVOIDED
    refused = refusals(claim, Proposed(kind, command.on))
    if refused:
        raise ConflictError("; ".join(refused))
    rules = rules_for(uow, utility_id, command.on)
    closing = rules.rulebook.closing
    fee = rules.fees.get(FeeKind.CLOSING_VISIT) if closing.fee_bearing.value else None
    step_no = len(case.steps) + 1
    fee_item: int | None = None
    if fee is not None:
        [fee_item] = uow.ledger(utility_id).new_open_item_ids(1)
        days = rules.rulebook.reminders.days_to_pay.value
        uow.ledger(utility_id).post(
            fee_entry(
                fee,
                customer_id=claim.customer_id,
                open_item_id=fee_item,
                booked_on=command.on,
                due=command.on + timedelta(days=days),
                reference=say("collections.fee_text", step=say("collections.step.closing_visit"),
                              reference=claim.reference),
                idempotency_key=f"claim-step-fee:{claim.claim_id}:{step_no}",
            ),
            created_at=clock.now(),
        )  # fmt: skip
    letter_ids: list[int] = []
    if command.closed and closing.closing_letter.value:
        facts = {"claim": claim.reference, "closed_on": f"{command.on:%d-%m-%Y}"}
        if command.reading_mwh is not None:
            facts["reading_mwh"] = f"{command.reading_mwh}".replace(".", ",")
        # Left at the supply closed: for old debt the debtor's current one (`webinar`).
        [loaded] = load_claims(uow, utility_id, command.on, [claim.claim_id])
        at = loaded.supply or case.customer
        letter_ids = uow.letters(utility_id).queue(
            [LetterRequest(LetterKind.CLOSING_LETTER, at.party_id, command.on,
                           str(closing.closing_letter.clause), at.customer_id, facts)],
            clock.now(),
        )  # fmt: skip
    note = command.note.strip() or None
    if command.reading_mwh is not None:
        reading = say("collections.case.reading", mwh=f"{command.reading_mwh}".replace(".", ","))
        note = reading if note is None else f"{reading}; {note}"
    uow.claims(utility_id).add_steps(
        [
            StepRow(
                claim.claim_id, step_no, kind, command.on, None,
                Money(0) if fee is None else fee.amount_incl_vat, fee_item,
                letter_ids[0] if letter_ids else None,
                str(closing.avoidable_on_site.clause if not command.closed
                    else closing.earliest_day.clause),
                note, command.by,
            )
        ],
        clock.now(),
    )  # fmt: skip
    uow.commit()
    return step_no


def _event(  # noqa: PLR0917 - one event's facts
    uow: UnitOfWork,
    utility_id: int,
    claim_id: int,
    kind: EventKind,
    reason: str,
    by: str,
    clock: Clock,
) -> None:
    if not reason.strip():
        raise ValidationError(say("collections.case.reason"))
    event = ClaimEvent(kind, clock.today(), reason.strip(), by)
    uow.claims(utility_id).add_event(claim_id, event, clock.now())
    uow.commit()


def order_reopening(uow: UnitOfWork, utility_id: int, claim_id: int, by: str, clock: Clock) -> str:
    """Staff order the reopening now, when its conditions hold — the same check and the same
    step (work order, letter, clause) the daily run would make; else refused with the reason.
    Returns the clause that allows it."""
    on = clock.today()
    found = load_claims(uow, utility_id, on, [claim_id])
    if not found:
        raise NotFoundError(say("collections.case.unknown", claim=claim_id))
    loaded = found[0]
    if not loaded.claim.closed:
        raise ConflictError(say("collections.case.not_closed", claim=claim_id))
    rules = rules_for(uow, utility_id, on)
    step = next_step(loaded.claim, rules)
    if isinstance(step, Hold):
        clause = f" ({step.clause})" if step.clause else ""
        raise ConflictError(say("collections.case.no_reopening", claim=claim_id,
                                reason=f"{step.reason}{clause}"))  # fmt: skip
    if step.kind is not StepKind.REOPENING or step.earliest > on:
        raise ConflictError(say("collections.case.no_reopening", claim=claim_id,
                                reason=say("collections.case.reopening_not_due")))  # fmt: skip
    if any(s.on == on for s in loaded.claim.steps):
        raise ConflictError(say("collections.case.step_today", claim=claim_id))
    refused = refusals(loaded.claim, Proposed(step.kind, on))
    if refused:
        raise ConflictError("; ".join(refused))
    apply_steps(uow, utility_id, [(loaded, step, step.taken_on(on, rules))], clock, by=by)
    uow.commit()
    return step.clause
