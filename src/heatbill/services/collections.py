"""The daily collections pass and the claims it works on.

Set-based over a whole utility: the overdue bills, their steps, events, fees and customers are
read in a few queries; each claim's next step comes from the rulebook's timeline
(`domain.collections.timeline`); a step due today is checked by the law guard once more and
applied in one transaction — its fee posted as an open item of its own, its letter (or work
order) queued, the step recorded with its clause. One step per claim per day: a pass repeated
for its date does nothing new. A reopening order is created as soon as the conditions hold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.collection_repository import ClaimRow, CustomerFacts, StepRow
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.collections.claim import Claim, SecurityState, StepKind, TakenStep
from heatbill.domain.collections.events import ClaimEvent, fold
from heatbill.domain.collections.external import handed_over
from heatbill.domain.collections.guard import Proposed, refusals
from heatbill.domain.collections.security_cover import SecurityInForce, covering
from heatbill.domain.collections.timeline import Hold, NextStep, Rules, next_step
from heatbill.domain.ledger import JournalEntry
from heatbill.domain.ledger.charges import fee_entry
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.services.closing_letters import closing_letters
from heatbill.services.plan_checks import check_plans
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of
from heatbill.wording import say

RUN_BY = "kørsel"
FEE_ON_ORDER = frozenset({StepKind.CLOSING_VISIT})
"""The closing visit's fee is charged when the visit is reported, not when it is ordered."""
LETTERS = {
    StepKind.REMINDER: LetterKind.REMINDER,
    StepKind.COLLECTION_NOTICE: LetterKind.COLLECTION_NOTICE,
    StepKind.SECURITY_DEMAND: LetterKind.SECURITY_DEMAND,
    StepKind.CLOSING_NOTICE: LetterKind.CLOSING_NOTICE,
    StepKind.CLOSING_VISIT: LetterKind.CLOSING_ORDER,
    StepKind.REOPENING: LetterKind.REOPENING_ORDER,
    StepKind.EXTERNAL_COLLECTION: LetterKind.EXTERNAL_COLLECTION,
}


CLOSING_STEPS = frozenset({StepKind.CLOSING_NOTICE, StepKind.CLOSING_VISIT, StepKind.REOPENING})
"""Steps about the supply itself: their letters and work orders name the installation a
closing touches (`LoadedClaim.supply`), which for old debt is not the claim's own."""


@dataclass(frozen=True, slots=True)
class LoadedClaim:
    claim: Claim
    customer: CustomerFacts
    steps: list[StepRow]
    supply: CustomerFacts | None = None
    """The relationship whose installation a closing of this claim would close: the claim's
    own while it runs; for old debt the debtor's current one (the latest begun, when they
    have several), never the old installation (`webinar`); None: no supply of theirs."""
    events: tuple[ClaimEvent, ...] = ()
    """The claim's events (disputes, plans, freezes), oldest first: what `claim` was folded
    from, kept for the case page."""

    def facts_for(self, kind: StepKind) -> CustomerFacts:
        """Whose installation and address the step's letter or work order names."""
        if kind in CLOSING_STEPS and self.supply is not None:
            return self.supply
        return self.customer


@dataclass
class CollectionsReport:
    claims: int = 0
    taken: Counter[StepKind] = field(default_factory=Counter)
    fees: Money = field(default_factory=lambda: Money(0))
    held: int = 0
    waiting: int = 0
    refused: list[str] = field(default_factory=list)
    awaiting_assessment: int = 0
    """Claims whose next step is a security demand: staff make it after an individual
    assessment (`vestervig 6.10`, `heatbill security demand`); the pass never does."""
    plans_breached: int = 0
    plans_completed: int = 0


def rules_for(uow: UnitOfWork, utility_id: int, on: date) -> Rules:
    sheet = tariffs_of(uow, utility_id, on).period_on(on)
    return Rules(
        rulebook_of(uow, utility_id, on),
        {fee.kind: fee for fee in sheet.fees},
        danish_bank_calendar(),
    )


