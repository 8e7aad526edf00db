"""The web app's tests: a small town lived through its first months (`town.py`) on SQLite and
on PostgreSQL, once per test session and database, and a client of the real app on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from heatbill.domain.access import Role
from heatbill.entrypoints.web.app import create_app
from heatbill.entrypoints.web.settings import WebSettings
from tests.integration.conftest import postgres_engine, sqlite_engine
from tests.web.town import PASSWORD, Town, build_town

__all__ = ["postgres_engine", "sqlite_engine"]


@pytest.fixture(scope="session")
def sqlite_town(sqlite_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Town:
    return build_town(sqlite_engine, tmp_path_factory.mktemp("town-sqlite"))


@pytest.fixture(scope="session")
def postgres_town(postgres_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Town:
    return build_town(postgres_engine, tmp_path_factory.mktemp("town-postgres"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def town(request: pytest.FixtureRequest) -> Town:
    found: Town = request.getfixturevalue(f"{request.param.replace('postgresql', 'postgres')}_town")
    return found


def client_for(town: Town, address: str = "testclient") -> TestClient:
    """A client of the real app on the town; `address` is the client's IP as the app sees it
    (logins are rate-limited per address too)."""
    app = create_app(WebSettings(today=town.today), engine=town.engine)
    return TestClient(app, client=(address, 50000))


@pytest.fixture
def client(town: Town) -> Iterator[TestClient]:
    with client_for(town) as found:
        yield found


def sign_in(client: TestClient, town: Town, role: Role) -> str:
    """Sign in through the API; returns the CSRF token (the cookie stays in the client)."""
    answer = client.post(
        "/api/session",
        json={"username": town.users[role], "password": PASSWORD, "utility": town.code},
    )
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["csrf_token"]
    return token
