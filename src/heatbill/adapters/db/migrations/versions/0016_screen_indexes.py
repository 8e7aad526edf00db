"""The staff screens at a million installations: the kept residuals carry each item's customer
and kind, covered by the unsettled index, so the arrears list sums a utility's overdue items
from that index alone (it looked up every overdue item's open item); letters found by their
customer relationship (the customer page scanned every letter of the utility).

`open_item_residual` is derived, never booked: it is made again in the new shape and filled
from the postings, and the posting trigger writes the new columns.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from heatbill.adapters.db import residuals

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNSETTLED = sa.text("residual_ore <> 0")


def upgrade() -> None:
    _residual_table(residuals.BACKFILL, wide=True)
    op.create_index(
        op.f("ix_letter_utility_id_relationship_id"), "letter", ["utility_id", "relationship_id"]
    )
    _apply(residuals.POSTGRESQL_DDL, residuals.SQLITE_DDL)


def downgrade() -> None:
    op.drop_index(op.f("ix_letter_utility_id_relationship_id"), table_name="letter")
    _residual_table(_NARROW_BACKFILL, wide=False)
    _apply(_NARROW_POSTGRESQL_DDL, _NARROW_SQLITE_DDL)


def _residual_table(backfill: str, *, wide: bool) -> None:
    _apply(residuals.POSTGRESQL_DROP_DDL, residuals.SQLITE_DROP_DDL)
    op.drop_index("ix_open_item_residual_unsettled", table_name="open_item_residual")
    op.drop_table("open_item_residual")
    columns: list[sa.schema.SchemaItem] = [
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("open_item_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("residual_ore", sa.BigInteger(), nullable=False),
    ]
    if wide:
        columns += [
            sa.Column("customer_id", sa.BigInteger(), nullable=False),
            sa.Column("kind", sa.String(length=20), nullable=False),
        ]
    op.create_table(
        "open_item_residual",
        *columns,
        sa.PrimaryKeyConstraint("utility_id", "open_item_id", name=op.f("pk_open_item_residual")),
    )
    op.execute(backfill)
    keys = ["utility_id", "due_date"] + (["customer_id", "kind", "residual_ore"] if wide else [])
    op.create_index(
        "ix_open_item_residual_unsettled",
        "open_item_residual",
        keys,
        unique=False,
        sqlite_where=UNSETTLED,
        postgresql_where=UNSETTLED,
    )


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)


# The narrow shape of 0014, for the downgrade.
_NARROW_UPSERT = """
    INSERT INTO open_item_residual (utility_id, open_item_id, due_date, residual_ore)
    SELECT p.utility_id, p.open_item_id, o.due_date, sum(p.amount_ore)
      FROM {source} p
      JOIN open_item o ON o.utility_id = p.utility_id AND o.open_item_id = p.open_item_id
     WHERE {where}
     GROUP BY p.utility_id, p.open_item_id, o.due_date
     ORDER BY p.utility_id, p.open_item_id
    ON CONFLICT (utility_id, open_item_id)
    DO UPDATE SET residual_ore = open_item_residual.residual_ore + excluded.residual_ore
"""
_NARROW_BACKFILL = _NARROW_UPSERT.format(source="posting", where="p.open_item_id IS NOT NULL")
_NARROW_SQLITE_DDL = [
    """
    CREATE TRIGGER posting_residual AFTER INSERT ON posting
    WHEN NEW.open_item_id IS NOT NULL
    BEGIN
        INSERT INTO open_item_residual (utility_id, open_item_id, due_date, residual_ore)
        SELECT NEW.utility_id, NEW.open_item_id, o.due_date, NEW.amount_ore
          FROM open_item o
         WHERE o.utility_id = NEW.utility_id AND o.open_item_id = NEW.open_item_id
        ON CONFLICT (utility_id, open_item_id)
        DO UPDATE SET residual_ore = residual_ore + excluded.residual_ore;
    END
    """
]
_NARROW_POSTGRESQL_DDL = [
    f"""
    CREATE OR REPLACE FUNCTION heatbill_add_residuals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {_NARROW_UPSERT.format(source="new_postings", where="p.open_item_id IS NOT NULL")};
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER posting_residual AFTER INSERT ON posting "
    "REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT "
    "EXECUTE FUNCTION heatbill_add_residuals()",
]
