"""Letters as PDF: one letter per document, or many in one print-ready batch.

The PDF is laid out from the letter's stored text, line by line, so text and PDF always say the
same: the letterhead's first line and the title in bold, rows with their amount right-aligned,
the FI payment line (`+71<…+…<`) in a fixed-width font, `---` as a rule before the footer; a
line wider than the page is wrapped at its spaces, a letter longer than a page goes on to the
next. Helvetica and Courier (PDF core fonts) cover Danish (æøå, §, ³); the few characters
outside Latin-1 are written as their nearest Latin-1 equivalent. The creation date is the
letter's date, so the same letter always gives the same bytes. Drawn on `pdf_canvas`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from heatbill.adapters.letters.pdf_canvas import (
    PAGE_H,
    PAGE_W,
    PT_PER_MM,
    Canvas,
    CoreCanvas,
    FpdfCanvas,
    text_width,
)

_ROW = re.compile(r"^(?P<text>\S.*?) {2,}(?P<amount>-?[\d.]+,\d\d kr\.)$")
_LATIN1 = str.maketrans({"–": "-", "—": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"'})
_LEFT: Final = 20.0
_TOP: Final = 18.0
_BOTTOM: Final = PAGE_H - 18.0
_PAD: Final = 1.0
"""mm between a cell's edge and its text."""
_WIDTH: Final = PAGE_W - 2 * _LEFT
_LINE_MM: Final = 5.0
_BODY: Final = ("Helvetica", "", 10.0)
_TITLE: Final = ("Helvetica", "B", 13.0)
_FI_LINE: Final = ("Courier", "B", 11.0)


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
    letters = list(pages)
    with_logo = any(p.logo_path and Path(p.logo_path).is_file() for p in letters)
    canvas: Canvas = FpdfCanvas(on) if with_logo else CoreCanvas(on)
    for page in letters:
        _add_letter(canvas, page)
    return canvas.output()


def _add_letter(canvas: Canvas, page: PdfPage) -> None:
    if canvas.pages % 2 == 1:
        canvas.new_page()  # a blank back side: every letter starts on a front page
    canvas.new_page()
    if page.logo_path and Path(page.logo_path).is_file():
        canvas.image(page.logo_path, PAGE_W - _LEFT - 35, 12, 35)
    y, title_done = _TOP, False
    for n, raw in enumerate(page.text.splitlines()):
        line = raw.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        if n == 0 or (not title_done and raw == page.title):
            title_done = title_done or n > 0
            y = _write(canvas, y, line, _TITLE)
        elif line.startswith("+71<"):
            y = _write(canvas, y, line, _FI_LINE)
        elif line == "---":
            canvas.rule(_LEFT, PAGE_W - _LEFT, y + 2)
            y += 4
        elif match := _ROW.match(line):
            y = _row(canvas, y, match["text"], match["amount"])
        else:
            y = _write(canvas, y, line, _BODY)


def _write(canvas: Canvas, y: float, line: str, font: tuple[str, str, float]) -> float:
    """The line from `y` (mm), wrapped to the page's width; the `y` below it."""
    if not line:
        return y + _LINE_MM - 1
    height = _LINE_MM + (1 if font[2] > 11 else 0)
    for part in _wrapped(line, font):
        y = _room(canvas, y, height)
        canvas.text(_LEFT + _PAD, _baseline(y, height, font), font, part)
        y += height
    return y


def _row(canvas: Canvas, y: float, text: str, amount: str) -> float:
    y = _room(canvas, y, _LINE_MM)
    baseline = _baseline(y, _LINE_MM, _BODY)
    canvas.text(_LEFT + _PAD, baseline, _BODY, text)
    right = PAGE_W - _LEFT - _PAD - text_width(amount, *_BODY)
    canvas.text(right, baseline, _BODY, amount)
    return y + _LINE_MM


def _room(canvas: Canvas, y: float, height: float) -> float:
    """`y`, or the top of a new page when a line of `height` does not fit below it."""
    if y + height <= _BOTTOM:
        return y
    canvas.new_page()
    return _TOP


def _baseline(y: float, height: float, font: tuple[str, str, float]) -> float:
    """Text vertically centred in its line, as fpdf2 sets a cell's text."""
    return y + height / 2 + 0.3 * font[2] / PT_PER_MM


def _wrapped(line: str, font: tuple[str, str, float]) -> Iterator[str]:
    """The line in parts that fit the page's width, broken at spaces (inside a word too long
    for a line of its own)."""
    room = _WIDTH - 2 * _PAD
    if text_width(line, *font) <= room:
        yield line
        return
    part = ""
    for word in line.split(" "):
        candidate = f"{part} {word}" if part else word
        if text_width(candidate, *font) <= room:
            part = candidate
            continue
        if part:
            yield part
        rest = word
        while text_width(rest, *font) > room:
            cut = max(n for n in range(1, len(rest)) if text_width(rest[:n], *font) <= room)
            yield rest[:cut]
            rest = rest[cut:]
        part = rest
    if part:
        yield part
