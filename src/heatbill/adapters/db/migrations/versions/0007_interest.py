"""Late interest: Nationalbanken's reference rate (one table for the installation, seeded with
the rates of DANISH-RULES.md) and the basis of every interest charge — both append-only.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INTEREST_TABLES = ("reference_rate", "interest_charge")

# The udlånsrente by half-year start, in ten-thousandths of a percent (DANISH-RULES.md "Late
# interest"), as it stood when this migration was written: later rates are added by staff.
SEED_RATES = (
    (date(2020, 1, 1), 500),
    (date(2020, 7, 1), 500),
    (date(2021, 1, 1), 500),
    (date(2021, 7, 1), -3500),
    (date(2022, 1, 1), -4500),
    (date(2022, 7, 1), -4500),
    (date(2023, 1, 1), 19000),
    (date(2023, 7, 1), 32500),
    (date(2024, 1, 1), 37500),
    (date(2024, 7, 1), 35000),
    (date(2025, 1, 1), 27500),
    (date(2025, 7, 1), 17500),
    (date(2026, 1, 1), 17500),
)


def upgrade() -> None:
    rates = op.create_table(
        "reference_rate",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("rate_percent", sa.BigInteger(), nullable=False),
        sa.Column("added_by", sa.String(length=40), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("valid_from", name=op.f("pk_reference_rate")),
    )
    op.create_table(
        "interest_charge",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("principal_item_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("to_date", sa.Date(), nullable=False),
        sa.Column("interest_item_id", sa.BigInteger(), nullable=True),
        sa.Column("principal_ore", sa.BigInteger(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("rate_percent", sa.BigInteger(), nullable=False),
        sa.Column("day_count", sa.String(length=10), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "utility_id", "principal_item_id", "from_date", name=op.f("pk_interest_charge")
        ),
    )
    op.create_index(
        op.f("ix_interest_charge_utility_id_interest_item_id"),
        "interest_charge",
        ["utility_id", "interest_item_id"],
        unique=False,
    )
    assert rates is not None
    seeded_at = datetime(2026, 1, 1, tzinfo=UTC)
    op.bulk_insert(
        rates,
        [
            {"valid_from": d, "rate_percent": r, "added_by": "danish-rules", "added_at": seeded_at}
            for d, r in SEED_RATES
        ],
    )
    _apply(*ledger_guards.append_only_ddl(INTEREST_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(INTEREST_TABLES))
    op.drop_index(
        op.f("ix_interest_charge_utility_id_interest_item_id"), table_name="interest_charge"
    )
    op.drop_table("interest_charge")
    op.drop_table("reference_rate")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
