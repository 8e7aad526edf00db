"""Payment plans for staff: grant one on a customer's claims, take in a customer's request for
one (from the counter now, from the portal later) and grant or refuse it, list them.

Granting a plan, in one transaction: the claims' late interest charged up to the grant day
(the plan covers it; while the plan is kept it replaces late interest where the rulebook says
so, `interest.during_plan`); the rulebook's and the law's refusals checked
(`domain.collections.plans`); the plan's fee posted as its own open item (VAT-exempt); a plan
letter with the schedule queued; the plan, the items it covers and its installments recorded;
and a PLAN_AGREED event on every claim covered, so the timeline holds them while it runs.
Whether it is kept is checked by the daily pass (`services.plan_checks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.plan_repository import PlanItemRow, PlanRow, RequestRow
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.collections.plans import PlanGrant, PlanTerms, draw_up, refusals
from heatbill.domain.errors import ConflictError, NotFoundError, ValidationError
from heatbill.domain.ledger.charges import fee_entry
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.services.collections import LoadedClaim, load_claims, rules_for
from heatbill.services.late_interest import charge_interest
from heatbill.services.plan_checks import plans_of
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class GrantPlan:
    claim_ids: tuple[int, ...]
    start: date
    months: int
    by: str
    """Staff's initials."""
    reason: str = ""
    request_id: int | None = None


@dataclass(frozen=True, slots=True)
class GrantedPlan:
    plan_id: int
    grant: PlanGrant


@dataclass(frozen=True, slots=True)
class RequestPlan:
    claim_ids: tuple[int, ...]
    start: date
    months: int
    note: str
    by: str
    """Who took the request in (initials, or "portal")."""


def grant_plan(utility_id: int, command: GrantPlan, uow: UnitOfWork, clock: Clock) -> GrantedPlan:
    granted = _grant(utility_id, command, uow, clock)
    uow.commit()
    return granted


def request_plan(utility_id: int, command: RequestPlan, uow: UnitOfWork, clock: Clock) -> int:
    """Store a customer's request for staff to decide; returns its id."""
    _required(command.by, "plans.by")
    loaded = _claims(uow, utility_id, command.claim_ids, clock.today())
    if len({c.claim.customer_id for c in loaded}) > 1:
        raise ValidationError(say("plans.refused.customers"))
    request_id = plans_of(uow, utility_id).add_request(
        RequestRow(0, loaded[0].claim.customer_id, clock.today(), command.start, command.months,
                   command.note.strip(), command.by.strip(), command.claim_ids),
        clock.now(),
    )  # fmt: skip
    uow.commit()
    return request_id


def grant_request(
    utility_id: int,
    request_id: int,
    by: str,
    uow: UnitOfWork,
    clock: Clock,
    *,
    reason: str = "",
    start: date | None = None,
    months: int | None = None,
) -> GrantedPlan:
    """Grant a request as asked (or with staff's start and months); the customer's note is
    the reason unless staff give one."""
    request = _open_request(uow, utility_id, request_id)
    why = reason.strip() or request.note
    command = GrantPlan(request.claim_ids, start or request.start_on, months or request.months,
                        by, why, request_id)  # fmt: skip
    granted = _grant(utility_id, command, uow, clock)
    plans_of(uow, utility_id).decide(
        request_id, "granted", granted.plan_id, why, clock.today(), by.strip(), clock.now()
    )
    uow.commit()
    return granted


def refuse_request(  # noqa: PLR0917 - the decision's facts
    utility_id: int, request_id: int, reason: str, by: str, uow: UnitOfWork, clock: Clock
) -> None:
    _required(reason, "plans.reason")
    _required(by, "plans.by")
    _open_request(uow, utility_id, request_id)
    plans_of(uow, utility_id).decide(
        request_id, "refused", None, reason.strip(), clock.today(), by.strip(), clock.now()
    )
    uow.commit()


def plans_and_requests(uow: UnitOfWork, utility_id: int) -> tuple[list[PlanRow], list[RequestRow]]:
    repo = plans_of(uow, utility_id)
    return repo.plans(), repo.requests(open_only=True)


# --- granting ---------------------------------------------------------------------------------


