"""The daily run's progress: a row per step finished for a utility and date (append-only).

A step is idempotent on its own (its entries carry idempotency keys, files are taken once), so
a crash between a step's commit and its row only means the step runs again and finds its work
done; the row lets a resumed run skip the step and lets staff see what ran.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Integer, String, Table, Text

from heatbill.adapters.db.tables import metadata

RUN_TABLES = ("daily_run_step",)

daily_run_step = Table(
    "daily_run_step",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("run_date", Date, primary_key=True),
    Column("step", String(30), primary_key=True),
    Column("summary", Text, nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False),
)
