"""The daily run's finished steps per utility and date (append-only).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RUN_TABLES = ("daily_run_step",)


def upgrade() -> None:
    op.create_table(
        "daily_run_step",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "run_date", "step", name=op.f("pk_daily_run_step")),
    )
    _apply(*ledger_guards.append_only_ddl(RUN_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(RUN_TABLES))
    op.drop_table("daily_run_step")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
