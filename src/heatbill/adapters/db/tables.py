"""The schema, as SQLAlchemy Core tables. Migrations in `migrations/` must produce exactly this.

Every table belongs to one utility: its primary key and every index start with `utility_id`,
so a large installation can later shard by utility. Amounts are BIGINT øre on both databases.
Ledger tables (journal_entry, posting, open_item) are append-only; triggers refuse UPDATE and
DELETE (see `ledger_guards.py`).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

utility = Table(
    "utility",
    metadata,
    Column("utility_id", Integer, primary_key=True, autoincrement=False),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("cvr", String(8), nullable=False),
    Column("address", String(400), nullable=False),
    Column("fi_creditor_number", String(8), nullable=True),
    Column("pbs_number", String(8), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

id_counter = Table(
    "id_counter",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("name", String(40), primary_key=True),
    Column("next_value", BigInteger, nullable=False),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
)
"""Per-utility id sequences, reserved in blocks with one UPDATE … RETURNING (both databases)."""

rule_document = Table(
    "rule_document",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("valid_from", Date, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("source_text", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
)
"""A utility's rulebook and tariff sheet versions, kept as the TOML text that was loaded."""

account_map = Table(
    "account_map",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("account", String(40), primary_key=True),
    Column("gl_number", String(20), nullable=False),
    Column("gl_name", String(200), nullable=False),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
)
"""The chart-of-accounts mapping: internal account → the utility's own GL account."""

run = Table(
    "run",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("run_id", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(40), nullable=False),
    Column("run_date", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
    Index(None, "utility_id", "kind", "run_date"),
)

journal_entry = Table(
    "journal_entry",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("entry_id", BigInteger, primary_key=True, autoincrement=False),
    Column("booking_date", Date, nullable=False),
    Column("reason", String(40), nullable=False),
    Column("description", String(400), nullable=False),
    Column("clause", String(80), nullable=True),
    Column("run_id", BigInteger, nullable=True),
    Column("idempotency_key", String(200), nullable=True),
    Column("reverses_entry_id", BigInteger, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_txid", BigInteger, nullable=True),
    # created_txid: filled by PostgreSQL (DEFAULT txid_current()) for the ledger guard that
    # refuses postings added to an entry of an earlier transaction; unused on SQLite.
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
    ForeignKeyConstraint(["utility_id", "run_id"], ["run.utility_id", "run.run_id"]),
    ForeignKeyConstraint(
        ["utility_id", "reverses_entry_id"],
        ["journal_entry.utility_id", "journal_entry.entry_id"],
    ),
    UniqueConstraint("utility_id", "idempotency_key"),
    UniqueConstraint("utility_id", "reverses_entry_id"),
    Index(None, "utility_id", "booking_date"),
)

open_item = Table(
    "open_item",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("open_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("due_date", Date, nullable=False),
    Column("reference", String(200), nullable=False),
    Column("clause", String(80), nullable=True),
    Column("opened_by_entry_id", BigInteger, nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "opened_by_entry_id"],
        ["journal_entry.utility_id", "journal_entry.entry_id"],
    ),
    Index(None, "utility_id", "customer_id"),
)

posting = Table(
    "posting",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("entry_id", BigInteger, primary_key=True),
    Column("line_no", Integer, primary_key=True, autoincrement=False),
    Column("account", String(40), nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("customer_id", BigInteger, nullable=True),
    Column("open_item_id", BigInteger, nullable=True),
    ForeignKeyConstraint(
        ["utility_id", "entry_id"], ["journal_entry.utility_id", "journal_entry.entry_id"]
    ),
    ForeignKeyConstraint(
        ["utility_id", "open_item_id"], ["open_item.utility_id", "open_item.open_item_id"]
    ),
    Index(None, "utility_id", "open_item_id"),
    Index(None, "utility_id", "customer_id"),
    Index(None, "utility_id", "account"),
)

open_item_residual = Table(
    "open_item_residual",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("open_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("due_date", Date, nullable=False),
    Column("residual_ore", BigInteger, nullable=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("kind", String(20), nullable=False),
    Index(
        "ix_open_item_residual_unsettled",
        "utility_id",
        "due_date",
        "customer_id",
        "kind",
        "residual_ore",
        sqlite_where=text("residual_ore <> 0"),
        postgresql_where=text("residual_ore <> 0"),
    ),
)
"""Each open item's residual (the sum of its postings), kept by the database as postings are
inserted (`residuals`): derived, never booked. Its partial index holds only the items not
settled, so a batch run finds what is overdue without reading the paid items; it covers the
customer, kind and residual, so the arrears list sums them from the index alone."""

LEDGER_TABLES = ("journal_entry", "posting", "open_item")
"""Append-only: never updated or deleted (also the bill tables, `billing_tables`)."""
