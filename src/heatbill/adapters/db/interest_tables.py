"""Late-interest tables: Nationalbanken's reference rate (one table for the installation) and
the basis of every interest charge. Both append-only: a rate interest was charged at is never
changed, and a charge's basis is as permanent as its posting.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Index, Integer, String, Table

from heatbill.adapters.db.tables import metadata
from heatbill.adapters.db.types import ScaledDecimal

INTEREST_TABLES = ("reference_rate", "interest_charge")
RATE_SCALE = 4
"""Rates in percent to 0,0001 (Nationalbanken publishes two decimals)."""

reference_rate = Table(
    "reference_rate",
    metadata,
    Column("valid_from", Date, primary_key=True),
    Column("rate_percent", ScaledDecimal(RATE_SCALE), nullable=False),
    Column("added_by", String(40), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    info={"scope": "installation"},
)
"""Nationalbanken's udlånsrente fixed on 1 January / 1 July, the same for every utility (the
installation's one global table: `scope` exempts it from the utility-first key rule)."""

interest_charge = Table(
    "interest_charge",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("principal_item_id", BigInteger, primary_key=True, autoincrement=False),
    Column("from_date", Date, primary_key=True),
    Column("to_date", Date, nullable=False),
    Column("interest_item_id", BigInteger, nullable=True),
    Column("principal_ore", BigInteger, nullable=False),
    Column("days", Integer, nullable=False),
    Column("rate_percent", ScaledDecimal(RATE_SCALE), nullable=False),
    Column("day_count", String(10), nullable=False),
    Column("clause", String(80), nullable=False),
    Column("booked_on", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "utility_id", "interest_item_id"),
)
"""One row per part of an interest charge (a stretch of constant principal and rate): the
principal it ran on, `[from_date, to_date)`, its days, rate and day count. The key makes each
day of a claim's interest charged once. `interest_item_id` is the INTEREST open item it was
posted as; NULL when the last stretch of a claim already paid came to less than the minimum
posting and was let go (`services.late_interest`)."""
