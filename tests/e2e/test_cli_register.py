"""The register through the real `heatbill` command, as a new user would use it, on SQLite and
on PostgreSQL: a utility's customers and two years of readings from files, implausible readings
held with their reason, a broken or repeated file refused with nothing imported, a tenant's
move with the owner liable in the gap, an estimate replaced when the real reading comes."""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal

from tests.e2e.conftest import Heatbill
from tests.e2e.register_files import (
    CPRS,
    CUSTOMERS_CSV,
    YEAR_END,
    degree_days_csv,
    mid_month,
    readings_csv,
    readings_rows,
    true_registers,
)

HELD_LINE = re.compile(r"Aflæsning (\d+): målested (\d+), måler (M\d)")


def a_utility_with_customers_and_readings(heatbill: Heatbill) -> tuple[str, str]:
    """The utility's code, and the output of importing its readings."""
    code = f"solrod-{uuid.uuid4().hex[:6]}"
    heatbill(
        "utility",
        "create",
        *("--code", code, "--name", "Solrød Fjernvarme", "--cvr", "11223344"),
        *("--address", "Lerbækvej 17, 2680 Solrød Strand"),
        *("--rulebook", "solrod", "--tariffs", "solrod"),
    )
    out = heatbill("import", "customers", heatbill.write("kunder.csv", CUSTOMERS_CSV), "-u", code)
    assert "kunder.csv: 6 målesteder indlæst" in out
    assert "7 parter, 1 lejere/andelshavere med direkte kundeforhold" in out  # and the landlord
    readings = heatbill.write("aflaesninger.csv", readings_csv(readings_rows()))
    return code, heatbill("import", "readings", readings, "-u", code)


def line_with(text: str, *parts: str) -> str:
    """The one line of `text` holding every part (a table row, a message)."""
    [found] = [line for line in text.splitlines() if all(part in line for part in parts)]
    return found


def test_customers_and_readings_from_files_holds_a_move_and_an_estimate(heatbill: Heatbill) -> None:
    code, imported = a_utility_with_customers_and_readings(heatbill)
    assert "124 aflæsninger indlæst" in imported
    assert "121 godkendt, 3 tilbageholdt til kontrol, 0 gentagelser" in imported
    import_id = re.search(r"import nr\. (\d+)", imported)
    assert import_id is not None
    out = heatbill(
        "import", "degree-days", heatbill.write("graddage.csv", degree_days_csv()), "-u", code
    )
    assert "graddage for 24 måneder indlæst (01-2024–12-2025)" in out

    held = heatbill("readings", "held", "-u", code)
    assert "målested 10001, måler M1, 31-07-2025" in held
    assert "mere end 50 % under det forventede" in line_with(held, "Forbruget siden 30-06-2025")
    assert "mere end 50 % over det forventede" in line_with(held, "Forbruget siden 28-02-2025")
    assert "(solrod 5.7)" in line_with(held, "Energiregistret er faldet", "31-07-2025")
    assert len(HELD_LINE.findall(held)) == 3

    again = heatbill("import", "readings", "aflaesninger.csv", "-u", code, code=4)
    assert "aflaesninger.csv er allerede indlæst" in again
    assert f"import nr. {import_id.group(1)} (aflaesninger.csv," in again
    broken = "maaler;tidspunkt;energi_mwh;volumen_m3\n"
    broken += "M1;2026-01-31;132,5;2650\nM2;2026-01-31;54,5 MWh;1090\n"
    refused = heatbill("import", "readings", heatbill.write("fejl.csv", broken), "-u", code, code=2)
    assert "fejl.csv: linje 3, felt energi_mwh: forventede et tal" in refused
    assert 'fik "54,5 MWh"' in refused
    assert len(heatbill.json("readings", "list", "-u", code)) == 124  # nothing was imported

    energy, volume = mid_month("M2", date(2025, 11, 30), 15)
    moved = heatbill(
        "move", "out", "10002", "-u", code,
        *("--date", "16-11-2025", "--notified", "2025-11-20"),
        *("--energy-mwh", str(energy).replace(".", ","), "--volume-m3", str(volume)),
    )  # fmt: skip
    assert "Sluttet: Mette Sørensen (lejer), kundeforhold 2, sidste dag 15-11-2025." in moved
    assert "Begyndt: Karen Mikkelsen (ejer i mellemperiode)" in moved
    assert "Ejeren Karen Mikkelsen er nu kunde og hæfter i mellemperioden" in moved
    assert "(solrod 2.16)" in line_with(moved, "hæfter i mellemperioden")
    assert "Meddelelsen kom for sent" in moved
    assert "for 15-11-2025" in line_with(moved, "Flytteaflæsning", "godkendt")
    assert "Brev til ejeren om hæftelse i mellemperioden til Karen Mikkelsen" in moved

    shown = heatbill("customers", "show", "10002", "-u", code)
    assert "Mette Sørensen" in line_with(shown, "020285-****", "lejer", "01-08-2022", "15-11-2025")
    interim = line_with(shown, "Karen Mikkelsen", "ejer i mellemperiode")
    assert "020270-****" in interim
    assert "16-11-2025" in interim
    assert "(for sent)" in interim
    letter = line_with(shown, "Brev til ejeren om hæftelse i mellemperioden")
    assert all(part in letter for part in ("Karen Mikkelsen", "solrod 2.16", "i kø"))

    estimated = heatbill("readings", "estimate", "-u", code, "--date", "31-12-2025")
    assert "Beregnet forbrug for 1 måler(e) uden aflæsning den 31-12-2025" in estimated
    assert "sidste års forbrug efter graddage" in line_with(estimated, "målested 10005, måler M5")
    real = true_registers()["M5", YEAR_END]
    december = heatbill.write("december.csv", readings_csv([("M5", YEAR_END, real, real * 20)]))
    assert "1 godkendt, 0 tilbageholdt" in heatbill("import", "readings", december, "-u", code)
    assert "1 skøn erstattet" in heatbill.outputs[-1]
    year_end = [
        (r["source"], r["status"], r["energy_mwh"])
        for r in heatbill.json("readings", "list", "-u", code, "--installation", "10005")
        if r["read_on"] == "2025-12-31"
    ]
    assert sorted(year_end)[1:] == [("remote", "accepted", f"{real:f}")]
    assert sorted(year_end)[0][:2] == ("estimated", "superseded")

    listed = heatbill("customers", "list", "-u", code)
    assert "020270-****" in line_with(listed, "10002", "Karen Mikkelsen", "ejer i mellemperiode")
    assert "87654321" in line_with(listed, "10003", "Bageriet Ølby ApS")
    for cpr in CPRS:
        assert not any(cpr in o or cpr.replace("-", "") in o for o in heatbill.outputs), cpr


