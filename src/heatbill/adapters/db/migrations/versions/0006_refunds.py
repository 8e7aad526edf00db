"""Refunds out: payout accounts of parties and of the utility, refund proposals, staff
decisions and payout files — all append-only.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUND_TABLES = (
    "party_payout_account",
    "utility_payout_account",
    "refund_proposal",
    "refund_decision",
    "refund_payout_file",
    "refund_payout",
)


def upgrade() -> None:
    op.create_table(
        "refund_payout_file",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("payout_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.String(length=35), nullable=False),
        sa.Column("execution_date", sa.Date(), nullable=False),
        sa.Column("refund_count", sa.Integer(), nullable=False),
        sa.Column("total_ore", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"],
            ["utility.utility_id"],
            name=op.f("fk_refund_payout_file_utility_id_utility"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "payout_id", name=op.f("pk_refund_payout_file")),
        sa.UniqueConstraint(
            "utility_id", "message_id", name=op.f("uq_refund_payout_file_utility_id_message_id")
        ),
    )
    op.create_table(
        "utility_payout_account",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("iban", sa.String(length=34), nullable=False),
        sa.Column("bic", sa.String(length=11), nullable=False),
        sa.Column("nemkonto_agreed", sa.Boolean(), nullable=False),
        sa.Column("registered_by", sa.String(length=40), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"],
            ["utility.utility_id"],
            name=op.f("fk_utility_payout_account_utility_id_utility"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "version", name=op.f("pk_utility_payout_account")),
    )
    op.create_table(
        "party_payout_account",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("reg_number", sa.String(length=4), nullable=True),
        sa.Column("account_number", sa.String(length=10), nullable=True),
        sa.Column("iban", sa.String(length=34), nullable=True),
        sa.Column("registered_by", sa.String(length=40), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "party_id"],
            ["party.utility_id", "party.party_id"],
            name=op.f("fk_party_payout_account_utility_id_party_id_party"),
        ),
        sa.PrimaryKeyConstraint(
            "utility_id", "party_id", "version", name=op.f("pk_party_payout_account")
        ),
    )
    op.create_table(
        "refund_proposal",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_key", sa.String(length=120), nullable=False),
        sa.Column("source_entry_id", sa.BigInteger(), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("amount_ore", sa.BigInteger(), nullable=False),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("account_kind", sa.String(length=10), nullable=False),
        sa.Column("reg_number", sa.String(length=4), nullable=True),
        sa.Column("account_number", sa.String(length=10), nullable=True),
        sa.Column("iban", sa.String(length=34), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "party_id"],
            ["party.utility_id", "party.party_id"],
            name=op.f("fk_refund_proposal_utility_id_party_id_party"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "source_entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_refund_proposal_utility_id_source_entry_id_journal_entry"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "proposal_id", name=op.f("pk_refund_proposal")),
        sa.UniqueConstraint(
            "utility_id", "source_key", name=op.f("uq_refund_proposal_utility_id_source_key")
        ),
    )
    op.create_index(
        op.f("ix_refund_proposal_utility_id_customer_id"),
        "refund_proposal",
        ["utility_id", "customer_id"],
        unique=False,
    )
    op.create_table(
        "refund_decision",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_refund_decision_utility_id_entry_id_journal_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "proposal_id"],
            ["refund_proposal.utility_id", "refund_proposal.proposal_id"],
            name=op.f("fk_refund_decision_utility_id_proposal_id_refund_proposal"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "proposal_id", name=op.f("pk_refund_decision")),
    )
    op.create_table(
        "refund_payout",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("payout_id", sa.BigInteger(), nullable=False),
        sa.Column("end_to_end_id", sa.String(length=35), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "entry_id"],
            ["journal_entry.utility_id", "journal_entry.entry_id"],
            name=op.f("fk_refund_payout_utility_id_entry_id_journal_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "payout_id"],
            ["refund_payout_file.utility_id", "refund_payout_file.payout_id"],
            name=op.f("fk_refund_payout_utility_id_payout_id_refund_payout_file"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "proposal_id"],
            ["refund_proposal.utility_id", "refund_proposal.proposal_id"],
            name=op.f("fk_refund_payout_utility_id_proposal_id_refund_proposal"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "proposal_id", name=op.f("pk_refund_payout")),
    )
    op.create_index(
        op.f("ix_refund_payout_utility_id_payout_id"),
        "refund_payout",
        ["utility_id", "payout_id"],
        unique=False,
    )
    _apply(*ledger_guards.append_only_ddl(REFUND_TABLES))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(REFUND_TABLES))
    op.drop_index(op.f("ix_refund_payout_utility_id_payout_id"), table_name="refund_payout")
    op.drop_table("refund_payout")
    op.drop_table("refund_decision")
    op.drop_index(op.f("ix_refund_proposal_utility_id_customer_id"), table_name="refund_proposal")
    op.drop_table("refund_proposal")
    op.drop_table("party_payout_account")
    op.drop_table("utility_payout_account")
    op.drop_table("refund_payout_file")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
