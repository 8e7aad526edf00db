"""Collections: the steps taken on each claim and the events that change how it may proceed
(disputes, plans, securities, cut-offs) — append-only.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLLECTION_TABLES = ("claim_step", "claim_event")


def upgrade() -> None:
    op.create_table(
        "claim_step",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("step_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("fee_ore", sa.BigInteger(), nullable=False),
        sa.Column("fee_item_id", sa.BigInteger(), nullable=True),
        sa.Column("letter_id", sa.BigInteger(), nullable=True),
        sa.Column("clause", sa.String(length=80), nullable=False),
        sa.Column("note", sa.String(length=400), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "claim_id", "step_no", name=op.f("pk_claim_step")),
    )
    op.create_index(
        op.f("ix_claim_step_utility_id_on_date"), "claim_step", ["utility_id", "on_date"]
    )
    op.create_table(
        "claim_event",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "claim_id", "event_no", name=op.f("pk_claim_event")),
    )
    _apply(*ledger_guards.append_only_ddl(COLLECTION_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(COLLECTION_TABLES))
    op.drop_table("claim_event")
    op.drop_index(op.f("ix_claim_step_utility_id_on_date"), table_name="claim_step")
    op.drop_table("claim_step")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
