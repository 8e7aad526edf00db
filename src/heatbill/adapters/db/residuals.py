"""Open items' residuals kept by the database (`open_item_residual`): every posting on an open
item adds its amount to the item's row as it is inserted — a row trigger on SQLite, one
set-based statement per INSERT or COPY on PostgreSQL (a statement trigger over the new rows).
The row carries the item's due date, customer and kind too (never changed once the item is
opened), so the overdue and arrears queries read it alone (migration 0016).

Derived from the append-only postings, never booked: `rebuild` recomputes a utility's rows from
the postings (for data loaded with the triggers off, as a benchmark's generator does).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_UPSERT_SUM = """
    INSERT INTO open_item_residual
           (utility_id, open_item_id, due_date, customer_id, kind, residual_ore)
    SELECT p.utility_id, p.open_item_id, o.due_date, o.customer_id, o.kind, sum(p.amount_ore)
      FROM {source} p
      JOIN open_item o ON o.utility_id = p.utility_id AND o.open_item_id = p.open_item_id
     WHERE {where}
     GROUP BY p.utility_id, p.open_item_id, o.due_date, o.customer_id, o.kind
     ORDER BY p.utility_id, p.open_item_id
    ON CONFLICT (utility_id, open_item_id)
    DO UPDATE SET residual_ore = open_item_residual.residual_ore + excluded.residual_ore
"""

SQLITE_DDL = [
    """
    CREATE TRIGGER posting_residual AFTER INSERT ON posting
    WHEN NEW.open_item_id IS NOT NULL
    BEGIN
        INSERT INTO open_item_residual
               (utility_id, open_item_id, due_date, customer_id, kind, residual_ore)
        SELECT NEW.utility_id, NEW.open_item_id, o.due_date, o.customer_id, o.kind,
               NEW.amount_ore
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

BACKFILL = _UPSERT_SUM.format(source="posting", where="p.open_item_id IS NOT NULL")


def rebuild(connection: Connection, utility_id: int) -> None:
    """Recompute the utility's residuals from its postings; not committed."""
    connection.execute(
        text("DELETE FROM open_item_residual WHERE utility_id = :u"), {"u": utility_id}
    )
    where = "p.utility_id = :u AND p.open_item_id IS NOT NULL"
    connection.execute(text(_UPSERT_SUM.format(source="posting", where=where)), {"u": utility_id})
