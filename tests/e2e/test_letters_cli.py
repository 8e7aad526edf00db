"""Letters through the real `heatbill` command, on SQLite and PostgreSQL: a Solrød utility's
budgets and first installment bills are sent on the day — by digital post, in the day's
package — and each letter can be read and fetched as PDF exactly as sent."""

from __future__ import annotations

import zipfile

from pypdf import PdfReader

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import CUSTOMERS_CSV


def test_the_days_letters_are_sent_and_kept(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "sfv", "--name", "Solrød Fjernvarme", "--cvr",
        "11223344", "--address", "Lerbækvej 17, 2680 Solrød Strand", "--rulebook", "solrod",
        "--tariffs", "solrod", "--fi-creditor", "81234567",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "sfv", "--as-of", "01-06-2025")
    heatbill("run", "budgets", "--year", "2026", "-u", "sfv")
    heatbill("run", "billing", "--date", "02-01-2026", "-u", "sfv")

    sent = heatbill("letters", "send", "--date", "02-01-2026", "--out", "breve", "-u", "sfv")
    assert "digital_post: 6" in sent
    letters = heatbill.json("letters", "list", "-u", "sfv")
    bills = [r for r in letters if r["kind"] == "installment_bill"]
    assert len(bills) == 3
    assert {r["status"] for r in letters} == {"sent"}
    assert {r["channel"] for r in letters} == {"digital_post"}

    shown = heatbill("letters", "show", str(bills[0]["id"]), "-u", "sfv")
    assert "+71<" in shown
    assert "Jens Hansen" in shown
    heatbill("letters", "pdf", str(bills[0]["id"]), "-o", "brev.pdf", "-u", "sfv")
    text = PdfReader(heatbill.cwd / "brev.pdf").pages[0].extract_text()
    assert "+71<" in text
    assert "Solrød Fjernvarme" in text
    [package] = (heatbill.cwd / "breve").glob("digital-post-*.zip")
    with zipfile.ZipFile(package) as z:
        assert len([n for n in z.namelist() if n.endswith(".pdf")]) == 6
