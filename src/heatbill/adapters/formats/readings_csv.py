"""Meter readings (aflæsninger) from remote-reading head-ends and from self-reading cards.

One row per reading, a header row first; `;` or `,` between fields; UTF-8 (BOM optional) or
Windows-1252; decimal comma or point. Columns, by name in any order (English names accepted):

| column       | alias      | content                                                    |
|--------------|------------|------------------------------------------------------------|
| `maaler`     | meter      | the meter's number (serial), as on the meter               |
| `tidspunkt`  | time       | `2026-12-31`, `31-12-2026`, `2026-12-31T23:59`, `… 23:59:00` |
| `energi_mwh` | energy_mwh | energy register, MWh, ≥ 0, at most 3 decimals              |
| `volumen_m3` | volume_m3  | volume register, m³, ≥ 0, at most 3 decimals               |
| `frem_c`     | forward_c  | optional: average forward temperature, 0–130 °C, 2 decimals |
| `retur_c`    | return_c   | optional: average return temperature, 0–130 °C, ≤ forward   |

A meter may appear once per register day (`reading_time.register_day`). Whether a reading is
plausible, and which meter a number is, is decided on import, not here (`vestervig 5.9`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from heatbill.adapters.formats import values
from heatbill.adapters.formats.encoding import decode
from heatbill.adapters.formats.header import Column, read_header
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.reading_time import reading_time, register_day
from heatbill.adapters.formats.readings_plain import ScaledRow, plain_lines, plain_rows, units
from heatbill.adapters.formats.table import CsvRow, ParsedFile, delimiter_of, read_csv
from heatbill.domain.errors import ValidationError
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.wording import say

COLUMNS: Final = (
    Column("maaler", aliases=("meter",)),
    Column("tidspunkt", aliases=("time",)),
    Column("energi_mwh", aliases=("energy_mwh",)),
    Column("volumen_m3", aliases=("volume_m3",)),
    Column("frem_c", required=False, aliases=("forward_c",)),
    Column("retur_c", required=False, aliases=("return_c",)),
)
FILE_SOURCES: Final = (ReadingSource.REMOTE, ReadingSource.CARD)
TEMPERATURE_RANGE_C: Final = (Decimal(0), Decimal(130))

_register = values.non_negative(3)
_celsius = values.number(2)


@dataclass(frozen=True, slots=True)
class ReadingRow:
    """One reading as the file gives it, for the meter with this serial."""

    line: int
    meter_serial: str
    read_on: date
    """The day whose end-of-day register this is (a time of 00:00 belongs to the day before)."""
    read_at: datetime | None
    """The naive Danish local time written in the file, if it gave one (kept for the audit)."""
    energy_mwh: Decimal
    volume_m3: Decimal
    source: ReadingSource
    forward_c: Decimal | None = None
    return_c: Decimal | None = None

    def reading(self, meter_id: int) -> Reading:
        """The register's reading, once the import service has found the meter by serial."""
        return Reading(
            meter_id=meter_id,
            read_on=self.read_on,
            energy_mwh=self.energy_mwh,
            volume_m3=self.volume_m3,
            source=self.source,
            forward_c=self.forward_c,
            return_c=self.return_c,
        )


def parse_readings_csv(
    data: bytes | str, name: str, *, source: ReadingSource
) -> ParsedFile[ReadingRow]:
    """Every reading in the file, or FileFormatError listing every problem (no rows at all).

    `source` says where the file came from: REMOTE (a head-end export) or CARD (self-reading
    cards keyed in or scanned); other sources do not come in files.
    """
    if source not in FILE_SOURCES:
        raise ValueError(f"readings files come from {FILE_SOURCES}, not {source}")
    log = ProblemLog()
    table = read_csv(data, name, COLUMNS, log)
    rows: list[ReadingRow] = []
    first_line: dict[tuple[str, date], int] = {}
    fast = _FastPath(table.header.positions, source)
    for csv_row in table.rows:
        row = fast.reading(csv_row) or _reading(csv_row, source)
        if row is None:
            continue
        key = (row.meter_serial, row.read_on)
        if key in first_line:
            day = f"{row.read_on:%d-%m-%Y}"
            message = say("formats.readings.twice", meter=key[0], day=day, first=first_line[key])
            csv_row.problem("tidspunkt", message)
        first_line.setdefault(key, row.line)
        rows.append(row)
    log.raise_if_any(name)
    decoded = table.decoded
    return ParsedFile(name, decoded.sha256, decoded.encoding, table.delimiter, tuple(rows))


