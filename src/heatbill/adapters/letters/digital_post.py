"""Digital post (e-Boks / mit.dk) as a bulk delivery: one zip file per run.

Providers take bulk letters from a sender system as a package of PDF documents and an index
that names each document's recipient. Their exact layouts are agreed per sender (e-Boks
"masseforsendelse", Digital Post's sender systems via a distributor), so this adapter writes
heatbill's own documented package and is the one place to change when a utility's provider
asks for its layout:

- `<letter id>.pdf`: each letter exactly as stored in `letter_document`;
- `index.csv` (UTF-8, `;`-separated, a header row): `fil;id_type;id;navn;titel;dato;brev_nr`,
  where `id_type` is `CPR` (a person) or `CVR` (a company) and `dato` is DD-MM-YYYY.

Assumed: the provider addresses the mailbox by CPR or CVR alone; a recipient without a
mailbox is reported back by the provider after delivery (not modelled: heatbill then sends
the letter again on paper by hand). The package carries CPR numbers in clear: it must go
straight to the provider over its secure channel and never be kept.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class DigitalLetter:
    letter_id: int
    id_type: str
    """CPR or CVR."""
    id_number: str
    name: str
    title: str
    on: date
    pdf: bytes


@dataclass(slots=True)
class DigitalPostBatch:
    letters: list[DigitalLetter] = field(default_factory=list)

    def add(self, item: DigitalLetter) -> None:
        self.letters.append(item)

    def file_name(self, on: date) -> str:
        return f"digital-post-{on:%Y%m%d}.zip"

    def package(self) -> bytes:
        """The zip: PDFs and the index, in letter order, with fixed timestamps."""
        index = io.StringIO()
        writer = csv.writer(index, delimiter=";", lineterminator="\r\n")
        writer.writerow(["fil", "id_type", "id", "navn", "titel", "dato", "brev_nr"])
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for item in self.letters:
                name = f"{item.letter_id}.pdf"
                stamp = (item.on.year, item.on.month, item.on.day, 0, 0, 0)
                package.writestr(zipfile.ZipInfo(name, stamp), item.pdf)
                writer.writerow(
                    [name, item.id_type, item.id_number, item.name, item.title,
                     f"{item.on:%d-%m-%Y}", item.letter_id]
                )  # fmt: skip
            package.writestr(zipfile.ZipInfo("index.csv", (1980, 1, 1, 0, 0, 0)), index.getvalue())
        return out.getvalue()