def _grant(utility_id: int, command: GrantPlan, uow: UnitOfWork, clock: Clock) -> GrantedPlan:
    _required(command.by, "plans.by")
    on = clock.today()
    # The interest to the grant day, every øre of it, so the plan covers it: from today the
    # plan replaces late interest where the rulebook says so (`interest.during_plan`).
    charge_interest(utility_id, on, uow, clock, claim_ids=set(command.claim_ids), minimum=Money(1))
    loaded = _claims(uow, utility_id, command.claim_ids, on)
    rules = rules_for(uow, utility_id, on)
    terms = PlanTerms(tuple(c.claim for c in loaded), command.start, command.months,
                      command.reason)  # fmt: skip
    refused = refusals(terms, on, rules)
    if refused:
        raise ConflictError("; ".join(refused))
    grant = draw_up(terms, on, rules)
    repo = plans_of(uow, utility_id)
    plan_id = repo.new_plan_id()
    items = _covered_items(uow, utility_id, loaded)
    fee_item = _post_fee(uow, utility_id, plan_id, grant, clock)
    if fee_item is not None:
        items.append(PlanItemRow(fee_item, None, "plan_fee"))
    [letter_id] = uow.letters(utility_id).queue([_letter(plan_id, grant, loaded)], clock.now())
    repo.add_plan(
        PlanRow(plan_id, grant.customer_id, on, command.start, command.months, grant.owed,
                grant.total - grant.owed, fee_item, grant.total, grant.reason, grant.clause,
                command.request_id, letter_id, command.by.strip(), grant.installments,
                tuple(items)),
        clock.now(),
    )  # fmt: skip
    text = (
        say("plans.event.agreed", plan=plan_id, reason=grant.reason)
        if grant.reason
        else say("plans.event.agreed_no_reason", plan=plan_id)
    )
    event = ClaimEvent(EventKind.PLAN_AGREED, on, text, command.by.strip())
    for claim_id in grant.claim_ids:
        uow.claims(utility_id).add_event(claim_id, event, clock.now())
    return GrantedPlan(plan_id, grant)


def _claims(
    uow: UnitOfWork, utility_id: int, claim_ids: tuple[int, ...], on: date
) -> list[LoadedClaim]:
    found = {c.claim.claim_id: c for c in load_claims(uow, utility_id, on, list(claim_ids))}
    for claim_id in claim_ids:
        if claim_id not in found:
            raise NotFoundError(say("plans.claim.unknown", claim=claim_id))
    if not claim_ids:
        raise ValidationError(say("plans.refused.no_claims"))
    return [found[c] for c in claim_ids]


def _covered_items(
    uow: UnitOfWork, utility_id: int, loaded: list[LoadedClaim]
) -> list[PlanItemRow]:
    """Each claim's bill and what is left of its fees (an earlier plan's fee too) and
    interest: exactly what its `owed` counts."""
    claims = uow.claims(utility_id)
    ids = [c.claim.claim_id for c in loaded]
    interest, plan_fees = claims.interest_items(ids), claims.plan_fee_items(ids)
    extra = {
        c.claim.claim_id: [("fee", s.fee_item_id) for s in c.steps if s.fee_item_id]
        + [("fee", i) for i in sorted(plan_fees.get(c.claim.claim_id, ()))]
        + [("interest", i) for i in sorted(interest.get(c.claim.claim_id, ()))]
        for c in loaded
    }
    left = claims.open_fees([i for found in extra.values() for _, i in found])
    items = [PlanItemRow(claim_id, claim_id, "claim") for claim_id in ids]
    for claim_id, found in extra.items():
        items += [
            PlanItemRow(item_id, claim_id, role)
            for role, item_id in found
            if left.get(item_id, Money(0)).is_positive
        ]
    return items


def _post_fee(
    uow: UnitOfWork, utility_id: int, plan_id: int, grant: PlanGrant, clock: Clock
) -> int | None:
    if grant.fee is None:
        return None
    ledger = uow.ledger(utility_id)
    [item_id] = ledger.new_open_item_ids(1)
    ledger.post(
        fee_entry(
            grant.fee,
            customer_id=grant.customer_id,
            open_item_id=item_id,
            booked_on=grant.granted_on,
            due=grant.installments[0].due,
            reference=say("plans.fee_text", plan=plan_id),
            idempotency_key=f"payment-plan-fee:{plan_id}",
        ),
        created_at=clock.now(),
    )
    return item_id


def _letter(plan_id: int, grant: PlanGrant, loaded: list[LoadedClaim]) -> LetterRequest:
    facts = {
        "plan": str(plan_id),
        "claims": ", ".join(c.claim.reference for c in loaded),
        "owed": grant.owed.format_da(),
        "total": grant.total.format_da(),
        "schedule": "\n".join(
            f"{i.due:%d-%m-%Y}: {i.amount.format_da()}" for i in grant.installments
        ),
    }
    if grant.fee is not None:
        facts["fee"] = grant.fee.amount_incl_vat.format_da()
    customer = loaded[0].customer
    return LetterRequest(LetterKind.PAYMENT_PLAN, customer.party_id, grant.granted_on,
                         grant.clause, customer.customer_id, facts)  # fmt: skip


def _open_request(uow: UnitOfWork, utility_id: int, request_id: int) -> RequestRow:
    found = {r.request_id: r for r in plans_of(uow, utility_id).requests()}
    request = found.get(request_id)
    if request is None:
        raise NotFoundError(say("plans.request.unknown", request=request_id))
    if request.decision is not None:
        decision = say(f"plans.request.decision.{request.decision}")
        raise ConflictError(say("plans.request.decided", request=request_id, decision=decision))
    return request


def _required(text: str, key: str) -> None:
    if not text.strip():
        raise ValidationError(say(key))
