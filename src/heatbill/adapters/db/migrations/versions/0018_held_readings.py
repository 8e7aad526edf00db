"""Held readings by their own index: the `(utility_id, status)` index took every reading — nearly
all of them accepted — and served one query, the held list (`vestervig 5.9`: staff review what
is held). A partial index of the held readings alone serves it by day, and a reading import no
longer pays a third index insert a row.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HELD = sa.text("status = 'held'")


def upgrade() -> None:
    op.drop_index(op.f("ix_reading_utility_id_status"), table_name="reading")
    op.create_index(
        "ix_reading_held",
        "reading",
        ["utility_id", "read_on"],
        unique=False,
        sqlite_where=HELD,
        postgresql_where=HELD,
    )


def downgrade() -> None:
    op.drop_index("ix_reading_held", table_name="reading")
    op.create_index(op.f("ix_reading_utility_id_status"), "reading", ["utility_id", "status"])
