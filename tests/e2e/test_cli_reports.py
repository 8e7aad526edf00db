"""The customer reports through the real `heatbill` command, on SQLite and PostgreSQL: a
statement (by customer id and by installation), the debtor list and the ageing, on screen, as
JSON, CSV and Excel, agreeing with the reconciliation."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from tests.e2e.conftest import Heatbill
from tests.integration.payment_files import Collected, bs_0602
from tests.integration.register_story import CUSTOMERS_CSV

DUE = date(2026, 2, 2)
PERIOD = ("--from", "01-01-2026", "--to", "31-03-2026", "-u", "fire")


def test_a_statement_and_the_debtor_list_as_staff_use_them(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "fire", "--name", "Fire Rater Varme", "--cvr", "12345678",
        "--address", "Varmevej 1", "--rulebook", "4rater", "--tariffs", "4rater",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "fire", "--as-of", "01-01-2026")
    heatbill("run", "budgets", "--year", "2026", "-u", "fire")
    heatbill("run", "billing", "--date", "02-01-2026", "-u", "fire")
    house = heatbill.json("customers", "show", "10001", "-u", "fire")["relationships"][0]
    house_id = house["relationship_id"]
    billed = heatbill.json("report", "statement", str(house_id), *PERIOD)["closing_ore"]
    bakery = heatbill.json("report", "statement", "--installation", "10003", *PERIOD)
    # Nets collects the installment, then charges it back (a charge-back alone would net
    # negative: the second delivery also collects 0,01 kr., which pays 1 øre of the bill).
    deliveries = {
        "0602-801.txt": bs_0602(
            801, date(2026, 2, 3), [Collected("0236", house_id, billed, DUE)], []
        ),
        "0602-802.txt": bs_0602(
            802,
            date(2026, 2, 4),
            [
                Collected("0239", house_id, billed, DUE),
                Collected("0236", bakery["customer_id"], bakery["closing_ore"] + 100, DUE),
            ],
            [],
        ),
    }
    for name, data in deliveries.items():
        (heatbill.cwd / name).write_bytes(data)
        heatbill("import", "payments", name, "-u", "fire")

    shown = heatbill(
        "report", "statement", "--installation", "10001", *PERIOD,
        "--csv", "kontoudtog.csv", "--xlsx", "kontoudtog.xlsx",
    )  # fmt: skip
    assert f"Kontoudtog for kunde {house_id} Jens Hansen (målested 10001)" in shown
    assert "Tilbageført betaling" in shown
    assert "Afstemt: primo 0,00 kr." in shown
    statement = heatbill.json("report", "statement", "--installation", "10001", *PERIOD)
    assert [m["kind"] for m in statement["movements"]] == ["bill", "payment", "charge_back"]
    assert statement["movements"][1]["payment"] == {
        "source": "betalingsservice",
        "matched_by": "bs_customer",
        "charge_back": False,
    }
    assert statement["reconciles"] is True
    assert statement["closing_ore"] == statement["open_items_ore"] == billed
    rows = (heatbill.cwd / "kontoudtog.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "Dato;Bilag;Art;Tekst;Reference;Forfald;Betaling;Beløb;Saldo"
    sheet = load_workbook(heatbill.cwd / "kontoudtog.xlsx")["Kontoudtog"]
    assert sheet.cell(sheet.max_row, 4).value == "Saldo ultimo"

    listed = heatbill(
        "report", "debtors", "--date", "31-03-2026", "-u", "fire", "--xlsx", "debitorer.xlsx"
    )
    assert "Debitorliste pr. 31-03-2026" in listed
    assert "Mette Sørensen" in listed
    debtors = heatbill.json("report", "debtors", "--date", "31-03-2026", "-u", "fire")
    reconciled = heatbill.json("report", "reconciliation", "--date", "31-03-2026", "-u", "fire")
    assert debtors["totals"]["balance_ore"] == reconciled["subledger_ore"]
    assert {c["installation"] for c in debtors["customers"]} == {"10001", "10002", "10003"}
    assert [c["credit_ore"] for c in debtors["customers"] if c["installation"] == "10003"] == [-100]
    book = load_workbook(heatbill.cwd / "debitorer.xlsx")["Debitorliste"]
    assert book.cell(book.max_row, 1).value == "I alt, 3 kunder"
    heatbill("report", "ageing", "--date", "31-03-2026", "-u", "fire", "--xlsx", "alder.xlsx")
    assert load_workbook(heatbill.cwd / "alder.xlsx").sheetnames == ["Aldersfordeling"]

    both = heatbill("report", "statement", "1", "--installation", "10001", *PERIOD, code=2)
    assert "angiv enten et kundenummer eller --installation" in both
    heatbill("report", "statement", "999999", *PERIOD, code=3)
