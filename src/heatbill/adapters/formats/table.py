"""A CSV file read into rows whose fields are parsed one by one, every problem logged.

The separator is `;` (what Danish Excel writes) or `,`, chosen by whichever the header line
has more of. Blank lines, also lines of only separators (Excel's trailing rows), are skipped.
A row with fewer cells than the header is padded with empty ones (a missing required value is
then named as such); a row with more non-empty cells than the header is refused, since its
values can no longer be matched to columns — typically a decimal comma in a comma-separated
file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from heatbill.adapters.formats.encoding import DecodedFile, decode
from heatbill.adapters.formats.header import Column, Header, read_header
from heatbill.adapters.formats.problems import FileFormatError, ProblemLog
from heatbill.domain.errors import ValidationError
from heatbill.wording import say

T = TypeVar("T")
RowT = TypeVar("RowT")


@dataclass(frozen=True, slots=True)
class ParsedFile(Generic[RowT]):
    """A file that was accepted whole: its rows, and what identifies and describes it."""

    name: str
    sha256: str
    encoding: str
    delimiter: str
    rows: tuple[RowT, ...]


class CsvRow:
    """One data row; its fields are read by column name and their problems logged."""

    __slots__ = ("_cells", "_header", "_log", "line")

    def __init__(self, line: int, cells: Sequence[str], header: Header, log: ProblemLog) -> None:
        self.line = line
        self._cells = cells
        self._header = header
        self._log = log

    @property
    def cells(self) -> Sequence[str]:
        """The row's cells as read, one per header column (for a parser's fast path)."""
        return self._cells

    def text(self, column: str) -> str:
        """The cell's text without surrounding blanks; "" when empty or the column is absent."""
        position = self._header.positions.get(column)
        return "" if position is None else self._cells[position].strip()

    def problem(self, column: str, message: str) -> None:
        self._log.add(self.line, self._header.labels.get(column, column), message)

    def required(self, column: str, parse: Callable[[str], T]) -> T | None:
        """The parsed value, or None with a problem logged (none if the column is absent:
        the header's problem already says so)."""
        if column in self._header.positions and not self.text(column):
            self.problem(column, say("formats.value.missing"))
        return self.optional(column, parse)

    def optional(self, column: str, parse: Callable[[str], T]) -> T | None:
        """The parsed value, None when empty; a value that does not parse is logged."""
        text = self.text(column)
        if not text:
            return None
        try:
            return parse(text)
        except ValidationError as error:
            self.problem(column, error.message)
            return None


@dataclass(frozen=True, slots=True)
class CsvTable:
    decoded: DecodedFile
    delimiter: str
    rows: tuple[CsvRow, ...]
    header: Header


def read_csv(
    data: bytes | str, source: str, columns: Sequence[Column], log: ProblemLog
) -> CsvTable:
    """The file's rows, problems logged; raises at once only when there is nothing to read
    (undecodable bytes, an empty file, a broken header line)."""
    decoded = decode(data, source)
    delimiter = delimiter_of(decoded.text)
    records = _Records(decoded.text, delimiter, log)
    lines = iter(records)
    first = next(lines, None)
    if first is None:  # nothing but blanks, or the header line is broken CSV
        if not log:
            log.add(None, None, say("formats.file.empty"))
        raise FileFormatError(source, log.problems)
    header = read_header(first[1], first[0], columns, log)
    data_records = list(lines)
    if not data_records and not records.broken:
        log.add(None, None, say("formats.file.no_rows"))
    rows = [
        CsvRow(line, fitted, header, log)
        for line, cells in data_records
        if (fitted := _fit(cells, header.width, line, delimiter, log)) is not None
    ]
    return CsvTable(decoded, delimiter, tuple(rows), header)


def delimiter_of(text: str) -> str:
    """The file's separator: whichever of `,` and `;` its first line has more of."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    return "," if first.count(",") > first.count(";") else ";"


class _Records:
    """(first line, cells) of each non-blank record; a CSV syntax error ends the file."""

    def __init__(self, text: str, delimiter: str, log: ProblemLog) -> None:
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        self._log = log
        self.broken = False

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        previous = 0
        try:
            for cells in self._reader:
                start, previous = previous + 1, self._reader.line_num
                if "".join(cells).strip():  # not blank, nor only separators
                    yield start, cells
        except csv.Error:
            self._log.add(previous + 1, None, say("formats.file.syntax"))
            self.broken = True


def _fit(
    cells: list[str], width: int, line: int, delimiter: str, log: ProblemLog
) -> list[str] | None:
    """The row padded or cut to the header's width; None (logged) when non-empty cells are
    cut, as the row's values can no longer be matched to its columns."""
    if len(cells) == width:
        return cells
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        hint = say("formats.file.comma_hint") if delimiter == "," else ""
        log.add(line, None, say("formats.file.too_many", width=width, got=len(cells)) + hint)
        return None
    return (cells + [""] * width)[:width]
