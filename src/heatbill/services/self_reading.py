"""Self-reading cards (`vestervig 5.6`–`5.7`): request with a deadline, remind (with the tariff
sheet's fee where the rulebook says so), and estimate when no card comes.

Both steps are idempotent for their date: a request is made once per meter and reading date,
a reminder once per request, an estimate once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.reading_repository import ReadingRequest
from heatbill.domain.ledger.charges import fee_entry
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.register.installations import ReadingMethod
from heatbill.domain.register.readings import ReadingSource, ReadingStatus
from heatbill.domain.tariff import FeeKind
from heatbill.services.estimates import estimate_missing
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of


@dataclass(frozen=True, slots=True)
class FollowUpReport:
    answered: int
    reminded: int
    estimated: int


def request_self_readings(
    utility_id: int, read_on: date, uow: UnitOfWork, clock: Clock
) -> list[ReadingRequest]:
    """Send a card to every self-read meter in service on `read_on` (once)."""
    days = rulebook_of(uow, utility_id, read_on).metering.self_reading_deadline_days
    sent_on = clock.today()
    meters = [
        m
        for m in uow.installations(utility_id).meters_in_service(read_on)
        if m.method is ReadingMethod.SELF
    ]
    made = uow.readings(utility_id).add_requests(
        [
            ReadingRequest(m.meter_id, read_on, sent_on, sent_on + timedelta(days=days.value))
            for m in meters
        ]
    )
    installation_of = {m.meter_id: m.installation_id for m in meters}
    _letters(
        uow,
        clock,
        utility_id,
        made,
        installation_of=installation_of,
        kind=LetterKind.SELF_READING_REQUEST,
        clause=str(days.clause),
    )
    uow.commit()
    return made


def follow_up_self_readings(utility_id: int, uow: UnitOfWork, clock: Clock) -> FollowUpReport:
    """Close answered requests; remind or estimate those past their deadline."""
    today = clock.today()
    repository = uow.readings(utility_id)
    open_requests = repository.requests(open_only=True)
    history = repository.of_meters([r.meter_id for r in open_requests])
    answered = reminded = 0
    overdue: list[ReadingRequest] = []
    for request in open_requests:
        if any(
            h.reading.read_on == request.read_on
            and h.reading.source is not ReadingSource.ESTIMATED
            and h.status is not ReadingStatus.REJECTED
            for h in history[request.meter_id]
        ):
            repository.update_request(replace(request, answered_on=today))
            answered += 1
        elif today > request.deadline:
            overdue.append(request)
    metering = rulebook_of(uow, utility_id, today).metering
    to_remind = [
        r for r in overdue if r.reminded_on is None and metering.self_reading_reminder.value
    ]
    to_estimate = [r for r in overdue if r not in to_remind]
    if to_remind:
        reminded = _remind(
            uow, clock, utility_id, to_remind, metering.self_reading_deadline_days.value
        )
    estimated = 0
    if to_estimate and metering.estimate_after_missing_card.value:
        done: set[tuple[int, date]] = set()
        for read_on in sorted({r.read_on for r in to_estimate}):
            meters = [r.meter_id for r in to_estimate if r.read_on == read_on]
            made = estimate_missing(uow, clock, utility_id, read_on, meters)
            done |= {(e.estimate.reading.meter_id, read_on) for e in made}
        # A meter that cannot be estimated (no reading at all yet) stays open for staff.
        for request in to_estimate:
            if (request.meter_id, request.read_on) in done:
                repository.update_request(replace(request, estimated_on=today))
        estimated = len(done)
    uow.commit()
    return FollowUpReport(answered, reminded, estimated)


def _remind(
    uow: UnitOfWork, clock: Clock, utility_id: int, requests: list[ReadingRequest], days: int
) -> int:
    today = clock.today()
    repository = uow.readings(utility_id)
    installations = uow.installations(utility_id)
    meters = installations.meters_by_id([r.meter_id for r in requests])
    installation_of = {m: meters[m].installation_id for m in meters}
    fee = (
        tariffs_of(uow, utility_id, today).period_on(today).fee(FeeKind.SELF_READING_CARD_REMINDER)
    )
    customers = {}
    for read_on in {r.read_on for r in requests}:
        customers.update(
            {(rel.installation_id, read_on): rel for rel in installations.relationships_on(read_on)}
        )
    entries = []
    item_ids = uow.ledger(utility_id).new_open_item_ids(len(requests))
    reminded = [
        replace(r, reminded_on=today, deadline=today + timedelta(days=days)) for r in requests
    ]
    for request, item_id in zip(reminded, item_ids, strict=True):
        repository.update_request(request)
        customer = customers.get((installation_of[request.meter_id], request.read_on))
        if fee is not None and customer is not None:
            entries.append(
                fee_entry(
                    fee,
                    customer_id=customer.relationship_id,
                    open_item_id=item_id,
                    booked_on=today,
                    due=request.deadline,
                    reference=f"Rykker for aflæsningskort {request.read_on:%d-%m-%Y}",
                    idempotency_key=f"card-reminder:{request.meter_id}:{request.read_on}",
                )
            )
    uow.ledger(utility_id).post_many(entries, created_at=clock.now())
    _letters(
        uow,
        clock,
        utility_id,
        reminded,
        installation_of=installation_of,
        kind=LetterKind.SELF_READING_REMINDER,
        clause="vestervig 5.6",
    )
    return len(requests)


def _letters(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    requests: list[ReadingRequest],
    *,
    installation_of: dict[int, int],
    kind: LetterKind,
    clause: str,
) -> None:
    if not requests:
        return
    customers = {
        r.installation_id: r
        for r in uow.installations(utility_id).relationships_on(requests[0].read_on)
    }
    letters = [
        LetterRequest(
            kind,
            c.party_id,
            clock.today(),
            clause,
            c.relationship_id,
            {"read_on": f"{r.read_on:%d-%m-%Y}", "deadline": f"{r.deadline:%d-%m-%Y}"},
        )
        for r in requests
        if (c := customers.get(installation_of[r.meter_id])) is not None
    ]
    uow.letters(utility_id).queue(letters, clock.now())
