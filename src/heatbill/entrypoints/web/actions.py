"""What staff do, for the API and the pages alike: each action checks the role, calls the
same use case as the CLI, and leaves a line in the audit trail (who, when, what, on what) —
a refused action too, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from heatbill.adapters.db.screen_queries import Hit
from heatbill.domain.access import Role
from heatbill.domain.errors import HeatbillError, NotFoundError
from heatbill.domain.money import Money
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.parties import Contact, Party, PartyKind
from heatbill.domain.register.readings import ReadingSource
from heatbill.domain.register.relationships import Role as CustomerRole
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.entrypoints.web.context import Staff, Web
from heatbill.entrypoints.web.views import looks_like_cpr
from heatbill.services import (
    collection_cases,
    data_protection,
    payment_plans,
    reading_review,
    securities,
    staff_access,
    staff_views,
)
from heatbill.services.daily_run import DailyReport, DailyRun, run_daily
from heatbill.services.letter_delivery import Channels
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.wording import say

T = TypeVar("T")


def act(
    web: Web,
    staff: Staff,
    needed: Role,
    action: str,
    subject: str,
    detail: str,
    work: Callable[[], T],
) -> T:
    """Check the role, do the work, audit the outcome (refusals too)."""
    try:
        staff.require(needed)
        done = work()
    except HeatbillError as error:
        _audit(web, staff, f"{action}_refused", subject, f"{detail} — {error.message}")
        raise
    _audit(web, staff, action, subject, detail)
    return done


def _audit(web: Web, staff: Staff, action: str, subject: str, detail: str) -> None:
    with web.write() as uow:
        staff_access.audit(uow, staff.utility_id, staff.by, action, subject, detail, web.clock)


def dispute(web: Web, staff: Staff, claim_id: int, reason: str) -> None:
    def work() -> None:
        with web.write() as uow:
            collection_cases.dispute(uow, staff.utility_id, claim_id, reason, staff.by, web.clock)

    act(web, staff, Role.CUSTOMER_SERVICE, "dispute", f"claim:{claim_id}", reason, work)


def lift_dispute(web: Web, staff: Staff, claim_id: int, reason: str) -> None:
    def work() -> None:
        with web.write() as uow:
            collection_cases.lift_dispute(
                uow, staff.utility_id, claim_id, reason, staff.by, web.clock
            )

    act(web, staff, Role.COLLECTIONS, "lift_dispute", f"claim:{claim_id}", reason, work)


def grant_plan(
    web: Web, staff: Staff, claim_ids: list[int], start: date, months: int, reason: str
) -> payment_plans.GrantedPlan:
    command = payment_plans.GrantPlan(tuple(claim_ids), start, months, staff.by, reason)

    def work() -> payment_plans.GrantedPlan:
        with web.write() as uow:
            return payment_plans.grant_plan(staff.utility_id, command, uow, web.clock)

    subject = f"claim:{claim_ids[0]}" if claim_ids else "claim:?"
    detail = say("web.audit.plan", months=months, start=f"{start:%d-%m-%Y}", reason=reason)
    return act(web, staff, Role.COLLECTIONS, "grant_plan", subject, detail, work)


@dataclass(frozen=True, slots=True)
class SecurityGiven:
    customer_id: int
    form: SecurityForm
    amount: Money
    on: date
    provider: str | None = None
    reference: str | None = None
    expires_on: date | None = None
    note: str | None = None


def record_security(web: Web, staff: Staff, given: SecurityGiven) -> int:
    command = securities.RecordSecurity(
        staff.utility_id,
        given.customer_id,
        given.form,
        given.amount,
        staff.by,
        given.on,
        given.provider,
        given.reference,
        given.expires_on,
        given.note,
    )

    def work() -> int:
        with web.write() as uow:
            return securities.record_security(command, uow, web.clock).security_id

    detail = f"{given.form.value} {given.amount.format_da()}"
    subject = f"customer:{given.customer_id}"
    return act(web, staff, Role.COLLECTIONS, "record_security", subject, detail, work)


def report_visit(
    web: Web,
    staff: Staff,
    claim_id: int,
    on: date,
    closed: bool,
    reading_mwh: Decimal | None,
    note: str,
) -> int:
    command = collection_cases.VisitReport(claim_id, on, staff.by, closed, reading_mwh, note)

    def work() -> int:
        with web.write() as uow:
            return collection_cases.report_visit(staff.utility_id, command, uow, web.clock)

    detail = say("web.audit.visit_closed" if closed else "web.audit.visit_avoided")
    return act(web, staff, Role.COLLECTIONS, "report_visit", f"claim:{claim_id}", detail, work)


def order_reopening(web: Web, staff: Staff, claim_id: int) -> str:
    """Order the reopening now if the conditions hold (the daily run's own check); otherwise
    refused with the reason and the clause. Returns the clause."""

    def work() -> str:
        with web.write() as uow:
            return collection_cases.order_reopening(
                uow, staff.utility_id, claim_id, staff.by, web.clock
            )

    return act(web, staff, Role.COLLECTIONS, "order_reopening", f"claim:{claim_id}", "", work)


def decide_reading(
    web: Web,
    staff: Staff,
    reading_id: int,
    accept: bool,
    reason: str,
    corrected: tuple[Decimal, Decimal] | None = None,
) -> None:
    command = reading_review.ReviewReading(staff.utility_id, reading_id, staff.by, reason)

    def work() -> None:
        with web.write() as uow:
            if corrected is not None:
                reading_review.correct_reading(command, *corrected, uow, web.clock)
            elif accept:
                reading_review.accept_reading(command, uow, web.clock)
            else:
                reading_review.reject_reading(command, uow, web.clock)

    action = "correct_reading" if corrected else "accept_reading" if accept else "reject_reading"
    subject = f"reading:{reading_id}"
    act(web, staff, Role.CUSTOMER_SERVICE, action, subject, reason, work)


@dataclass(frozen=True, slots=True)
class MoveForm:
    installation_number: str
    kind: MoveKind
    move_date: date
    notified_on: date
    new_name: str | None = None
    new_email: str | None = None
    new_role: CustomerRole = CustomerRole.TENANT
    energy_mwh: Decimal | None = None
    volume_m3: Decimal | None = None


def register_a_move(web: Web, staff: Staff, form: MoveForm, by: str | None = None) -> bool:
    """Returns whether the notice was late (accepted but flagged, `vestervig 2.16`)."""
    party = None
    if form.new_name and form.new_name.strip():
        party = Party(
            0,
            PartyKind.PERSON,
            form.new_name.strip(),
            Contact(email=(form.new_email or "").strip() or None),
        )
    reading = None
    if form.energy_mwh is not None and form.volume_m3 is not None:
        reading = MoveReading(form.energy_mwh, form.volume_m3, ReadingSource.MANUAL)
    command = RegisterMove(
        staff.utility_id,
        form.installation_number,
        form.kind,
        form.move_date,
        form.notified_on,
        party,
        None,
        form.new_role,
        reading,
    )

    def work() -> bool:
        with web.write() as uow:
            return register_move(command, uow, web.clock).late_notice

    detail = f"{form.kind.value} {form.move_date:%d-%m-%Y}"
    subject = f"installation:{form.installation_number}"
    return act(web, staff, Role.CUSTOMER_SERVICE, "register_move", subject, detail, work)


def search(web: Web, staff: Staff, text: str) -> list[Hit]:
    """Search the register; a search by CPR number is logged (DANISH-RULES.md, data protection)."""
    with web.read() as uow:
        hits = staff_views.search(uow, staff.utility_id, text)
    if looks_like_cpr(text):
        _audit(web, staff, "search_cpr", "search", "")
    return hits


def unmask_cpr(web: Web, staff: Staff, party_id: int) -> str:
    """The CPR number in clear, for customer service and up; every unmasking is logged."""

    def work() -> str:
        with web.read() as uow:
            found = uow.parties(staff.utility_id).get(party_id)
        if found.cpr is None:
            raise NotFoundError(say("web.cpr.none", party=party_id))
        return found.cpr.formatted()

    return act(web, staff, Role.CUSTOMER_SERVICE, "unmask_cpr", f"party:{party_id}", "", work)


def person_export(web: Web, staff: Staff, party_id: int) -> dict[str, object]:
    def work() -> dict[str, object]:
        with web.read() as uow:
            return data_protection.person_export(uow, staff.utility_id, party_id, web.clock.today())

    return act(web, staff, Role.ADMIN, "person_export", f"party:{party_id}", "", work)


def anonymise(web: Web, staff: Staff) -> list[int]:
    def work() -> list[int]:
        with web.write() as uow:
            done = data_protection.anonymise_former_customers(
                uow, staff.utility_id, staff.by, web.clock
            )
        return done.parties

    return act(web, staff, Role.ADMIN, "anonymise_run", "party", "", work)


def run_the_day(web: Web, staff: Staff, on: date, *, dry_run: bool = False) -> DailyReport:
    """The utility's daily run for `on`, started from the browser or the API: the same run as
    `heatbill run daily` (idempotent for its date; a second run at the same time is refused)."""
    settings = web.settings
    channels = None
    if settings.letters_dir is not None:
        channels = Channels(settings.letters_dir, web.mailer)
    run = DailyRun(web.engine, staff.utility_id, settings.inbox, dry_run, channels)

    def work() -> DailyReport:
        return run_daily(run, on)

    detail = f"{on:%d-%m-%Y}{' (prøvekørsel)' if dry_run else ''}"
    return act(web, staff, Role.COLLECTIONS, "daily_run", "run", detail, work)