def parse_scaled_readings(
    data: bytes | str, name: str, *, source: ReadingSource
) -> ParsedFile[ScaledRow]:
    """`parse_readings_csv` for a batch: the same checks and messages, each reading a tuple of
    integers (`ScaledRow`) instead of an object of Decimals — a head-end file has ~10⁵ rows. A
    plain file is read in one pass (`readings_plain`), any other row by row."""
    if source not in FILE_SOURCES:
        raise ValueError(f"readings files come from {FILE_SOURCES}, not {source}")
    plain = _plain_file(data, name)
    if plain is not None:
        return plain
    log = ProblemLog()
    table = read_csv(data, name, COLUMNS, log)
    rows: list[ScaledRow] = []
    first_line: dict[tuple[str, date], int] = {}
    fast = _ScaledPath(table.header.positions)
    for csv_row in table.rows:
        row = fast.reading(csv_row) or _scaled(_reading(csv_row, source))
        if row is None:
            continue
        key = (row[1], row[2])
        first = first_line.setdefault(key, row[0])
        if first != row[0]:
            day = f"{row[2]:%d-%m-%Y}"
            message = say("formats.readings.twice", meter=key[0], day=day, first=first)
            csv_row.problem("tidspunkt", message)
        rows.append(row)
    log.raise_if_any(name)
    decoded = table.decoded
    return ParsedFile(name, decoded.sha256, decoded.encoding, table.delimiter, tuple(rows))


def _plain_file(data: bytes | str, name: str) -> ParsedFile[ScaledRow] | None:
    """The file read by `readings_plain`, None unless it is plain throughout."""
    decoded = decode(data, name)
    lines = plain_lines(decoded.text)
    if lines is None:
        return None
    delimiter, log = delimiter_of(decoded.text), ProblemLog()
    header_cells = lines[0].split(delimiter)
    if not "".join(header_cells).strip():
        return None
    header = read_header(header_cells, 1, COLUMNS, log)
    if log:
        return None
    path = _ScaledPath(header.positions)
    rows = plain_rows(lines[1:], delimiter, header, path.day, path.centi_c)
    if rows is None:
        return None
    return ParsedFile(name, decoded.sha256, decoded.encoding, delimiter, tuple(rows))


def _scaled(row: ReadingRow | None) -> ScaledRow | None:
    if row is None:
        return None
    forward, back = row.forward_c, row.return_c
    return (
        row.line,
        row.meter_serial,
        row.read_on,
        int(row.energy_mwh.scaleb(3)),
        int(row.volume_m3.scaleb(3)),
        None if forward is None else int(forward.scaleb(2)),
        None if back is None else int(back.scaleb(2)),
    )


def _reading(row: CsvRow, source: ReadingSource) -> ReadingRow | None:
    serial = row.required("maaler", values.text)
    moment = row.required("tidspunkt", reading_time)
    energy = row.required("energi_mwh", _register)
    volume = row.required("volumen_m3", _register)
    forward = row.optional("frem_c", _temperature)
    return_ = row.optional("retur_c", _temperature)
    if forward is not None and return_ is not None and return_ > forward:
        message = say(
            "formats.readings.return_above_forward",
            return_c=_danish(return_),
            forward_c=_danish(forward),
        )
        row.problem("retur_c", message)
    if serial is None or moment is None or energy is None or volume is None:
        return None
    read_at = moment if isinstance(moment, datetime) else None
    day = register_day(moment)
    return ReadingRow(row.line, serial, day, read_at, energy, volume, source, forward, return_)


