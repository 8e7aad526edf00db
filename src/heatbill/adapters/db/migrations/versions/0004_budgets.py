"""Budgets (a-conto) per customer and heating year, with their installments.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "budget",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("relationship_id", sa.BigInteger(), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("basis", sa.String(length=30), nullable=False),
        sa.Column("expected_mwh", sa.BigInteger(), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=True),
        sa.Column("reason", sa.String(length=400), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "utility_id", "relationship_id", "year", "revision", name=op.f("pk_budget")
        ),
    )
    op.create_table(
        "budget_installment",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("relationship_id", sa.BigInteger(), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("charge_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "relationship_id", "year", "revision"],
            ["budget.utility_id", "budget.relationship_id", "budget.year", "budget.revision"],
            name=op.f("fk_budget_installment_utility_id_relationship_id_year_revision_budget"),
        ),
        sa.PrimaryKeyConstraint(
            "utility_id",
            "relationship_id",
            "year",
            "revision",
            "number",
            name=op.f("pk_budget_installment"),
        ),
    )
    op.create_index(
        op.f("ix_budget_installment_utility_id_charge_date"),
        "budget_installment",
        ["utility_id", "charge_date"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_budget_installment_utility_id_charge_date"), table_name="budget_installment"
    )
    op.drop_table("budget_installment")
    op.drop_table("budget")
