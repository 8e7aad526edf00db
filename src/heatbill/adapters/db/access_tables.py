"""Who may use heatbill over the web, and what they did: staff users with their role, sessions
(staff and portal), the audit trail, login attempts (for rate limiting), the portal's pin codes
per installation and its one-time e-mail links.

Secrets are never stored in clear: passwords and pin codes as scrypt hashes, session tokens
and one-time links as SHA-256 digests. The audit trail is append-only.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from heatbill.adapters.db.tables import metadata

ACCESS_APPEND_ONLY = ("audit_event",)


def _utility_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["utility_id"], ["utility.utility_id"])


staff_user = Table(
    "staff_user",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("username", String(40), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    _utility_fk(),
)

web_session = Table(
    "web_session",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("token_hash", String(64), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("subject", String(40), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    _utility_fk(),
)

audit_event = Table(
    "audit_event",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("audit_id", BigInteger, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(60), nullable=False),
    Column("action", String(60), nullable=False),
    Column("subject", String(100), nullable=False),
    Column("detail", Text, nullable=False),
    _utility_fk(),
    Index(None, "utility_id", "subject"),
)

login_attempt = Table(
    "login_attempt",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("attempt_id", BigInteger, primary_key=True, autoincrement=False),
    Column("key", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("succeeded", Boolean, nullable=False),
    _utility_fk(),
    Index(None, "utility_id", "key", "at"),
)

portal_pin = Table(
    "portal_pin",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("installation_id", BigInteger, primary_key=True),
    Column("pin_hash", String(200), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
    Column("set_by", String(40), nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "installation_id"],
        ["installation.utility_id", "installation.installation_id"],
    ),
)

portal_link = Table(
    "portal_link",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("token_hash", String(64), primary_key=True),
    Column("installation_id", BigInteger, nullable=False),
    Column("email", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
    ForeignKeyConstraint(
        ["utility_id", "installation_id"],
        ["installation.utility_id", "installation.installation_id"],
    ),
)
