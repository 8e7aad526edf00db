"""Payment plans: the plans granted, the open items each covers, their installments and
outcomes, and customers' requests with staff's decisions — append-only.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLAN_TABLES = (
    "payment_plan",
    "payment_plan_item",
    "payment_plan_installment",
    "payment_plan_outcome",
    "plan_request",
    "plan_request_claim",
    "plan_request_decision",
)


def _key(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("utility_id", *columns, name=op.f(f"pk_{table}"))


def _id(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), autoincrement=False, nullable=False)


def _by(name: str) -> list[sa.Column[object]]:
    return [
        sa.Column(name, sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "payment_plan",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("plan_id"),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("owed_ore", sa.BigInteger(), nullable=False),
        sa.Column("fee_ore", sa.BigInteger(), nullable=False),
        sa.Column("fee_item_id", sa.BigInteger(), nullable=True),
        sa.Column("total_ore", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=False),
        sa.Column("request_id", sa.BigInteger(), nullable=True),
        sa.Column("letter_id", sa.BigInteger(), nullable=True),
        *_by("granted_by"),
        _key("payment_plan", "plan_id"),
    )
    op.create_index(
        op.f("ix_payment_plan_utility_id_customer_id"),
        "payment_plan",
        ["utility_id", "customer_id"],
    )
    op.create_table(
        "payment_plan_item",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("plan_id"),
        _id("open_item_id"),
        sa.Column("claim_id", sa.BigInteger(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        _key("payment_plan_item", "plan_id", "open_item_id"),
    )
    op.create_table(
        "payment_plan_installment",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("plan_id"),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        _key("payment_plan_installment", "plan_id", "number"),
    )
    op.create_table(
        "payment_plan_outcome",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("plan_id"),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        *_by("created_by"),
        _key("payment_plan_outcome", "plan_id"),
    )
    op.create_table(
        "plan_request",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("request_id"),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=400), nullable=False),
        *_by("created_by"),
        _key("plan_request", "request_id"),
    )
    op.create_table(
        "plan_request_claim",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("request_id"),
        _id("claim_id"),
        _key("plan_request_claim", "request_id", "claim_id"),
    )
    op.create_table(
        "plan_request_decision",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        _id("request_id"),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("plan_id", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _key("plan_request_decision", "request_id"),
    )
    _apply(*ledger_guards.append_only_ddl(PLAN_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(PLAN_TABLES))
    op.drop_index(op.f("ix_payment_plan_utility_id_customer_id"), table_name="payment_plan")
    for table in reversed(PLAN_TABLES):
        op.drop_table(table)


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