class _FastPath:
    """Reads a well-formed row straight from its cells, with the same parsers as `_reading`;
    the time and temperature cells, repeated on most rows of a head-end's file, are parsed once
    per distinct text. A row it cannot read whole is left to `_reading`, which logs every
    problem exactly as before: same values, same messages, only faster (a file has ~10⁵ rows)."""

    def __init__(self, positions: dict[str, int], source: ReadingSource) -> None:
        names = ("maaler", "tidspunkt", "energi_mwh", "volumen_m3")
        self._required = [positions[n] for n in names] if positions.keys() >= set(names) else None
        self._forward = positions.get("frem_c")
        self._return = positions.get("retur_c")
        self._source = source
        self._times: dict[str, tuple[date, datetime | None]] = {}
        self._temperatures: dict[str, Decimal] = {}

    def reading(self, row: CsvRow) -> ReadingRow | None:
        if self._required is None:
            return None
        cells = row.cells
        serial, stamp, energy, volume = (cells[i].strip() for i in self._required)
        if not (serial and stamp and energy and volume):
            return None
        try:
            day, read_at = self._time(stamp)
            forward = self._temperature(cells, self._forward)
            return_ = self._temperature(cells, self._return)
            energy_mwh, volume_m3 = _register(energy), _register(volume)
        except ValidationError:
            return None
        if forward is not None and return_ is not None and return_ > forward:
            return None
        source = self._source
        return ReadingRow(
            row.line, serial, day, read_at, energy_mwh, volume_m3, source, forward, return_
        )

    def day(self, text: str) -> date:
        """The register day of a time cell's text (ValidationError if it is no time)."""
        return self._time(text)[0]

    def _time(self, text: str) -> tuple[date, datetime | None]:
        known = self._times.get(text)
        if known is None:
            moment = reading_time(text)
            read_at = moment if isinstance(moment, datetime) else None
            known = self._times[text] = (register_day(moment), read_at)
        return known

    def _temperature(self, cells: Sequence[str], position: int | None) -> Decimal | None:
        text = "" if position is None else cells[position].strip()
        if not text:
            return None
        known = self._temperatures.get(text)
        if known is None:
            known = self._temperatures[text] = _temperature(text)
        return known


def _temperature(value: str) -> Decimal:
    celsius = _celsius(value)
    low, high = TEMPERATURE_RANGE_C
    if not low <= celsius <= high:
        raise ValidationError(say("formats.readings.temperature", lo=low, hi=high, got=value))
    return celsius


def _danish(number: Decimal) -> str:
    return str(number).replace(".", ",")


class _ScaledPath:
    """`_FastPath` for `parse_scaled_readings`: a register in plain digits becomes its integer
    without a Decimal; a row it cannot read whole is left to `_reading`, as there."""

    def __init__(self, positions: dict[str, int]) -> None:
        self._times = _FastPath(positions, ReadingSource.REMOTE)
        names = ("maaler", "tidspunkt", "energi_mwh", "volumen_m3")
        self._required = [positions[n] for n in names] if positions.keys() >= set(names) else None
        self._forward = positions.get("frem_c")
        self._return = positions.get("retur_c")
        self._temperatures: dict[str, int] = {}

    def reading(self, row: CsvRow) -> ScaledRow | None:
        if self._required is None:
            return None
        cells = row.cells
        serial, stamp, energy, volume = (cells[i].strip() for i in self._required)
        energy_kwh, volume_l = units(energy), units(volume)
        if not (serial and stamp) or energy_kwh is None or volume_l is None:
            return None
        try:
            day = self.day(stamp)
            forward = self._cell_c(cells, self._forward)
            return_ = self._cell_c(cells, self._return)
        except ValidationError:
            return None
        if forward is not None and return_ is not None and return_ > forward:
            return None
        return (row.line, serial, day, energy_kwh, volume_l, forward, return_)

    def day(self, text: str) -> date:
        """The register day of a time cell's text (ValidationError if it is no time)."""
        return self._times.day(text)

    def centi_c(self, text: str) -> int | None:
        """A temperature cell's stripped text in 0.01 °C, None when empty (ValidationError
        when it is no temperature in the range)."""
        if not text:
            return None
        known = self._temperatures.get(text)
        if known is None:
            known = self._temperatures[text] = int(_temperature(text).scaleb(2))
        return known

    def _cell_c(self, cells: Sequence[str], position: int | None) -> int | None:
        return None if position is None else self.centi_c(cells[position].strip())
