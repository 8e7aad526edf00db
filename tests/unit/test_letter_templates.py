"""Every letter kind has a template; golden text per kind; the PDF says what the text says.

The golden files (tests/golden/letters/<kind>.txt) are the letters as a customer reads them;
regenerate with `pytest --update-golden` and review the diff like a proof-reader.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from heatbill.adapters.letters.pdf import PdfPage, batch_pdf, letter_pdf
from heatbill.adapters.letters.render import (
    BillView,
    Letterhead,
    LetterToRender,
    PaymentView,
    Recipient,
    has_template,
    render_text,
)
from heatbill.domain.letters import LetterKind

GOLDEN = Path(__file__).parent.parent / "golden" / "letters"
HEAD = Letterhead(
    "Solrød Fjernvarme",
    "Lerbækvej 17, 2680 Solrød Strand",
    "11223344",
    "post@sfv-amba.dk",
    "56 14 57 14",
    "www.sfv-amba.dk",
)
RECIPIENT = Recipient(
    "Søren Ærø Østergaard", ("Solrød Byvej 12", "2680 Solrød Strand"), "7", "10001"
)
CLAIM = {
    "claim": "2027-0000123",
    "step": "1. rykker",
    "owed": "3.850,00 kr.",
    "principal": "3.750,00 kr.",
    "due_date": "18-01-2027",
    "fee": "100,00 kr.",
    "deadline": "08-02-2027",
}
FI_LINE = "+71<000000000012348+81234567<"
BILL = BillView(
    number="2027-0000123",
    period="01-01-2027 – 31-03-2027",
    issue_date="04-01-2027",
    lines=(
        ("Fast afgift, 1. kvartal", "1.000,00 kr."),
        ("Aconto varme, 1. kvartal", "2.000,00 kr."),
    ),
    net="3.000,00 kr.",
    vat="750,00 kr.",
    total="3.750,00 kr.",
    payment=PaymentView("3.750,00 kr.", "18-01-2027", FI_LINE),
)
REFUND = BillView(
    number="2027-0000456",
    period="01-01-2026 – 31-12-2026",
    issue_date="01-03-2027",
    lines=(("Varme 14,200 MWh à 620,00 kr.", "8.804,00 kr."), ("Betalt aconto", "-10.000,00 kr.")),
    net="-1.196,00 kr.",
    vat="-299,00 kr.",
    total="-1.495,00 kr.",
    payment=None,
    to_your_good="1.495,00 kr.",
)
FACTS: dict[str, dict[str, str]] = {
    "welcome": {"move_date": "01-01-2027"},
    "interim_liability": {"move_date": "01-01-2027"},
    "late_move_notice": {"move_date": "01-01-2027"},
    "self_reading_request": {"read_on": "31-12-2026", "deadline": "14-01-2027"},
    "self_reading_reminder": {"read_on": "31-12-2026", "deadline": "28-01-2027"},
    "estimate_notice": {
        "read_on": "31-12-2026", "method": "last_year", "use_mwh": "14,200",
        "energy_mwh": "132,200",
    },
    "reminder": CLAIM,
    "collection_notice": CLAIM | {"step": "inkassovarsel"},
    "security_demand": {
        "amount": "4.500,00 kr.", "deadline": "08-02-2027",
        "forms": "kontant depositum, bankgaranti", "grounds": "gentagne sene betalinger",
        "consequence": "Stilles sikkerheden ikke, kan forsyningen blive lukket.",
    },
    "security_demand_on_a_claim": CLAIM | {"security": "4.500,00 kr."},
    "closing_notice": CLAIM,
    "closing_order": CLAIM,
    "reopening_order": CLAIM,
    "closing_letter": {
        "claim": "2027-0000123", "closed_on": "15-03-2027", "reading_mwh": "140,512",
    },
    "external_collection": CLAIM | {"partner": "Inkassopartner A/S"},
    "landlord_notice": CLAIM,
    "budget": {
        "year": "2027", "period": "01-01-2027 – 31-12-2027", "expected_mwh": "14,200",
        "amount": "15.000,00 kr.",
    },
    "installment_bill": {"bill_id": "1"},
    "annual_statement": {"bill_id": "2"},
    "move_statement": {"bill_id": "1"},
    "bill": {"bill_id": "1"},
    "tariff_change_notice": {
        "valid_from": "01-01-2027", "document": "Takstblad 2027",
        "summary": "Prisen pr. MWh stiger fra 590,00 kr. til 620,00 kr. ekskl. moms.",
    },
    "supply_interruption": {
        "start": "20-05-2027 kl. 08.00", "end": "20-05-2027 kl. 14.00",
        "reason": "reparation af hovedledningen på Solrød Byvej",
    },
    "security_release": {
        "form": "kontant depositum", "amount": "4.500,00 kr.",
        "reason": "et år med rettidige betalinger", "set_off": "1.000,00 kr.",
        "refund": "3.500,00 kr.",
    },
    "payment_plan": {
        "claims": "regning 2027-0000123", "total": "3.850,00 kr.", "fee": "100,00 kr.",
        "schedule": "15-04-2027: 1.950,00 kr.\n15-05-2027: 2.000,00 kr.",
    },
}  # fmt: skip
KINDS = sorted(FACTS)


def letter_of(kind: str) -> LetterToRender:
    bill = None
    if "bill_id" in FACTS[kind]:
        bill = REFUND if kind == "annual_statement" else BILL
    template = kind.removesuffix("_on_a_claim")
    return LetterToRender(17, template, date(2027, 1, 4), "solrod 6.3", FACTS[kind], RECIPIENT,
                          bill)  # fmt: skip


def test_every_letter_kind_has_its_template_and_a_golden_example() -> None:
    missing = [k.value for k in LetterKind if not has_template(k.value)]
    assert missing == []
    assert {k.value for k in LetterKind} <= set(FACTS)


@pytest.mark.parametrize("kind", KINDS)
def test_the_letter_reads_as_its_golden_text(kind: str, update_golden: bool) -> None:
    text = render_text(letter_of(kind), HEAD).text
    golden = GOLDEN / f"{kind}.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "Brevet sendes efter: solrod 6.3." in text


def test_an_installment_bill_as_pdf_carries_the_fi_line_and_danish_letters() -> None:
    rendered = render_text(letter_of("installment_bill"), HEAD)
    pdf = letter_pdf(PdfPage(rendered.title, rendered.text, date(2027, 1, 4)))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert FI_LINE in text
    assert "Søren Ærø Østergaard" in text
    assert "Solrød Fjernvarme" in text
    assert "3.750,00 kr." in text
    assert "Ankenævnet på Energiområdet" in text


def test_the_same_letter_gives_the_same_pdf_bytes() -> None:
    rendered = render_text(letter_of("reminder"), HEAD)
    page = PdfPage(rendered.title, rendered.text, date(2027, 1, 4))
    assert letter_pdf(page) == letter_pdf(page)


def test_a_paper_batch_starts_every_letter_on_a_front_page() -> None:
    pages = [
        PdfPage(r.title, r.text, date(2027, 1, 4))
        for r in (render_text(letter_of(k), HEAD) for k in ("reminder", "welcome", "budget"))
    ]
    reader = PdfReader(io.BytesIO(batch_pdf(pages, on=date(2027, 1, 4))))
    texts = [page.extract_text() for page in reader.pages]
    fronts = [n for n, t in enumerate(texts) if t.startswith("Solrød Fjernvarme")]
    assert fronts == [0, 2, 4]


def test_work_orders_and_tariff_notices_carry_their_own_footers() -> None:
    order = render_text(letter_of("closing_order"), HEAD).text
    tariff = render_text(letter_of("tariff_change_notice"), HEAD).text
    assert "Klagemuligheder" not in order
    assert "Energiklagenævnet" in tariff
