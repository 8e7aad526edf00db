"""`heatbill refunds …` on a year settled through the command, as staff would pay it out: the
house's settlement refund is proposed (to the account registered for it), approved with
initials, and paid in a pain.001 file; the utility's account is set with `heatbill utility
set-account`. Refusals exit ≠ 0 and change nothing; a second payout finds nothing to pay.

The story is `tests.integration.settled_story`'s a year earlier (every reading in the past of
the machine running the tests): readings to 31-12-2024, budgets and four installments in 2025,
the 2025 readings, then on 02-03-2026 installment 2 of 2026 and the settlement of 2025. The
house (10001) used 60 % of the year before: its refund is larger than installment 2 and is
paid out (`4rater`). The utility's code is the test's own, so both databases can run it."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import ANNUAL_MWH, month_ends, monthly_use
from tests.integration.settled_story import CUSTOMERS_CSV

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
SETTLED_ON = "02-03-2026"
SHARE_2025 = {"M1": Decimal("0.6"), "M2": Decimal("0.9"), "M3": Decimal("1.25")}


def _readings(registers: dict[str, Decimal], year: int, share: dict[str, Decimal]) -> str:
    lines = ["maaler;tidspunkt;energi_mwh;volumen_m3"]
    for day in month_ends(date(year, 1, 1), 12):
        for meter, annual in ANNUAL_MWH.items():
            use = (monthly_use(annual, day.month) * share[meter]).quantize(Decimal("0.001"))
            registers[meter] += use
            lines.append(_line(meter, day, registers[meter]))
    return "\n".join(lines) + "\n"


def _line(meter: str, day: date, energy: Decimal) -> str:
    return f"{meter};{day.isoformat()};{_danish(energy)};{_danish(energy * 20)}"


def _danish(number: Decimal) -> str:
    return str(number).replace(".", ",")


def settled(heatbill: Heatbill) -> tuple[str, ...]:
    """A 4rater utility of the test's own with 2025 settled; its `-u` option."""
    code = f"fire-{uuid.uuid4().hex[:6]}"
    u = ("-u", code)
    heatbill(
        "utility", "create", "--code", code, "--name", "Solrød Fjernvarme",
        "--cvr", "11223344", "--address", "Lerbækvej 17, 2680 Solrød Strand",
        "--rulebook", "4rater", "--tariffs", "4rater",
        "--fi-creditor", "81234567", "--pbs", "01234567",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", *u, "--as-of", "01-01-2025")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    start = "\n".join(_line(m, date(2023, 12, 31), v) for m, v in registers.items())
    history = _readings(registers, 2024, dict.fromkeys(ANNUAL_MWH, Decimal(1)))
    heatbill.write("historik.csv", history.replace("\n", "\n" + start + "\n", 1))
    heatbill("import", "readings", "historik.csv", *u)
    heatbill("run", "budgets", "--year", "2025", *u)
    for day in ("02-01-2025", "03-03-2025", "02-06-2025", "01-09-2025"):
        heatbill("run", "billing", "--date", day, *u)
    heatbill.write("2025.csv", _readings(registers, 2025, SHARE_2025))
    heatbill("import", "readings", "2025.csv", *u)
    heatbill("run", "budgets", "--year", "2026", *u)
    heatbill("run", "billing", "--date", SETTLED_ON, *u)
    heatbill("run", "settlement", "--year", "2025", "--date", SETTLED_ON, *u)
    return u


def test_a_settlement_refund_proposed_approved_and_paid_out(heatbill: Heatbill) -> None:
    u = settled(heatbill)
    [house] = heatbill.json("customers", "show", "10001", *u)["relationships"]
    out = heatbill(
        "refunds", "account", str(house["relationship_id"]), "--reg-no", "1551",
        "--account-no", "3456789", "--by", "kbh", *u,
    )  # fmt: skip
    assert "1551 0003456789" in out

    proposed = heatbill("refunds", "propose", "--date", SETTLED_ON, *u)
    assert "1 forslag til tilbagebetaling den 02-03-2026" in proposed
    assert "mindstebeløb 50,00 kr." in proposed
    assert "0 forslag" in heatbill("refunds", "propose", "--date", SETTLED_ON, *u)
    [row] = heatbill.json("refunds", "list", *u)
    assert (row["source"], row["status"], row["account"]) == (
        "settlement",
        "proposed",
        "1551 0003456789",
    )

    heatbill("refunds", "reject", str(row["id"]), "--by", "kbh", "--reason", " ", *u, code=2)
    refused = heatbill("refunds", "payout", "--date", "06-03-2026", "-o", "ud.xml", *u, code=3)
    assert "heatbill utility set-account" in refused
    heatbill(
        "utility", "set-account", "--iban", "DK50 0040 0440 1162 43", "--bic", "DABADKKK",
        "--by", "kbh", *u,
    )  # fmt: skip
    heatbill("refunds", "payout", "--date", "06-03-2026", "-o", "ud.xml", *u, code=2)

    approved = heatbill("refunds", "approve", str(row["id"]), "--by", "kbh", *u)
    assert f"Forslag {row['id']} godkendt af kbh" in approved
    paid = heatbill("refunds", "payout", "--date", "06-03-2026", "-o", "ud.xml", *u)
    assert "1 tilbagebetalinger" in paid
    document = ET.parse(heatbill.cwd / "ud.xml").getroot()
    amount = document.find(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", NS)
    assert amount is not None
    assert Decimal(amount.text or "") * 100 == row["amount_ore"]
    assert document.findtext(".//p:CdtrAcct/p:Id/p:Othr/p:Id", namespaces=NS) == "15510003456789"

    [paid_row] = heatbill.json("refunds", "list", *u)
    assert paid_row["status"] == "paid"
    assert paid_row["decided_by"] == "kbh"
    heatbill("refunds", "payout", "--date", "07-03-2026", "-o", "igen.xml", *u, code=2)
    assert not (heatbill.cwd / "igen.xml").exists()
