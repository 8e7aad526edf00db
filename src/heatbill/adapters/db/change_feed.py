"""Commits that change a kept read model, heard from PostgreSQL as they happen (LISTEN/NOTIFY).

PostgreSQL sends a notification when a transaction that wrote postings (every change of a
residual) or customer relationships (a move ends one) commits — never for one that rolls back,
and in commit order (migration 0019's statement triggers). `ChangeFeed` listens on a connection
of its own in a background thread and counts what it hears: a read model computed while the
count stood still is still true, one computed across a change is not (`services.arrears_list`).

A lost connection counts as a change, and until the feed listens again it is not `healthy`:
then nothing may be reused. SQLite has no notifications; there is no feed, and every read is
computed afresh.
"""

from __future__ import annotations

import logging
import threading

import psycopg
from sqlalchemy import Engine

CHANNEL = "heatbill_changes"

POSTGRESQL_DDL = [
    f"""
    CREATE OR REPLACE FUNCTION heatbill_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER posting_changes AFTER INSERT ON posting "
    "FOR EACH STATEMENT EXECUTE FUNCTION heatbill_notify_change()",
    # Residuals change with postings; a rebuild (`residuals.rebuild`) deletes them first.
    "CREATE TRIGGER residual_changes AFTER DELETE ON open_item_residual "
    "FOR EACH STATEMENT EXECUTE FUNCTION heatbill_notify_change()",
    "CREATE TRIGGER relationship_changes AFTER INSERT OR UPDATE OR DELETE ON relationship "
    "FOR EACH STATEMENT EXECUTE FUNCTION heatbill_notify_change()",
]
POSTGRESQL_DROP_DDL = [
    "DROP TRIGGER IF EXISTS posting_changes ON posting",
    "DROP TRIGGER IF EXISTS residual_changes ON open_item_residual",
    "DROP TRIGGER IF EXISTS relationship_changes ON relationship",
    "DROP FUNCTION IF EXISTS heatbill_notify_change()",
]

_WAKE_SECONDS = 0.25
"""How often the listening thread looks up to see whether it is asked to stop."""

_log = logging.getLogger(__name__)


class ChangeFeed:
    """How many changes this process has heard of (`generation`), and whether it is listening."""

    def __init__(self, engine: Engine, *, retry_seconds: float = 1.0) -> None:
        if engine.dialect.name != "postgresql":
            raise ValueError("a change feed needs PostgreSQL")
        url = engine.url.set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._retry = retry_seconds
        self._lock = threading.Lock()
        self._generation = 0
        self._healthy = False
        self._listening = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def generation(self) -> int:
        with self._lock:
            return self._generation

    @property
    def healthy(self) -> bool:
        with self._lock:
            return self._healthy

    def start(self, wait_seconds: float = 5.0) -> None:
        """Listen from now on; waits (a while) until the first LISTEN is in place."""
        self._thread = threading.Thread(target=self._run, name="heatbill-change-feed", daemon=True)
        self._thread.start()
        self._listening.wait(wait_seconds)

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._changed(healthy=False)

    def _changed(self, *, healthy: bool) -> None:
        with self._lock:
            self._generation += 1
            self._healthy = healthy

    def _run(self) -> None:
        try:
            self._listen()
        finally:
            # However the thread ends (asked to, or by an error nobody expected), nothing kept
            # may be trusted any longer.
            self._changed(healthy=False)

    def _listen(self) -> None:
        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    # Whatever was committed before the LISTEN was not heard: a change.
                    self._changed(healthy=True)
                    self._listening.set()
                    while not self._stopping.is_set():
                        for _ in connection.notifies(timeout=_WAKE_SECONDS, stop_after=1):
                            self._changed(healthy=True)
            except psycopg.Error as error:
                if self._stopping.is_set():
                    break
                _log.warning("change feed lost its connection (%s); listening again", error)
                self._changed(healthy=False)
                self._stopping.wait(self._retry)
