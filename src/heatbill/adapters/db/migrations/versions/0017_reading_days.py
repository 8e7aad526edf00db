"""Readings found by day: checking a head-end file's readings reads each meter's readings of the
last weeks and of the same weeks a year earlier (`reading_history`); for a file of most of a
utility's meters that is two range scans of this index instead of two index searches a meter.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_reading_utility_id_read_on"), "reading", ["utility_id", "read_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_reading_utility_id_read_on"), table_name="reading")
