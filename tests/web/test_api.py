"""The REST API as staff use it: the same answers as the services, JSON errors with stable
codes, every write through the same use cases as the CLI and in the audit trail."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient

from heatbill.domain.access import Role
from heatbill.services.collection_cases import case_of
from heatbill.services.unit_of_work import UnitOfWork
from tests.web.conftest import client_for, sign_in
from tests.web.town import Town


def test_openapi_is_served_and_names_the_staff_operations(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for wanted in ("/api/search", "/api/installations/{number}", "/api/cases/{claim_id}",
                   "/api/cases/{claim_id}/plan", "/api/securities", "/api/arrears",
                   "/api/runs/{on}", "/api/rulebook", "/api/moves"):  # fmt: skip
        assert wanted in paths


def test_without_a_session_the_api_answers_401_with_a_stable_code(client: TestClient) -> None:
    answer = client.get("/api/cases")
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "not_signed_in"


def test_search_finds_by_installation_number_and_by_name(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    number = next(iter(town.pins))
    hits = client.get("/api/search", params={"q": number}).json()["hits"]
    assert hits
    assert hits[0]["installation"] == number
    name = hits[0]["name"].split()[0]
    by_name = client.get("/api/search", params={"q": name}).json()["hits"]
    assert any(h["installation"] == number for h in by_name)


def test_the_installation_has_its_whole_story(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    number = next(iter(town.pins))
    found = client.get(f"/api/installations/{number}").json()
    assert found["installation"] == number
    assert found["relationships"]
    assert found["readings"]
    assert found["bills"]
    assert all(b["total_ore"] == b["net_ore"] + b["vat_ore"] for b in found["bills"])
    assert found["use"]  # monthly head-end readings give intervals with the budget's expected use
    assert any(u["expected_mwh"] is not None for u in found["use"])


def test_a_case_names_its_steps_clauses_and_what_happens_next(
    client: TestClient, town: Town
) -> None:
    sign_in(client, town, Role.READ_ONLY)
    claim = town.closed_claims[0]
    found = client.get(f"/api/cases/{claim}").json()
    with UnitOfWork(town.engine, write=False) as uow:
        expected = case_of(uow, town.utility_id, claim, town.today)
    assert found["owed_ore"] == expected.claim.owed.ore
    assert found["closed"] is True
    assert [s["kind"] for s in found["steps"]] == [s.kind.value for s in expected.steps]
    assert all(re.fullmatch(r"[a-z]+ \d+(\.\d+)*", s["clause"]) for s in found["steps"])
    assert "next" in found


def test_unknown_claim_is_404_with_the_danish_message(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    answer = client.get("/api/cases/999999")
    assert answer.status_code == 404
    assert answer.json()["error"] == {"code": "not_found", "message": "krav 999999 findes ikke"}


def test_granting_a_plan_goes_through_the_use_case_and_the_audit(
    client: TestClient, town: Town
) -> None:
    csrf = sign_in(client, town, Role.COLLECTIONS)
    claim = town.open_claims[0]
    start = (town.today + timedelta(days=7)).isoformat()
    answer = client.post(
        f"/api/cases/{claim}/plan",
        json={"start": start, "months": 3, "reason": "aftalt i telefonen"},
        headers={"X-CSRF-Token": csrf},
    )
    assert answer.status_code == 200, answer.text
    plan = answer.json()
    assert len(plan["installments"]) == 3
    assert sum(i["amount_ore"] for i in plan["installments"]) == plan["total_ore"]
    assert plan["clause"]
    again = client.post(
        f"/api/cases/{claim}/plan",
        json={"start": start, "months": 3},
        headers={"X-CSRF-Token": csrf},
    )
    assert again.status_code == 409  # a plan already runs: refused with the reason
    assert again.json()["error"]["code"] == "conflict"
    admin = client_with(town, Role.ADMIN)
    trail = admin.get("/api/audit", params={"subject": f"claim:{claim}"}).json()["events"]
    actions = [e["action"] for e in trail]
    assert "grant_plan" in actions
    assert "grant_plan_refused" in actions


def client_with(town: Town, role: Role) -> TestClient:
    found = client_for(town)
    sign_in(found, town, role)
    return found


def test_a_dispute_freezes_the_case_and_lifting_resumes_it(client: TestClient, town: Town) -> None:
    csrf = sign_in(client, town, Role.COLLECTIONS)
    claim = town.open_claims[-1]
    headers = {"X-CSRF-Token": csrf}
    disputed = client.post(f"/api/cases/{claim}/dispute", json={"reason": "måler"}, headers=headers)
    assert disputed.status_code == 200, disputed.text
    assert disputed.json()["disputed"] is True
    assert "hold" in disputed.json()["next"]
    lifted = client.post(f"/api/cases/{claim}/lift", json={"reason": "målt igen"}, headers=headers)
    assert lifted.json()["disputed"] is False


def test_bad_input_is_422_naming_the_field(client: TestClient, town: Town) -> None:
    csrf = sign_in(client, town, Role.COLLECTIONS)
    answer = client.post(
        f"/api/cases/{town.open_claims[0]}/plan",
        json={"start": "31-13-2026", "months": 0},
        headers={"X-CSRF-Token": csrf},
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid_input"
    assert "start" in error["message"]
    assert "months" in error["message"]


def test_arrears_list_pages_and_ages_the_overdue(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    found = client.get("/api/arrears", params={"size": 5}).json()
    assert found["count"] >= len(found["lines"]) > 0
    for line in found["lines"]:
        assert sum(line["by_age_ore"].values()) == line["overdue_ore"] > 0
    amounts = [line["overdue_ore"] for line in found["lines"]]
    assert amounts == sorted(amounts, reverse=True)
    old = client.get("/api/arrears", params={"min_days": 61}).json()
    assert all(
        line["by_age_ore"]["0-30"] == line["by_age_ore"]["31-60"] == 0 for line in old["lines"]
    )


def test_the_day_run_report_and_the_rulebook(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    run = client.get(f"/api/runs/{town.today.isoformat()}").json()
    assert set(run["steps"]) >= {"payments", "interest", "collections", "letters"}
    book = client.get("/api/rulebook").json()["rulebook"]
    assert book["name"] == "solrod"


def test_the_day_is_run_from_the_api_idempotent_for_its_date(
    client: TestClient, town: Town
) -> None:
    reader = client_for(town)
    refused = reader.post(
        f"/api/runs/{town.today.isoformat()}",
        headers={"X-CSRF-Token": sign_in(reader, town, Role.READ_ONLY)},
    )
    assert refused.status_code == 403
    csrf = sign_in(client, town, Role.COLLECTIONS)
    again = client.post(f"/api/runs/{town.today.isoformat()}", headers={"X-CSRF-Token": csrf})
    assert again.status_code == 200, again.text
    assert all(step["skipped"] for step in again.json()["steps"])  # the day has run: nothing new
    tomorrow = (town.today + timedelta(days=1)).isoformat()
    preview = client.post(
        f"/api/runs/{tomorrow}", params={"dry_run": True}, headers={"X-CSRF-Token": csrf}
    )
    assert preview.status_code == 200, preview.text
    assert [s["step"] for s in preview.json()["steps"]][:3] == [
        "payments",
        "interest",
        "collections",
    ]
    assert client.get(f"/api/runs/{tomorrow}").json()["steps"] == {}  # a preview books nothing


def test_staff_open_a_letter_exactly_as_sent(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.READ_ONLY)
    number = sorted(town.pins)[4]
    letters = client.get(f"/api/installations/{number}").json()["letters"]
    sent = [x["id"] for x in letters if x["status"] == "sent"]
    assert sent
    pdf = client.get(f"/brev/{sent[0]}.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert client_for(town).get(f"/brev/{sent[0]}.pdf", follow_redirects=False).status_code == 303


def test_a_clerk_previews_the_next_day_from_the_run_page(client: TestClient, town: Town) -> None:
    sign_in(client, town, Role.COLLECTIONS)
    tomorrow = town.today + timedelta(days=1)
    page = client.get(f"/koersel?dato={tomorrow.isoformat()}").text
    assert "Kør dagen" in page
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert csrf is not None
    answer = client.post(
        "/koersel", data={"csrf_token": csrf.group(1), "dato": f"{tomorrow:%d-%m-%Y}",
                          "preview": "ja"},
    )  # fmt: skip
    assert "intet er bogført" in answer.text
    assert "er ikke kørt (endnu)" in answer.text  # the preview left the day unrun
