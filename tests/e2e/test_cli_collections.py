"""The arrears process through the real `heatbill` command, on SQLite and PostgreSQL: the daily
pass sends a reminder, the case page shows it with its fee and clause and what happens next,
a dispute stops the claim and lifting it lets it go on."""

from __future__ import annotations

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV


def test_the_collections_pass_and_the_case_page(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "vv", "--name", "Vestervig Fjernvarme", "--cvr",
        "12345678", "--address", "Varmevej 1", "--rulebook", "vestervig", "--tariffs", "vestervig",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "vv", "--as-of", "01-06-2025")
    heatbill("run", "budgets", "--year", "2026", "-u", "vv")
    heatbill("run", "billing", "--date", "01-10-2025", "-u", "vv")

    first = heatbill("run", "collections", "--date", "04-11-2025", "-u", "vv")
    assert "Rykker" in first
    assert "300,00 kr." in first  # three reminders of 100 kr.
    again = heatbill("run", "collections", "--date", "04-11-2025", "-u", "vv")
    assert "0,00 kr." in again  # the same day again: nothing new

    claims = heatbill.json("case", "list", "--date", "05-11-2025", "-u", "vv")
    assert len(claims) == 3
    claim = claims[0]
    assert claim["next"]["step"] == "collection_notice"
    assert claim["next"]["earliest"] == "2025-11-15"
    shown = heatbill("case", "show", str(claim["claim_id"]), "--date", "05-11-2025", "-u", "vv")
    assert "Rykker" in shown
    assert "vestervig 6.13" in shown
    assert "Inkassomeddelelse tidligst 15-11-2025, gebyr 100,00 kr. (vestervig 6.6)" in shown
    assert "Lukkebesøg tidligst 20-11-2025" in shown

    heatbill(
        "case", "dispute", str(claim["claim_id"]), "--reason", "Kunden bestrider regningen",
        "--by", "kbh", "-u", "vv",
    )  # fmt: skip
    held = heatbill("case", "next", str(claim["claim_id"]), "--date", "16-11-2025", "-u", "vv")
    assert "står stille: kravet er gjort indsigelse mod" in held
    refused = heatbill(
        "case", "dispute", str(claim["claim_id"]), "--reason", "igen", "--by", "kbh", "-u", "vv",
        code=4,
    )  # fmt: skip
    assert "allerede gjort indsigelse" in refused
    heatbill(
        "case", "lift", str(claim["claim_id"]), "--reason", "Afklaret", "--by", "kbh", "-u", "vv"
    )
    data = heatbill.json("case", "show", str(claim["claim_id"]), "--date", "16-11-2025", "-u", "vv")
    assert [e["kind"] for e in data["events"]] == ["disputed", "dispute_lifted"]
    assert data["next"]["step"] == "collection_notice"
