"""A readings file of plain lines, read in one pass: the common case, a head-end's export.

`readings_csv.parse_scaled_readings` tries this path first. It takes a file only if it is plain
throughout: the header on the first line and without problems; no quote, NUL or carriage
return (but in a line break); every line as wide as the header or blank; every cell in its
plainest form — a serial, a time and temperatures its caller reads, registers in digits with
at most 3 decimals; no meter twice on a day. Such a file's rows are exactly those the general
path (the csv module, an object per row, each field checked with its message) gives. Any other
file goes the general path, which reports every problem as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from operator import itemgetter
from typing import Final, TypeAlias

from heatbill.adapters.formats.header import Header
from heatbill.domain.errors import ValidationError

ScaledRow: TypeAlias = tuple[int, str, date, int, int, int | None, int | None]
"""One reading of a file in integer units: (line, meter serial, day, energy in kWh = 0.001
MWh, volume in litres = 0.001 m³, forward and return temperature in 0.01 °C or None)."""

REQUIRED: Final = ("maaler", "tidspunkt", "energi_mwh", "volumen_m3")
_UNITS: Final = re.compile(r"(\d+)(?:[.,](\d{1,3}))?")
"""A register in the plain form nearly every row has; anything else goes to the general parser."""
_THOUSANDTHS: Final = (0, 100, 10, 1)
"""Thousandths in a unit of the last of 1, 2 or 3 decimals."""
_LONGEST_LINE: Final = 100_000
"""Longer lines are left to the csv module (it refuses a field over 131 072 characters)."""


def units(text: str) -> int | None:
    """A register's text in thousandths, or None unless it is plain digits (`12`, `12,5`)."""
    if len(text) > 4 and text[-4] in ",.":
        whole, decimals = text[:-4], text[-3:]
        if whole.isdecimal() and decimals.isdecimal():  # \d: any Unicode decimal digit
            return int(whole + decimals)
    match = _UNITS.fullmatch(text)
    if match is None:
        return None
    whole = match[1]
    fraction: str | None = match[2]
    if fraction is None:
        return int(whole) * 1000
    return int(whole) * 1000 + int(fraction) * _THOUSANDTHS[len(fraction)]


def plain_rows(
    lines: Sequence[str],
    delimiter: str,
    header: Header,
    day: Callable[[str], date],
    centi_c: Callable[[str], int | None],
) -> list[ScaledRow] | None:
    """The rows of the data `lines` (the header is line 1), or None unless all are plain.
    `day` reads a time cell, `centi_c` a stripped temperature cell ("" → None); both raise
    ValidationError for what they cannot read."""
    positions, width = header.positions, header.width
    required = itemgetter(*(positions[name] for name in REQUIRED))
    forward_at, return_at = positions.get("frem_c"), positions.get("retur_c")
    rows: list[ScaledRow] = []
    for number, line in enumerate(lines, 2):
        cells = line.split(delimiter)
        if len(cells) != width or len(line) > _LONGEST_LINE:
            if len(line) > _LONGEST_LINE or "".join(cells).strip():
                return None
            continue  # blank, or only separators: skipped as the csv path skips it
        serial, stamp, energy, volume = required(cells)
        serial, stamp = serial.strip(), stamp.strip()
        energy_kwh, volume_l = units(energy.strip()), units(volume.strip())
        if not (serial and stamp) or energy_kwh is None or volume_l is None:
            return None
        try:
            on = day(stamp)
            forward = None if forward_at is None else centi_c(cells[forward_at].strip())
            back = None if return_at is None else centi_c(cells[return_at].strip())
        except ValidationError:
            return None
        if forward is not None and back is not None and back > forward:
            return None
        rows.append((number, serial, on, energy_kwh, volume_l, forward, back))
    if not rows or len({(row[1], row[2]) for row in rows}) != len(rows):
        return None
    return rows


def plain_lines(text: str) -> list[str] | None:
    """The file's lines, if nothing in it needs the csv module (quotes, a lone CR, NUL)."""
    if '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    return text.split("\n")
