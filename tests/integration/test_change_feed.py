"""The change feed hears PostgreSQL's commits of postings, residual rebuilds and relationships
(migration 0019's statement triggers) — and nothing of a transaction that rolls back."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine, text

from heatbill.adapters.db.change_feed import ChangeFeed

pytestmark = pytest.mark.postgresql


def _heard_after(feed: ChangeFeed, before: int, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if feed.generation > before:
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE relationship SET end_on = end_on WHERE false",
        "INSERT INTO posting SELECT * FROM posting WHERE false",
        "DELETE FROM open_item_residual WHERE false",
    ],
)
def test_a_commit_is_heard_and_a_rollback_is_not(postgres_engine: Engine, statement: str) -> None:
    feed = ChangeFeed(postgres_engine)
    feed.start()
    try:
        assert feed.healthy
        before = feed.generation
        with postgres_engine.connect() as connection:
            connection.execute(text(statement))
            connection.rollback()
        assert not _heard_after(feed, before, seconds=0.5)
        with postgres_engine.begin() as connection:
            connection.execute(text(statement))
        assert _heard_after(feed, before)
    finally:
        feed.stop()
    assert not feed.healthy


def test_a_feed_needs_postgresql(sqlite_engine: Engine) -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        ChangeFeed(sqlite_engine)


def test_a_lost_connection_counts_as_a_change_and_is_listened_again(
    postgres_engine: Engine,
) -> None:
    feed = ChangeFeed(postgres_engine, retry_seconds=0.1)
    feed.start()
    try:
        before = feed.generation
        with postgres_engine.begin() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE query LIKE 'LISTEN heatbill_changes%' AND pid <> pg_backend_pid()"
                )
            )
        assert _heard_after(feed, before)
        deadline = time.monotonic() + 5
        while not feed.healthy and time.monotonic() < deadline:
            time.sleep(0.02)
        assert feed.healthy
        listening = feed.generation
        with postgres_engine.begin() as connection:
            connection.execute(text("UPDATE relationship SET end_on = end_on WHERE false"))
        assert _heard_after(feed, listening)
    finally:
        feed.stop()
