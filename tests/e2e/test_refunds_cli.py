"""`heatbill refunds …` on a year settled through the command, as staff would pay it out: the
house's settlement refund is proposed (to the account registered for it), approved with
initials, and paid in a pain.001 file; the utility's account is set with `heatbill utility
set-account`. Refusals exit ≠ 0 and change nothing; a second payout finds nothing to pay.

SQLite only: the settled story creates the utility `solrod`, which `test_bills_cli` creates in
the shared PostgreSQL test database too (the integration tests run both databases)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from tests.e2e.conftest import Heatbill
from tests.e2e.settled_cli_story import SETTLED_ON, UTILITY, settle_a_year

U = ("-u", UTILITY)
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


def test_a_settlement_refund_proposed_approved_and_paid_out(heatbill_sqlite: Heatbill) -> None:
    heatbill = heatbill_sqlite
    settle_a_year(heatbill)
    [house] = heatbill.json("customers", "show", "10001", *U)["relationships"]
    out = heatbill(
        "refunds", "account", str(house["relationship_id"]), "--reg-no", "1551",
        "--account-no", "3456789", "--by", "kbh", *U,
    )  # fmt: skip
    assert "1551 0003456789" in out

    proposed = heatbill("refunds", "propose", "--date", SETTLED_ON, *U)
    assert "1 forslag til tilbagebetaling den 02-03-2026" in proposed
    assert "mindstebeløb 50,00 kr." in proposed
    assert "0 forslag" in heatbill("refunds", "propose", "--date", SETTLED_ON, *U)
    [row] = heatbill.json("refunds", "list", *U)
    assert (row["source"], row["status"], row["account"]) == (
        "settlement",
        "proposed",
        "1551 0003456789",
    )

    heatbill("refunds", "reject", str(row["id"]), "--by", "kbh", "--reason", " ", *U, code=2)
    refused = heatbill("refunds", "payout", "--date", "06-03-2026", "-o", "ud.xml", *U, code=3)
    assert "heatbill utility set-account" in refused
    heatbill(
        "utility", "set-account", "--iban", "DK50 0040 0440 1162 43", "--bic", "DABADKKK",
        "--by", "kbh", *U,
    )  # fmt: skip
    heatbill("refunds", "payout", "--date", "06-03-2026", "-o", "ud.xml", *U, code=2)

    approved = heatbill("refunds", "approve", str(row["id"]), "--by", "kbh", *U)
    assert f"Forslag {row['id']} godkendt af kbh" in approved
    paid = heatbill("refunds", "payout", "--date", "06-03-2026", "-o", "ud.xml", *U)
    assert "1 tilbagebetalinger" in paid
    document = ET.parse(heatbill.cwd / "ud.xml").getroot()
    amount = document.find(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", NS)
    assert amount is not None
    assert Decimal(amount.text or "") * 100 == row["amount_ore"]
    assert document.findtext(".//p:CdtrAcct/p:Id/p:Othr/p:Id", namespaces=NS) == "15510003456789"

    [paid_row] = heatbill.json("refunds", "list", *U)
    assert paid_row["status"] == "paid"
    assert paid_row["decided_by"] == "kbh"
    heatbill("refunds", "payout", "--date", "07-03-2026", "-o", "igen.xml", *U, code=2)
    assert not (heatbill.cwd / "igen.xml").exists()
