"""The header row of a CSV file: which column is which, checked before any row is read.

Columns are matched by name, never by position, so a utility may order them as its old system
does. Names are compared after folding case, trimming, writing æ/ø/å as ae/oe/aa and spaces or
hyphens as "_", so "Måler" and "maaler" are the same column. An unknown column is refused with
the closest known name (a typo must not silently drop data), and so is a column given twice.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from heatbill.adapters.formats.problems import ProblemLog
from heatbill.wording import say

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", " ": "_", "-": "_"})


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a format: its Danish name, other accepted names, and whether it must be there."""

    name: str
    required: bool = True
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Header:
    """Where each known column is in a row, and how the file spells it (for messages)."""

    positions: dict[str, int]
    labels: dict[str, str]
    width: int


def fold(name: str) -> str:
    return name.strip().lower().translate(_FOLD)


def read_header(
    cells: Sequence[str], line: int, columns: Sequence[Column], log: ProblemLog
) -> Header:
    """Map the header's cells to the format's columns, logging every problem with them.

    Blank cells at the end (a trailing separator) are ignored. A first line without a single
    known name is no header at all: that is one problem, not one per cell.
    """
    known = {fold(alias): c.name for c in columns for alias in (c.name, *c.aliases)}
    width = len(cells)
    while width and not cells[width - 1].strip():
        width -= 1
    if not any(fold(cell) in known for cell in cells):
        names = ", ".join(column.name for column in columns)
        log.add(line, None, say("formats.header.none", known=names))
        return Header({}, {}, width)
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    for position, cell in enumerate(cells[:width]):
        label = cell.strip()
        name = known.get(fold(label))
        if not label:
            log.add(line, None, say("formats.header.blank", position=position + 1))
        elif name is None:
            log.add(line, label, _unknown(fold(label), known, columns))
        elif name in positions:
            first = positions[name] + 1
            log.add(line, label, say("formats.header.twice", column=name, first=first))
        else:
            positions[name] = position
            labels[name] = label
    for column in columns:
        if column.required and column.name not in positions:
            log.add(line, column.name, say("formats.header.missing"))
    return Header(positions, labels, width)


def _unknown(folded: str, known: dict[str, str], columns: Sequence[Column]) -> str:
    close = difflib.get_close_matches(folded, list(known), n=1)
    if close:
        return say("formats.header.unknown.close", close=close[0])
    return say("formats.header.unknown", known=", ".join(column.name for column in columns))
