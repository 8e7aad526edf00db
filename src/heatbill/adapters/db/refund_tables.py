"""Refund tables: where parties and the utility are paid to and from, the refund proposals,
staff decisions on them, and the payout files. All append-only: an account is changed by a
new version, a decision is one row per proposal, and a proposal is in at most one payout file
(the payout row's key is the proposal).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from heatbill.adapters.db.tables import metadata

REFUND_TABLES = (
    "party_payout_account",
    "utility_payout_account",
    "refund_proposal",
    "refund_decision",
    "refund_payout_file",
    "refund_payout",
)

party_payout_account = Table(
    "party_payout_account",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("party_id", BigInteger, primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False),
    Column("reg_number", String(4), nullable=True),
    Column("account_number", String(10), nullable=True),
    Column("iban", String(34), nullable=True),
    Column("registered_by", String(40), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id", "party_id"], ["party.utility_id", "party.party_id"]),
)
"""A party's payout account; the highest version is in force."""

utility_payout_account = Table(
    "utility_payout_account",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("iban", String(34), nullable=False),
    Column("bic", String(11), nullable=False),
    Column("nemkonto_agreed", Boolean, nullable=False),
    Column("registered_by", String(40), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
)
"""The utility's own account refunds are paid from; the highest version is in force."""

refund_proposal = Table(
    "refund_proposal",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("proposal_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("party_id", BigInteger, nullable=False),
    Column("source", String(20), nullable=False),
    Column("source_key", String(120), nullable=False),
    Column("source_entry_id", BigInteger, nullable=True),
    Column("reference", String(200), nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("proposed_on", Date, nullable=False),
    Column("account_kind", String(10), nullable=False),
    Column("reg_number", String(4), nullable=True),
    Column("account_number", String(10), nullable=True),
    Column("iban", String(34), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id", "party_id"], ["party.utility_id", "party.party_id"]),
    ForeignKeyConstraint(
        ["utility_id", "source_entry_id"],
        ["journal_entry.utility_id", "journal_entry.entry_id"],
    ),
    UniqueConstraint("utility_id", "source_key"),
    Index(None, "utility_id", "customer_id"),
)
"""A refund proposed for payout, with the account it goes to as it stood when proposed."""

refund_decision = Table(
    "refund_decision",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("proposal_id", BigInteger, primary_key=True, autoincrement=False),
    Column("decision", String(10), nullable=False),
    Column("decided_by", String(40), nullable=False),
    Column("reason", String(400), nullable=True),
    Column("decided_on", Date, nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Column("entry_id", BigInteger, nullable=True),
    ForeignKeyConstraint(
        ["utility_id", "proposal_id"],
        ["refund_proposal.utility_id", "refund_proposal.proposal_id"],
    ),
    ForeignKeyConstraint(
        ["utility_id", "entry_id"], ["journal_entry.utility_id", "journal_entry.entry_id"]
    ),
)
"""Staff's one decision on a proposal: who, when, why, and the entry an approval booked."""

refund_payout_file = Table(
    "refund_payout_file",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("payout_id", BigInteger, primary_key=True, autoincrement=False),
    Column("message_id", String(35), nullable=False),
    Column("execution_date", Date, nullable=False),
    Column("refund_count", Integer, nullable=False),
    Column("total_ore", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
    UniqueConstraint("utility_id", "message_id"),
)
"""A pain.001 file as made (kept whole: the voucher of its entries)."""

refund_payout = Table(
    "refund_payout",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("proposal_id", BigInteger, primary_key=True, autoincrement=False),
    Column("payout_id", BigInteger, nullable=False),
    Column("end_to_end_id", String(35), nullable=False),
    Column("entry_id", BigInteger, nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "proposal_id"],
        ["refund_proposal.utility_id", "refund_proposal.proposal_id"],
    ),
    ForeignKeyConstraint(
        ["utility_id", "payout_id"],
        ["refund_payout_file.utility_id", "refund_payout_file.payout_id"],
    ),
    ForeignKeyConstraint(
        ["utility_id", "entry_id"], ["journal_entry.utility_id", "journal_entry.entry_id"]
    ),
    Index(None, "utility_id", "payout_id"),
)
"""A refund in a payout file: keyed by its proposal, so no refund is in two files."""
