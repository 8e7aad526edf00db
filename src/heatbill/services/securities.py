"""Security deposits for staff (sikkerhedsstillelse): assess a customer, demand a security,
record one given.

A demand is kept per customer (`security_demand`: amount, deadline, grounds, the staff's
individual assessment, the letter) and also recorded as a SECURITY_DEMAND step on each of the
party's claims in collection (every relationship of theirs: old debt included), so each case
page shows it and the timeline's road for old debt runs on from it — written notice of closing
once the deadline has passed, then closing (`webinar`, `aalborg 3.4`). The daily pass never
demands a security by itself where the rulebook requires an individual assessment
(`vestervig 6.10`): it waits for staff.

A security given is recorded once: a cash deposit (or prepayment) is paid into DEPOSITS_HELD,
a liability and never income; a guarantee is kept with who stands behind it, its reference and
expiry. Either way a SECURITY_PROVIDED event goes on each of the party's open claims: the
timeline then holds them from closing and reopens a closed supply (`vestervig 6.8`). It is
security for future supply (`vestervig 6.6`, `6.10`, `aalborg 3.4`): while it is in force it
covers the customer's later claims at that installation too (`domain.collections.
security_cover`, read with the claims).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.collection_repository import StepRow
from heatbill.adapters.db.security_repository import DemandRow, SecurityRow
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.collections.events import ClaimEvent, EventKind
from heatbill.domain.collections.guard import Proposed, refusals
from heatbill.domain.collections.securities import (
    CASH_FORMS,
    check_demand,
    check_form,
    deposit_entry,
)
from heatbill.domain.errors import ValidationError
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.services.collections import load_claims
from heatbill.services.security_assessment import CustomerAssessment, assess_customer, party_claims
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class DemandSecurity:
    utility_id: int
    customer_id: int
    note: str
    """The staff's individual assessment (`vestervig 6.10`)."""
    by: str
    on: date
    amount: Money | None = None
    """None: the rulebook's amount (months of estimated use)."""


@dataclass(frozen=True, slots=True)
class DemandResult:
    demand_id: int
    amount: Money
    deadline: date
    claims: list[int]
    """The claims the SECURITY_DEMAND step was recorded on."""
    refused: list[str]


def demand_security(command: DemandSecurity, uow: UnitOfWork, clock: Clock) -> DemandResult:
    on = command.on
    u = command.utility_id
    found = assess_customer(uow, u, command.customer_id, on)
    rules = rulebook_of(uow, u, on)
    check_demand(found.assessment, command.note, rules.securities)
    amount = found.amount if command.amount is None else command.amount
    if not amount.is_positive:
        raise ValidationError(say("securities.amount_not_positive"))
    # The same deadline the timeline gives a security demand: the reminder's days to pay.
    deadline = on + timedelta(days=rules.reminders.days_to_pay.value)
    clause = found.assessment.clause
    [letter_id] = uow.letters(u).queue(
        [_demand_letter(found, amount, deadline, clause)], clock.now()
    )
    demand_id = uow.securities(u).new_demand_id()
    note = say("securities.step_note", demand=demand_id, amount=amount.format_da())
    steps, refused = [], []
    for loaded in load_claims(uow, u, on, party_claims(uow, u, found.party_id, on)):
        claim = loaded.claim
        problems = refusals(claim, Proposed(StepKind.SECURITY_DEMAND, on))
        if problems or any(s.on == on for s in claim.steps):
            refused += [f"{claim.reference}: {p}" for p in problems]
            continue
        steps.append(
            StepRow(claim.claim_id, len(loaded.steps) + 1, StepKind.SECURITY_DEMAND, on, deadline,
                    Money(0), None, letter_id, clause, note, command.by)
        )  # fmt: skip
    uow.claims(u).add_steps(steps, clock.now())
    grounds = ",".join(g.value for g in found.assessment.grounds)
    uow.securities(u).add_demand(
        DemandRow(demand_id, command.customer_id, found.party_id, on, deadline, amount, grounds,
                  command.note.strip(), clause, letter_id, command.by),
        clock.now(),
    )  # fmt: skip
    uow.commit()
    return DemandResult(demand_id, amount, deadline, [s.claim_id for s in steps], refused)


def _demand_letter(
    found: CustomerAssessment, amount: Money, deadline: date, clause: str
) -> LetterRequest:
    """The demand: amount, deadline, the forms allowed, and what follows if it is not met."""
    forms = ", ".join(say(f"securities.form.{f.value}") for f in found.forms)
    facts = {
        "amount": amount.format_da(),
        "deadline": f"{deadline:%d-%m-%Y}",
        "forms": forms,
        "grounds": ", ".join(say(f"securities.ground.{g.value}") for g in found.assessment.grounds),
        "consequence": say("securities.consequence"),
    }
    if found.assessment.old_debt.is_positive:
        facts["old_debt"] = found.assessment.old_debt.format_da()
    return LetterRequest(
        LetterKind.SECURITY_DEMAND, found.party_id, found.assessment.on, clause,
        relationship_id=found.customer_id, facts=facts,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class RecordSecurity:
    utility_id: int
    customer_id: int
    form: SecurityForm
    amount: Money
    by: str
    on: date
    """The day the security was given (the deposit's booking date)."""
    provider: str | None = None
    """The bank, insurer or municipality that stands behind a guarantee."""
    reference: str | None = None
    expires_on: date | None = None
    note: str | None = None


def record_security(command: RecordSecurity, uow: UnitOfWork, clock: Clock) -> SecurityRow:
    on = command.on
    u = command.utility_id
    rules = rulebook_of(uow, u, on).securities
    check_form(command.form, command.amount, rules)
    if command.expires_on is not None and command.expires_on <= on:
        raise ValidationError(say("securities.expired", day=f"{command.expires_on:%d-%m-%Y}"))
    customer = uow.installations(u).relationship(command.customer_id)
    securities = uow.securities(u)
    security_id = securities.new_security_id()
    entry_id = None
    if command.form in CASH_FORMS:
        entry = deposit_entry(
            security_id, command.customer_id, command.amount, booked_on=on,
            description=say("securities.entry.deposit", security=security_id,
                            customer=command.customer_id),
            clause=str(rules.forms.clause),
        )  # fmt: skip
        entry_id = uow.ledger(u).post(entry, created_at=clock.now())
    demands = securities.demands([command.customer_id])
    row = SecurityRow(
        security_id, command.customer_id, customer.party_id,
        demands[-1].demand_id if demands else None, command.form, command.amount,
        _text(command.provider), _text(command.reference), on, command.expires_on, entry_id,
        _text(command.note), command.by,
    )  # fmt: skip
    securities.add_security(row, clock.now())
    form_name = say(f"securities.form.{command.form.value}")
    reason = say("securities.event.provided", security=security_id, form=form_name,
                 amount=command.amount.format_da())  # fmt: skip
    claims = uow.claims(u)
    for claim_id in party_claims(uow, u, customer.party_id, None):
        claims.add_event(claim_id, ClaimEvent(EventKind.SECURITY_PROVIDED, on, reason, command.by),
                         clock.now())  # fmt: skip
    uow.commit()
    return row


def security_list(uow: UnitOfWork, utility_id: int) -> tuple[list[DemandRow], list[SecurityRow]]:
    """The read model of `heatbill security list`: every demand and every security."""
    securities = uow.securities(utility_id)
    return securities.demands(), securities.securities()


def _text(value: str | None) -> str | None:
    return None if value is None or not value.strip() else value.strip()[:200]
