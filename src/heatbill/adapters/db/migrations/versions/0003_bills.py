"""Bills and bill lines: append-only like the ledger (UPDATE and DELETE refused).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BILLING_TABLES = ("bill", "bill_line")


def upgrade() -> None:
    op.create_table(
        "bill",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("relationship_id", sa.BigInteger(), nullable=False),
        sa.Column("installation_id", sa.BigInteger(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("net_ore", sa.BigInteger(), nullable=False),
        sa.Column("vat_ore", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("open_item_id", sa.BigInteger(), nullable=False),
        sa.Column("corrects_bill_id", sa.BigInteger(), nullable=True),
        sa.Column("run_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_bill_utility_id_entry_id_journal_entry"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "bill_id", name=op.f("pk_bill")),
        sa.UniqueConstraint(
            "utility_id",
            "installation_id",
            "kind",
            "period_start",
            "period_end",
            "revision",
            name=op.f("uq_bill_utility_id_installation_id_kind_period_start_period_end_revision"),
        ),
        sa.UniqueConstraint("utility_id", "number", name=op.f("uq_bill_utility_id_number")),
    )
    op.create_index(
        op.f("ix_bill_utility_id_issue_date"), "bill", ["utility_id", "issue_date"], unique=False
    )
    op.create_index(
        op.f("ix_bill_utility_id_relationship_id"),
        "bill",
        ["utility_id", "relationship_id"],
        unique=False,
    )
    op.create_table(
        "bill_line",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("vat_ore", sa.BigInteger(), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=True),
        sa.Column("quantity", sa.BigInteger(), nullable=True),
        sa.Column("unit", sa.String(length=20), nullable=True),
        sa.Column("rate", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "bill_id"],
            ["bill.utility_id", "bill.bill_id"],
            name=op.f("fk_bill_line_utility_id_bill_id_bill"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "bill_id", "line_no", name=op.f("pk_bill_line")),
    )

    _apply(*ledger_guards.append_only_ddl(BILLING_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(BILLING_TABLES))
    op.drop_table("bill_line")
    op.drop_index(op.f("ix_bill_utility_id_relationship_id"), table_name="bill")
    op.drop_index(op.f("ix_bill_utility_id_issue_date"), table_name="bill")
    op.drop_table("bill")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
