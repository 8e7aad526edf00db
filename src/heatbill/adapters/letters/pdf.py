"""Letters as PDF (fpdf2): one letter per document, or many in one print-ready batch.

The PDF is laid out from the letter's stored text, line by line, so text and PDF always say the
same: the letterhead's first line and the title in bold, rows with their amount right-aligned,
the FI payment line (`+71<…+…<`) in a fixed-width font, `---` as a rule before the footer.
Helvetica and Courier (PDF core fonts) cover Danish (æøå, §, ³); the few characters outside
Latin-1 are written as their nearest Latin-1 equivalent. The creation date is the letter's
date, so the same letter always gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

_ROW = re.compile(r"^(?P<text>\S.*?) {2,}(?P<amount>-?[\d.]+,\d\d kr\.)$")
_LATIN1 = str.maketrans({"–": "-", "—": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"'})
_AMOUNT_MM = 40
_LINE_MM = 5


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One letter to lay out: its title line, its text, the logo of its utility (if any)."""

    title: str
    text: str
    on: date
    logo_path: str | None = None


def letter_pdf(page: PdfPage) -> bytes:
    """One letter as a PDF document."""
    return batch_pdf([page], on=page.on)


def batch_pdf(pages: Iterable[PdfPage], *, on: date) -> bytes:
    """Many letters in one PDF, each from a new page (odd pages for duplex printing)."""
    from fpdf import FPDF  # noqa: PLC0415 - a heavy import, only when a PDF is made

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(on.year, on.month, on.day, tzinfo=UTC))
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    for page in pages:
        _add_letter(pdf, page)
    return bytes(pdf.output())


def _add_letter(pdf: FPDF, page: PdfPage) -> None:
    if pdf.page_no() % 2 == 1:
        pdf.add_page()  # a blank back side: every letter starts on a front page
    pdf.add_page()
    if page.logo_path and Path(page.logo_path).is_file():
        pdf.image(page.logo_path, x=pdf.w - 20 - 35, y=12, w=35)
    title_done = False
    for n, raw in enumerate(page.text.splitlines()):
        line = raw.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        if n == 0:
            _write(pdf, line, "Helvetica", "B", 13)
        elif not title_done and raw == page.title:
            title_done = True
            _write(pdf, line, "Helvetica", "B", 13)
        elif line.startswith("+71<"):
            _write(pdf, line, "Courier", "B", 11)
        elif line == "---":
            y = pdf.get_y() + 2
            pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.set_y(y + 2)
        elif match := _ROW.match(line):
            _row(pdf, match["text"], match["amount"])
        else:
            _write(pdf, line, "Helvetica", "", 10)


def _write(pdf: FPDF, line: str, family: str, style: str, size: int) -> None:
    pdf.set_font(family, style, size)
    if not line:
        pdf.ln(_LINE_MM - 1)
        return
    pdf.multi_cell(0, _LINE_MM + (1 if size > 11 else 0), line, new_x="LMARGIN", new_y="NEXT")


def _row(pdf: FPDF, text: str, amount: str) -> None:
    pdf.set_font("Helvetica", "", 10)
    width = pdf.w - pdf.l_margin - pdf.r_margin - _AMOUNT_MM
    pdf.cell(width, _LINE_MM, text)
    pdf.cell(_AMOUNT_MM, _LINE_MM, amount, align="R", new_x="LMARGIN", new_y="NEXT")
