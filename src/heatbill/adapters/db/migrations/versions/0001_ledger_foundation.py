"""Ledger foundation: utilities, rule documents, account map, runs, the append-only journal.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "utility",
        sa.Column("utility_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("cvr", sa.String(length=8), nullable=False),
        sa.Column("address", sa.String(length=400), nullable=False),
        sa.Column("fi_creditor_number", sa.String(length=8), nullable=True),
        sa.Column("pbs_number", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", name=op.f("pk_utility")),
        sa.UniqueConstraint("code", name=op.f("uq_utility_code")),
    )
    op.create_table(
        "account_map",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("gl_number", sa.String(length=20), nullable=False),
        sa.Column("gl_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_account_map_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "account", name=op.f("pk_account_map")),
    )
    op.create_table(
        "id_counter",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("next_value", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_id_counter_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "name", name=op.f("pk_id_counter")),
    )
    op.create_table(
        "rule_document",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_rule_document_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "kind", "valid_from", name=op.f("pk_rule_document")),
    )
    op.create_table(
        "run",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_run_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "run_id", name=op.f("pk_run")),
    )
    op.create_index(
        op.f("ix_run_utility_id_kind_run_date"),
        "run",
        ["utility_id", "kind", "run_date"],
        unique=False,
    )
    op.create_table(
        "journal_entry",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("booking_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=400), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=True),
        sa.Column("run_id", sa.BigInteger(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=200), nullable=True),
        sa.Column("reverses_entry_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_txid", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "reverses_entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_journal_entry_utility_id_reverses_entry_id_journal_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "run_id"],
            ["run.utility_id", "run.run_id"],
            name=op.f("fk_journal_entry_utility_id_run_id_run"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_journal_entry_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "entry_id", name=op.f("pk_journal_entry")),
        sa.UniqueConstraint(
            "utility_id",
            "idempotency_key",
            name=op.f("uq_journal_entry_utility_id_idempotency_key"),
        ),
        sa.UniqueConstraint(
            "utility_id",
            "reverses_entry_id",
            name=op.f("uq_journal_entry_utility_id_reverses_entry_id"),
        ),
    )
    op.create_index(
        op.f("ix_journal_entry_utility_id_booking_date"),
        "journal_entry",
        ["utility_id", "booking_date"],
        unique=False,
    )
    op.create_table(
        "open_item",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("open_item_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=True),
        sa.Column("opened_by_entry_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "opened_by_entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_open_item_utility_id_opened_by_entry_id_journal_entry"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "open_item_id", name=op.f("pk_open_item")),
    )
    op.create_index(
        op.f("ix_open_item_utility_id_customer_id"),
        "open_item",
        ["utility_id", "customer_id"],
        unique=False,
    )
    op.create_table(
        "posting",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=True),
        sa.Column("open_item_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_posting_utility_id_entry_id_journal_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "open_item_id"],
            ["open_item.utility_id", "open_item.open_item_id"],
            name=op.f("fk_posting_utility_id_open_item_id_open_item"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "entry_id", "line_no", name=op.f("pk_posting")),
    )
    op.create_index(
        op.f("ix_posting_utility_id_account"), "posting", ["utility_id", "account"], unique=False
    )
    op.create_index(
        op.f("ix_posting_utility_id_customer_id"),
        "posting",
        ["utility_id", "customer_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_posting_utility_id_open_item_id"),
        "posting",
        ["utility_id", "open_item_id"],
        unique=False,
    )

    _apply(ledger_guards.postgresql_ddl(), ledger_guards.sqlite_ddl())


def downgrade() -> None:
    _apply(ledger_guards.postgresql_drop_ddl(), ledger_guards.sqlite_drop_ddl())
    op.drop_index(op.f("ix_posting_utility_id_open_item_id"), table_name="posting")
    op.drop_index(op.f("ix_posting_utility_id_customer_id"), table_name="posting")
    op.drop_index(op.f("ix_posting_utility_id_account"), table_name="posting")
    op.drop_table("posting")
    op.drop_index(op.f("ix_open_item_utility_id_customer_id"), table_name="open_item")
    op.drop_table("open_item")
    op.drop_index(op.f("ix_journal_entry_utility_id_booking_date"), table_name="journal_entry")
    op.drop_table("journal_entry")
    op.drop_index(op.f("ix_run_utility_id_kind_run_date"), table_name="run")
    op.drop_table("run")
    op.drop_table("rule_document")
    op.drop_table("id_counter")
    op.drop_table("account_map")
    op.drop_table("utility")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
