"""External collection by staff (issue 6, item 7): a hand-over outside the rulebook's point
(old debt; `aalborg 3.2` "på et tidligere tidspunkt"), a recall with its reason, the partner's
return file of payments, and write-offs with their reversals.

The daily pass hands claims over where the rulebook says (`timeline`); here the same step is
taken by hand, through the same guard and applicator. Payments from the partner clear the
claim's own items (its bill, fees and interest) in the rulebook's clearing order; a rest is a
credit of the customer's. A write-off moves what is left of the claim to bad debt
(`Account.BAD_DEBT`), in part or in full, less the output VAT it contains, which goes back on
VAT_PAYABLE on its own line (momsloven § 27, stk. 5; `domain.ledger.bad_debt`), and is undone
by a reversal entry, never an edit.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.collection_repository import StepRow
from heatbill.adapters.db.external_collection_repository import AgencyLine, WriteOffRow
from heatbill.adapters.formats.agency_returns import AgencyPayment, parse_agency_returns
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.collections.external import cost_refusals, with_agency
from heatbill.domain.collections.guard import Proposed, refusals
from heatbill.domain.collections.timeline import NextStep, collection_fee
from heatbill.domain.errors import ConflictError, NotFoundError, ValidationError
from heatbill.domain.ledger import JournalEntry, OpenItemKind
from heatbill.domain.ledger.bad_debt import write_off_entry
from heatbill.domain.ledger.clearing import clear_amount, payment_entry
from heatbill.domain.money import Money
from heatbill.domain.payments.matching import after_entry
from heatbill.services.closing_letters import claim_amount, external
from heatbill.services.collections import LoadedClaim, apply_steps, load_claims, rules_for
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say


def hand_over(uow: UnitOfWork, utility_id: int, claim_id: int, by: str, clock: Clock) -> None:
    """Hand the claim to the external partner today, with its letter and collection fee."""
    on = clock.today()
    loaded = _loaded(uow, utility_id, claim_id, on)
    rules = rules_for(uow, utility_id, on)
    section = rules.rulebook.external_collection
    if not section.used.value:
        raise ConflictError(say("external.not_used", clause=str(section.used.clause)))
    if not loaded.claim.owed.is_positive:
        raise ConflictError(say("external.nothing_owed", claim=claim_id))
    step = NextStep(
        StepKind.EXTERNAL_COLLECTION, on, str(section.used.clause),
        collection_fee(loaded.claim, rules),
    )  # fmt: skip
    taken = step.taken_on(on, rules)
    refused = refusals(loaded.claim, Proposed(step.kind, on, taken.fee))
    if refused:
        raise ConflictError("; ".join(refused))
    apply_steps(uow, utility_id, [(loaded, step, taken)], clock, by=by)
    uow.commit()


def recall(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork, utility_id: int, claim_id: int, reason: str, by: str, clock: Clock
) -> None:
    """Take the claim back from the partner: it is ours to collect again from where it stood."""
    on = clock.today()
    loaded = _loaded(uow, utility_id, claim_id, on)
    if not with_agency(loaded.claim):
        raise ConflictError(say("external.not_with_agency", claim=claim_id))
    if not reason.strip():
        raise ValidationError(say("collections.case.reason"))
    clause = str(rulebook_of(uow, utility_id, on).external_collection.used.clause)
    row = StepRow(claim_id, len(loaded.steps) + 1, StepKind.EXTERNAL_RECALL, on, None, Money(0),
                  None, None, clause, reason.strip()[:400], by)  # fmt: skip
    uow.claims(utility_id).add_steps([row], clock.now())
    uow.commit()


@dataclass(frozen=True, slots=True)
class AgencyImport:
    file_id: int
    payments: int
    total: Money
    costs: Money
    """The partner's own costs reported (not booked: the partner keeps them)."""


