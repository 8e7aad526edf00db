"""Security at the door: roles, CSRF, sessions, the portal's one installation, rate-limited
pin logins, masked CPR numbers with logged unmasking, safe settings, and data protection."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.cpr_vault import ConfigurationError
from heatbill.adapters.db.register_tables import letter, party
from heatbill.domain.access import Role
from heatbill.entrypoints.web.app import create_app
from heatbill.entrypoints.web.settings import WebSettings
from heatbill.services.accounting import reconciliation
from heatbill.services.data_protection import anonymise_former_customers, person_export
from heatbill.services.demo_access import DEMO_PASSWORD
from heatbill.services.staff_access import add_staff_user
from heatbill.services.unit_of_work import UnitOfWork
from tests.web.conftest import client_for, sign_in
from tests.web.town import PASSWORD, Town


def test_a_read_only_user_may_look_but_not_grant_a_plan(client: TestClient, town: Town) -> None:
    csrf = sign_in(client, town, Role.READ_ONLY)
    claim = town.open_claims[0]
    assert client.get(f"/api/cases/{claim}").status_code == 200
    answer = client.post(
        f"/api/cases/{claim}/plan",
        json={"start": town.today.isoformat(), "months": 2},
        headers={"X-CSRF-Token": csrf},
    )
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden"
    assert "kun læse" in answer.json()["error"]["message"]


def test_a_write_without_the_csrf_token_is_refused(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.ADMIN)
    claim = town.open_claims[0]
    for headers in ({}, {"X-CSRF-Token": "forged"}):
        answer = client.post(f"/api/cases/{claim}/dispute", json={"reason": "x"}, headers=headers)
        assert answer.status_code == 403
        assert "CSRF" in answer.json()["error"]["message"]
    page = client.post(f"/sag/{claim}/indsigelse", data={"csrf_token": "forged", "reason": "x"})
    assert page.status_code == 403


def test_the_session_cookie_is_http_only_and_same_site(town: Town) -> None:
    client = client_for(town)
    answer = client.post(
        "/api/session",
        json={"username": town.users[Role.READ_ONLY], "password": PASSWORD, "utility": town.code},
    )
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # development over plain http
    assert WebSettings(base_url="https://varme.example.dk").secure_cookies


def test_signing_out_ends_the_session(client: TestClient, town: Town) -> None:
    csrf = sign_in(client, town, Role.READ_ONLY)
    assert client.get("/api/me").status_code == 200
    client.request("DELETE", "/api/session", headers={"X-CSRF-Token": csrf})
    assert client.get("/api/me").status_code == 401


def test_pages_send_a_stranger_to_the_login(client: TestClient) -> None:
    answer = client.get("/restancer", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/restancer"
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'none'" in answer.headers["Content-Security-Policy"]


def test_a_wrong_password_is_refused_and_audited(client: TestClient, town: Town) -> None:
    answer = client.post(
        "/api/session",
        json={"username": town.users[Role.ADMIN], "password": "nej", "utility": town.code},
    )
    assert answer.status_code == 401
    admin = client_for(town)
    sign_in(admin, town, Role.ADMIN)
    trail = admin.get("/api/audit", params={"subject": f"staff:{town.users[Role.ADMIN]}"})
    assert "sign_in_refused" in [e["action"] for e in trail.json()["events"]]


def test_cpr_numbers_are_masked_and_each_unmasking_is_logged(
    client: TestClient, town: Town
) -> None:
    csrf = sign_in(client, town, Role.CUSTOMER_SERVICE)
    with UnitOfWork(town.engine, write=False) as uow:
        row = uow.connection.execute(
            select(party.c.party_id).where(
                party.c.utility_id == town.utility_id, party.c.cpr_lookup.is_not(None)
            )
        ).first()
        assert row is not None
        full = uow.parties(town.utility_id).get(int(row.party_id)).cpr
    assert full is not None
    party_id = int(row.party_id)
    number = client.get("/api/search", params={"q": full.formatted()}).json()["hits"][0]
    page = client.get(f"/maalested/{number['installation']}").text
    assert full.masked() in page
    assert full.formatted() not in page
    shown = client.get(f"/api/parties/{party_id}/cpr", headers={"X-CSRF-Token": csrf})
    assert shown.json()["cpr"] == full.formatted()
    admin = client_for(town)
    sign_in(admin, town, Role.ADMIN)
    actions = [
        e["action"]
        for e in admin.get("/api/audit", params={"subject": f"party:{party_id}"}).json()["events"]
    ]
    assert "unmask_cpr" in actions
    searched = [
        e["action"] for e in admin.get("/api/audit", params={"subject": "search"}).json()["events"]
    ]
    assert "search_cpr" in searched


def test_a_read_only_user_cannot_unmask(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    assert client.get("/api/parties/1/cpr").status_code == 403


def portal_login(client: TestClient, town: Town, number: str, pin: str) -> int:
    answer = client.post(
        "/portal/login", data={"number": number, "pin": pin, "utility": town.code},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303
    return 0 if answer.headers["location"] == "/portal" else 1


def test_the_portal_shows_only_the_customers_own_installation(town: Town) -> None:
    mine, other = sorted(town.pins)[:2]
    client = client_for(town)
    assert portal_login(client, town, mine, town.pins[mine]) == 0
    home = client.get("/portal")
    assert home.status_code == 200
    assert f"Målested {mine}" in home.text
    assert f"Målested {other}" not in home.text
    with UnitOfWork(town.engine, write=False) as uow:
        foreign = uow.connection.execute(
            select(letter.c.letter_id)
            .join(party, party.c.party_id == letter.c.party_id)
            .where(letter.c.utility_id == town.utility_id, letter.c.status == "sent")
        ).scalars().all()  # fmt: skip
    own = {int(x) for x in re.findall(r"/portal/brev/(\d+)\.pdf", home.text)}
    for letter_id in [x for x in foreign if x not in own][:5]:
        assert client.get(f"/portal/brev/{letter_id}.pdf").status_code == 404
    for letter_id in list(own)[:1]:
        pdf = client.get(f"/portal/brev/{letter_id}.pdf")
        assert pdf.content.startswith(b"%PDF")
    assert client.get("/api/cases").status_code == 401  # a portal session is no staff session
    assert client.get("/restancer", follow_redirects=False).status_code == 303


def test_pin_guessing_is_refused_after_five_tries(town: Town) -> None:
    number = sorted(town.pins)[2]
    client = client_for(town, address="192.0.2.66")  # a guesser of its own
    for _ in range(5):
        assert portal_login(client, town, number, "000000") == 1
    assert portal_login(client, town, number, town.pins[number]) == 1  # the right pin too
    page = client.get("/portal/login?fejl=x")
    assert page.status_code == 200
    refused = client.post(
        "/portal/login", data={"number": number, "pin": town.pins[number], "utility": town.code}
    )
    assert "for mange forkerte forsøg" in refused.text


@pytest.mark.parametrize(
    ("environ", "problem"),
    [
        ({"HEATBILL_ENV": "production", "HEATBILL_BASE_URL": "http://x"}, "https"),
        ({"HEATBILL_ENV": "production", "HEATBILL_BASE_URL": "https://x"}, "HEATBILL_SECRET_KEY"),
        (
            {"HEATBILL_ENV": "production", "HEATBILL_BASE_URL": "https://x",
             "HEATBILL_SECRET_KEY": "k" * 40, "HEATBILL_DATABASE_URL": "sqlite:///x.db"},
            "PostgreSQL",
        ),
    ],
)  # fmt: skip
def test_unsafe_settings_are_refused_outside_development(
    environ: dict[str, str], problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        WebSettings.from_environment(environ)


def test_production_settings_that_are_safe_pass() -> None:
    settings = WebSettings.from_environment(
        {"HEATBILL_ENV": "production", "HEATBILL_BASE_URL": "https://varme.example.dk",
         "HEATBILL_SECRET_KEY": "k" * 40,
         "HEATBILL_DATABASE_URL": "postgresql+psycopg://heatbill@db/heatbill"}
    )  # fmt: skip
    assert settings.secure_cookies


def test_right_of_access_exports_everything_held_on_a_person(town: Town) -> None:
    with UnitOfWork(town.engine, write=False) as uow:
        party_id = int(
            uow.connection.execute(
                select(party.c.party_id)
                .where(party.c.utility_id == town.utility_id, party.c.cpr_lookup.is_not(None))
                .limit(1)
            ).scalar_one()
        )
        found = person_export(uow, town.utility_id, party_id, town.today)
    assert re.fullmatch(r"\d{6}-\d{4}", found["party"]["cpr"])
    assert found["accounts"]
    assert found["accounts"][0]["bills"]
    assert found["letters"]


def test_former_customers_are_anonymised_after_five_years_leaving_the_ledger(town: Town) -> None:
    with UnitOfWork(town.engine, write=False) as uow:
        before = reconciliation(uow, town.utility_id, town.today)
    soon = FixedClock(datetime(town.today.year + 1, 6, 1, tzinfo=UTC))
    with UnitOfWork(town.engine) as uow:
        early = anonymise_former_customers(uow, town.utility_id, "test", soon, dry_run=True)
    assert early.parties == []  # within the retention: nobody
    later = FixedClock(datetime(town.today.year + 6, 6, 1, tzinfo=UTC))
    with UnitOfWork(town.engine) as uow:
        done = anonymise_former_customers(uow, town.utility_id, "test", later)
    with UnitOfWork(town.engine, write=False) as uow:
        after = reconciliation(uow, town.utility_id, town.today)
        for party_id in done.parties:
            anonymous = uow.parties(town.utility_id).get(party_id)
            assert anonymous.name.startswith("Anonymiseret")
            assert anonymous.cpr is None
            assert anonymous.contact.email is None
    assert after.subledger == before.subledger
    assert after.balanced
    assert date(town.today.year + 1, 1, 1) == done.retention_before


def test_the_app_refuses_to_start_in_production_with_a_demo_password(town: Town) -> None:
    clock = FixedClock(datetime(town.today.year, 6, 1, tzinfo=UTC))
    with UnitOfWork(town.engine) as uow:
        add_staff_user(
            uow, town.utility_id, "glemt", "Glemt demo", Role.ADMIN, DEMO_PASSWORD, clock
        )
    production = WebSettings(environment="production", base_url="https://varme.example.dk")
    with pytest.raises(ConfigurationError, match="glemt"):
        create_app(production, engine=town.engine)
    with UnitOfWork(town.engine) as uow:  # the admin gives it a password of its own
        add_staff_user(uow, town.utility_id, "glemt", "Glemt", Role.ADMIN, "n" * 12, clock)
    assert create_app(production, engine=town.engine) is not None


def test_only_an_admin_manages_staff_and_exports_a_persons_data(town: Town) -> None:
    clerk = client_for(town)
    sign_in(clerk, town, Role.COLLECTIONS)
    assert clerk.get("/admin").status_code == 403
    admin = client_for(town)
    sign_in(admin, town, Role.ADMIN)
    page = admin.get("/admin")
    assert page.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf is not None
    added = admin.post(
        "/admin/medarbejder",
        data={"csrf_token": csrf.group(1), "username": "Ny", "name": "Ny Medarbejder",
              "role": "read_only", "password": "en lang kode"},
    )  # fmt: skip
    assert "Medarbejder ny (kun læse) er oprettet." in added.text
    short = admin.post(
        "/admin/medarbejder",
        data={"csrf_token": csrf.group(1), "username": "kort", "name": "Kort",
              "role": "read_only", "password": "kort"},
    )  # fmt: skip
    assert "mindst 10 tegn" in short.text
    with UnitOfWork(town.engine, write=False) as uow:
        party_id = uow.connection.execute(
            select(party.c.party_id).where(party.c.utility_id == town.utility_id).limit(1)
        ).scalar_one()
    exported = admin.post("/admin/indsigt", data={"csrf_token": csrf.group(1),
                                                  "party_id": str(party_id)})  # fmt: skip
    assert exported.headers["content-type"] == "application/json"
    assert exported.json()["party"]["party_id"] == party_id
