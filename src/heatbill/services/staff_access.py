"""Staff access: users with a role, sign-in and sessions, and the audit trail.

A session is a random token in a cookie; the database keeps only its digest, who it belongs
to, its CSRF token and when it expires. Failed sign-ins are counted per user name and per
client address; too many within the window refuse further attempts for a while. Every action
staff take through the web or the API is recorded in the audit trail (who, when, what, on
which subject) — refused ones too, and every unmasking of a CPR number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.access_repository import AuditRow, SqlAccess, UserRow
from heatbill.adapters.passwords import hash_secret, new_token, token_digest, verify_secret
from heatbill.domain.access import (
    NotSignedInError,
    PortalUser,
    Role,
    StaffUser,
    Throttle,
    TooManyAttemptsError,
)
from heatbill.domain.errors import ValidationError
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

STAFF = "staff"
PORTAL = "portal"
STAFF_HOURS = 10
MIN_PASSWORD = 10
THROTTLE = Throttle()


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in session: the token goes in the cookie, the CSRF token in every form."""

    token: str
    csrf_token: str
    expires_at: datetime


def add_staff_user(  # noqa: PLR0917 - the user's facts
    uow: UnitOfWork,
    utility_id: int,
    username: str,
    name: str,
    role: Role,
    password: str,
    clock: Clock,
) -> None:
    """Create or replace a staff user (admin's work, or `heatbill staff add`)."""
    username = username.strip().lower()
    if not username or not username.isascii() or " " in username:
        raise ValidationError(say("web.staff.bad_username", username=username))
    if len(password) < MIN_PASSWORD:
        raise ValidationError(say("web.staff.short_password", minimum=MIN_PASSWORD))
    uow.access(utility_id).save_user(
        UserRow(username, name.strip() or username, role.value, hash_secret(password), True),
        clock.now(),
    )
    uow.commit()


def staff_users(uow: UnitOfWork, utility_id: int) -> list[StaffUser]:
    return [
        StaffUser(utility_id, u.username, u.name, Role(u.role))
        for u in uow.access(utility_id).users()
        if u.active
    ]


def sign_in(  # noqa: PLR0917 - the attempt's facts
    uow: UnitOfWork,
    utility_id: int,
    username: str,
    password: str,
    client: str,
    clock: Clock,
    throttle: Throttle = THROTTLE,
) -> Session:
    """Check the password; refuse (and count) a wrong one; open a session for a right one."""
    access = uow.access(utility_id)
    username = username.strip().lower()
    keys = (f"staff:{username}", f"staff-client:{client}")
    guard(access, keys, clock, throttle)
    user = access.user(username)
    ok = user is not None and user.active and verify_secret(password, user.password_hash)
    for key in keys:
        access.attempt(key, clock.now(), ok)
    if not ok:
        access.audit(clock.now(), username or "?", "sign_in_refused", f"staff:{username}", client)
        uow.commit()
        raise NotSignedInError(say("web.login.wrong"))
    session = open_session(access, STAFF, username, clock, timedelta(hours=STAFF_HOURS))
    access.audit(clock.now(), username, "sign_in", f"staff:{username}", client)
    uow.commit()
    return session


def guard(access: SqlAccess, keys: tuple[str, ...], clock: Clock, throttle: Throttle) -> None:
    """Refuse while any key has too many recent failures."""
    since = clock.now() - timedelta(minutes=throttle.window_minutes)
    if any(throttle.blocks(access.failures_since(key, since)) for key in keys):
        raise TooManyAttemptsError(say("web.login.throttled", minutes=throttle.window_minutes))


def open_session(
    access: SqlAccess, kind: str, subject: str, clock: Clock, lifetime: timedelta
) -> Session:
    token, csrf = new_token(), new_token()
    expires = clock.now() + lifetime
    access.open_session(token_digest(token), kind, subject, csrf, clock.now(), expires)
    return Session(token, csrf, expires)


@dataclass(frozen=True, slots=True)
class SignedIn:
    staff: StaffUser | None
    portal: PortalUser | None
    csrf_token: str


def session_of(uow: UnitOfWork, utility_id: int, token: str, clock: Clock) -> SignedIn:
    """Who the session token belongs to; NotSignedInError when unknown, ended or expired."""
    access = uow.access(utility_id)
    found = access.session(token_digest(token))
    if found is None or found.ended_at is not None or found.expires_at <= clock.now():
        raise NotSignedInError(say("web.login.expired"))
    if found.kind == STAFF:
        user = access.user(found.subject)
        if user is None or not user.active:
            raise NotSignedInError(say("web.login.expired"))
        staff = StaffUser(utility_id, user.username, user.name, Role(user.role))
        return SignedIn(staff, None, found.csrf_token)
    installation_id = int(found.subject)
    number = uow.installations(utility_id).installation(installation_id).number
    return SignedIn(None, PortalUser(utility_id, installation_id, number), found.csrf_token)


def sign_out(uow: UnitOfWork, utility_id: int, token: str, actor: str, clock: Clock) -> None:
    access = uow.access(utility_id)
    access.end_session(token_digest(token), clock.now())
    access.audit(clock.now(), actor, "sign_out", actor, "")
    uow.commit()


def audit(  # noqa: PLR0917 - what was done
    uow: UnitOfWork,
    utility_id: int,
    actor: str,
    action: str,
    subject: str,
    detail: str,
    clock: Clock,
) -> None:
    """Record one action in the audit trail, in its own transaction."""
    uow.access(utility_id).audit(clock.now(), actor, action, subject, detail)
    uow.commit()


def audit_trail(uow: UnitOfWork, utility_id: int, subject: str | None = None) -> list[AuditRow]:
    return uow.access(utility_id).audit_trail(subject)
