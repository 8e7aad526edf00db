"""Tables for external collection, landlords and cut-offs (issue 6, items 7–9), append-only:

- `agency_file` / `agency_payment`: the partner's return files of payments, each taken whole
  and once (its content hash), each line with the ledger entry that cleared it to the claim;
- `write_off`: claims written off as bad debt (partial or full) and their reversals, each row
  with its ledger entry, reason and who;
- `cut_off`: a reconstruction or bankruptcy cut-off of a customer (`aalborg 3.5`);
- `rental_property`: properties whose owner supplies the heat to tenants without a direct
  relationship (`aalborg 2.10`) — the register holds no such tenants, so staff mark it.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Integer, String, Table, UniqueConstraint

from heatbill.adapters.db.tables import metadata

EXTERNAL_TABLES = ("agency_file", "agency_payment", "write_off", "cut_off", "rental_property")

agency_file = Table(
    "agency_file",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("file_id", BigInteger, primary_key=True, autoincrement=False),
    Column("file_name", String(200), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("lines", Integer, nullable=False),
    Column("total_ore", BigInteger, nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("utility_id", "content_hash"),
)

agency_payment = Table(
    "agency_payment",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("file_id", BigInteger, primary_key=True, autoincrement=False),
    Column("line_no", Integer, primary_key=True, autoincrement=False),
    Column("claim_id", BigInteger, nullable=False),
    Column("paid_on", Date, nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("costs_ore", BigInteger, nullable=False),
    Column("entry_id", BigInteger, nullable=False),
)
"""One line of a return file: a payment to the claim, and the partner's own costs (kept by
the partner from the debtor, checked against the legal cap, not booked here)."""

write_off = Table(
    "write_off",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("write_off_id", BigInteger, primary_key=True, autoincrement=False),
    Column("claim_id", BigInteger, nullable=False),
    Column("reverses_id", BigInteger, nullable=True),
    Column("on_date", Date, nullable=False),
    Column("amount_ore", BigInteger, nullable=False),
    Column("entry_id", BigInteger, nullable=False),
    Column("reason", String(400), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""A write-off (reverses_id null) or the reversal of write-off `reverses_id`."""

cut_off = Table(
    "cut_off",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("cut_off_id", BigInteger, primary_key=True, autoincrement=False),
    Column("customer_id", BigInteger, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

rental_property = Table(
    "rental_property",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("property_id", BigInteger, primary_key=True, autoincrement=False),
    Column("since_on", Date, nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
