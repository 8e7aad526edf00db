"""Open items' residuals kept by the database (`residuals`), with a partial index of the items
not settled; bills found by their open item.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import residuals

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNSETTLED = sa.text("residual_ore <> 0")


def upgrade() -> None:
    op.create_table(
        "open_item_residual",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("open_item_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("residual_ore", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "open_item_id", name=op.f("pk_open_item_residual")),
    )
    op.execute(residuals.BACKFILL)
    op.create_index(
        "ix_open_item_residual_unsettled",
        "open_item_residual",
        ["utility_id", "due_date"],
        unique=False,
        sqlite_where=UNSETTLED,
        postgresql_where=UNSETTLED,
    )
    op.create_index(op.f("ix_bill_utility_id_open_item_id"), "bill", ["utility_id", "open_item_id"])
    _apply(residuals.POSTGRESQL_DDL, residuals.SQLITE_DDL)


def downgrade() -> None:
    _apply(residuals.POSTGRESQL_DROP_DDL, residuals.SQLITE_DROP_DDL)
    op.drop_index(op.f("ix_bill_utility_id_open_item_id"), table_name="bill")
    op.drop_index("ix_open_item_residual_unsettled", table_name="open_item_residual")
    op.drop_table("open_item_residual")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
