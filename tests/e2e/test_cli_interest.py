"""Late interest through the real `heatbill` command, on SQLite and PostgreSQL: the rate table
listed, an interest run previewed, booked and repeated, a missing half-year's rate named and
then added by staff without a release."""

from __future__ import annotations

from tests.e2e.conftest import Heatbill
from tests.e2e.test_cli_runs import row_of
from tests.integration.register_story import CUSTOMERS_CSV


def test_interest_runs_on_unpaid_installments_and_waits_for_a_missing_rate(
    heatbill: Heatbill,
) -> None:
    heatbill(
        "utility", "create", "--code", "fire", "--name", "Fire Rater Varme", "--cvr", "12345678",
        "--address", "Varmevej 1", "--rulebook", "4rater", "--tariffs", "4rater",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "fire", "--as-of", "01-01-2026")
    heatbill("run", "budgets", "--year", "2026", "-u", "fire")
    heatbill("run", "billing", "--date", "02-01-2026", "-u", "fire")

    rates = heatbill.json("interest", "rates")
    assert rates[-1] == {
        "valid_from": "2026-01-01",
        "rate_percent": "1.75",
        "added_by": "danish-rules",
    }

    step = "Morarente pr."
    preview = heatbill("run", "interest", "--date", "31-03-2026", "-u", "fire", "--dry-run")
    assert "Prøvekørsel: intet er bogført" in preview
    first = heatbill("run", "interest", "--date", "31-03-2026", "-u", "fire")
    assert row_of(first, step)[1:3] == ["3", "0"]
    assert row_of(first, step)[3] == row_of(preview, step)[3]
    again = heatbill("run", "interest", "--date", "2026-03-31", "-u", "fire")
    assert row_of(again, step)[1:5] == ["0", "3", "0,00 kr.", "0"]

    missing = heatbill("run", "interest", "--date", "31-08-2026", "-u", "fire")
    assert row_of(missing, step)[1] == "0"
    assert "Nationalbankens udlånsrente for 2. halvår 2026 mangler" in missing
    refused = heatbill(
        "interest", "add-rate", "--from", "2027-01-01", "--rate", "1.60", "--by", "kbh", code=2
    )
    assert "næste halvår der kan tilføjes er 2026-07-01" in refused
    heatbill("interest", "add-rate", "--from", "01-07-2026", "--rate", "1,60", "--by", "kbh")
    heatbill("interest", "add-rate", "--from", "2026-07-01", "--rate", "1.60", "--by", "x", code=4)
    after = heatbill("run", "interest", "--date", "31-08-2026", "-u", "fire")
    assert row_of(after, step)[1:3] == ["3", "0"]
