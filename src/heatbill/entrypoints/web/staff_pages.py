"""The staff pages (server-rendered, Danish): search, the customer page with the whole
story, the case, the arrears list, today's run, the technicians' visits; and the actions as
forms — each through `actions`, the same functions the API calls.

Forms post back with the session's CSRF token; after an action the browser is sent back to
the page it came from with a message (post/redirect/get).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from heatbill.adapters.db.screen_queries import ArrearsFilter
from heatbill.adapters.formats import values
from heatbill.domain.access import Role
from heatbill.domain.errors import HeatbillError, ValidationError
from heatbill.domain.money import Money
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.entrypoints.web import actions, views
from heatbill.entrypoints.web.context import (
    STAFF_COOKIE,
    Id,
    Staff,
    StaffDep,
    WebDep,
    check_csrf,
    client_of,
)
from heatbill.services import collection_cases, staff_access, staff_views
from heatbill.services.reading_queries import hold_clause
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form()]


def page(request: Request, name: str, staff: Staff | None, **context: object) -> HTMLResponse:
    templates = request.app.state.web.templates
    context.update(
        staff=staff,
        message=request.query_params.get("besked", ""),
        error=request.query_params.get("fejl", ""),
    )
    return templates.TemplateResponse(request, name, context)  # type: ignore[no-any-return]


def back(to: str, *, message: str = "", error: str = "") -> RedirectResponse:
    joiner = "&" if "?" in to else "?"
    if message:
        to += f"{joiner}besked={quote(message)}"
    elif error:
        to += f"{joiner}fejl={quote(error)}"
    return RedirectResponse(to, status_code=303)


def safe_next(target: str) -> str:
    """Only a path on this site (never another host) after login."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


# --- sign in ------------------------------------------------------------------------------
@router.get("/login")
def login_page(request: Request, web: WebDep, next: str = "/") -> HTMLResponse:
    return page(request, "login.html", None, utilities=web.utility_codes(), next=safe_next(next))