def load_claims(
    uow: UnitOfWork, utility_id: int, on: date, claim_ids: list[int] | None = None
) -> list[LoadedClaim]:
    """The claims in collection on `on` (or the given ones), with their history."""
    claims = uow.claims(utility_id)
    rows = claims.overdue(on, claim_ids)
    if claim_ids is None:
        rows += _closed_and_paid(uow, utility_id, on, {r.claim_id for r in rows})
    ids = [r.claim_id for r in rows]
    steps, events = claims.steps(ids), claims.events(ids)
    fee_items = [s.fee_item_id for found in steps.values() for s in found if s.fee_item_id]
    interest_items, plan_fees = claims.interest_items(ids), claims.plan_fee_items(ids)
    left = claims.open_fees([
        *fee_items,
        *(i for found in interest_items.values() for i in found),
        *(i for found in plan_fees.values() for i in found),
    ])  # fmt: skip
    customers = claims.customers({r.customer_id for r in rows})
    supplies = _supplies(uow, utility_id, on, customers)
    given = securities_in_force(uow, utility_id) if rows else []
    loaded = []
    for row in rows:
        own = steps.get(row.claim_id, [])
        facts = customers[row.customer_id]
        happened = events.get(row.claim_id, [])
        state = fold(happened)
        security = state.security
        if security is not SecurityState.PROVIDED and covering(
            given, party_id=facts.party_id, installation_id=facts.installation_id, on=on
        ):  # a security in force covers the later claims of its supply (`vestervig 6.6`)
            security = SecurityState.PROVIDED
        if security is SecurityState.NONE and any(s.kind is StepKind.SECURITY_DEMAND for s in own):
            security = SecurityState.DEMANDED
        claim = Claim(
            claim_id=row.claim_id,
            customer_id=row.customer_id,
            reference=row.reference,
            bill_date=row.bill_date or row.due_date - timedelta(days=14),
            due_date=row.due_date,
            principal=max(row.residual, Money(0)),
            fees=sum((left.get(s.fee_item_id, Money(0)) for s in own if s.fee_item_id), Money(0))
            + sum((left.get(i, Money(0)) for i in plan_fees.get(row.claim_id, ())), Money(0)),
            interest=sum(
                (left.get(i, Money(0)) for i in interest_items.get(row.claim_id, ())), Money(0)
            ),
            business=facts.business,
            steps=tuple(TakenStep(s.kind, s.on, s.fee, s.clause, s.deadline) for s in own),
            disputed=state.disputed,
            plan=state.plan,
            plan_breached_on=state.plan_breached_on,
            old_debt=_ended(facts, on)
            or handed_over([TakenStep(s.kind, s.on) for s in own]),  # with the partner
            security=security,
            frozen=state.frozen,
            has_supply=supplies.get(row.customer_id) is not None,
        )
        loaded.append(
            LoadedClaim(claim, facts, own, supplies.get(row.customer_id), tuple(happened))
        )
    return loaded


def securities_in_force(uow: UnitOfWork, utility_id: int) -> list[SecurityInForce]:
    """The securities not released, each with the installation it was given for."""
    rows = uow.securities(utility_id).securities(unreleased=True)
    if not rows:
        return []
    customers = uow.claims(utility_id).customers({r.customer_id for r in rows})
    return [
        SecurityInForce(r.security_id, r.party_id, customers[r.customer_id].installation_id,
                        r.provided_on, r.expires_on)
        for r in rows
        if r.customer_id in customers
    ]  # fmt: skip


def _ended(facts: CustomerFacts, on: date) -> bool:
    return facts.ended_on is not None and facts.ended_on <= on


def _supplies(
    uow: UnitOfWork, utility_id: int, on: date, customers: dict[int, CustomerFacts]
) -> dict[int, CustomerFacts | None]:
    """For each customer: its own relationship while it runs; once ended, its party's
    relationship in force on `on` (the latest begun), or None."""
    ended = {f.party_id for f in customers.values() if _ended(f, on)}
    current = uow.claims(utility_id).in_force(ended, on) if ended else {}
    return {
        c: (f if not _ended(f, on) else next(iter(current.get(f.party_id, [])), None))
        for c, f in customers.items()
    }


def _closed_and_paid(uow: UnitOfWork, utility_id: int, on: date, known: set[int]) -> list[ClaimRow]:
    """Closed claims no longer overdue (paid): they are due a reopening order."""
    closed = [i for i in uow.claims(utility_id).closed_claims() if i not in known]
    return list(uow.claims(utility_id).overdue(on, closed)) if closed else []


