"""The REST API (`/api`, OpenAPI at `/openapi.json`): what staff do, as JSON.

Sign in with `POST /api/session` (sets the session cookie, returns the CSRF token); every
write then carries the token in `X-CSRF-Token`. Errors are `{"error": {"code", "message"}}`
with a stable code (`errors.py`). Amounts are integer øre (`*_ore`), dates ISO 8601.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from heatbill.adapters.db.screen_queries import ArrearsFilter
from heatbill.domain.access import Role
from heatbill.domain.money import Money
from heatbill.domain.plain_values import plain
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.relationships import Role as CustomerRole
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.entrypoints.cli import bill_view
from heatbill.entrypoints.cli.arguments import iso, party_json
from heatbill.entrypoints.cli.case_view import case_json, next_json
from heatbill.entrypoints.cli.customer_view import file_json
from heatbill.entrypoints.cli.reading_view import reading_json
from heatbill.entrypoints.web import actions, views
from heatbill.entrypoints.web.context import (
    MAX_ID,
    STAFF_COOKIE,
    Id,
    Staff,
    StaffDep,
    WebDep,
    api_csrf,
    client_of,
)
from heatbill.services import (
    collection_cases,
    payment_clarification,
    payment_plans,
    securities,
    staff_access,
    staff_views,
)
from heatbill.services.bill_queries import bill_file
from heatbill.services.reading_queries import hold_clause, reading_lines
from heatbill.services.reports import statement_report

router = APIRouter(prefix="/api", tags=["api"])
Writer = Annotated[Staff, Depends(api_csrf)]
Json = dict[str, Any]


class SignIn(BaseModel):
    username: str = Field(max_length=40)
    password: str = Field(max_length=200)
    utility: str | None = Field(default=None, max_length=40)


@router.post("/session", summary="Log ind (staff)")
def sign_in(body: SignIn, request: Request, response: Response, web: WebDep) -> Json:
    utility_id = web.utility_id(body.utility)
    with web.write() as uow:
        session = staff_access.sign_in(
            uow, utility_id, body.username, body.password, client_of(request), web.clock
        )
    web.set_session(response, STAFF_COOKIE, utility_id, session)
    return {"csrf_token": session.csrf_token, "expires_at": session.expires_at.isoformat()}


@router.delete("/session", summary="Log ud")
def sign_out(staff: Writer, response: Response, web: WebDep) -> Json:
    with web.write() as uow:
        staff_access.sign_out(uow, staff.utility_id, staff.token, staff.by, web.clock)
    response.delete_cookie(STAFF_COOKIE)
    return {"signed_out": True}


@router.get("/me", summary="Den indloggede medarbejder")
def me(staff: StaffDep) -> Json:
    user = staff.user
    return {"username": user.username, "name": user.name, "role": user.role.value}


@router.get("/search", summary="Søg kunder: navn, adresse, målested, telefon eller CPR (præcis)")
def search(staff: StaffDep, web: WebDep, q: Annotated[str, Query(max_length=100)]) -> Json:
    hits = actions.search(web, staff, q)
    return {"hits": [views.hit_json(h) for h in hits]}


@router.get("/installations/{number}", summary="Målestedet med hele historikken")
def installation(number: str, staff: StaffDep, web: WebDep) -> Json:
    on = web.clock.today()
    with web.read() as uow:
        page = staff_views.customer_page(uow, staff.utility_id, number, on)
        clause = hold_clause(uow, staff.utility_id, on)
    found = file_json(page.file, clause, 24)
    found["current_customer_id"] = (
        None if page.current is None else page.current.relationship.relationship_id
    )
    found["bills"] = [bill_view.head_json(b) for b in page.bills]
    found["cases"] = [case_json(c) for c in page.cases]
    found["use"] = [views.use_json(u) for u in page.use]
    return found


@router.get("/installations/{number}/readings", summary="Aflæsninger for et målested")
def readings(number: str, staff: StaffDep, web: WebDep) -> Json:
    on = web.clock.today()
    with web.read() as uow:
        lines = reading_lines(uow, staff.utility_id, installation_number=number)
        clause = hold_clause(uow, staff.utility_id, on)
    return {"readings": [reading_json(line, clause) for line in lines]}


@router.get("/bills/{number}", summary="En regning")
def bill(number: str, staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        found = bill_file(uow, staff.utility_id, number)
    return bill_view.file_json(found)


@router.get("/customers/{customer_id}/ledger", summary="Kontoudtog med åbne poster")
def ledger(
    customer_id: Id,
    staff: StaffDep,
    web: WebDep,
    first: date | None = None,
    last: date | None = None,
) -> Json:
    on = web.clock.today()
    last = last or on
    first = first or date(last.year, 1, 1)
    with web.read() as uow:
        found = statement_report(uow, staff.utility_id, customer_id, first, last)
    return views.statement_json(found.statement)


@router.get("/payments/unmatched", summary="Afklaringslisten: indbetalinger uden match")
def unmatched(staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        found = payment_clarification.unmatched_payments(uow, staff.utility_id)
    return {"payments": [plain(p) for p in found]}


@router.get("/cases", summary="Krav i restance med næste trin")
def cases(staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        found = collection_cases.cases(uow, staff.utility_id, web.clock.today())
    return {
        "cases": [
            {
                "claim_id": c.claim_id,
                "customer_id": c.customer_id,
                "reference": c.reference,
                "owed_ore": c.owed.ore,
                "disputed": c.disputed,
                "closed": c.closed,
                "next": next_json(n),
            }
            for c, n in found
        ]
    }


@router.get("/cases/{claim_id}", summary="Sagen: trin, paragraffer og hvad der sker nu")
def case(claim_id: Id, staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        found = collection_cases.case_of(uow, staff.utility_id, claim_id, web.clock.today())
    return case_json(found)


class Reason(BaseModel):
    reason: str = Field(min_length=1, max_length=400)


@router.post("/cases/{claim_id}/dispute", summary="Registrér indsigelse")
def dispute(claim_id: Id, body: Reason, staff: Writer, web: WebDep) -> Json:
    actions.dispute(web, staff, claim_id, body.reason)
    return case(claim_id, staff, web)


@router.post("/cases/{claim_id}/lift", summary="Ophæv indsigelse")
def lift(claim_id: Id, body: Reason, staff: Writer, web: WebDep) -> Json:
    actions.lift_dispute(web, staff, claim_id, body.reason)
    return case(claim_id, staff, web)


class PlanBody(BaseModel):
    claim_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        default_factory=list, max_length=50
    )
    start: date
    months: int = Field(ge=1, le=60)
    reason: str = Field(default="", max_length=400)


@router.post("/cases/{claim_id}/plan", summary="Bevilg en afdragsordning")
def grant_plan(claim_id: Id, body: PlanBody, staff: Writer, web: WebDep) -> Json:
    ids = sorted({claim_id, *body.claim_ids})
    granted = actions.grant_plan(web, staff, ids, body.start, body.months, body.reason)
    return views.plan_json(granted)


class VisitBody(BaseModel):
    on: date
    closed: bool
    reading_mwh: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=3)
    note: str = Field(default="", max_length=400)


@router.post("/cases/{claim_id}/visit", summary="Meld lukkebesøget")
def visit(claim_id: Id, body: VisitBody, staff: Writer, web: WebDep) -> Json:
    step = actions.report_visit(
        web, staff, claim_id, body.on, body.closed, body.reading_mwh, body.note
    )
    return {"step_no": step}


@router.post("/cases/{claim_id}/reopening", summary="Bestil genåbning nu")
def reopening(claim_id: Id, staff: Writer, web: WebDep) -> Json:
    clause = actions.order_reopening(web, staff, claim_id)
    return {"ordered": True, "clause": clause}


class SecurityBody(BaseModel):
    customer_id: int = Field(ge=1, le=MAX_ID)
    form: SecurityForm
    amount_ore: int = Field(gt=0, le=10**11)
    on: date
    provider: str | None = Field(default=None, max_length=200)
    reference: str | None = Field(default=None, max_length=100)
    expires_on: date | None = None
    note: str | None = Field(default=None, max_length=400)


@router.post("/securities", summary="Registrér en sikkerhedsstillelse")
def record_security(body: SecurityBody, staff: Writer, web: WebDep) -> Json:
    given = actions.SecurityGiven(
        body.customer_id,
        body.form,
        Money(body.amount_ore),
        body.on,
        body.provider,
        body.reference,
        body.expires_on,
        body.note,
    )
    return {"security_id": actions.record_security(web, staff, given)}


@router.get("/securities", summary="Krav om og stillede sikkerheder")
def security_list(staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        demands, given = securities.security_list(uow, staff.utility_id)
    return {
        "demands": [plain(d) for d in demands],
        "securities": [plain(s) for s in given],
    }


@router.get("/plans", summary="Afdragsordninger og anmodninger")
def plans(staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        found, requests = payment_plans.plans_and_requests(uow, staff.utility_id)
    return {
        "plans": [plain(p) for p in found],
        "requests": [plain(r) for r in requests],
    }


class ReadingDecision(BaseModel):
    accept: bool = True
    reason: str = Field(min_length=1, max_length=400)
    energy_mwh: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=3)
    volume_m3: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=3)


@router.post("/readings/{reading_id}/decision", summary="Godkend, afvis eller ret en aflæsning")
def decide(reading_id: Id, body: ReadingDecision, staff: Writer, web: WebDep) -> Json:
    corrected = None
    if body.energy_mwh is not None and body.volume_m3 is not None:
        corrected = (body.energy_mwh, body.volume_m3)
    actions.decide_reading(web, staff, reading_id, body.accept, body.reason, corrected)
    return {"decided": True}


class MoveBody(BaseModel):
    installation_number: str = Field(max_length=40)
    kind: MoveKind
    move_date: date
    notified_on: date
    new_name: str | None = Field(default=None, max_length=200)
    new_email: str | None = Field(default=None, max_length=200)
    new_role: CustomerRole = CustomerRole.TENANT
    energy_mwh: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=3)
    volume_m3: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=3)


@router.post("/moves", summary="Registrér en flytning eller et ejerskifte")
def move(body: MoveBody, staff: Writer, web: WebDep) -> Json:
    form = actions.MoveForm(**body.model_dump())
    return {"late_notice": actions.register_a_move(web, staff, form)}


@router.get("/arrears", summary="Restancelisten med aldersfordeling")
def arrears(
    staff: StaffDep,
    web: WebDep,
    min_days: Annotated[int, Query(ge=1, le=3650)] = 1,
    min_ore: Annotated[int, Query(ge=0, le=10**11)] = 0,
    former: bool | None = None,
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
    size: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Json:
    wanted = ArrearsFilter(min_days, min_ore, former, page, size)
    with web.read() as uow:
        lines, count = staff_views.arrears(
            uow, staff.utility_id, web.clock.today(), wanted, web.arrears
        )
    return {"count": count, "page": page, "lines": [views.arrears_json(x) for x in lines]}


@router.get("/visits", summary="Teknikernes liste: lukke- og genåbningsbesøg")
def visits(staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        found = staff_views.visits(uow, staff.utility_id, web.clock.today())
    return {"visits": [views.visit_json(v) for v in found]}


@router.get("/runs/{on}", summary="Den daglige kørsel for en dato")
def run_report(on: date, staff: StaffDep, web: WebDep) -> Json:
    with web.read() as uow:
        summaries = uow.daily_runs(staff.utility_id).summaries(on)
    return {"date": iso(on), "steps": summaries}


@router.post("/runs/{on}", summary="Kør dagens kørsel (samme kørsel som heatbill run daily)")
def run_day(on: date, staff: Writer, web: WebDep, dry_run: bool = False) -> Json:
    report = actions.run_the_day(web, staff, on, dry_run=dry_run)
    return {"date": iso(report.day), "dry_run": dry_run, "steps": [plain(s) for s in report.steps]}


@router.get("/rulebook", summary="Værkets regelsæt med paragraffer")
def rulebook(staff: StaffDep, web: WebDep) -> Json:
    return views.rulebook_json(web, staff.utility_id)


@router.get("/audit", summary="Revisionsspor (admin)")
def audit(staff: StaffDep, web: WebDep, subject: str | None = None) -> Json:
    staff.require(Role.ADMIN)
    with web.read() as uow:
        rows = staff_access.audit_trail(uow, staff.utility_id, subject)
    return {"events": [plain(r) for r in rows]}


@router.get("/parties/{party_id}/cpr", summary="Vis CPR-nummer (logges)")
def unmask(party_id: Id, staff: StaffDep, web: WebDep) -> Json:
    return {"cpr": actions.unmask_cpr(web, staff, party_id)}


@router.get("/parties/{party_id}/export", summary="Indsigt: alt om en person (admin)")
def export(party_id: Id, staff: StaffDep, web: WebDep) -> Json:
    return actions.person_export(web, staff, party_id)


__all__ = ["party_json", "router"]
