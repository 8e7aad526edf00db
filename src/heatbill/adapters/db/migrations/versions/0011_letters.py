"""Letters as sent: rendered documents and delivery attempts (append-only), the bill or budget
a letter carries, and the utility's letterhead.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import ledger_guards

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LETTER_APPEND_ONLY = ("letter_document", "letter_delivery")


def _letter_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["utility_id", "letter_id"],
        ["letter.utility_id", "letter.letter_id"],
        name=op.f(f"fk_{table}_utility_id_letter_id_letter"),
    )


def upgrade() -> None:
    op.create_table(
        "letter_document",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("letter_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("rendered_at", sa.DateTime(timezone=True), nullable=False),
        _letter_fk("letter_document"),
        sa.PrimaryKeyConstraint("utility_id", "letter_id", name=op.f("pk_letter_document")),
    )
    op.create_table(
        "letter_delivery",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("letter_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("attempt_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("detail", sa.String(length=400), nullable=True),
        sa.Column("batch", sa.String(length=200), nullable=True),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        _letter_fk("letter_delivery"),
        sa.PrimaryKeyConstraint(
            "utility_id", "letter_id", "attempt_no", name=op.f("pk_letter_delivery")
        ),
    )
    op.create_table(
        "letter_source",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("source_kind", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.String(length=60), nullable=False),
        sa.Column("letter_id", sa.BigInteger(), nullable=False),
        _letter_fk("letter_source"),
        sa.PrimaryKeyConstraint(
            "utility_id", "source_kind", "source_id", name=op.f("pk_letter_source")
        ),
    )
    op.create_index(
        op.f("ix_letter_source_utility_id_letter_id"), "letter_source", ["utility_id", "letter_id"]
    )
    op.create_table(
        "letter_profile",
        sa.Column("utility_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("website", sa.String(length=200), nullable=True),
        sa.Column("logo_path", sa.String(length=400), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id"],
            ["utility.utility_id"],
            name=op.f("fk_letter_profile_utility_id_utility"),
        ),
        sa.PrimaryKeyConstraint("utility_id", name=op.f("pk_letter_profile")),
    )
    _apply(*ledger_guards.append_only_ddl(LETTER_APPEND_ONLY))


def downgrade() -> None:
    _apply(*ledger_guards.append_only_drop_ddl(LETTER_APPEND_ONLY))
    op.drop_table("letter_profile")
    op.drop_index(op.f("ix_letter_source_utility_id_letter_id"), table_name="letter_source")
    op.drop_table("letter_source")
    op.drop_table("letter_delivery")
    op.drop_table("letter_document")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
