"""The letter's PDF layout: what the text says is on the page, however long its lines and
pages; a letterhead with a logo is drawn the same way (through fpdf2)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from heatbill.adapters.letters.pdf import PdfPage, batch_pdf, letter_pdf

ON = date(2027, 1, 4)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_line_wider_than_the_page_is_wrapped_with_every_word_kept() -> None:
    words = [f"ord{n}" for n in range(80)]
    text = "Solrød Fjernvarme\n\nEt langt brev\n" + " ".join(words) + "\n" + "x" * 300
    [page] = _pages(letter_pdf(PdfPage("Et langt brev", text, ON)))
    lines = page.splitlines()
    wrapped = [line for line in lines if line.startswith("ord")]
    assert len(wrapped) > 1
    assert " ".join(wrapped).split() == words
    assert "".join(line for line in lines if set(line) == {"x"}) == "x" * 300


def test_a_letter_longer_than_a_page_goes_on_to_the_next() -> None:
    rows = [f"Linje {n}  {n},00 kr." for n in range(1, 81)]
    text = "Solrød Fjernvarme\n\nOpgørelse\n" + "\n".join(rows)
    pages = _pages(letter_pdf(PdfPage("Opgørelse", text, ON)))
    assert len(pages) == 2
    assert "Linje 1 1,00 kr." in pages[0]
    assert "Linje 80 80,00 kr." in pages[1]


def test_parentheses_and_backslashes_are_written_as_they_are() -> None:
    text = "Solrød Fjernvarme\n\nBrev\nBeløb (inkl. moms) \\ rest – 5 % § 3"
    [page] = _pages(letter_pdf(PdfPage("Brev", text, ON)))
    assert "Beløb (inkl. moms) \\ rest - 5 % § 3" in page


def test_a_letterhead_with_a_logo_has_the_same_text_and_the_same_bytes_twice(
    tmp_path: Path,
) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), (200, 30, 30)).save(logo)
    text = "Solrød Fjernvarme\n\nRykker\nBetal venligst  1.250,00 kr.\n---\nMed venlig hilsen"
    page = PdfPage("Rykker", text, ON, str(logo))
    pdf = batch_pdf([page, page], on=ON)
    texts = _pages(pdf)
    assert len(texts) == 3  # the second letter on a front page
    assert "Betal venligst 1.250,00 kr." in texts[0]
    assert texts[0] == texts[2]
    assert batch_pdf([page, page], on=ON) == pdf