def import_agency_file(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork, utility_id: int, name: str, data: bytes, by: str, clock: Clock
) -> AgencyImport:
    """The partner's return file: every line checked first (the claim was handed over, the
    costs within the cap), then all booked, or nothing; a file is taken once."""
    parsed = parse_agency_returns(data, name)
    repo = external(uow, utility_id)
    if repo.file_with_hash(parsed.sha256) is not None:
        raise ConflictError(say("external.file.again", name=name))
    ids = sorted({p.claim_id for p in parsed.rows})
    found = {c.claim.claim_id: c for c in load_claims(uow, utility_id, clock.today(), ids)}
    _check_lines(uow, utility_id, name, parsed.rows, found)
    file_id = repo.new_file_id()
    order, clause = _clearing(uow, utility_id, clock.today())
    ledger = uow.ledger(utility_id)
    items = ledger.open_items_of(sorted({c.claim.customer_id for c in found.values()}))
    own = _claim_items(uow, utility_id, list(found.values()))
    credit_ids = iter(ledger.new_open_item_ids(len(parsed.rows)))
    partner = _partner(uow, utility_id, clock)
    entries: list[JournalEntry] = []
    for payment in parsed.rows:
        claim = found[payment.claim_id].claim
        mine = [
            (i, r) for i, r in items[claim.customer_id] if i.open_item_id in own[claim.claim_id]
        ]
        entry = payment_entry(
            customer_id=claim.customer_id, amount=payment.amount, booking_date=payment.paid_on,
            open_items=mine, credit_item_id=next(credit_ids),
            description=say("external.payment_text", partner=partner, reference=claim.reference),
            order=order, idempotency_key=f"agency:{file_id}:{payment.line}", clause=clause,
        )  # fmt: skip
        items[claim.customer_id] = after_entry(items[claim.customer_id], entry)
        entries.append(entry)
    entry_ids = ledger.post_many(entries, created_at=clock.now())
    lines = [
        AgencyLine(p.line, p.claim_id, p.paid_on, p.amount, p.costs, entry_id)
        for p, entry_id in zip(parsed.rows, entry_ids, strict=True)
    ]
    repo.add_file(file_id, name, parsed.sha256, lines, by, clock.now())
    uow.commit()
    total = sum((p.amount for p in parsed.rows), Money(0))
    return AgencyImport(file_id, len(lines), total, sum((p.costs for p in parsed.rows), Money(0)))


def _check_lines(
    uow: UnitOfWork,
    utility_id: int,
    name: str,
    rows: tuple[AgencyPayment, ...],
    found: dict[int, LoadedClaim],
) -> None:
    log = ProblemLog()
    billed = external(uow, utility_id).billed(found.keys())
    for payment in rows:
        loaded = found.get(payment.claim_id)
        if loaded is None:
            log.add(
                payment.line, "krav", say("external.file.unknown_claim", claim=payment.claim_id)
            )
        elif not loaded.claim.taken(StepKind.EXTERNAL_COLLECTION):
            log.add(payment.line, "krav", say("external.file.not_handed_over",
                                              claim=payment.claim_id))  # fmt: skip
        else:
            amount = claim_amount(billed.get(payment.claim_id, Money(0)), loaded.claim)
            for refusal in cost_refusals(amount, payment.costs):
                log.add(payment.line, "omkostninger", refusal)
    log.raise_if_any(name)


# --- write-offs -----------------------------------------------------------------------------


def write_off(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork,
    utility_id: int,
    claim_id: int,
    amount: Money | None,
    reason: str,
    by: str,
    clock: Clock,
) -> WriteOffRow:
    """Write off `amount` of the claim (None: all that is left) as bad debt, with the reason."""
    on = clock.today()
    if not reason.strip():
        raise ValidationError(say("collections.case.reason"))
    loaded = _loaded(uow, utility_id, claim_id, on)
    claim = loaded.claim
    own = _claim_items(uow, utility_id, [loaded])[claim_id]
    ledger = uow.ledger(utility_id)
    mine = [(i, r) for i, r in ledger.open_items(claim.customer_id) if i.open_item_id in own]
    left = sum((r for _, r in mine if r.is_positive), Money(0))
    wanted = left if amount is None else amount
    if not wanted.is_positive or wanted > left:
        raise ValidationError(
            say("external.write_off.amount", amount=wanted.format_da(), left=left.format_da())
        )
    order, _ = _clearing(uow, utility_id, on)
    allocations, _ = clear_amount(wanted, mine, order)
    repo = external(uow, utility_id)
    write_off_id = repo.new_write_off_id()
    text = say("external.write_off.text", reference=claim.reference, reason=reason.strip())
    written_off = [(a.open_item_id, a.amount) for a in allocations]
    entry = write_off_entry(
        on, text[:400], claim.customer_id, written_off,
        repo.billed_vat(i for i, _ in written_off), f"write-off:{write_off_id}",
    )  # fmt: skip
    entry_id = ledger.post(entry, created_at=clock.now())
    row = WriteOffRow(write_off_id, claim_id, None, on, wanted, entry_id, reason.strip(), by)
    repo.add_write_off(row, clock.now())
    uow.commit()
    return row


