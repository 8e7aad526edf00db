"""Payment plan tables: the plans granted, the open items each covers, their installments,
how each ended, and the customers' requests with staff's decisions. All append-only: a plan's
state is whether it has an outcome row (none: running), a request's whether it has a decision.

The ledger is not touched by a plan beyond its fee: the claims' items stay open and payments
clear them as always; the installments are a schedule checked against those payments
(`domain.collections.plan_watch`).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Index, Integer, String, Table

from heatbill.adapters.db.tables import metadata

PLAN_TABLES = (
    "payment_plan",
    "payment_plan_item",
    "payment_plan_installment",
    "payment_plan_outcome",
    "plan_request",
    "plan_request_claim",
    "plan_request_decision",
)

payment_plan = Table(
    "payment_plan",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("plan_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("granted_on", Date, nullable=False),
    Column("start_on", Date, nullable=False),
    Column("months", Integer, nullable=False),
    Column("owed_ore", BigInteger, nullable=False),
    Column("fee_ore", BigInteger, nullable=False),
    Column("fee_item_id", BigInteger, nullable=True),
    Column("total_ore", BigInteger, nullable=False),
    Column("reason", String(400), nullable=False),
    Column("clause", String(80), nullable=False),
    Column("request_id", BigInteger, nullable=True),
    Column("letter_id", BigInteger, nullable=True),
    Column("granted_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "utility_id", "customer_id"),
)
"""A plan as granted: what its claims owed, its fee (and fee item), total and terms."""

payment_plan_item = Table(
    "payment_plan_item",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("plan_id", BigInteger, primary_key=True, autoincrement=False),
    Column("open_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("claim_id", BigInteger, nullable=True),
    Column("role", String(20), nullable=False),
)
"""The open items a plan covers: each claim's bill, fees and interest, and the plan's fee
(claim_id empty); the claims covered are the distinct claim ids."""

payment_plan_installment = Table(
    "payment_plan_installment",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("plan_id", BigInteger, primary_key=True, autoincrement=False),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("due_date", Date, nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
)

payment_plan_outcome = Table(
    "payment_plan_outcome",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("plan_id", BigInteger, primary_key=True, autoincrement=False),
    Column("outcome", String(20), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("reason", String(400), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""How a plan ended, once: breached (with what was not paid) or completed."""

plan_request = Table(
    "plan_request",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("request_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("received_on", Date, nullable=False),
    Column("start_on", Date, nullable=False),
    Column("months", Integer, nullable=False),
    Column("note", String(400), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""A customer's request for a plan (from staff or, later, the portal), for staff to decide."""

plan_request_claim = Table(
    "plan_request_claim",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("request_id", BigInteger, primary_key=True, autoincrement=False),
    Column("claim_id", BigInteger, primary_key=True, autoincrement=False),
)

plan_request_decision = Table(
    "plan_request_decision",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("request_id", BigInteger, primary_key=True, autoincrement=False),
    Column("decision", String(20), nullable=False),
    Column("plan_id", BigInteger, nullable=True),
    Column("reason", String(400), nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("decided_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""Staff's decision on a request, once: granted (with the plan) or refused (with why)."""
