"""Web access: staff users and roles, sessions, the audit trail (append-only), login attempts,
the portal's pin codes and one-time e-mail links.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("audit_event",)


def _utility_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["utility_id"], ["utility.utility_id"], name=op.f(f"fk_{table}_utility_id_utility")
    )


def _installation_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["utility_id", "installation_id"],
        ["installation.utility_id", "installation.installation_id"],
        name=op.f(f"fk_{table}_utility_id_installation_id_installation"),
    )


def _at(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "staff_user",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _at("created_at"),
        _utility_fk("staff_user"),
        sa.PrimaryKeyConstraint("utility_id", "username", name=op.f("pk_staff_user")),
    )
    op.create_table(
        "web_session",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        _at("created_at"),
        _at("expires_at"),
        _at("ended_at", nullable=True),
        _utility_fk("web_session"),
        sa.PrimaryKeyConstraint("utility_id", "token_hash", name=op.f("pk_web_session")),
    )
    op.create_table(
        "audit_event",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.BigInteger(), autoincrement=False, nullable=False),
        _at("at"),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        _utility_fk("audit_event"),
        sa.PrimaryKeyConstraint("utility_id", "audit_id", name=op.f("pk_audit_event")),
    )
    op.create_index(
        op.f("ix_audit_event_utility_id_subject"), "audit_event", ["utility_id", "subject"]
    )
    op.create_table(
        "login_attempt",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        _at("at"),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        _utility_fk("login_attempt"),
        sa.PrimaryKeyConstraint("utility_id", "attempt_id", name=op.f("pk_login_attempt")),
    )
    op.create_index(
        op.f("ix_login_attempt_utility_id_key_at"), "login_attempt", ["utility_id", "key", "at"]
    )
    op.create_table(
        "portal_pin",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("installation_id", sa.BigInteger(), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        _at("set_at"),
        sa.Column("set_by", sa.String(length=40), nullable=False),
        _installation_fk("portal_pin"),
        sa.PrimaryKeyConstraint("utility_id", "installation_id", name=op.f("pk_portal_pin")),
    )
    op.create_table(
        "portal_link",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("installation_id", sa.BigInteger(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        _at("created_at"),
        _at("expires_at"),
        _at("used_at", nullable=True),
        _installation_fk("portal_link"),
        sa.PrimaryKeyConstraint("utility_id", "token_hash", name=op.f("pk_portal_link")),
    )
    _apply(*ledger_guards.append_only_ddl(APPEND_ONLY))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(APPEND_ONLY))
    for table in (
        "portal_link",
        "portal_pin",
        "login_attempt",
        "audit_event",
        "web_session",
        "staff_user",
    ):
        op.drop_table(table)


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