@router.post("/login")
def login(
    request: Request,
    web: WebDep,
    username: FormText,
    password: FormText,
    utility: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    try:
        utility_id = web.utility_id(utility or None)
        with web.write() as uow:
            session = staff_access.sign_in(
                uow, utility_id, username, password, client_of(request), web.clock
            )
    except HeatbillError as error:
        return back(f"/login?next={quote(safe_next(next))}", error=error.message)
    response = RedirectResponse(safe_next(next), status_code=303)
    web.set_session(response, STAFF_COOKIE, utility_id, session)
    return response


@router.post("/logout")
def logout(staff: StaffDep, web: WebDep, csrf_token: FormText) -> Response:
    check_csrf(staff.csrf_token, csrf_token)
    with web.write() as uow:
        staff_access.sign_out(uow, staff.utility_id, staff.token, staff.by, web.clock)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(STAFF_COOKIE)
    return response


# --- pages --------------------------------------------------------------------------------
@router.get("/")
def home(request: Request, staff: StaffDep, web: WebDep, q: str = "") -> HTMLResponse:
    hits = []
    if q.strip():
        hits = actions.search(web, staff, q)
    return page(request, "home.html", staff, q=q, hits=hits, today=web.clock.today())


@router.get("/maalested/{number}")
def customer(request: Request, number: str, staff: StaffDep, web: WebDep) -> HTMLResponse:
    on = web.clock.today()
    with web.read() as uow:
        found = staff_views.customer_page(uow, staff.utility_id, number, on)
        clause = hold_clause(uow, staff.utility_id, on)
        audit = uow.access(staff.utility_id).audit_trail(f"installation:{number}", limit=20)
    return page(
        request,
        "customer.html",
        staff,
        p=found,
        clause=clause,
        today=on,
        audit=audit,
        forms=[f.value for f in SecurityForm],
        moves=[k.value for k in MoveKind],
    )


@router.get("/sag/{claim_id}")
def case(request: Request, claim_id: Id, staff: StaffDep, web: WebDep) -> HTMLResponse:
    on = web.clock.today()
    with web.read() as uow:
        found = collection_cases.case_of(uow, staff.utility_id, claim_id, on)
        number = (
            uow.installations(staff.utility_id).installation(found.customer.installation_id).number
        )
        audit = uow.access(staff.utility_id).audit_trail(f"claim:{claim_id}", limit=50)
        months = rulebook_of(uow, staff.utility_id, on).payment_plans.max_months
    return page(
        request,
        "case.html",
        staff,
        c=found,
        number=number,
        months=months,
        today=on,
        audit=audit,
        forms=[f.value for f in SecurityForm],
    )


@router.get("/restancer")
def arrears(
    request: Request,
    staff: StaffDep,
    web: WebDep,
    dage: Annotated[int, Query(ge=1, le=3650)] = 1,
    mindst: str = "",
    tidligere: str = "",
    side: Annotated[int, Query(ge=1, le=100000)] = 1,
) -> HTMLResponse:
    try:
        minimum = Money.parse_da(mindst) if mindst.strip() else Money(0)
    except ValueError:
        minimum = Money(0)
    former = {"ja": True, "nej": False}.get(tidligere)
    wanted = ArrearsFilter(dage, minimum.ore, former, side, 50)
    on = web.clock.today()
    with web.read() as uow:
        lines, count = staff_views.arrears(uow, staff.utility_id, on, wanted, web.arrears)
    pages = max(1, (count + wanted.size - 1) // wanted.size)
    return page(
        request,
        "arrears.html",
        staff,
        lines=lines,
        count=count,
        wanted=wanted,
        mindst=mindst,
        tidligere=tidligere,
        pages=pages,
        today=on,
    )


@router.get("/koersel")
def run_report(
    request: Request, staff: StaffDep, web: WebDep, dato: date | None = None
) -> HTMLResponse:
    on = dato or web.clock.today()
    with web.read() as uow:
        summaries = uow.daily_runs(staff.utility_id).summaries(on)
    return page(
        request,
        "run.html",
        staff,
        on=on,
        summaries=[views.run_step(step, text) for step, text in summaries.items()],
        before=on - timedelta(days=1),
        after=on + timedelta(days=1),
    )


@router.post("/koersel")
def run_day(
    staff: StaffDep, web: WebDep, csrf_token: FormText, dato: FormText,
    preview: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    """Run the utility's day from the browser: the same run as `heatbill run daily`."""
    day = _day(dato, "on")

    def work() -> str:
        report = actions.run_the_day(web, staff, day, dry_run=preview == "ja")
        done = sum(s.done for s in report.steps)
        key = "web.done.run_preview" if preview == "ja" else "web.done.run"
        return say(key, day=f"{day:%d-%m-%Y}", done=done)

    return _do(staff, csrf_token, f"/koersel?dato={day.isoformat()}", work)


@router.get("/besoeg")
def visits(request: Request, staff: StaffDep, web: WebDep) -> HTMLResponse:
    on = web.clock.today()
    with web.read() as uow:
        found = staff_views.visits(uow, staff.utility_id, on)
    return page(request, "visits.html", staff, visits=found, today=on)


@router.get("/revision")
def audit_page(request: Request, staff: StaffDep, web: WebDep) -> HTMLResponse:
    staff.require(Role.ADMIN)
    with web.read() as uow:
        rows = staff_access.audit_trail(uow, staff.utility_id)
    return page(request, "audit.html", staff, rows=rows)


# --- actions ------------------------------------------------------------------------------
def _do(staff: Staff, csrf_token: str, to: str, work: object) -> Response:
    check_csrf(staff.csrf_token, csrf_token)
    try:
        message = work()  # type: ignore[operator]
    except HeatbillError as error:
        return back(to, error=error.message)
    return back(to, message=str(message))


@router.post("/sag/{claim_id}/indsigelse")
def dispute(
    claim_id: Id, staff: StaffDep, web: WebDep, csrf_token: FormText, reason: FormText
) -> Response:
    def work() -> str:
        actions.dispute(web, staff, claim_id, reason)
        return say("web.done.disputed")

    return _do(staff, csrf_token, f"/sag/{claim_id}", work)


@router.post("/sag/{claim_id}/ophaev")
def lift(
    claim_id: Id, staff: StaffDep, web: WebDep, csrf_token: FormText, reason: FormText
) -> Response:
    def work() -> str:
        actions.lift_dispute(web, staff, claim_id, reason)
        return say("web.done.lifted")

    return _do(staff, csrf_token, f"/sag/{claim_id}", work)


@router.post("/sag/{claim_id}/afdrag")
def plan(
    claim_id: Id,
    staff: StaffDep,
    web: WebDep,
    csrf_token: FormText,
    start: FormText,
    months: FormText,
    reason: Annotated[str, Form()] = "",
) -> Response:
    def work() -> str:
        granted = actions.grant_plan(
            web, staff, [claim_id], _day(start, "start"), _int(months, "months"), reason
        )
        first = granted.grant.installments[0]
        return say(
            "web.done.plan",
            count=len(granted.grant.installments),
            amount=first.amount.format_da(),
            first=f"{first.due:%d-%m-%Y}",
        )

    return _do(staff, csrf_token, f"/sag/{claim_id}", work)


@router.post("/sag/{claim_id}/besoeg")
def visit(
    claim_id: Id,
    staff: StaffDep,
    web: WebDep,
    csrf_token: FormText,
    on: FormText,
    outcome: FormText,
    reading: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    def work() -> str:
        mwh = _decimal(reading, "reading") if reading.strip() else None
        actions.report_visit(web, staff, claim_id, _day(on, "on"), outcome == "lukket", mwh, note)
        return say("web.done.visit")

    return _do(staff, csrf_token, f"/sag/{claim_id}", work)


@router.post("/sag/{claim_id}/genaabn")
def reopen(claim_id: Id, staff: StaffDep, web: WebDep, csrf_token: FormText) -> Response:
    def work() -> str:
        clause = actions.order_reopening(web, staff, claim_id)
        return say("web.done.reopening", clause=clause)

    return _do(staff, csrf_token, f"/sag/{claim_id}", work)


@router.post("/kunde/{customer_id}/sikkerhed")
def security(
    customer_id: Id,
    staff: StaffDep,
    web: WebDep,
    csrf_token: FormText,
    form: FormText,
    amount: FormText,
    on: FormText,
    back_to: FormText,
    provider: Annotated[str, Form()] = "",
    reference: Annotated[str, Form()] = "",
) -> Response:
    def work() -> str:
        given = actions.SecurityGiven(
            customer_id,
            _choice(form),
            _money(amount),
            _day(on, "on"),
            provider.strip() or None,
            reference.strip() or None,
        )
        actions.record_security(web, staff, given)
        return say("web.done.security")

    return _do(staff, csrf_token, safe_next(back_to), work)


@router.post("/maalested/{number}/flytning")
def move(
    number: str,
    staff: StaffDep,
    web: WebDep,
    csrf_token: FormText,
    kind: FormText,
    move_date: FormText,
    notified_on: FormText,
    new_name: Annotated[str, Form()] = "",
    new_email: Annotated[str, Form()] = "",
    energy: Annotated[str, Form()] = "",
    volume: Annotated[str, Form()] = "",
) -> Response:
    def work() -> str:
        form = actions.MoveForm(
            number,
            MoveKind(kind),
            _day(move_date, "move_date"),
            _day(notified_on, "notified_on"),
            new_name or None,
            new_email or None,
            energy_mwh=_decimal(energy, "energy") if energy.strip() else None,
            volume_m3=_decimal(volume, "volume") if volume.strip() else None,
        )
        late = actions.register_a_move(web, staff, form)
        return say("web.done.move_late" if late else "web.done.move")

    return _do(staff, csrf_token, f"/maalested/{quote(number)}", work)


@router.post("/aflaesning/{reading_id}")
def reading(
    reading_id: Id,
    staff: StaffDep,
    web: WebDep,
    csrf_token: FormText,
    decision: FormText,
    reason: FormText,
    back_to: FormText,
    energy: Annotated[str, Form()] = "",
    volume: Annotated[str, Form()] = "",
) -> Response:
    def work() -> str:
        corrected = None
        if decision == "ret":
            corrected = (_decimal(energy, "energy"), _decimal(volume, "volume"))
        actions.decide_reading(web, staff, reading_id, decision == "godkend", reason, corrected)
        return say(f"web.done.reading_{decision}")

    return _do(staff, csrf_token, safe_next(back_to), work)


@router.post("/part/{party_id}/cpr")
def unmask(
    party_id: Id, staff: StaffDep, web: WebDep, csrf_token: FormText, back_to: FormText
) -> Response:
    def work() -> str:
        return say("web.done.cpr", cpr=actions.unmask_cpr(web, staff, party_id))

    return _do(staff, csrf_token, safe_next(back_to), work)


# --- form values --------------------------------------------------------------------------
def _day(text: str, field: str) -> date:
    found = values.parse_date(text.strip())
    if found is None:
        raise ValidationError(say("web.form.date", field=say(f"web.field.{field}"), got=text))
    return found


def _int(text: str, field: str) -> int:
    if not text.strip().isdigit():
        raise ValidationError(say("web.form.number", field=say(f"web.field.{field}"), got=text))
    return int(text)


def _decimal(text: str, field: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(".", "").replace(",", "."))
    except InvalidOperation as error:
        raise ValidationError(
            say("web.form.number", field=say(f"web.field.{field}"), got=text)
        ) from error
    if not value.is_finite() or value < 0:
        raise ValidationError(say("web.form.number", field=say(f"web.field.{field}"), got=text))
    return value


def _money(text: str) -> Money:
    try:
        return Money.parse_da(text)
    except ValueError as error:
        raise ValidationError(say("web.form.amount", got=text)) from error


def _choice(text: str) -> SecurityForm:
    try:
        return SecurityForm(text)
    except ValueError as error:
        raise ValidationError(say("web.form.choice", got=text)) from error
