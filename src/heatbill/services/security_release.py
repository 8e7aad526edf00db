"""Releasing securities (`solrod 6.10`: "tilbagebetales/afvikles, når forbrugeren i et år har
betalt til tiden"), set-based over a whole utility for a date.

Every security not yet released is read in one query, its party's relationships, payment
history and open items in one query each; what is due is computed in memory
(`domain.collections.securities`): a cash deposit whose customer has paid on time for the
rulebook's months is set off against their open claims and the rest booked to REFUNDS_PAYABLE
under a `deposit-release:` key — the refund proposals pick it up as a deposit refund; a
guarantee is handed back; a guarantee that has expired lapses. Each release queues a letter
and puts a SECURITY_RELEASED event on the party's claims that held it. Repeating the run for a
date adds nothing: a security is released once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.security_repository import ReleaseRow, SecurityRow
from heatbill.domain.collections.claim import SecurityState
from heatbill.domain.collections.events import ClaimEvent, EventKind, fold
from heatbill.domain.collections.securities import (
    CASH_FORMS,
    PaidItem,
    release_date,
    release_entry,
    release_split,
)
from heatbill.domain.ledger import JournalEntry, OpenItem, OpenItemKind
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

RUN_BY = "kørsel"
ON_TIME = "on_time"
LAPSED = "lapsed"


@dataclass(frozen=True, slots=True)
class Release:
    security: SecurityRow
    reason: str
    set_off: Money
    refund: Money


@dataclass
class ReleaseReport:
    released: list[Release] = field(default_factory=list)
    held: int = 0
    """Securities not yet due for release."""


def release_due(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> ReleaseReport:
    rules = rulebook_of(uow, utility_id, on).securities
    securities = uow.securities(utility_id)
    pending = securities.securities(unreleased=True)
    report = ReleaseReport()
    if not pending:
        return report
    parties = securities.relationships_of_parties({s.party_id for s in pending})
    customers = {p: [r.relationship_id for r in found] for p, found in parties.items()}
    everyone = sorted({c for found in customers.values() for c in found})
    history = securities.paid_items(everyone)
    open_items = uow.ledger(utility_id).open_items_of(everyone)
    months = rules.refund_after_months_on_time.value
    clause = str(rules.refund_after_months_on_time.clause)
    entries: list[tuple[Release, JournalEntry | None]] = []
    for row in pending:
        mine = customers.get(row.party_id, [row.customer_id])
        items: list[PaidItem] = [i for c in mine for i in history.get(c, [])]
        owed = [(i, r) for c in mine for i, r in open_items.get(c, []) if _claim(i, r)]
        reason = _reason(row, items, on, months)
        if reason is None:
            report.held += 1
            continue
        release, entry = _release(row, reason, owed, on, clause)
        report.released.append(release)
        entries.append((release, entry))
    if not dry_run:
        _apply(uow, utility_id, entries, clause, on, clock)
        uow.commit()
    return report


def _claim(item: OpenItem, residual: Money) -> bool:
    return item.kind is not OpenItemKind.CREDIT and residual.is_positive


def _reason(row: SecurityRow, items: list[PaidItem], on: date, months: int) -> str | None:
    if row.form not in CASH_FORMS and row.expires_on is not None and row.expires_on <= on:
        return LAPSED
    due = release_date(row.provided_on, items, on, months)
    return ON_TIME if due is not None and due <= on else None


def _release(
    row: SecurityRow, reason: str, owed: list[tuple[OpenItem, Money]], on: date, clause: str
) -> tuple[Release, JournalEntry | None]:
    if row.form not in CASH_FORMS:
        return Release(row, reason, Money(0), Money(0)), None
    split = release_split(row.amount, owed)
    description = say("securities.entry.release", security=row.security_id,
                      customer=row.customer_id)  # fmt: skip
    entry = release_entry(row.security_id, row.customer_id, row.amount, owed, booked_on=on,
                          description=description, clause=clause)  # fmt: skip
    set_off = row.amount - split.refund
    return Release(row, reason, set_off, split.refund), entry


def _apply(  # noqa: PLR0917 - the run's facts
    uow: UnitOfWork,
    utility_id: int,
    releases: list[tuple[Release, JournalEntry | None]],
    clause: str,
    on: date,
    clock: Clock,
) -> None:
    if not releases:
        return
    booked = [e for _, e in releases if e is not None]
    ids = iter(uow.ledger(utility_id).post_many(booked, created_at=clock.now()) if booked else [])
    entry_ids = [None if e is None else next(ids) for _, e in releases]
    letters = uow.letters(utility_id).queue(
        [_letter(r, on, clause) for r, _ in releases], clock.now()
    )
    uow.securities(utility_id).add_releases(
        [
            ReleaseRow(r.security.security_id, on, r.reason, r.set_off, r.refund, entry_id,
                       letter_id, clause, RUN_BY)
            for (r, _), entry_id, letter_id in zip(releases, entry_ids, letters, strict=True)
        ],
        clock.now(),
    )  # fmt: skip
    _released_events(uow, utility_id, [r for r, _ in releases], on, clock)


def _released_events(
    uow: UnitOfWork, utility_id: int, releases: list[Release], on: date, clock: Clock
) -> None:
    """SECURITY_RELEASED on each of the parties' claims whose security state is `provided`."""
    securities = uow.securities(utility_id)
    parties = securities.relationships_of_parties({r.security.party_id for r in releases})
    party_of = {c.relationship_id: p for p, found in parties.items() for c in found}
    history = securities.paid_items(party_of)
    claim_party = {i.open_item_id: party_of[c] for c, found in history.items() for i in found}
    claims = uow.claims(utility_id)
    events = claims.events(claim_party)
    done: set[int] = set()
    for release in releases:
        row = release.security
        reason = say(f"securities.event.released.{release.reason}", security=row.security_id)
        event = ClaimEvent(EventKind.SECURITY_RELEASED, on, reason, RUN_BY)
        for claim_id, found in sorted(events.items()):
            held = fold(found).security is SecurityState.PROVIDED
            if held and claim_party[claim_id] == row.party_id and claim_id not in done:
                claims.add_event(claim_id, event, clock.now())
                done.add(claim_id)


def _letter(release: Release, on: date, clause: str) -> LetterRequest:
    row = release.security
    facts = {
        "form": say(f"securities.form.{row.form.value}"),
        "amount": row.amount.format_da(),
        "reason": say(f"securities.release.{release.reason}"),
    }
    if row.form in CASH_FORMS:
        facts |= {"set_off": release.set_off.format_da(), "refund": release.refund.format_da()}
    return LetterRequest(
        LetterKind.SECURITY_RELEASE, row.party_id, on, clause, relationship_id=row.customer_id,
        facts=facts,
    )  # fmt: skip
