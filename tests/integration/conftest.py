"""Integration tests run against real databases: SQLite and PostgreSQL, never a mock.

Each test module's tests run once per database (the `engine` fixture is parametrised). The
PostgreSQL server comes from HEATBILL_TEST_POSTGRES_URL (default: the local server on
127.0.0.1:5432); a fresh database is created for the test session and dropped afterwards.
When no server answers, the PostgreSQL half is skipped on a developer's machine but FAILS on
CI (CI or HEATBILL_REQUIRE_POSTGRES set): there a missing PostgreSQL is never a skip.
Every test gets a utility of its own, and after each test the ledger invariants are checked.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from heatbill.adapters.db.engine import make_engine, sqlite_url
from heatbill.adapters.db.migrate import upgrade
from heatbill.adapters.db.utility_repository import UtilityRow
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants

POSTGRES_URL_ENV = "HEATBILL_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _postgres_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("HEATBILL_REQUIRE_POSTGRES"))


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path: Path = tmp_path_factory.mktemp("sqlite") / "heatbill-test.sqlite3"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    admin_url = make_url(os.environ.get(POSTGRES_URL_ENV, DEFAULT_POSTGRES_URL))
    admin = make_engine(
        admin_url.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )
    name = f"heatbill_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        message = f"PostgreSQL not reachable at {admin_url.render_as_string()}: {error}"
        if _postgres_required():
            pytest.fail(message + " (required on CI)")
        pytest.skip(message)
    engine = make_engine(admin_url.set(database=name).render_as_string(hide_password=False))
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def engine(request: pytest.FixtureRequest) -> Engine:
    fixture = "sqlite_engine" if request.param == "sqlite" else "postgres_engine"
    found: Engine = request.getfixturevalue(fixture)
    return found


def new_utility(engine: Engine) -> int:
    """Create a utility of the test's own (tests never share ledger rows)."""
    with UnitOfWork(engine) as uow:
        new_id = uow.utilities.next_id()
        uow.utilities.add(
            UtilityRow(
                utility_id=new_id,
                code=f"test-{new_id}-{uuid.uuid4().hex[:6]}",
                name="Testværket",
                cvr="12345678",
                address="Testvej 1, 2680 Solrød Strand",
                fi_creditor_number="81234567",
                pbs_number="01234567",
            ),
            created_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        uow.commit()
    return new_id


@pytest.fixture
def utility_id(engine: Engine) -> Iterator[int]:
    """A utility of this test's own; its ledger invariants are checked after the test."""
    new_id = new_utility(engine)
    yield new_id
    assert_ledger_invariants(engine, new_id)


@pytest.fixture
def postgres_utility_id(postgres_engine: Engine) -> Iterator[int]:
    """The same, for tests of PostgreSQL's own guards."""
    new_id = new_utility(postgres_engine)
    yield new_id
    assert_ledger_invariants(postgres_engine, new_id)
