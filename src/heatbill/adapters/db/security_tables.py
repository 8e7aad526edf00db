"""Securities tables: the demands staff made after an individual assessment, the securities
given (a cash deposit with its ledger entry, or a guarantee from a bank, an insurer or the
municipality with its reference and expiry), and their releases. Append-only: a security's
story is never edited, so a complaint can be answered from it (`solrod 7.1`)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Index, Integer, String, Table

from heatbill.adapters.db.tables import metadata

SECURITY_TABLES = ("security_demand", "security", "security_release")

security_demand = Table(
    "security_demand",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("demand_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("party_id", BigInteger, nullable=False),
    Column("on_date", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("grounds", String(80), nullable=False),
    Column("assessment_note", String(1000), nullable=False),
    Column("clause", String(80), nullable=False),
    Column("letter_id", BigInteger, nullable=True),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "utility_id", "customer_id"),
)
"""A demand for security (krav om sikkerhedsstillelse): amount, deadline, the grounds and the
staff's individual assessment (`vestervig 6.10`), and the demand letter."""

security = Table(
    "security",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("security_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("party_id", BigInteger, nullable=False),
    Column("demand_id", BigInteger, nullable=True),
    Column("form", String(40), nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("provider", String(200), nullable=True),
    Column("reference", String(200), nullable=True),
    Column("provided_on", Date, nullable=False),
    Column("expires_on", Date, nullable=True),
    Column("entry_id", BigInteger, nullable=True),
    Column("note", String(400), nullable=True),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "utility_id", "customer_id"),
)
"""A security given: its form, amount, who stands behind it (bank, insurer, municipality) and
their reference, its expiry; a cash deposit's DEPOSITS_HELD entry."""

security_release = Table(
    "security_release",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("security_id", BigInteger, primary_key=True, autoincrement=False),
    Column("released_on", Date, nullable=False),
    Column("reason", String(20), nullable=False),
    Column("set_off_ore", BigInteger, nullable=False),
    Column("refund_ore", BigInteger, nullable=False),
    Column("entry_id", BigInteger, nullable=True),
    Column("letter_id", BigInteger, nullable=True),
    Column("clause", String(80), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""A security's end: released after the period on time (a deposit set off and refunded by its
`deposit-release:` entry) or lapsed at its expiry. At most one per security."""
