"""Fresh planner statistics, so the queries of a batch run keep their index plans as tables grow.

Without statistics SQLite's planner guesses, and on a ledger of a few thousand postings it can
pick a plan that is quadratic (every open item against every journal entry: the late-interest
query went from 10 ms to over a second). The daily run refreshes them before it starts:
SQLite samples at most `analysis_limit` rows per index, PostgreSQL samples by itself, so it is
cheap on a large database too (PostgreSQL's autovacuum does the same where it is on).
"""

from __future__ import annotations

from sqlalchemy import Engine, text

SQLITE_ANALYSIS_LIMIT = 1000


def refresh_statistics(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}"))
        connection.execute(text("ANALYZE"))
        connection.commit()