def run_collections(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> CollectionsReport:
    rules = rules_for(uow, utility_id, on)
    # Running payment plans first, after the day's payments: breached or completed today.
    checked = check_plans(utility_id, on, uow, clock)
    report = CollectionsReport(
        plans_breached=len(checked.breached), plans_completed=len(checked.completed)
    )
    plans: list[tuple[LoadedClaim, NextStep, TakenStep]] = []
    assessed_by_staff = rules.rulebook.securities.individual_assessment.value
    for loaded in load_claims(uow, utility_id, on):
        report.claims += 1
        claim = loaded.claim
        if any(s.on == on for s in claim.steps):
            continue  # one step a day: the pass has run for this date
        found = next_step(claim, rules)
        if isinstance(found, Hold):
            report.held += 1
            continue
        if found.earliest > on:
            report.waiting += 1
            continue
        if found.kind is StepKind.SECURITY_DEMAND and assessed_by_staff:
            report.awaiting_assessment += 1  # `heatbill security demand` (vestervig 6.10)
            continue
        taken = found.taken_on(on, rules)
        charged = Money(0) if found.kind in FEE_ON_ORDER else taken.fee
        refused = refusals(claim, Proposed(found.kind, on, charged))
        if refused:
            report.refused += [f"{claim.reference}: {r}" for r in refused]
            continue
        plans.append((loaded, found, taken))
        report.taken[found.kind] += 1
        report.fees += charged
    if not dry_run:
        apply_steps(uow, utility_id, plans, clock, by=RUN_BY)
        uow.commit()
    return report


def apply_steps(
    uow: UnitOfWork,
    utility_id: int,
    plans: list[tuple[LoadedClaim, NextStep, TakenStep]],
    clock: Clock,
    *,
    by: str,
) -> None:
    """Post the fees, queue the letters and record the steps of `plans`; not committed."""
    if not plans:
        return
    ledger = uow.ledger(utility_id)
    charged = [p for p in plans if p[1].fee is not None and p[1].kind not in FEE_ON_ORDER]
    item_ids = iter(ledger.new_open_item_ids(len(charged)) if charged else [])
    entries: list[JournalEntry] = []
    fee_item: dict[int, int] = {}
    for loaded, step, taken in charged:
        assert step.fee is not None
        item_id = next(item_ids)
        fee_item[loaded.claim.claim_id] = item_id
        entries.append(
            fee_entry(
                step.fee,
                customer_id=loaded.claim.customer_id,
                open_item_id=item_id,
                booked_on=taken.on,
                due=taken.deadline or taken.on,
                reference=say("collections.fee_text", step=_step_name(step),
                              reference=loaded.claim.reference),
                idempotency_key=f"claim-step-fee:{loaded.claim.claim_id}:{len(loaded.steps) + 1}",
            )
        )  # fmt: skip
    ledger.post_many(entries, created_at=clock.now())
    announces = rulebook_of(uow, utility_id, plans[0][2].on).reminders.announces_collection_on
    letters = [_letter(loaded, step, taken, announces) for loaded, step, taken in plans]
    # External collection, tenants and landlords (issue 6, items 7-8): facts and owners told.
    planned = [
        (loaded.claim, loaded.facts_for(step.kind), step, taken) for loaded, step, taken in plans
    ]
    letters, owners = closing_letters(uow, utility_id, planned, letters)
    letter_ids = uow.letters(utility_id).queue(letters, clock.now())
    uow.letters(utility_id).queue(owners, clock.now())
    uow.claims(utility_id).add_steps(
        [
            StepRow(
                claim_id=loaded.claim.claim_id,
                step_no=len(loaded.steps) + 1,
                kind=step.kind,
                on=taken.on,
                deadline=taken.deadline,
                fee=Money(0) if step.kind in FEE_ON_ORDER else taken.fee,
                fee_item_id=fee_item.get(loaded.claim.claim_id),
                letter_id=letter_id,
                clause=step.clause,
                note=None,
                by=by,
            )
            for (loaded, step, taken), letter_id in zip(plans, letter_ids, strict=True)
        ],
        clock.now(),
    )


def _letter(
    loaded: LoadedClaim, step: NextStep, taken: TakenStep, announces: Ruled[int]
) -> LetterRequest:
    claim = loaded.claim
    owed = claim.owed + (Money(0) if step.kind in FEE_ON_ORDER else taken.fee)
    facts = {
        "claim": claim.reference,
        "step": _step_name(step),
        "owed": owed.format_da(),
        "principal": claim.principal.format_da(),
        "due_date": f"{claim.due_date:%d-%m-%Y}",
    }
    if taken.fee.is_positive:
        facts["fee"] = taken.fee.format_da()
    if taken.deadline is not None:
        facts["deadline"] = f"{taken.deadline:%d-%m-%Y}"
    if step.kind is StepKind.REMINDER and step.number == announces.value:
        # The reminder that tells the customer the claim goes on to collection (aalborg 3.2).
        facts["announces_collection"] = str(announces.clause)
    addressed = loaded.facts_for(step.kind)  # a closing's: the supply it closes
    return LetterRequest(
        LETTERS[step.kind],
        addressed.party_id,
        taken.on,
        step.clause,
        relationship_id=addressed.customer_id,
        facts=facts,
    )


def _step_name(step: NextStep) -> str:
    return say(f"collections.step.{step.kind.value}", number=step.number)
