"""The administrator's pages: staff users and roles, and data protection — a person's data
for the right of access, and the anonymisation of former customers (`solrod 7.5`)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from heatbill.domain.access import Role
from heatbill.domain.errors import HeatbillError
from heatbill.entrypoints.web import actions
from heatbill.entrypoints.web.context import StaffDep, WebDep, check_csrf
from heatbill.entrypoints.web.staff_pages import back, page
from heatbill.services import data_protection, staff_access
from heatbill.wording import say

router = APIRouter(prefix="/admin", include_in_schema=False)
FormText = Annotated[str, Form()]


@router.get("")
def admin(request: Request, staff: StaffDep, web: WebDep) -> HTMLResponse:
    staff.require(Role.ADMIN)
    with web.read() as uow:
        users = staff_access.staff_users(uow, staff.utility_id)
        preview = data_protection.anonymise_former_customers(
            uow, staff.utility_id, staff.by, web.clock, dry_run=True
        )
    return page(request, "admin.html", staff, users=users, roles=[r.value for r in Role],
                preview=preview)  # fmt: skip


@router.post("/medarbejder")
def add_user(staff: StaffDep, web: WebDep, csrf_token: FormText, username: FormText,
             name: FormText, role: FormText, password: FormText) -> Response:  # fmt: skip
    check_csrf(staff.csrf_token, csrf_token)

    def work() -> None:
        with web.write() as uow:
            staff_access.add_staff_user(
                uow, staff.utility_id, username, name, Role(role), password, web.clock
            )

    try:
        actions.act(web, staff, Role.ADMIN, "add_staff_user", f"staff:{username}", role, work)
    except (HeatbillError, ValueError) as error:
        return back("/admin", error=getattr(error, "message", str(error)))
    return back("/admin", message=say("web.staff.added", username=username.lower(),
                                      role=say(f"web.role.{role}")))  # fmt: skip


@router.post("/indsigt")
def export(staff: StaffDep, web: WebDep, csrf_token: FormText, party_id: FormText) -> Response:
    check_csrf(staff.csrf_token, csrf_token)
    if not party_id.strip().isdigit():
        return back("/admin", error=say("web.form.number", field="part", got=party_id))
    try:
        found = actions.person_export(web, staff, int(party_id))
    except HeatbillError as error:
        return back("/admin", error=error.message)
    return Response(
        json.dumps(found, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="indsigt-part-{party_id}.json"'},
    )


@router.post("/anonymiser")
def anonymise(staff: StaffDep, web: WebDep, csrf_token: FormText) -> Response:
    check_csrf(staff.csrf_token, csrf_token)
    try:
        done = actions.anonymise(web, staff)
    except HeatbillError as error:
        return back("/admin", error=error.message)
    return back("/admin", message=say("web.admin.anonymised", count=len(done)))
