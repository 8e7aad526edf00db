"""The REST API against its own OpenAPI description (schemathesis): every operation, called
with data generated from the schema by a signed-in admin, never answers with a server error.
Input the schema allows but the rules refuse is a 4xx with a Danish message, not a 500.

Bounded to finish in seconds: a few derandomized examples per operation, on a copy of the
SQLite town (the API's writes — disputes, plans, moves — must not change the shared town).
The sign-out operation is left out: it would end the session the other examples use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import BaseSchema, Case, GenerationMode
from schemathesis.checks import not_a_server_error

from heatbill.domain.access import Role
from heatbill.entrypoints.web import api as rest_api
from heatbill.entrypoints.web.app import create_app
from heatbill.entrypoints.web.context import CSRF_HEADER, STAFF_COOKIE
from heatbill.entrypoints.web.settings import WebSettings
from heatbill.services import staff_views
from heatbill.services.unit_of_work import UnitOfWork
from tests.web.conftest import sign_in
from tests.web.live import copy_of, in_arrears
from tests.web.town import Town

EXAMPLES = 6
SIGN_OUT = ("DELETE", "/api/session")


@dataclass(frozen=True)
class Api:
    """The app's schema, an admin's session on it, and path parameters that name something."""

    schema: BaseSchema
    cookie: str
    csrf_token: str
    known: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def api_town(sqlite_town: Town, tmp_path_factory: pytest.TempPathFactory) -> Town:
    return copy_of(sqlite_town, tmp_path_factory.mktemp("openapi") / "town.sqlite3")


@pytest.fixture(scope="module")
def app(api_town: Town) -> FastAPI:
    return create_app(WebSettings(today=api_town.today), engine=api_town.engine)


@pytest.fixture(scope="module")
def api(app: FastAPI, api_town: Town) -> Iterator[Api]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    with TestClient(app) as client:
        token = sign_in(client, api_town, Role.ADMIN)
        yield Api(schema, client.cookies[STAFF_COOKIE], token, known(api_town))


def known(api_town: Town) -> dict[str, dict[str, Any]]:
    """Path parameters that name something real, per path: the rules behind each operation
    then meet generated bodies and dates, not only a 404."""
    number = in_arrears(api_town)[0]
    with UnitOfWork(api_town.engine, write=False) as uow:
        page = staff_views.customer_page(uow, api_town.utility_id, number, api_town.today)
    assert page.current is not None
    assert page.bills
    claim = page.owed_cases[0].claim
    return {
        "claim_id": {"claim_id": claim.claim_id},
        "customer_id": {"customer_id": page.current.relationship.relationship_id},
        "party_id": {"party_id": page.current.party.party_id},
        "reading_id": {"reading_id": page.file.readings[-1].recorded.reading_id},
        "/api/bills/": {"number": page.bills[-1].number},
        "/api/installations/": {"number": number},
    }


KNOWN_PARAMETERS = ("claim_id", "customer_id", "party_id", "reading_id", "number")


def operations() -> list[tuple[str, str, str]]:
    """Each of the API's operations as the app routes them (the schema itself needs the app),
    with data valid and invalid by the schema, and with real ids where its path takes one."""
    found = sorted(
        {
            (method, route.path)
            for route in rest_api.router.routes
            if isinstance(route, APIRoute)
            for method in route.methods or ()
        }
        - {SIGN_OUT}
    )
    return [
        (mode, method, path)
        for mode in ("positive", "negative", "known")
        for method, path in found
        if mode != "known" or any(f"{{{name}}}" in path for name in KNOWN_PARAMETERS)
    ]


def path_parameters(path: str, known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        name: value
        for key, given in known.items()
        if key in path
        for name, value in given.items()
        if f"{{{name}}}" in path
    }


@pytest.mark.parametrize(("mode", "method", "path"), operations(), ids=str)
def test_no_operation_answers_with_a_server_error(
    api: Api, mode: str, method: str, path: str
) -> None:
    operation = api.schema[path][method]
    if mode == "known":
        strategy = operation.as_strategy(path_parameters=path_parameters(path, api.known))
    else:
        strategy = operation.as_strategy(GenerationMode(mode))

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure stays quick
        suppress_health_check=list(HealthCheck),
    )
    def call(case: Case[Any]) -> None:
        case.call_and_validate(
            headers={CSRF_HEADER: api.csrf_token},
            cookies={STAFF_COOKIE: api.cookie},
            checks=[not_a_server_error],
        )

    try:
        call()
    except Unsatisfiable:
        if mode != "negative":
            raise
        # Nothing the operation takes can be made invalid (no parameters, no body).
