"""Payment tables: every payment file taken in, every payment in it, and staff assignments of
payments that matched nothing. Append-only like the ledger: a payment is never edited; what
became of it is its journal entry, a charge-back's reversal, or an assignment.
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
    String,
    Table,
    UniqueConstraint,
)

from heatbill.adapters.db.tables import metadata

PAYMENT_TABLES = ("payment_file", "payment", "payment_assignment", "mandate_event")

payment_file = Table(
    "payment_file",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("import_id", BigInteger, primary_key=True, autoincrement=False),
    Column("source", String(20), nullable=False),
    Column("delivery_key", String(80), nullable=False),
    Column("created_on", Date, nullable=False),
    Column("payment_count", Integer, nullable=False),
    Column("paid_ore", BigInteger, nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "import_id"], ["file_import.utility_id", "file_import.import_id"]
    ),
    UniqueConstraint("utility_id", "source", "delivery_key"),
)
"""A payment file's delivery: the same delivery twice is refused even with other bytes."""

payment = Table(
    "payment",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("payment_id", BigInteger, primary_key=True, autoincrement=False),
    Column("import_id", BigInteger, nullable=False),
    Column("line", Integer, nullable=False),
    Column("source", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("paid_on", Date, nullable=False),
    Column("booked_on", Date, nullable=False),
    Column("reference", String(40), nullable=True),
    Column("bs_customer", BigInteger, nullable=True),
    Column("payer", String(140), nullable=True),
    Column("external_ref", String(80), nullable=True),
    Column("customer_id", BigInteger, nullable=True),
    Column("matched_by", String(20), nullable=True),
    Column("why_unmatched", String(200), nullable=True),
    Column("entry_id", BigInteger, nullable=True),
    Column("charges_back_payment_id", BigInteger, nullable=True),
    ForeignKeyConstraint(
        ["utility_id", "import_id"], ["payment_file.utility_id", "payment_file.import_id"]
    ),
    Index(None, "utility_id", "customer_id"),
    Index(None, "utility_id", "matched_by"),
)
"""One row per payment, charge-back or not-paid notice, with whom it matched and its entry."""

payment_assignment = Table(
    "payment_assignment",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("payment_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("entry_id", BigInteger, nullable=False),
    Column("reason", String(400), nullable=False),
    Column("assigned_by", String(40), nullable=False),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "payment_id"], ["payment.utility_id", "payment.payment_id"]
    ),
)
"""A payment from the clarification list assigned by staff to a customer: once, with why."""

mandate_event = Table(
    "mandate_event",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("mandate_number", BigInteger, primary_key=True, autoincrement=False),
    Column("event_no", Integer, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("event", String(30), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("import_id", BigInteger, nullable=True),
    Column("reason", String(400), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index(None, "utility_id", "customer_id"),
)
"""Betalingsservice mandates (betalingsaftaler) as their events — registered, cancelled by the
bank, the creditor or Nets — from 0603 deliveries and from moves; a mandate's state is its
newest event."""
