"""Collections tables: every step taken on a claim and every event that changes how a claim
may proceed (a dispute raised or lifted, a plan agreed or breached, a security demanded or
given, a cut-off). Append-only: a claim's history is never edited; its state is the fold of
its events, so the case page can always say what was done, when, by whom and under which clause.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Index, Integer, String, Table

from heatbill.adapters.db.tables import metadata

COLLECTION_TABLES = ("claim_step", "claim_event")

claim_step = Table(
    "claim_step",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("claim_id", BigInteger, primary_key=True, autoincrement=False),
    Column("step_no", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(30), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("deadline", Date, nullable=True),
    Column("fee_ore", BigInteger, nullable=False),
    Column("fee_item_id", BigInteger, nullable=True),
    Column("letter_id", BigInteger, nullable=True),
    Column("clause", String(80), nullable=False),
    Column("note", String(400), nullable=True),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "utility_id", "on_date"),
)
"""One row per step on a claim (the claim is its bill's open item), numbered from 1."""

claim_event = Table(
    "claim_event",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("claim_id", BigInteger, primary_key=True, autoincrement=False),
    Column("event_no", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(30), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("reason", String(400), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""Disputes, plans, securities and cut-offs on a claim, in order."""
