"""Payments: files taken in, each payment with its match and entry, staff assignments from
the clarification list, and Betalingsservice mandate events — all append-only.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAYMENT_TABLES = ("payment_file", "payment", "payment_assignment", "mandate_event")


def upgrade() -> None:
    op.create_table(
        "mandate_event",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("mandate_number", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("event", sa.String(length=30), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("import_id", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.String(length=400), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "utility_id", "mandate_number", "event_no", name=op.f("pk_mandate_event")
        ),
    )
    op.create_index(
        op.f("ix_mandate_event_utility_id_customer_id"),
        "mandate_event",
        ["utility_id", "customer_id"],
        unique=False,
    )
    op.create_table(
        "payment_file",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("delivery_key", sa.String(length=80), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("payment_count", sa.Integer(), nullable=False),
        sa.Column("paid_ore", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "import_id"],
            ["file_import.utility_id", "file_import.import_id"],
            name=op.f("fk_payment_file_utility_id_import_id_file_import"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "import_id", name=op.f("pk_payment_file")),
        sa.UniqueConstraint(
            "utility_id",
            "source",
            "delivery_key",
            name=op.f("uq_payment_file_utility_id_source_delivery_key"),
        ),
    )
    op.create_table(
        "payment",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("import_id", sa.BigInteger(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=True),
        sa.Column("bs_customer", sa.BigInteger(), nullable=True),
        sa.Column("payer", sa.String(length=140), nullable=True),
        sa.Column("external_ref", sa.String(length=80), nullable=True),
        sa.Column("customer_id", sa.BigInteger(), nullable=True),
        sa.Column("matched_by", sa.String(length=20), nullable=True),
        sa.Column("why_unmatched", sa.String(length=200), nullable=True),
        sa.Column("entry_id", sa.BigInteger(), nullable=True),
        sa.Column("charges_back_payment_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "import_id"],
            ["payment_file.utility_id", "payment_file.import_id"],
            name=op.f("fk_payment_utility_id_import_id_payment_file"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "payment_id", name=op.f("pk_payment")),
    )
    op.create_index(
        op.f("ix_payment_utility_id_customer_id"),
        "payment",
        ["utility_id", "customer_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_payment_utility_id_matched_by"),
        "payment",
        ["utility_id", "matched_by"],
        unique=False,
    )
    op.create_table(
        "payment_assignment",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("assigned_by", sa.String(length=40), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "payment_id"],
            ["payment.utility_id", "payment.payment_id"],
            name=op.f("fk_payment_assignment_utility_id_payment_id_payment"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "payment_id", name=op.f("pk_payment_assignment")),
    )

    _apply(*ledger_guards.append_only_ddl(PAYMENT_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(PAYMENT_TABLES))
    op.drop_table("payment_assignment")
    op.drop_index(op.f("ix_payment_utility_id_matched_by"), table_name="payment")
    op.drop_index(op.f("ix_payment_utility_id_customer_id"), table_name="payment")
    op.drop_table("payment")
    op.drop_table("payment_file")
    op.drop_index(op.f("ix_mandate_event_utility_id_customer_id"), table_name="mandate_event")
    op.drop_table("mandate_event")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
