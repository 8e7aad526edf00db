"""Open items' residuals kept by the database (`residuals`), with a partial index of the items
not settled; bills found by their open item.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNSETTLED = sa.text("residual_ore <> 0")

# The residual statements as this revision made them (frozen: `residuals` has moved on, 0016).
_UPSERT_SUM = """
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
BACKFILL = _UPSERT_SUM.format(source="posting", where="p.open_item_id IS NOT NULL")
SQLITE_DDL = [
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
SQLITE_DROP_DDL = ["DROP TRIGGER IF EXISTS posting_residual"]
POSTGRESQL_DDL = [
    f"""
    CREATE OR REPLACE FUNCTION heatbill_add_residuals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {_UPSERT_SUM.format(source="new_postings", where="p.open_item_id IS NOT NULL")};
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER posting_residual AFTER INSERT ON posting "
    "REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT "
    "EXECUTE FUNCTION heatbill_add_residuals()",
]
POSTGRESQL_DROP_DDL = [
    "DROP TRIGGER IF EXISTS posting_residual ON posting",
    "DROP FUNCTION IF EXISTS heatbill_add_residuals()",
]


def upgrade() -> None:
    op.create_table(
        "open_item_residual",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("open_item_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("residual_ore", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("utility_id", "open_item_id", name=op.f("pk_open_item_residual")),
    )
    op.execute(BACKFILL)
    op.create_index(
        "ix_open_item_residual_unsettled",
        "open_item_residual",
        ["utility_id", "due_date"],
        unique=False,
        sqlite_where=UNSETTLED,
        postgresql_where=UNSETTLED,
    )
    op.create_index(op.f("ix_bill_utility_id_open_item_id"), "bill", ["utility_id", "open_item_id"])
    _apply(POSTGRESQL_DDL, SQLITE_DDL)


def downgrade() -> None:
    _apply(POSTGRESQL_DROP_DDL, SQLITE_DROP_DDL)
    op.drop_index(op.f("ix_bill_utility_id_open_item_id"), table_name="bill")
    op.drop_index("ix_open_item_residual_unsettled", table_name="open_item_residual")
    op.drop_table("open_item_residual")


def _apply(postgresql: list[str], sqlite: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in postgresql if dialect == "postgresql" else sqlite:
        op.execute(statement)
