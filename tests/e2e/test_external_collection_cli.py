"""External collection and a bankruptcy through the real `heatbill` command, on SQLite and
PostgreSQL (issue 6, items 7 and 9): a claim handed to the partner, the partner's return file
taken once, the rest written off; another customer's bankruptcy with its estate statement."""

from __future__ import annotations

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV


def test_hand_over_return_file_write_off_and_a_bankruptcy(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "vx", "--name", "Vestervig Fjernvarme", "--cvr",
        "12345678", "--address", "Varmevej 1", "--rulebook", "vestervig", "--tariffs", "vestervig",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "vx", "--as-of", "01-06-2025")
    heatbill("run", "budgets", "--year", "2026", "-u", "vx")
    heatbill("run", "billing", "--date", "01-10-2025", "-u", "vx")
    house, bakery = heatbill.json("case", "list", "--date", "05-11-2025", "-u", "vx")[0::2]

    claim = str(house["claim_id"])
    handed = heatbill("case", "hand-over", claim, "--by", "kbh", "--date", "05-11-2025", "-u", "vx")
    assert f"Krav {claim} er overdraget til ekstern inkasso" in handed
    heatbill.write("retur.csv", f"krav;dato;beloeb;omkostninger\n{claim};10-11-2025;1000,00;400\n")
    taken = heatbill("case", "agency-file", "retur.csv", "--by", "kbh", "-u", "vx")
    assert "1 indbetalinger, i alt 1.000,00 kr." in taken
    again = heatbill("case", "agency-file", "retur.csv", "--by", "kbh", "-u", "vx", code=4)
    assert "allerede indlæst" in again
    written = heatbill(
        "case", "write-off", claim, "--reason", "Uerholdeligt", "--by", "kbh", "-u", "vx"
    )
    assert f"af krav {claim} afskrevet" in written

    estate = heatbill.json(
        "case", "cut-off", str(bakery["customer_id"]), "--date", "01-12-2025", "--kind",
        "konkurs", "--by", "kbh", "--csv", "bo.csv", "-u", "vx",
    )  # fmt: skip
    assert estate["kind"] == "bankruptcy"
    [frozen] = estate["claims"]
    assert frozen["claim"] == bakery["claim_id"]
    assert frozen["interest_ore"] > 0
    assert (heatbill.cwd / "bo.csv").read_text(encoding="utf-8").startswith("krav;reference")
