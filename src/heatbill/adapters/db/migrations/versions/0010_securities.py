"""Securities: demands after an individual assessment, securities given (cash deposits and
guarantees) and their releases — append-only.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SECURITY_TABLES = ("security_demand", "security", "security_release")


def upgrade() -> None:
    op.create_table(
        "security_demand",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("demand_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("grounds", sa.String(length=80), nullable=False),
        sa.Column("assessment_note", sa.String(length=1000), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=False),
        sa.Column("letter_id", sa.BigInteger(), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "demand_id", name=op.f("pk_security_demand")),
    )
    op.create_index(
        op.f("ix_security_demand_utility_id_customer_id"),
        "security_demand",
        ["utility_id", "customer_id"],
    )
    op.create_table(
        "security",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("security_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("demand_id", sa.BigInteger(), nullable=True),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("provided_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("entry_id", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.String(length=400), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "security_id", name=op.f("pk_security")),
    )
    op.create_index(
        op.f("ix_security_utility_id_customer_id"), "security", ["utility_id", "customer_id"]
    )
    op.create_table(
        "security_release",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("security_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("released_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("set_off_ore", sa.BigInteger(), nullable=False),
        sa.Column("refund_ore", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=True),
        sa.Column("letter_id", sa.BigInteger(), nullable=True),
        sa.Column("clause", sa.String(length=80), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "security_id", name=op.f("pk_security_release")),
    )
    _apply(*ledger_guards.append_only_ddl(SECURITY_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(SECURITY_TABLES))
    op.drop_table("security_release")
    op.drop_index(op.f("ix_security_utility_id_customer_id"), table_name="security")
    op.drop_table("security")
    op.drop_index(op.f("ix_security_demand_utility_id_customer_id"), table_name="security_demand")
    op.drop_table("security_demand")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
