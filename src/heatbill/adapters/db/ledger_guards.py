"""Database-side guards of the ledger's rules, as DDL per dialect (applied by the migrations).

- Append-only: UPDATE and DELETE on journal_entry, posting and open_item are refused.
- Balanced (PostgreSQL): a deferred constraint trigger checks at commit that every entry
  created in the transaction has at least two postings summing to zero, and postings may only
  be added to an entry created in the same transaction. On SQLite the domain check
  (`JournalEntry`) and the repository, which writes an entry and its postings together, hold it.
"""

from __future__ import annotations

from collections.abc import Sequence

from heatbill.adapters.db.tables import LEDGER_TABLES

APPEND_ONLY_MESSAGE = "heatbill ledger is append-only: book a reversal instead"


def sqlite_ddl(tables: Sequence[str] = LEDGER_TABLES) -> list[str]:
    statements = []
    for table in tables:
        for action in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
            )
    return statements


def sqlite_drop_ddl(tables: Sequence[str] = LEDGER_TABLES) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_{action}"
        for table in tables
        for action in ("update", "delete")
    ]


def _postgresql_append_only(tables: Sequence[str]) -> list[str]:
    statements = []
    for table in tables:
        statements.append(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION heatbill_refuse_change()"
        )
        statements.append(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION heatbill_refuse_change()"
        )
    return statements


def _postgresql_append_only_drop(tables: Sequence[str]) -> list[str]:
    statements = []
    for table in tables:
        statements.append(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        statements.append(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    return statements


def append_only_ddl(tables: Sequence[str]) -> tuple[list[str], list[str]]:
    """(PostgreSQL, SQLite) DDL making more tables append-only (bills, later migrations)."""
    return _postgresql_append_only(tables), sqlite_ddl(tables)


def append_only_drop_ddl(tables: Sequence[str]) -> tuple[list[str], list[str]]:
    return _postgresql_append_only_drop(tables), sqlite_drop_ddl(tables)


_PG_FUNCTIONS = [
    f"""
    CREATE FUNCTION heatbill_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{APPEND_ONLY_MESSAGE} (% on %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
    END $$
    """,
    """
    CREATE FUNCTION heatbill_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        lines integer;
        net bigint;
    BEGIN
        SELECT count(*), coalesce(sum(amount_ore), 0) INTO lines, net
          FROM posting WHERE utility_id = NEW.utility_id AND entry_id = NEW.entry_id;
        IF lines < 2 OR net <> 0 THEN
            RAISE EXCEPTION 'journal entry % of utility % is not balanced (% postings, net % øre)',
                NEW.entry_id, NEW.utility_id, lines, net USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION heatbill_check_posting_entry_open() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (
            SELECT 1 FROM new_postings p JOIN journal_entry e
              ON e.utility_id = p.utility_id AND e.entry_id = p.entry_id
             WHERE e.created_txid <> txid_current()
        ) THEN
            RAISE EXCEPTION 'postings can only be added to an entry booked in the same transaction'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END $$
    """,
]


def postgresql_ddl() -> list[str]:
    statements = [
        "ALTER TABLE journal_entry ALTER COLUMN created_txid SET DEFAULT txid_current()",
        *_PG_FUNCTIONS,
    ]
    statements += _postgresql_append_only(LEDGER_TABLES)
    statements += [
        "CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION heatbill_check_entry_balanced()",
        "CREATE TRIGGER posting_entry_open AFTER INSERT ON posting "
        "REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT "
        "EXECUTE FUNCTION heatbill_check_posting_entry_open()",
    ]
    return statements


def postgresql_drop_ddl() -> list[str]:
    statements = ["DROP TRIGGER IF EXISTS posting_entry_open ON posting"]
    statements.append("DROP TRIGGER IF EXISTS journal_entry_balanced ON journal_entry")
    statements += _postgresql_append_only_drop(LEDGER_TABLES)
    statements += [
        "DROP FUNCTION IF EXISTS heatbill_check_posting_entry_open()",
        "DROP FUNCTION IF EXISTS heatbill_check_entry_balanced()",
        "DROP FUNCTION IF EXISTS heatbill_refuse_change()",
        "ALTER TABLE journal_entry ALTER COLUMN created_txid DROP DEFAULT",
    ]
    return statements
