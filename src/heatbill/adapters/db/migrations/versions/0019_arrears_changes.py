"""The arrears list at a million installations: ended relationships by a partial index of their
own (the former/current filter read every overdue customer's relationship), and on PostgreSQL a
notification at the commit of anything that changes the list — postings (the residuals), a
rebuild of the residuals, customer relationships — so a web worker may keep a computed list
until then (`adapters.db.change_feed`, `services.arrears_list`).

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import change_feed

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENDED = sa.text("end_on IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_relationship_ended",
        "relationship",
        ["utility_id", "end_on"],
        unique=False,
        sqlite_where=ENDED,
        postgresql_where=ENDED,
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in change_feed.POSTGRESQL_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in change_feed.POSTGRESQL_DROP_DDL:
            op.execute(statement)
    op.drop_index("ix_relationship_ended", table_name="relationship")
