"""What every request needs: the database, the business date, who is signed in, and the
checks at the door (role, CSRF) — as FastAPI dependencies.

A session cookie holds `<utility id>.<token>`; the token's digest is looked up in the
database, never trusted from the cookie alone. Writes need the session's CSRF token: a
hidden form field on pages, the `X-CSRF-Token` header in the API.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated

from fastapi import Depends, Path, Request, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from heatbill.adapters.clock import Clock, SystemClock
from heatbill.adapters.letters.smtp_mail import SmtpMailer
from heatbill.domain.access import (
    ForbiddenError,
    NotSignedInError,
    PortalUser,
    Role,
    StaffUser,
    allows,
)
from heatbill.domain.errors import NotFoundError
from heatbill.entrypoints.web.settings import WebSettings
from heatbill.services import staff_access
from heatbill.services.arrears_list import ArrearsList
from heatbill.services.staff_access import Session, SignedIn
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

STAFF_COOKIE = "hb_staff"
PORTAL_COOKIE = "hb_portal"
CSRF_HEADER = "X-CSRF-Token"
MAX_ID = 2**63 - 1
"""Ids are BIGINT on both databases: a larger number is refused as input (422), never sent to
the database to overflow there."""
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


class BusinessClock:
    """The real clock, or one whose date is fixed (the demo year): timestamps stay real."""

    def __init__(self, fixed: date | None) -> None:
        self._fixed = fixed
        self._system = SystemClock()

    def now(self) -> datetime:
        return self._system.now()

    def today(self) -> date:
        return self._fixed or self._system.today()


@dataclass
class Web:
    engine: Engine
    settings: WebSettings
    templates: Jinja2Templates
    clock: Clock
    mailer: SmtpMailer | None = None
    arrears: ArrearsList = field(default_factory=ArrearsList)
    """The arrears list's pages; on PostgreSQL it reuses rankings until the next change."""

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        with UnitOfWork(self.engine, write=False) as uow:
            yield uow

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        with UnitOfWork(self.engine) as uow:
            yield uow

    def utility_codes(self) -> list[tuple[int, str, str]]:
        with self.read() as uow:
            return [(u.utility_id, u.code, u.name) for u in uow.utilities.all()]

    def utility_id(self, code: str | None) -> int:
        """The utility named, or the only one there is."""
        known = self.utility_codes()
        if code:
            for utility_id, found, _ in known:
                if found == code:
                    return utility_id
            raise NotFoundError(say("web.utility.unknown", code=code))
        if len(known) == 1:
            return known[0][0]
        raise NotFoundError(say("web.utility.choose"))

    def set_session(
        self, response: Response, name: str, utility_id: int, session: Session, path: str = "/"
    ) -> None:
        response.set_cookie(
            name,
            f"{utility_id}.{session.token}",
            expires=session.expires_at,
            path=path,
            httponly=True,
            secure=self.settings.secure_cookies,
            samesite="lax",
        )


def web_of(request: Request) -> Web:
    found: Web = request.app.state.web
    return found


WebDep = Annotated[Web, Depends(web_of)]


def cookie_session(request: Request, name: str) -> tuple[int, str]:
    raw = request.cookies.get(name, "")
    utility, _, token = raw.partition(".")
    if not utility.isdigit() or not token:
        raise NotSignedInError(say("web.login.needed"))
    return int(utility), token


@dataclass(frozen=True, slots=True)
class Staff:
    """The signed-in staff member, for one request."""

    user: StaffUser
    csrf_token: str
    token: str

    @property
    def utility_id(self) -> int:
        return self.user.utility_id

    @property
    def by(self) -> str:
        return self.user.username

    def require(self, role: Role) -> None:
        if not allows(self.user.role, role):
            raise ForbiddenError(
                say(
                    "web.forbidden",
                    role=say(f"web.role.{self.user.role.value}"),
                    needed=say(f"web.role.{role.value}"),
                )
            )


def current_staff(request: Request, web: WebDep) -> Staff:
    utility_id, token = cookie_session(request, STAFF_COOKIE)
    with web.read() as uow:
        signed = staff_access.session_of(uow, utility_id, token, web.clock)
    if signed.staff is None:
        raise NotSignedInError(say("web.login.needed"))
    return Staff(signed.staff, signed.csrf_token, token)


StaffDep = Annotated[Staff, Depends(current_staff)]


def role(needed: Role) -> Callable[[Staff], Staff]:
    def check(staff: StaffDep) -> Staff:
        staff.require(needed)
        return staff

    return check


@dataclass(frozen=True, slots=True)
class Customer:
    """The customer signed in to the portal: one installation."""

    user: PortalUser
    csrf_token: str
    token: str


def current_customer(request: Request, web: WebDep) -> Customer:
    utility_id, token = cookie_session(request, PORTAL_COOKIE)
    with web.read() as uow:
        signed: SignedIn = staff_access.session_of(uow, utility_id, token, web.clock)
    if signed.portal is None:
        raise NotSignedInError(say("web.login.needed"))
    return Customer(signed.portal, signed.csrf_token, token)


CustomerDep = Annotated[Customer, Depends(current_customer)]


def check_csrf(expected: str, given: str | None) -> None:
    if not given or not hmac.compare_digest(expected, given):
        raise ForbiddenError(say("web.csrf"))


def api_csrf(request: Request, staff: StaffDep) -> Staff:
    """API writes: the session's CSRF token in the X-CSRF-Token header."""
    check_csrf(staff.csrf_token, request.headers.get(CSRF_HEADER))
    return staff


def client_of(request: Request) -> str:
    return request.client.host if request.client else "?"
