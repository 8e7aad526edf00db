"""Staff users, web sessions, the audit trail, login attempts and the portal's credentials."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from heatbill.adapters.db.access_tables import (
    audit_event,
    login_attempt,
    portal_link,
    portal_pin,
    staff_user,
    web_session,
)
from heatbill.adapters.db.ids import IdAllocator


@dataclass(frozen=True, slots=True)
class UserRow:
    username: str
    name: str
    role: str
    password_hash: str
    active: bool


@dataclass(frozen=True, slots=True)
class SessionRow:
    kind: str
    subject: str
    csrf_token: str
    expires_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditRow:
    audit_id: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


@dataclass(frozen=True, slots=True)
class LinkRow:
    installation_id: int
    email: str
    expires_at: datetime
    used_at: datetime | None


class SqlAccess:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._c = connection
        self._u = utility_id
        self._ids = ids

    # --- staff users ----------------------------------------------------------------------
    def user(self, username: str) -> UserRow | None:
        row = self._c.execute(
            select(staff_user).where(
                staff_user.c.utility_id == self._u, staff_user.c.username == username
            )
        ).first()
        if row is None:
            return None
        return UserRow(row.username, row.name, row.role, row.password_hash, bool(row.active))

    def users(self) -> list[UserRow]:
        rows = self._c.execute(
            select(staff_user)
            .where(staff_user.c.utility_id == self._u)
            .order_by(staff_user.c.username)
        ).all()
        return [UserRow(r.username, r.name, r.role, r.password_hash, bool(r.active)) for r in rows]

    def save_user(self, user: UserRow, at: datetime) -> None:
        self._c.execute(
            delete(staff_user).where(
                staff_user.c.utility_id == self._u, staff_user.c.username == user.username
            )
        )
        self._c.execute(
            insert(staff_user).values(
                utility_id=self._u,
                username=user.username,
                name=user.name,
                role=user.role,
                password_hash=user.password_hash,
                active=user.active,
                created_at=at,
            )
        )

    # --- sessions -------------------------------------------------------------------------
    def open_session(  # noqa: PLR0917 - a session's facts
        self, digest: str, kind: str, subject: str, csrf: str, at: datetime, expires: datetime
    ) -> None:
        self._c.execute(
            insert(web_session).values(
                utility_id=self._u,
                token_hash=digest,
                kind=kind,
                subject=subject,
                csrf_token=csrf,
                created_at=at,
                expires_at=expires,
            )
        )

    def session(self, digest: str) -> SessionRow | None:
        row = self._c.execute(
            select(web_session).where(
                web_session.c.utility_id == self._u, web_session.c.token_hash == digest
            )
        ).first()
        if row is None:
            return None
        return SessionRow(
            row.kind,
            row.subject,
            row.csrf_token,
            _aware(row.expires_at),
            None if row.ended_at is None else _aware(row.ended_at),
        )

    def end_session(self, digest: str, at: datetime) -> None:
        self._c.execute(
            update(web_session)
            .where(web_session.c.utility_id == self._u, web_session.c.token_hash == digest)
            .values(ended_at=at)
        )

    # --- audit ----------------------------------------------------------------------------
    def audit(self, at: datetime, actor: str, action: str, subject: str, detail: str) -> None:
        self._c.execute(
            insert(audit_event).values(
                utility_id=self._u,
                audit_id=self._ids.reserve("audit_event"),
                at=at,
                actor=actor[:60],
                action=action[:60],
                subject=subject[:100],
                detail=detail,
            )
        )

    def audit_trail(self, subject: str | None = None, limit: int = 200) -> list[AuditRow]:
        query = select(audit_event).where(audit_event.c.utility_id == self._u)
        if subject is not None:
            query = query.where(audit_event.c.subject == subject)
        rows = self._c.execute(query.order_by(audit_event.c.audit_id.desc()).limit(limit)).all()
        return [
            AuditRow(int(r.audit_id), _aware(r.at), r.actor, r.action, r.subject, r.detail)
            for r in rows
        ]

    # --- login attempts -------------------------------------------------------------------
    def attempt(self, key: str, at: datetime, succeeded: bool) -> None:
        self._c.execute(
            insert(login_attempt).values(
                utility_id=self._u,
                attempt_id=self._ids.reserve("login_attempt"),
                key=key[:100],
                at=at,
                succeeded=succeeded,
            )
        )

    def failures_since(self, key: str, since: datetime) -> int:
        """Failed attempts for `key` since `since`, counted after the last success."""
        last_ok = self._c.execute(
            select(func.max(login_attempt.c.at)).where(
                login_attempt.c.utility_id == self._u,
                login_attempt.c.key == key,
                login_attempt.c.succeeded.is_(True),
            )
        ).scalar()
        start = since if last_ok is None or _aware(last_ok) < since else _aware(last_ok)
        return int(
            self._c.execute(
                select(func.count()).where(
                    login_attempt.c.utility_id == self._u,
                    login_attempt.c.key == key,
                    login_attempt.c.succeeded.is_(False),
                    login_attempt.c.at > start,
                )
            ).scalar_one()
        )

    # --- portal credentials ---------------------------------------------------------------
    def pin_hash(self, installation_id: int) -> str | None:
        found = self._c.execute(
            select(portal_pin.c.pin_hash).where(
                portal_pin.c.utility_id == self._u,
                portal_pin.c.installation_id == installation_id,
            )
        ).scalar()
        return None if found is None else str(found)

    def set_pins(self, pins: list[tuple[int, str]], at: datetime, by: str) -> None:
        ids = [i for i, _ in pins]
        for start in range(0, len(ids), 500):
            self._c.execute(
                delete(portal_pin).where(
                    portal_pin.c.utility_id == self._u,
                    portal_pin.c.installation_id.in_(ids[start : start + 500]),
                )
            )
        if pins:
            self._c.execute(
                insert(portal_pin),
                [
                    {
                        "utility_id": self._u,
                        "installation_id": i,
                        "pin_hash": h,
                        "set_at": at,
                        "set_by": by,
                    }
                    for i, h in pins
                ],
            )

    def add_link(
        self, digest: str, installation_id: int, email: str, at: datetime, expires: datetime
    ) -> None:
        self._c.execute(
            insert(portal_link).values(
                utility_id=self._u,
                token_hash=digest,
                installation_id=installation_id,
                email=email,
                created_at=at,
                expires_at=expires,
            )
        )

    def link(self, digest: str) -> LinkRow | None:
        row = self._c.execute(
            select(portal_link).where(
                portal_link.c.utility_id == self._u, portal_link.c.token_hash == digest
            )
        ).first()
        if row is None:
            return None
        return LinkRow(
            int(row.installation_id),
            row.email,
            _aware(row.expires_at),
            None if row.used_at is None else _aware(row.used_at),
        )

    def use_link(self, digest: str, at: datetime) -> None:
        self._c.execute(
            update(portal_link)
            .where(portal_link.c.utility_id == self._u, portal_link.c.token_hash == digest)
            .values(used_at=at)
        )


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; they were stored as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
