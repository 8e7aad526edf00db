"""The real app for tests that change things or talk HTTP: a copy of a town's SQLite database
(what these tests change stays out of the session's shared town), uvicorn serving an app on a
free port of 127.0.0.1 in a background thread, for a browser; and the town's customers and
claims as they are when a test looks (other tests may have granted plans or reported moves)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from heatbill.adapters.db.engine import make_engine, sqlite_url
from heatbill.adapters.db.screen_queries import ArrearsFilter
from heatbill.domain.collections.timeline import NextStep
from heatbill.services import staff_views
from heatbill.services.collection_cases import cases
from heatbill.services.unit_of_work import UnitOfWork
from tests.web.town import Town

STARTUP_SECONDS = 20.0


def copy_of(town: Town, path: Path) -> Town:
    """The same town in a SQLite file of its own (SQLite's online backup: a consistent copy)."""
    assert town.engine.dialect.name == "sqlite", "copy_of copies SQLite towns"
    engine = make_engine(sqlite_url(path))
    _backup(town.engine, engine)
    return replace(town, engine=engine)


def _backup(source: Engine, target: Engine) -> None:
    with source.connect() as given, target.connect() as taken:
        given.connection.dbapi_connection.backup(  # type: ignore[union-attr]
            taken.connection.dbapi_connection
        )


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """Serve the app until the block ends; yields its base URL (http://127.0.0.1:<port>)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", ws="none", access_log=False)
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name="uvicorn", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        assert thread.is_alive(), "uvicorn stopped while starting"
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        listener.close()


def in_arrears(town: Town) -> tuple[str, str]:
    """An installation whose current customer is in arrears, and the customer's name."""
    with UnitOfWork(town.engine, write=False) as uow:
        lines, _ = staff_views.arrears(uow, town.utility_id, town.today, ArrearsFilter())
    current = [line for line in lines if line.ended_on is None]
    assert current, "the town has nobody in arrears"
    return current[0].installation_number, current[0].name


def closed_claims(town: Town) -> list[int]:
    """Claims whose supply is closed with money still owed."""
    with UnitOfWork(town.engine, write=False) as uow:
        found = cases(uow, town.utility_id, town.today)
    return [claim.claim_id for claim, _ in found if claim.closed and claim.owed.ore > 0]


def claims_with_a_next_step(town: Town) -> list[int]:
    """Open claims that nothing holds: no plan, no dispute, not closed — a step comes next."""
    with UnitOfWork(town.engine, write=False) as uow:
        found = cases(uow, town.utility_id, town.today)
    return [
        claim.claim_id
        for claim, next_step in found
        if isinstance(next_step, NextStep) and not claim.closed and claim.owed.ore > 0
    ]


def settled_pin(town: Town) -> tuple[str, str]:
    """An installation with a portal pin whose customer has no move ahead, and the pin."""
    with UnitOfWork(town.engine, write=False) as uow:
        for number, pin in sorted(town.pins.items()):
            page = staff_views.customer_page(uow, town.utility_id, number, town.today)
            if page.current is not None and page.current.relationship.end is None:
                return number, pin
    raise AssertionError("every installation with a pin has a move ahead")