def reverse_write_off(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork, utility_id: int, write_off_id: int, reason: str, by: str, clock: Clock
) -> WriteOffRow:
    """Undo a write-off (the customer paid after all, or it was a mistake): a reversal entry."""
    if not reason.strip():
        raise ValidationError(say("collections.case.reason"))
    repo = external(uow, utility_id)
    rows = repo.write_offs()
    original = next((r for r in rows if r.write_off_id == write_off_id), None)
    if original is None or original.reverses_id is not None:
        raise NotFoundError(say("external.write_off.unknown", write_off=write_off_id))
    if any(r.reverses_id == write_off_id for r in rows):
        raise ConflictError(say("external.write_off.reversed", write_off=write_off_id))
    on = clock.today()
    reversal_id = repo.new_write_off_id()
    text = say("external.write_off.reversal", write_off=write_off_id, reason=reason.strip())
    entry_id = uow.ledger(utility_id).reverse(
        original.entry_id, on, text[:400], created_at=clock.now(),
        idempotency_key=f"write-off:{reversal_id}",
    )  # fmt: skip
    row = dataclasses.replace(
        original, write_off_id=reversal_id, reverses_id=write_off_id, on=on, entry_id=entry_id,
        reason=reason.strip(), by=by,
    )  # fmt: skip
    repo.add_write_off(row, clock.now())
    uow.commit()
    return row


# --- helpers --------------------------------------------------------------------------------


def _loaded(uow: UnitOfWork, utility_id: int, claim_id: int, on: date) -> LoadedClaim:
    found = load_claims(uow, utility_id, on, [claim_id])
    if not found:
        raise NotFoundError(say("collections.case.unknown", claim=claim_id))
    return found[0]


def _claim_items(
    uow: UnitOfWork, utility_id: int, claims: list[LoadedClaim]
) -> dict[int, set[int]]:
    """Each claim's own open items: its bill, its fees (a payment plan's too) and its late
    interest — what its `owed` counts."""
    ids = [c.claim.claim_id for c in claims]
    interest = uow.claims(utility_id).interest_items(ids)
    plan_fees = uow.claims(utility_id).plan_fee_items(ids)
    return {
        c.claim.claim_id: {
            c.claim.claim_id,
            *(s.fee_item_id for s in c.steps if s.fee_item_id is not None),
            *plan_fees.get(c.claim.claim_id, set()),
            *interest.get(c.claim.claim_id, set()),
        }
        for c in claims
    }


def _clearing(uow: UnitOfWork, utility_id: int, on: date) -> tuple[list[OpenItemKind], str]:
    clearing = rulebook_of(uow, utility_id, on).clearing.order
    return [OpenItemKind(k.value) for k in clearing.value], str(clearing.clause)


def _partner(uow: UnitOfWork, utility_id: int, clock: Clock) -> str:
    partner = rulebook_of(uow, utility_id, clock.today()).external_collection.partner
    return partner.value if partner is not None else ""


def mark_rental_property(  # noqa: PLR0917 - the use case's facts
    uow: UnitOfWork, utility_id: int, installation_number: str, since: date, by: str, clock: Clock
) -> int:
    """Record that the owner of the installation's property supplies the heat to tenants who
    have no relationship of their own (`aalborg 2.10`); returns the property id."""
    found = uow.installations(utility_id).installation_by_number(installation_number)
    repo = external(uow, utility_id)
    if repo.rental_properties([found.property_id], date.max):
        raise ConflictError(say("external.rental.again", number=installation_number))
    repo.mark_rental(found.property_id, since, by, clock.now())
    uow.commit()
    return found.property_id
