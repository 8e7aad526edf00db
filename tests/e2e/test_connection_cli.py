"""`heatbill connection bill|exit` and `heatbill charge one-off|meter-test-refund` on a
`vestervig` utility, on SQLite and PostgreSQL: the connection contribution billed once, the
exit statement a–e with its bill, a meter test charged and refunded in full (`vestervig 5.11`),
and clear refusals that book nothing."""

from __future__ import annotations

from heatbill.adapters.rulebook_files import preset_text
from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV
from tests.integration.test_connection_exit import METER_TEST_FEE

U = ("-u", "vestervig")


def test_connection_exit_and_a_refunded_meter_test(heatbill: Heatbill) -> None:
    tariffs = preset_text("vestervig", tariffs=True)
    heatbill.write(
        "takster.toml", tariffs.replace("bill_copy = {", METER_TEST_FEE + "bill_copy = {")
    )
    heatbill(
        "utility", "create", "--code", "vestervig", "--name", "Vestervig Fjernvarme",
        "--cvr", "11223344", "--address", "Vestervig", "--rulebook", "vestervig",
        "--tariffs", "takster.toml", "--fi-creditor", "81234567",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", *U, "--as-of", "01-01-2026")

    # The connection contribution: due before the pipe is laid, billed once.
    connect = (
        "connection",
        "bill",
        "10001",
        "--pipe-laid-on",
        "20-05-2026",
        "--date",
        "01-04-2026",
    )
    billed = heatbill(*connect, "--trace-m", "18", *U)
    assert "30.000,00 kr. (heraf moms 6.000,00 kr.), forfalder 01-05-2026" in billed
    assert "Findes allerede" in heatbill(*connect, "--trace-m", "18", *U)
    assert "allerede fået regning" in heatbill(*connect, "--trace-m", "25", *U, code=4)

    # The owner gives notice: 18 months to a financial year end, items a–e, the bill of c–e.
    stated = heatbill(
        "connection", "exit", "10001", "--notice-date", "10-03-2026", "--date", "10-03-2026",
        "--annual-statement", "12.345,00", "--disconnection", "4.000", "--plant-cost",
        "10.000.000", "--depreciation", "4.000.000", "--connection-value", "150",
        "--total-connection-value", "60000", *U,
    )  # fmt: skip
    assert "Tidligste udtrædelsesdato: 31-05-2028" in stated
    assert "At betale i alt: 33.095,00 kr." in stated
    assert "20.750,00 kr." in stated
    tenant = heatbill("connection", "exit", "10002", "--notice-date", "10-03-2026", *U, code=3)
    assert "ingen ejer" in tenant

    # A meter test on request, then found outside tolerance: credited in full.
    tested = heatbill(
        "charge", "one-off", "10001", "--kind", "maalerafproevning", "--date", "10-03-2026", *U
    )
    assert "1.000,00 kr." in tested
    refund = ("charge", "meter-test-refund", "10001", "--date", "02-04-2026")
    refunded = heatbill(*refund, "--charged-on", "10-03-2026", *U)
    assert "Kreditnota" in refunded
    assert "-1.000,00 kr." in refunded
    assert "intet gebyr den 11-03-2026" in heatbill(
        *refund, "--charged-on", "11-03-2026", *U, code=3
    )
    wrong_kind = heatbill(
        "charge", "one-off", "10001", "--kind", "lukkebesoeg", "--date", "11-03-2026", *U, code=2
    )
    assert "--kind" in wrong_kind

    bills = heatbill.json("bills", "list", "--installation", "10001", *U)
    assert sorted(b["kind"] for b in bills) == ["charge", "connection", "credit_note", "exit"]
    [note] = [b for b in bills if b["kind"] == "credit_note"]
    [charge] = [b for b in bills if b["kind"] == "charge"]
    assert (note["corrects"], note["total_ore"]) == (charge["number"], -charge["total_ore"])
