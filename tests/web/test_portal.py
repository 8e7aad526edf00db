"""The customer portal (`solrod 5.4`) as a customer uses it: the one-time e-mail link over
real SMTP, a move reported with its notice checked, a plan asked for, contact details."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.letters.smtp_mail import SmtpMailer
from heatbill.entrypoints.web.app import create_app
from heatbill.entrypoints.web.settings import WebSettings
from heatbill.services.collection_cases import case_of
from heatbill.services.payment_plans import plans_and_requests
from heatbill.services.portal_access import issue_pins
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.test_letters_db import Mailbox, smtp
from tests.web.conftest import client_for
from tests.web.town import Town

__all__ = ["smtp"]


def pin_login(client: TestClient, town: Town, number: str) -> None:
    answer = client.post(
        "/portal/login", data={"number": number, "pin": town.pins[number], "utility": town.code},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.headers["location"] == "/portal"


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_a_move_reported_in_time_ends_the_customer_and_is_not_late(town: Town) -> None:
    number = sorted(town.pins)[1]
    client = client_for(town)
    pin_login(client, town, number)
    csrf = csrf_of(client.get("/portal").text)
    move_day = town.today + timedelta(days=12)
    done = client.post("/portal/flytning", data={"csrf_token": csrf,
                                                 "move_date": f"{move_day:%d-%m-%Y}"})  # fmt: skip
    assert "Tak, flytningen er meldt." in done.text
    assert "senere end 8 dage" not in done.text
    with UnitOfWork(town.engine, write=False) as uow:
        installation = uow.installations(town.utility_id).installation_by_number(number)
        ended = [
            r
            for r in uow.installations(town.utility_id).relationships_of(
                installation.installation_id
            )
            if r.end == move_day
        ]
    assert ended


def test_a_customer_in_arrears_asks_for_a_plan_and_staff_see_the_request(town: Town) -> None:
    with UnitOfWork(town.engine, write=False) as uow:
        claim = case_of(uow, town.utility_id, town.open_claims[1], town.today)
        number = (
            uow.installations(town.utility_id).installation(claim.customer.installation_id).number
        )
    clock = FixedClock(datetime(town.today.year, town.today.month, town.today.day, tzinfo=UTC))
    with UnitOfWork(town.engine) as uow:
        pin = issue_pins(uow, town.utility_id, [number], "test", clock)[number]
    client = client_for(town)
    client.post("/portal/login", data={"number": number, "pin": pin, "utility": town.code})
    home = client.get("/portal").text
    assert "Bed om en afdragsordning" in home
    answer = client.post(
        "/portal/afdrag",
        data={"csrf_token": csrf_of(home), "start": f"{town.today:%d-%m-%Y}", "months": "4",
              "note": "ny ordning"},
    )  # fmt: skip
    assert "Tak, vi har modtaget din anmodning" in answer.text
    with UnitOfWork(town.engine, write=False) as uow:
        _, requests = plans_and_requests(uow, town.utility_id)
    asked = [r for r in requests if r.note == "ny ordning"]
    assert asked
    assert asked[0].by == "portal"
    assert town.open_claims[1] in asked[0].claim_ids


def test_the_one_time_link_is_mailed_to_the_address_on_file_and_works_once(
    town: Town, smtp: tuple[Mailbox, SmtpMailer]
) -> None:
    box, mailer = smtp
    number = sorted(town.pins)[3]
    client = client_for(town)
    pin_login(client, town, number)
    csrf = csrf_of(client.get("/portal").text)
    saved = client.post(
        "/portal/kontakt",
        data={"csrf_token": csrf, "email": "kunde@example.dk", "mobile": "20304050",
              "digital_post": "nej"},
    )  # fmt: skip
    assert "Dine kontaktoplysninger er gemt." in saved.text
    app = create_app(WebSettings(today=town.today), engine=town.engine, mailer=mailer)
    fresh = TestClient(app, client=("198.51.100.7", 50000))
    form = {"number": number, "utility": town.code}
    stranger = fresh.post("/portal/link", data=form | {"email": "ikke@example.dk"})
    asked = fresh.post("/portal/link", data=form | {"email": "kunde@example.dk"})
    assert "et link på vej" in stranger.text
    assert "et link på vej" in asked.text  # the same answer: the door tells nobody who lives where
    assert [m["To"] for m in box.received] == ["kunde@example.dk"]
    body = box.received[0].get_payload(decode=True)
    assert isinstance(body, bytes)
    link = re.search(r"http://\S+/portal/link/\S+", body.decode())
    assert link is not None
    path = link.group(0).split("8000", 1)[1]
    entered = fresh.get(path, follow_redirects=False)
    assert entered.headers["location"] == "/portal"
    assert f"Målested {number}" in fresh.get("/portal").text
    again = TestClient(app).get(path)
    assert "linket er brugt eller udløbet" in again.text
