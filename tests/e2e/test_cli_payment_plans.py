"""Payment plans through the real `heatbill` command, on SQLite and PostgreSQL: a customer's
request granted by staff with its schedule, listed, breached by the daily pass when the first
installment is not paid (straight to the collection notice), and a new plan then refused
(`vestervig 6.5`, `6.6`, `6.8`)."""

from __future__ import annotations

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV


def test_a_requested_plan_granted_listed_breached_and_no_new_plan(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "vv", "--name", "Vestervig Fjernvarme", "--cvr",
        "12345678", "--address", "Varmevej 1", "--rulebook", "vestervig", "--tariffs", "vestervig",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "vv", "--as-of", "01-06-2025")
    heatbill("run", "budgets", "--year", "2026", "-u", "vv")
    heatbill("run", "billing", "--date", "01-10-2025", "-u", "vv")
    heatbill("run", "collections", "--date", "04-11-2025", "-u", "vv")
    claim = str(heatbill.json("case", "list", "--date", "05-11-2025", "-u", "vv")[0]["claim_id"])

    asked = heatbill(
        "case", "plan-request", claim, "--months", "3", "--start", "01-12-2025", "--note",
        "Kunden har mistet sit arbejde", "--by", "portal", "--date", "10-11-2025", "-u", "vv",
    )  # fmt: skip
    assert "Anmodning 1 registreret" in asked
    granted = heatbill("case", "plan-grant", "1", "--by", "kbh", "--date", "10-11-2025", "-u", "vv")
    assert "3 afdrag" in granted
    assert "inkl. gebyr 100,00 kr. (momsfrit)" in granted
    assert "1. 01-12-2025" in granted
    assert "3. 02-02-2026" in granted

    breached = heatbill("run", "collections", "--date", "02-12-2025", "-u", "vv")
    assert "Betalingsordninger misligholdt" in breached
    plans = heatbill.json("case", "plans", "-u", "vv")
    [plan] = plans["plans"]
    assert plan["state"] == "breached"
    assert plan["ended_on"] == "2025-12-02"
    assert plans["requests"] == []
    shown = heatbill.json("case", "show", claim, "--date", "02-12-2025", "-u", "vv")
    assert shown["steps"][-1]["kind"] == "collection_notice"
    assert shown["steps"][-1]["on"] == "2025-12-02"

    refused = heatbill(
        "case", "plan", claim, "--months", "2", "--start", "10-12-2025", "--by", "kbh",
        "--date", "03-12-2025", "-u", "vv", code=4,
    )  # fmt: skip
    assert "ingen ny betalingsordning efter en misligholdt ordning (vestervig 6.8)" in refused
