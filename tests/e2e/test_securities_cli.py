"""Security deposits through the real `heatbill` command, on SQLite and PostgreSQL: a customer
without a ground cannot be asked for a security; a cash deposit and a bank guarantee are
recorded; a year later the release run refunds the deposit and lets the expired guarantee go."""

from __future__ import annotations

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV


def test_security_assess_demand_record_list_and_release(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "sik", "--name", "Vestervig Fjernvarme", "--cvr",
        "12345678", "--address", "Varmevej 1", "--rulebook", "vestervig", "--tariffs", "vestervig",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "sik", "--as-of", "01-06-2025")
    house = str(heatbill.json("customers", "show", "10001", "-u", "sik")["relationships"][0][
        "relationship_id"
    ])  # fmt: skip

    assessed = heatbill.json("security", "assess", house, "--date", "01-10-2025", "-u", "sik")
    assert (assessed["eligible"], assessed["months"]) == (False, 5)
    assert assessed["amount_ore"] > 0
    refused = heatbill(
        "security", "demand", house, "--note", "Vurderet", "--by", "kbh", "-u", "sik", code=4
    )
    assert "kræver 3" in refused

    heatbill(
        "security", "record", house, "--form", "cash_deposit", "--amount", "5.000", "--by", "kbh",
        "--date", "02-10-2025", "-u", "sik",
    )  # fmt: skip
    heatbill(
        "security", "record", house, "--form", "bank_guarantee", "--amount", "3.000,00",
        "--provider", "Nordea", "--reference", "G-77", "--expires", "01-04-2026", "--by", "kbh",
        "--date", "02-10-2025", "-u", "sik",
    )  # fmt: skip
    released = heatbill("run", "securities", "--date", "02-10-2026", "-u", "sik")
    assert "2 frigivet" in released
    assert "tilbagebetales 5.000,00 kr." in released

    listed = heatbill.json("security", "list", "-u", "sik")
    assert [(s["form"], s["release"]["reason"]) for s in listed["securities"]] == [
        ("cash_deposit", "on_time"),
        ("bank_guarantee", "lapsed"),
    ]