def test_staff_decide_held_readings_cards_are_answered_and_customers_change(
    heatbill_sqlite: Heatbill,
) -> None:
    heatbill = heatbill_sqlite
    code, imported = a_utility_with_customers_and_readings(heatbill)
    held = {meter: reading_id for reading_id, _, meter in HELD_LINE.findall(imported)}
    accepted = heatbill(
        "readings", "accept", held["M1"], "-u", code,
        *("--reason", "Huset stod tomt i juli", "--by", "kbh"),
    )  # fmt: skip
    assert "er godkendt af kbh: Huset stod tomt i juli" in accepted
    right = true_registers()["M3", date(2025, 3, 31)]
    corrected = heatbill(
        "readings", "correct", held["M3"], "-u", code,
        *("--energy-mwh", str(right).replace(".", ","), "--volume-m3", f"{right * 20:f}"),
        *("--reason", "Tastefejl i hovedsystemet", "--by", "kbh"),
    )  # fmt: skip
    assert f"Aflæsning {held['M3']} er afvist og erstattet af aflæsning" in corrected
    heatbill(
        "readings", "reject", held["M4"], "-u", code,
        *("--reason", "Måleren er skiftet", "--by", "kbh"),
    )  # fmt: skip
    readings = heatbill.json("readings", "list", "-u", code)
    by_id = {str(r["id"]): r for r in readings}
    assert [r for r in readings if r["status"] == "held"] == []
    assert (by_id[held["M1"]]["status"], by_id[held["M1"]]["decided_by"]) == ("accepted", "kbh")
    assert by_id[held["M4"]]["status"] == "rejected"
    [correction] = [r for r in readings if r["supersedes"] == int(held["M3"])]
    assert (correction["source"], correction["status"]) == ("correction", "accepted")
    assert correction["energy_mwh"] == f"{right:f}"

    refused = heatbill("readings", "request-cards", "-u", code, "--date", "31-11-2025", code=2)
    assert '--date: forventede en dato som 31-12-2026 eller 2026-12-31, fik "31-11-2025"' in refused
    cards = heatbill("readings", "request-cards", "-u", code, "--date", "31-12-2025")
    assert "1 aflæsningskort sendt for 31-12-2025" in cards
    card = heatbill.write(
        "kort.csv", readings_csv([("M6", YEAR_END, Decimal("7.5"), Decimal(150))], separator=",")
    )
    assert "1 godkendt" in heatbill("import", "readings", card, "-u", code, "--source", "kort")
    assert "1 besvaret, 0 rykket, 0 beregnet" in heatbill("readings", "follow-up", "-u", code)

    moved_in = heatbill(
        "move", "in", "10001", "-u", code, "--date", "2026-02-01", "--notified", "05-01-2026",
        *("--name", "Ole Berg", "--cpr", "121180-4321", "--role", "lejer"),
    )  # fmt: skip
    assert "Meddelelsen kom rettidigt" in moved_in
    assert "Velkomstbrev til Ole Berg (solrod 1.4)" in moved_in
    sold = heatbill(
        "move", "owner", "10003", "-u", code, "--date", "01-03-2026", "--notified", "20-02-2026",
        *("--name", "Ølby Bageri Holding ApS", "--cvr", "11223344"),
    )  # fmt: skip
    assert "Sluttet: Bageriet Ølby ApS (ejer)" in sold
    assert "Begyndt: Ølby Bageri Holding ApS (ejer)" in sold

    story = heatbill.json("customers", "show", "10001", "-u", code)
    assert [
        (r["customer"]["name"], r["customer"]["cpr"], r["role"], r["start"], r["last_day"])
        for r in story["relationships"]
    ] == [
        ("Jens Hansen", "010190-****", "owner", "2015-06-01", "2026-01-31"),
        ("Ole Berg", "121180-****", "tenant", "2026-02-01", None),
    ]
    assert [(x["kind"], x["to"], x["clause"]) for x in story["letters"]] == [
        ("welcome", "Ole Berg", "solrod 1.4")
    ]
    assert story["readings"][-1]["read_on"] == "2025-12-31"
    for cpr in CPRS:
        assert not any(cpr in o or cpr.replace("-", "") in o for o in heatbill.outputs), cpr
