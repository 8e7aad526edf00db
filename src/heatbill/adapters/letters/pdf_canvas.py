"""Where a letter's layout is drawn: text lines, rules and pages, in millimetres from the top
left of an A4 page, with the PDF core fonts (Helvetica, Helvetica-Bold, Courier-Bold).

`CoreCanvas` writes the PDF itself: a page is a few text operators, so a letter takes a
fraction of a millisecond — the daily run renders every letter of the day (thousands on an
installment day), and fpdf2 spends milliseconds on each document's objects alone.
`FpdfCanvas` draws the same layout through fpdf2 and is used when the letterhead has a logo
image (fpdf2 reads the image formats). Both write the creation date they are given, so the
same letter always gives the same bytes.
"""

from __future__ import annotations

import zlib
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Final, Protocol

if TYPE_CHECKING:
    from fpdf import FPDF

PAGE_W: Final = 210.0
PAGE_H: Final = 297.0
PT_PER_MM: Final = 72 / 25.4
FONTS: Final = {
    ("Helvetica", ""): ("F1", "Helvetica", "helvetica"),
    ("Helvetica", "B"): ("F2", "Helvetica-Bold", "helveticaB"),
    ("Courier", "B"): ("F3", "Courier-Bold", "courierB"),
}
"""(family, style): the resource name and the PDF base font (and fpdf2's name for its widths)."""


@cache
def _widths(family: str, style: str) -> tuple[int, ...]:
    """The font's glyph widths by Latin-1 code, in 1/1000 of the font size (fpdf2's tables,
    imported when the first letter is laid out: fpdf2 is a heavy import)."""
    from fpdf.fonts import CORE_FONTS_CHARWIDTHS  # noqa: PLC0415

    table = CORE_FONTS_CHARWIDTHS[FONTS[family, style][2]]
    return tuple(table[chr(code)] for code in range(256))


def text_width(text: str, family: str, style: str, size_pt: float) -> float:
    """The width of Latin-1 `text` in mm."""
    return sum(map(_widths(family, style).__getitem__, text.encode("latin-1"))) * (
        size_pt / 1000 / PT_PER_MM
    )


class Canvas(Protocol):
    @property
    def pages(self) -> int: ...

    def new_page(self) -> None: ...

    def text(self, x: float, baseline: float, font: tuple[str, str, float], text: str) -> None:
        """Latin-1 `text` from `x` on `baseline` (mm) in (family, style, size in pt)."""

    def rule(self, x1: float, x2: float, y: float) -> None: ...

    def image(self, path: str, x: float, y: float, width: float) -> None: ...

    def output(self) -> bytes: ...


class CoreCanvas:
    """A PDF of text and rules only, written directly (content streams compressed)."""

    def __init__(self, on: date) -> None:
        self._on = on
        self._streams: list[list[bytes]] = []

    @property
    def pages(self) -> int:
        return len(self._streams)

    def new_page(self) -> None:
        self._streams.append([])

    def text(self, x: float, baseline: float, font: tuple[str, str, float], text: str) -> None:
        name = FONTS[font[0], font[1]][0]
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        self._streams[-1].append(
            b"BT /%s %.2f Tf %.2f %.2f Td (%s) Tj ET"
            % (name.encode(), font[2], x * PT_PER_MM, (PAGE_H - baseline) * PT_PER_MM,
               escaped.encode("latin-1"))
        )  # fmt: skip

    def rule(self, x1: float, x2: float, y: float) -> None:
        y_pt = (PAGE_H - y) * PT_PER_MM
        self._streams[-1].append(
            b"0.57 w %.2f %.2f m %.2f %.2f l S" % (x1 * PT_PER_MM, y_pt, x2 * PT_PER_MM, y_pt)
        )

    def image(self, path: str, x: float, y: float, width: float) -> None:
        raise NotImplementedError("CoreCanvas draws no images: use FpdfCanvas")

    def output(self) -> bytes:
        fonts = sorted(FONTS.values(), key=lambda font: font[0])
        first_page = 4 + len(fonts)
        kids = " ".join(f"{first_page + 2 * n} 0 R" for n in range(self.pages))
        font_refs = " ".join(f"/{name} {4 + n} 0 R" for n, (name, _, _) in enumerate(fonts))
        objects: list[bytes] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            (
                f"<< /Type /Pages /Kids [{kids}] /Count {self.pages} "
                f"/MediaBox [0 0 {PAGE_W * PT_PER_MM:.2f} {PAGE_H * PT_PER_MM:.2f}] "
                f"/Resources << /Font << {font_refs} >> >> >>"
            ).encode(),
            f"<< /Producer (heatbill) /CreationDate (D:{self._on:%Y%m%d}000000Z) >>".encode(),
            *(
                f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
                f"/Encoding /WinAnsiEncoding >>".encode()
                for _, base, _ in fonts
            ),
        ]
        for n, stream in enumerate(self._streams):
            data = zlib.compress(b"\n".join(stream))
            contents = first_page + 2 * n + 1
            objects.append(f"<< /Type /Page /Parent 2 0 R /Contents {contents} 0 R >>".encode())
            objects.append(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
            )
        return _document(objects)


def _document(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


class FpdfCanvas:
    """The same layout through fpdf2 (a letterhead with a logo image)."""

    def __init__(self, on: date) -> None:
        from datetime import UTC, datetime  # noqa: PLC0415

        from fpdf import FPDF  # noqa: PLC0415 - a heavy import, only for a logo

        self._pdf: FPDF = FPDF(format="A4")
        self._pdf.set_creation_date(datetime(on.year, on.month, on.day, tzinfo=UTC))
        self._pdf.set_auto_page_break(auto=False)

    @property
    def pages(self) -> int:
        return int(self._pdf.page_no())

    def new_page(self) -> None:
        self._pdf.add_page()

    def text(self, x: float, baseline: float, font: tuple[str, str, float], text: str) -> None:
        self._pdf.set_font(font[0], font[1], font[2])
        self._pdf.text(x, baseline, text)

    def rule(self, x1: float, x2: float, y: float) -> None:
        self._pdf.line(x1, y, x2, y)

    def image(self, path: str, x: float, y: float, width: float) -> None:
        self._pdf.image(path, x=x, y=y, w=width)

    def output(self) -> bytes:
        return bytes(self._pdf.output())
