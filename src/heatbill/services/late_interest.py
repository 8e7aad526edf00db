"""The interest run: late interest (morarente) on every overdue principal of a utility, posted
for a date as its own INTEREST open item with its basis (renteloven § 5, the rulebook's clause).

Set-based: the claims and their postings come in a few queries, the interest is computed in
memory, the entries and their basis rows go in as two batches. Idempotent for its date: each
claim is charged from where its last charge ended, so a repeated run books nothing, and the
basis table's key refuses a day charged twice. `dry_run` computes the same and books nothing.

Interest runs on what was outstanding day by day: a payment lowers the principal from its
booking date, so a claim paid late still owes the days until it was paid. The amount is
rounded once per posting. An amount under `MINIMUM_POSTING` is not posted: while the claim is
unpaid it is carried into the next run (the next charge starts at the same day); once the
claim is paid, the remainder is let go and recorded as such (a basis row without an item).

Days in a pause are not charged (`domain.collections.interest_pauses`): a dispute as the
rulebook says (`interest.while_disputed`), a running payment plan that replaces interest
(`interest.during_plan`), a reconstruction or bankruptcy cut-off (`aalborg 3.5`). A claim paid
off inside a pause is closed with a basis row of no days, so it is not read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.interest_repository import ChargeRow, OverdueClaim
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.collections.events import ClaimEvent
from heatbill.domain.collections.interest import (
    InterestPart,
    InterestResult,
    balances_from_postings,
    interest_on_balances,
    interest_start,
)
from heatbill.domain.collections.interest_pauses import InterestPauses, interest_pauses
from heatbill.domain.collections.reference_rates import (
    MissingRateError,
    ReferenceRates,
    percent_da,
)
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money
from heatbill.domain.rulebook import Interest
from heatbill.services.billing_runs import RunReport
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

MINIMUM_POSTING = Money(100)
"""1,00 kr.: heatbill's setting (the rulebooks name no minimum); smaller amounts wait."""


@dataclass(frozen=True, slots=True)
class _Charge:
    claim: OverdueClaim
    result: InterestResult
    still_owed: bool


