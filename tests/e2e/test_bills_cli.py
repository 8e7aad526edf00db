"""`heatbill bills …` and `heatbill charge one-off` on a year settled through the command, on
SQLite and PostgreSQL: a settlement shown with its lines and FI payment line, the bakery's
OIOUBL invoice (and a refusal for a customer without EAN), the day's Betalingsservice 0601
delivery, a settlement corrected after a meter test (credit note and new bill, linked), and a
one-off charge. Refusals exit ≠ 0 and change nothing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from tests.e2e.conftest import Heatbill
from tests.e2e.settled_cli_story import FI_CREDITOR, SETTLED_ON, UTILITY, line, settle_a_year
from tests.e2e.test_cli_payments import mandates_0603
from tests.integration.settled_story import EAN

U = ("-u", UTILITY)
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
FI_LINE = re.compile(r"^\+71<(\d{15})\+" + FI_CREDITOR + "<$")
REASON = "Målerafprøvning: måleren viste 4 % for meget"
YEAR_END = date(2025, 12, 31)


def test_a_settled_year_billed_shown_exported_and_corrected(heatbill: Heatbill) -> None:
    registers = settle_a_year(heatbill)
    settlements = heatbill.json("bills", "list", "--kind", "aarsafregning", *U)
    by_installation = {b["installation"]: b for b in settlements}
    bakery, person = by_installation["10003"], by_installation["10001"]
    assert bakery["total_ore"] > 0  # the bakery used more than budgeted: it owes

    # The bill for people: lines with their clause, Danish amounts and dates, the FI line.
    shown = heatbill("bills", "show", bakery["number"], *U)
    assert f"Årsafregning {bakery['number']}" in shown
    assert "Periode 01-01-2025 – 31-12-2025 · udstedt 02-03-2026" in shown
    assert "4rater" in shown
    assert f"I alt: {danish_kroner(bakery['total_ore'])}" in shown
    assert "Sendes som OIOUBL-faktura til EAN " + EAN in shown
    as_json = heatbill.json("bills", "show", bakery["number"], *U)
    fi_line = as_json["payment"]["fi_line"]
    assert FI_LINE.match(fi_line), fi_line
    assert f"Indbetalingslinje: {fi_line}" in shown
    assert sum(x["amount_ore"] + x["vat_ore"] for x in as_json["lines"]) == bakery["total_ore"]
    assert as_json["payment"]["amount_ore"] == bakery["total_ore"]

    # The bakery's e-invoice totals the booked bill; a person without an EAN gets none.
    heatbill("bills", "oioubl", bakery["number"], "-o", "faktura.xml", *U)
    invoice = ET.parse(heatbill.cwd / "faktura.xml").getroot()
    assert invoice.tag.endswith("}Invoice")
    assert invoice.findtext("cbc:ID", namespaces=NS) == bakery["number"]
    payable = invoice.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS)
    assert Decimal(payable or "") * 100 == bakery["total_ore"]
    assert "EAN-nummer" in heatbill("bills", "oioubl", person["number"], *U, code=2)
    assert "regning 999999 findes ikke" in heatbill("bills", "show", "999999", *U, code=3)

    # The Betalingsservice delivery of the settlement day: the claims of the customers with a
    # mandate (from Nets' 0603 delivery) are collected, a refund is not (nothing to collect).
    mandated = {bakery["customer_id"], person["customer_id"]}
    (heatbill.cwd / "0603.txt").write_bytes(mandates_0603(901, date(2026, 1, 5), sorted(mandated)))
    heatbill("import", "mandates", "0603.txt", *U)
    made = heatbill(
        "bills", "betalingsservice", "--date", SETTLED_ON, "--reg-no", "9570",
        "--account-no", "12345678", "-o", "bs0601.txt", *U,
    )  # fmt: skip
    bills = heatbill.json("bills", "list", *U)
    collected = [
        b
        for b in bills
        if b["issue_date"] == "2026-03-02" and b["customer_id"] in mandated and b["total_ore"] > 0
    ]
    records = (heatbill.cwd / "bs0601.txt").read_bytes().split(b"\r\n")
    amounts = sorted(int(r[60:73]) for r in records if r.startswith(b"BS042"))
    assert amounts == sorted(b["total_ore"] for b in collected)
    assert f"{len(collected)} opkrævninger" in made
    if person["total_ore"] < 0:
        assert person["number"] in made  # named as left out

    # A meter test shows M3's year-end register too high: staff correct the reading, then the
    # settlement. The dry run books nothing; the correction links a credit note and a new bill.
    lower = registers["M3"] - 1
    heatbill.write(
        "rettet.csv", f"maaler;tidspunkt;energi_mwh;volumen_m3\n{line('M3', YEAR_END, lower)}\n"
    )
    heatbill("import", "readings", "rettet.csv", *U)
    [held] = [r for r in heatbill.json("readings", "held", *U) if r["meter"] == "M3"]
    heatbill(
        "readings", "correct", str(held["id"]), "--energy-mwh", str(lower),
        "--volume-m3", str(lower * 20), "--reason", REASON, "--by", "kbh", *U,
    )  # fmt: skip
    correct = ("bills", "correct", bakery["number"], "--reason", REASON, "--by", "kbh")
    assert "Prøvekørsel" in heatbill(*correct, "--date", "10-03-2026", "--dry-run", *U)
    done = heatbill(*correct, "--date", "10-03-2026", *U)
    after = heatbill.json("bills", "show", bakery["number"], *U)
    note, new = after["corrected_by"]
    assert (note["kind"], new["kind"]) == ("credit_note", "annual_settlement")
    assert note["total_ore"] == -bakery["total_ore"]
    assert new["total_ore"] < bakery["total_ore"]  # less heat, less to pay
    assert f"kreditnota {note['number']}" in done
    assert f"ny regning {new['number']}" in done
    revised = heatbill.json("bills", "show", new["number"], *U)
    assert (revised["corrects"], revised["revision"]) == (bakery["number"], 1)
    assert REASON in heatbill("bills", "oioubl", note["number"], *U)  # a credit note to the EAN

    # An installment is no settlement: refused, nothing booked.
    [installment, *_] = [b for b in bills if b["kind"] == "installment"]
    wrong = ("bills", "correct", installment["number"], "--reason", "x", "--by", "kbh")
    assert "ikke en afregning" in heatbill(*wrong, *U, code=2)

    # A one-off charge from the tariff sheet, billed to the installation's customer.
    charged = heatbill(
        "charge", "one-off", "10001", "--kind", "ekstra-aflaesning", "--date", "10-03-2026",
        "--reason", "efter ønske", *U,
    )  # fmt: skip
    assert "250,00 kr." in charged
    final = heatbill.json("bills", "list", *U)
    assert len(final) == len(bills) + 3  # credit note, new bill, charge: the rest booked nothing
    [fee] = [b for b in final if b["kind"] == "charge"]
    assert (fee["total_ore"], fee["customer_id"], fee["installation"]) == (
        25000,
        person["customer_id"],
        "10001",
    )
    assert fee["number"] in charged


def danish_kroner(ore: int) -> str:
    kroner, rest = divmod(abs(ore), 100)
    return f"{'-' if ore < 0 else ''}{kroner:,}".replace(",", ".") + f",{rest:02d} kr."
