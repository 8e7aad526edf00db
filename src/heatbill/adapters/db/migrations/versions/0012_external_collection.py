"""External collection, write-offs, cut-offs and landlords (issue 6, items 7-9): the partner's
return files and their lines, write-offs and reversals, reconstruction and bankruptcy cut-offs,
and the properties whose owner supplies the heat to tenants — append-only.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EXTERNAL_TABLES = ("agency_file", "agency_payment", "write_off", "cut_off", "rental_property")


def upgrade() -> None:
    op.create_table(
        "agency_file",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("total_ore", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "file_id", name=op.f("pk_agency_file")),
        sa.UniqueConstraint(
            "utility_id", "content_hash", name=op.f("uq_agency_file_utility_id_content_hash")
        ),
    )
    op.create_table(
        "agency_payment",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("line_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("claim_id", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("costs_ore", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "file_id", "line_no", name=op.f("pk_agency_payment")),
    )
    op.create_table(
        "write_off",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("write_off_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claim_id", sa.BigInteger(), nullable=False),
        sa.Column("reverses_id", sa.BigInteger(), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "write_off_id", name=op.f("pk_write_off")),
    )
    op.create_table(
        "cut_off",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("cut_off_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "cut_off_id", name=op.f("pk_cut_off")),
    )
    op.create_table(
        "rental_property",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("property_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("since_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "property_id", name=op.f("pk_rental_property")),
    )
    _apply(*ledger_guards.append_only_ddl(EXTERNAL_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(EXTERNAL_TABLES))
    for table in reversed(EXTERNAL_TABLES):
        op.drop_table(table)


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