def post_late_interest(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> RunReport:
    """Charge interest up to (not including) `on` on every overdue principal of the utility."""
    report = charge_interest(utility_id, on, uow, clock)
    if not dry_run:
        uow.commit()
    return report


def charge_interest(
    utility_id: int,
    on: date,
    uow: UnitOfWork,
    clock: Clock,
    *,
    claim_ids: set[int] | None = None,
    minimum: Money = MINIMUM_POSTING,
) -> RunReport:
    """Post the interest up to `on` (of the given claims only, and amounts from `minimum`);
    not committed. A plan's grant charges its claims to the grant day, every øre, so that the
    plan covers all interest before it (`interest.during_plan`)."""
    terms = rulebook_of(uow, utility_id, on).interest
    table = uow.reference_rates.table()
    calendar = danish_bank_calendar()
    report = RunReport()
    charges: list[_Charge] = []
    problems: dict[str, None] = {}
    ids = None if claim_ids is None else sorted(claim_ids)
    claims = uow.interest(utility_id).claims_to_charge(on, ids)
    pauses = _pauses(uow, utility_id, claims, terms)
    for claim in claims:
        try:
            charge = _charge(claim, on, terms, table, calendar, pauses[claim.open_item_id])
        except MissingRateError as missing:
            problems[missing.message] = None
            continue
        if charge is None:
            report.already += 1
        elif charge.result.amount >= minimum or not charge.still_owed:
            charges.append(charge)
    report.problems = list(problems)
    postable = [c.result.amount >= minimum and c.result.amount.is_positive for c in charges]
    posted = [c for c, post in zip(charges, postable, strict=True) if post]
    item_ids = uow.ledger(utility_id).new_open_item_ids(len(posted)) if posted else []
    clause = str(terms.margin_percentage_points.clause)
    entries = [_entry(c, item, on, clause) for c, item in zip(posted, item_ids, strict=True)]
    let_go = [c for c, post in zip(charges, postable, strict=True) if not post]
    bases = [*zip(posted, item_ids, strict=True), *((c, None) for c in let_go)]
    rows = [row for c, item in bases for row in _basis(c, item, on, clause)]
    uow.ledger(utility_id).post_many(entries, created_at=clock.now())
    uow.interest(utility_id).record(rows, clock.now())
    report.done = len(entries)
    report.total = sum((c.result.amount for c in posted), Money(0))
    return report


def _pauses(
    uow: UnitOfWork, utility_id: int, claims: list[OverdueClaim], terms: Interest
) -> dict[int, InterestPauses]:
    events: dict[int, list[ClaimEvent]] = (
        uow.claims(utility_id).events([c.open_item_id for c in claims]) if claims else {}
    )
    return {
        c.open_item_id: interest_pauses(
            events.get(c.open_item_id, []),
            while_disputed=terms.while_disputed.value,
            during_plan=terms.during_plan.value,
        )
        for c in claims
    }


def _charge(  # noqa: PLR0917 - the claim and what decides its interest
    claim: OverdueClaim,
    on: date,
    terms: Interest,
    table: ReferenceRates,
    calendar: BankCalendar,
    pauses: InterestPauses,
) -> _Charge | None:
    """What the claim owes from where its interest stands to `on`, outside its pauses; None
    when it is covered (or its interest is deferred by a dispute)."""
    start = interest_start(
        claim.due_date,
        runs_from_due_date=terms.runs_from_due_date.value,
        moves_to_bank_day=terms.due_date_moves_to_bank_day.value,
        calendar=calendar,
        demanded_on=claim.demanded_on,
    )
    if claim.covered_until is not None:
        start = max(start, claim.covered_until)
    if start >= on or pauses.deferred:
        return None
    balances = balances_from_postings(claim.postings)
    parts: list[InterestPart] = []
    for lo, hi in pauses.chargeable(start, on):
        parts += interest_on_balances(
            balances,
            lo,
            hi,
            table,
            terms.day_count.value,
            claim_due=claim.due_date,
            margin=terms.margin_percentage_points.value,
        ).parts
    still_owed = bool(balances) and balances[-1][1].is_positive
    if not parts:
        if still_owed:
            return None
        # Paid off inside a pause: nothing to charge; a row of no days closes the claim.
        parts = [InterestPart(start, on, Money(0), 0, Decimal(0), Decimal(0))]
    return _Charge(claim, InterestResult(terms.day_count.value, tuple(parts)), still_owed)


def _entry(charge: _Charge, item_id: int, on: date, clause: str) -> JournalEntry:
    claim, amount = charge.claim, charge.result.amount
    reference = say("interest.reference", reference=claim.reference)
    return JournalEntry(
        booking_date=on,
        reason=Reason.INTEREST,
        description=describe(charge.result, claim.reference, clause),
        postings=(
            Posting(Account.RECEIVABLES, amount, claim.customer_id, item_id),
            Posting(Account.INTEREST_REVENUE, -amount),
        ),
        clause=clause,
        idempotency_key=f"interest:{claim.open_item_id}:{charge.result.parts[0].start}",
        new_open_items=(
            OpenItem(item_id, claim.customer_id, OpenItemKind.INTEREST, on, reference, clause),
        ),
    )


def _basis(charge: _Charge, item_id: int | None, on: date, clause: str) -> list[ChargeRow]:
    day_count = charge.result.day_count.value
    return [
        ChargeRow(
            charge.claim.open_item_id,
            p.start,
            p.until,
            item_id,
            p.principal,
            p.days,
            p.rate_percent,
            day_count,
            clause,
            on,
        )
        for p in charge.result.parts
    ]


def describe(result: InterestResult, reference: str, clause: str, limit: int = 400) -> str:
    """The posting's text: principal, period(s), days, rate(s), day count and clause (Danish).
    Parts are listed one by one while they fit in `limit` characters, else summed up."""
    parts = "; ".join(
        say(
            "interest.part",
            start=p.start.strftime("%d-%m-%Y"),
            end=p.until.strftime("%d-%m-%Y"),
            days=p.days,
            rate=percent_da(p.rate_percent),
            principal=p.principal.format_da(),
        )
        for p in result.parts
    )
    fields = {"reference": reference, "day_count": result.day_count.value, "clause": clause}
    text = say("interest.entry", parts=parts, **fields)
    if len(text) <= limit:
        return text
    first, last = result.parts[0], result.parts[-1]
    summary = say(
        "interest.parts_summed",
        start=first.start.strftime("%d-%m-%Y"),
        end=last.until.strftime("%d-%m-%Y"),
        days=result.days,
        count=len(result.parts),
    )
    return say("interest.entry", parts=summary, **fields)[:limit]


def interest_accrued(
    uow: UnitOfWork, utility_id: int, on: date, claim_ids: set[int]
) -> dict[int, Money]:
    """Interest not yet charged on the given claims up to (not including) `on`, nothing
    posted: what a statement to an estate adds to the interest already charged (`aalborg 3.5`)."""
    terms = rulebook_of(uow, utility_id, on).interest
    table, calendar = uow.reference_rates.table(), danish_bank_calendar()
    claims = uow.interest(utility_id).claims_to_charge(on, sorted(claim_ids))
    pauses = _pauses(uow, utility_id, claims, terms)
    found: dict[int, Money] = {}
    for claim in claims:
        charge = _charge(claim, on, terms, table, calendar, pauses[claim.open_item_id])
        found[claim.open_item_id] = Money(0) if charge is None else charge.result.amount
    return found
