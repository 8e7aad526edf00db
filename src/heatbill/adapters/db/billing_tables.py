"""Billing tables: bills and their lines (append-only, like the ledger), budgets.

A bill is unique per (installation, kind, period, revision): a billing run repeated for the
same date finds its bills and books nothing new; a correction is a new revision.
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
from heatbill.adapters.db.types import ScaledDecimal

bill = Table(
    "bill",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("bill_id", BigInteger, primary_key=True, autoincrement=False),
    Column("number", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("relationship_id", BigInteger, nullable=False),
    Column("installation_id", BigInteger, nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("issue_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("net_ore", BigInteger, nullable=False),
    Column("vat_ore", BigInteger, nullable=False),
    Column("entry_id", BigInteger, nullable=False),
    Column("open_item_id", BigInteger, nullable=False),
    Column("corrects_bill_id", BigInteger, nullable=True),
    Column("run_id", BigInteger, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "entry_id"], ["journal_entry.utility_id", "journal_entry.entry_id"]
    ),
    UniqueConstraint("utility_id", "number"),
    UniqueConstraint(
        "utility_id", "installation_id", "kind", "period_start", "period_end", "revision"
    ),
    Index(None, "utility_id", "relationship_id"),
    Index(None, "utility_id", "issue_date"),
    Index(None, "utility_id", "open_item_id"),
)

bill_line = Table(
    "bill_line",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("bill_id", BigInteger, primary_key=True),
    Column("line_no", Integer, primary_key=True, autoincrement=False),
    Column("text", String(300), nullable=False),
    Column("account", String(40), nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("vat_ore", BigInteger, nullable=False),
    Column("clause", String(80), nullable=True),
    Column("quantity", ScaledDecimal(3), nullable=True),
    Column("unit", String(20), nullable=True),
    Column("rate", ScaledDecimal(4), nullable=True),
    ForeignKeyConstraint(["utility_id", "bill_id"], ["bill.utility_id", "bill.bill_id"]),
)

budget = Table(
    "budget",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("relationship_id", BigInteger, primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("basis", String(30), nullable=False),
    Column("expected_mwh", ScaledDecimal(3), nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("clause", String(80), nullable=True),
    Column("reason", String(400), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""A customer's budget (a-conto) for a heating year; a re-set is a new revision (`vestervig
6.1`), the earlier one kept."""

budget_installment = Table(
    "budget_installment",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("relationship_id", BigInteger, primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("charge_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "relationship_id", "year", "revision"],
        ["budget.utility_id", "budget.relationship_id", "budget.year", "budget.revision"],
    ),
    Index(None, "utility_id", "charge_date"),
)

BILLING_APPEND_ONLY = ("bill", "bill_line")
