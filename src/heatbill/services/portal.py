"""What a customer sees and does in the portal (`solrod 5.4`), for their own installation
only: readings with the use against the expected, bills and letters, the balance, a forecast
of the annual settlement; report a move, ask for a payment plan, update contact details.

Every function takes the installation the session belongs to; nothing here accepts another
installation's id from the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.letter_documents import SqlLetterDocuments
from heatbill.adapters.db.screen_queries import ScreenQueries
from heatbill.domain.access import PortalUser
from heatbill.domain.billing.forecast import Forecast, settlement_forecast
from heatbill.domain.degree_days import table_of
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.parties import Contact
from heatbill.domain.register.readings import ReadingStatus
from heatbill.services.moves import RegisterMove, register_move
from heatbill.services.payment_plans import RequestPlan, request_plan
from heatbill.services.register_queries import LetterLine
from heatbill.services.staff_views import CustomerPage, customer_page
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of
from heatbill.wording import say

PORTAL_BY = "portal"


@dataclass(frozen=True, slots=True)
class PortalPage:
    page: CustomerPage
    letters: list[LetterLine]
    """The current customer's own letters only."""
    forecast: Forecast | None


def overview(uow: UnitOfWork, user: PortalUser, on: date) -> PortalPage:
    page = customer_page(uow, user.utility_id, user.installation_number, on)
    own = _current(page)
    letters = [x for x in page.file.letters if x.request.relationship_id == own]
    page = _only_own(page, own)
    return PortalPage(page, letters, _forecast(uow, user, page, on))


def _current(page: CustomerPage) -> int:
    if page.current is None:
        raise NotFoundError(say("web.portal.no_customer"))
    return page.current.relationship.relationship_id


def _only_own(page: CustomerPage, own: int) -> CustomerPage:
    """The current customer sees their own bills and cases, never a predecessor's."""
    return CustomerPage(
        page.file,
        page.current,
        page.statement,
        [b for b in page.bills if b.customer_id == own],
        [c for c in page.cases if c.claim.customer_id == own],
        [u for u in page.use if u.end > page.current.relationship.start]
        if page.current is not None
        else [],
    )


def _forecast(uow: UnitOfWork, user: PortalUser, page: CustomerPage, on: date) -> Forecast | None:
    if page.current is None:
        return None
    budgets = ScreenQueries(uow.connection, user.utility_id).budget_use(
        [page.current.relationship.relationship_id]
    )
    year = on.year
    if year not in budgets:
        return None
    accepted = [
        line.recorded.reading
        for line in page.file.readings
        if line.recorded.status is ReadingStatus.ACCEPTED
    ]
    start = [r for r in accepted if r.read_on == date(year - 1, 12, 31)]
    latest = [r for r in accepted if r.read_on.year == year and r.read_on <= on]
    if not start or not latest:
        return None
    first, last = start[-1], max(latest, key=lambda r: r.read_on)
    if first.meter_id != last.meter_id:
        return None  # a meter change this year: the forecast would mix two registers
    rate = tariffs_of(uow, user.utility_id, on).period_on(on).energy_rate.value
    share = rulebook_of(uow, user.utility_id, on).metering.hot_water_share_percent.value
    table = table_of(uow.readings(user.utility_id).degree_days())
    through = date.fromordinal(last.read_on.toordinal() + 1)
    used = last.energy_mwh - first.energy_mwh
    return settlement_forecast(year, used, through, budgets[year], rate, table, share)


def letter_pdf(uow: UnitOfWork, user: PortalUser, letter_id: int, on: date) -> bytes:
    """A letter exactly as sent — only if it was sent to this installation's customer."""
    page = overview(uow, user, on)
    if letter_id not in {x.letter_id for x in page.letters}:
        raise NotFoundError(say("web.portal.no_letter", letter=letter_id))
    return SqlLetterDocuments(uow.connection, user.utility_id).document(letter_id).pdf


def report_move(uow: UnitOfWork, user: PortalUser, move_date: date, clock: Clock) -> bool:
    """The customer leaves on `move_date` (notice today); returns whether it was late."""
    command = RegisterMove(
        user.utility_id, user.installation_number, MoveKind.MOVE_OUT, move_date, clock.today()
    )
    late = register_move(command, uow, clock).late_notice
    uow.access(user.utility_id).audit(
        clock.now(),
        f"portal:{user.installation_number}",
        "register_move",
        f"installation:{user.installation_number}",
        f"move_out {move_date:%d-%m-%Y}",
    )
    uow.commit()
    return late


def ask_for_plan(  # noqa: PLR0917 - the request's facts
    uow: UnitOfWork, user: PortalUser, start: date, months: int, note: str, clock: Clock
) -> int:
    page = overview(uow, user, clock.today())
    claims = tuple(c.claim.claim_id for c in page.page.owed_cases)
    if not claims:
        raise ValidationError(say("web.portal.nothing_overdue"))
    return request_plan(
        user.utility_id, RequestPlan(claims, start, months, note, PORTAL_BY), uow, clock
    )


def update_contact(  # noqa: PLR0917 - the new details
    uow: UnitOfWork, user: PortalUser, email: str, mobile: str, digital_post: bool, clock: Clock
) -> None:
    page = customer_page(uow, user.utility_id, user.installation_number, clock.today())
    if page.current is None:
        raise NotFoundError(say("web.portal.no_customer"))
    party = page.current.party
    contact = Contact(
        email=email.strip() or None,
        mobile=mobile.strip() or None,
        digital_post=digital_post,
        digital_post_exempt=party.contact.digital_post_exempt,
    )
    uow.parties(user.utility_id).update_contact(party.party_id, contact)
    uow.access(user.utility_id).audit(
        clock.now(),
        f"portal:{user.installation_number}",
        "update_contact",
        f"party:{party.party_id}",
        "",
    )
    uow.commit()
