"""The customer portal (`/portal`, `solrod 5.4`): sign in with the installation's pin code or
a one-time e-mail link; then the customer's own installation and nothing else."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from heatbill.adapters.formats import values
from heatbill.domain.errors import HeatbillError, ValidationError
from heatbill.entrypoints.web.context import (
    PORTAL_COOKIE,
    CustomerDep,
    Id,
    WebDep,
    check_csrf,
    client_of,
)
from heatbill.entrypoints.web.staff_pages import back, page
from heatbill.services import portal, portal_access, staff_access
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

router = APIRouter(prefix="/portal", include_in_schema=False)
FormText = Annotated[str, Form()]


@router.get("/login")
def login_page(request: Request, web: WebDep) -> HTMLResponse:
    return page(request, "portal_login.html", None, utilities=web.utility_codes(), link=None)


@router.post("/login")
def login(
    request: Request,
    web: WebDep,
    number: FormText,
    pin: FormText,
    utility: Annotated[str, Form()] = "",
) -> Response:
    try:
        utility_id = web.utility_id(utility or None)
        with web.write() as uow:
            session = portal_access.pin_sign_in(
                uow, utility_id, number, pin, client_of(request), web.clock
            )
    except HeatbillError as error:
        return back("/portal/login", error=error.message)
    response = RedirectResponse("/portal", status_code=303)
    web.set_session(response, PORTAL_COOKIE, utility_id, session, path="/portal")
    return response


@router.post("/link")
def ask_link(
    request: Request,
    web: WebDep,
    number: FormText,
    email: FormText,
    utility: Annotated[str, Form()] = "",
) -> Response:
    try:
        utility_id = web.utility_id(utility or None)
        with web.write() as uow:
            link = portal_access.request_link(
                uow,
                utility_id,
                portal_access.LinkRequest(number, email, web.settings.base_url),
                client_of(request),
                web.mailer,
                web.clock,
            )
    except HeatbillError as error:
        return back("/portal/login", error=error.message)
    if link is not None and web.settings.development:
        # No mail server in development: show the link instead of sending it.
        return page(
            request,
            "portal_login.html",
            None,
            utilities=web.utility_codes(),
            link=link,
            message=say("web.portal.link_dev"),
        )
    return back("/portal/login", message=say("web.portal.link_sent"))


@router.get("/link/{utility_id}/{token}")
def use_link(utility_id: Id, token: str, web: WebDep) -> Response:
    try:
        with web.write() as uow:
            session = portal_access.link_sign_in(uow, utility_id, token, web.clock)
    except HeatbillError as error:
        return back("/portal/login", error=error.message)
    response = RedirectResponse("/portal", status_code=303)
    web.set_session(response, PORTAL_COOKIE, utility_id, session, path="/portal")
    return response


@router.post("/logout")
def logout(customer: CustomerDep, web: WebDep, csrf_token: FormText) -> Response:
    check_csrf(customer.csrf_token, csrf_token)
    with web.write() as uow:
        staff_access.sign_out(
            uow,
            customer.user.utility_id,
            customer.token,
            f"portal:{customer.user.installation_number}",
            web.clock,
        )
    response = RedirectResponse("/portal/login", status_code=303)
    response.delete_cookie(PORTAL_COOKIE, path="/portal")
    return response


@router.get("")
def home(request: Request, customer: CustomerDep, web: WebDep) -> HTMLResponse:
    on = web.clock.today()
    with web.read() as uow:
        found = portal.overview(uow, customer.user, on)
        months = rulebook_of(uow, customer.user.utility_id, on).payment_plans.max_months
    return page(
        request,
        "portal_home.html",
        None,
        customer=customer,
        p=found.page,
        letters=found.letters,
        forecast=found.forecast,
        months=months.value,
        today=on,
    )


@router.get("/brev/{letter_id}.pdf")
def letter(letter_id: Id, customer: CustomerDep, web: WebDep) -> Response:
    with web.read() as uow:
        pdf = portal.letter_pdf(uow, customer.user, letter_id, web.clock.today())
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="brev-{letter_id}.pdf"'},
    )


@router.post("/flytning")
def move(customer: CustomerDep, web: WebDep, csrf_token: FormText, move_date: FormText) -> Response:
    check_csrf(customer.csrf_token, csrf_token)
    try:
        with web.write() as uow:
            late = portal.report_move(uow, customer.user, _day(move_date), web.clock)
    except HeatbillError as error:
        return back("/portal", error=error.message)
    return back("/portal", message=say("web.portal.move_late" if late else "web.portal.move_ok"))


@router.post("/afdrag")
def plan(
    customer: CustomerDep,
    web: WebDep,
    csrf_token: FormText,
    start: FormText,
    months: FormText,
    note: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(customer.csrf_token, csrf_token)
    try:
        if not months.strip().isdigit():
            raise ValidationError(say("web.form.number", field=say("web.field.months"), got=months))
        with web.write() as uow:
            portal.ask_for_plan(uow, customer.user, _day(start), int(months), note, web.clock)
    except HeatbillError as error:
        return back("/portal", error=error.message)
    return back("/portal", message=say("web.portal.plan_asked"))


@router.post("/kontakt")
def contact(
    customer: CustomerDep,
    web: WebDep,
    csrf_token: FormText,
    email: Annotated[str, Form()] = "",
    mobile: Annotated[str, Form()] = "",
    digital_post: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(customer.csrf_token, csrf_token)
    try:
        with web.write() as uow:
            portal.update_contact(
                uow, customer.user, email, mobile, digital_post == "ja", web.clock
            )
    except HeatbillError as error:
        return back("/portal", error=error.message)
    return back("/portal", message=say("web.portal.contact_saved"))


def _day(text: str) -> date:
    found = values.parse_date(text.strip())
    if found is None:
        raise ValidationError(say("web.form.date", field=say("web.field.move_date"), got=text))
    return found


__all__ = ["quote", "router"]
