"""Reading the fixed-width records of a Betalingsservice delivery from Nets (0602, 0603).

A delivery is records of 128 characters, ISO-8859-1, one a line (CRLF, LF accepted too): the
delivery start BS002, sections that each open with BS012 and close with BS092, the delivery end
BS992. This module splits a delivery into that shape, reads typed fields (every problem named
by line and field, in Danish) and reconciles the trailers; betalingsservice_0602 and
betalingsservice_0603 read the records inside the sections.

Positions, 1-based, as the 0601 writer's sources and two independent open-source readers of
0602/0603 give them (see betalingsservice_0602 for the sources):
- 002: 6 data supplier no. 8 · 14 subsystem 3 · 17 delivery type 4 · 21 delivery id 10 ·
  50 created DDMMYY.
- 012: 6 PBS no. 8 · 14 section 4 · 21 debtor group 5.
- 092: 6 PBS no. · 14 section · 32 no. of 042 records 11 · 43 net amount 15 (øre) ·
  58 no. of 052/062 records 11 · 84 no. of 022 records 11.
- 992: 6 data supplier no. · 14 subsystem · 17 delivery type · 21 no. of sections 11 ·
  32 no. of 042 11 · 43 net amount 15 · 58 no. of 052/062 11 · 84 no. of 022 11.
Assumptions: a record shorter than 128 characters is read as if padded with blanks (file
transfer tools strip trailing blanks; a cut-off field is still refused by its own check); a
two-digit year is 20YY; the count of 052/062 and of 022 records sits in the section end at the
same positions as in 0601 (the open-source readers take them as zero fillers in sections that
have no such records, which agrees).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Generic, TypeVar

from heatbill.adapters.formats.encoding import content_sha256
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.domain.money import Money, total
from heatbill.wording import say

T = TypeVar("T")

RECORD_LENGTH: Final = 128
ENCODING: Final = "iso-8859-1"
START, SECTION_START, SECTION_END, END = "002", "012", "092", "992"
PAYLOAD_KINDS: Final = ("022", "042", "052", "062")
KNOWN_KINDS: Final = (START, SECTION_START, *PAYLOAD_KINDS, SECTION_END, END)
_LINES = re.compile(r"\r?\n")


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    """The physical line, from 1."""
    text: str
    """The record padded to 128 characters."""

    @property
    def kind(self) -> str:
        return self.text[2:5]

    @property
    def transaction_code(self) -> str:
        return self.text[13:17]

    def at(self, start: int, width: int) -> str:
        """The field at 1-based `start`, `width` characters, as the file has it."""
        return self.text[start - 1 : start - 1 + width]


@dataclass(frozen=True, slots=True)
class Section:
    code: str
    start: Record
    body: tuple[Record, ...]
    end: Record


@dataclass(frozen=True, slots=True)
class Layout:
    """A delivery whose record order is right: start, whole sections, end."""

    start: Record
    sections: tuple[Section, ...]
    end: Record


class Fields:
    """Typed fields of one record; a field that does not read is logged and gives None."""

    def __init__(self, record: Record, log: ProblemLog) -> None:
        self.record = record
        self.log = log

    def problem(self, key: str, message: str) -> None:
        self.log.add(self.record.line, field_name(key), message)

    def text(self, start: int, width: int) -> str:
        return self.record.at(start, width).strip()

    def digits(self, key: str, start: int, width: int) -> int | None:
        raw = self.record.at(start, width)
        if len(raw) == width and raw.isascii() and raw.isdigit():
            return int(raw)
        self.problem(key, say("bs.value.digits", width=width, got=raw))
        return None

    def money(self, key: str, start: int, width: int) -> Money | None:
        ore = self.digits(key, start, width)
        return None if ore is None else Money(ore)

    def date(self, key: str, start: int, *, optional: bool = False) -> date | None:
        """A DDMMYY date; `000000` is no date, allowed only where `optional`."""
        raw = self.record.at(start, 6)
        if optional and raw == "000000":
            return None
        found = parse_ddmmyy(raw)
        if found is None:
            self.problem(key, say("bs.value.date", got=raw))
        return found

    def expect(self, key: str, start: int, value: str) -> bool:
        raw = self.record.at(start, len(value))
        if raw == value:
            return True
        self.problem(key, say("bs.value.expected", expected=value, got=raw))
        return False


def field_name(key: str) -> str:
    return say(f"bs.field.{key}")


def parse_ddmmyy(raw: str) -> date | None:
    if not (len(raw) == 6 and raw.isascii() and raw.isdigit()):
        return None
    try:
        return date(2000 + int(raw[4:6]), int(raw[2:4]), int(raw[0:2]))
    except ValueError:
        return None


def split_records(data: bytes, log: ProblemLog) -> list[Record]:
    """The delivery's lines as records; a line that is no record is logged and left out."""
    lines = _LINES.split(data.decode(ENCODING))
    if lines and lines[-1] == "":
        lines.pop()
    records: list[Record] = []
    for number, line in enumerate(lines, start=1):
        if len(line) > RECORD_LENGTH:
            log.add(number, None, say("bs.record.length", got=len(line)))
        elif not line.strip():
            log.add(number, None, say("bs.record.blank"))
        elif line[:2] != "BS" or line[2:5] not in KNOWN_KINDS:
            log.add(number, field_name("record_type"), say("bs.record.kind", got=line[:5]))
        else:
            records.append(Record(number, line.ljust(RECORD_LENGTH)))
    if not lines:
        log.add(None, None, say("bs.file.empty"))
    return records


def layout(records: Sequence[Record], sections: Sequence[str], log: ProblemLog) -> Layout | None:
    """Start, sections, end in their order; anything out of place is logged (None if so)."""
    if not records:
        return None
    reader = _LayoutReader(sections, log)
    for record in records:
        reader.take(record)
    return reader.finish(records[-1])


class _LayoutReader:
    def __init__(self, codes: Sequence[str], log: ProblemLog) -> None:
        self.codes, self.log = codes, log
        self.start: Record | None = None
        self.started = False
        self.end: Record | None = None
        self.sections: list[Section] = []
        self.open: Record | None = None
        self.body: list[Record] = []
        self.broken = False

    def out_of_place(self, record: Record, expected: str) -> None:
        self.broken = True
        message = say("bs.record.order", kind="BS" + record.kind, expected=expected)
        self.log.add(record.line, field_name("record_type"), message)

    def take(self, record: Record) -> None:
        kind = record.kind
        if self.end is not None:
            self.out_of_place(record, say("bs.expected.nothing"))
        elif not self.started:
            self._first(record)
        elif self.open is None:
            self._between(record)
        elif kind in PAYLOAD_KINDS:
            self.body.append(record)
        elif kind == SECTION_END:
            self._close(record)
        else:
            self.out_of_place(record, say("bs.expected.in_section"))

    def _first(self, record: Record) -> None:
        self.started = True  # without a BS002, read on all the same to report the rest
        if record.kind == START:
            self.start = record
        else:
            self.out_of_place(record, "BS002")
            self.take(record)

    def _between(self, record: Record) -> None:
        if record.kind == END:
            self.end = record
        elif record.kind == SECTION_START:
            code = record.transaction_code
            if code not in self.codes:
                self.broken = True
                known = ", ".join(self.codes)
                message = say("bs.section.unknown", got=code, known=known)
                self.log.add(record.line, field_name("section"), message)
            self.open, self.body = record, []
        else:
            self.out_of_place(record, say("bs.expected.between"))

    def _close(self, record: Record) -> None:
        assert self.open is not None
        code = self.open.transaction_code
        if record.transaction_code != code:
            self.broken = True
            message = say(
                "bs.section.mismatch", got=record.transaction_code, section=code,
                start=self.open.line,
            )  # fmt: skip
            self.log.add(record.line, field_name("section"), message)
        self.sections.append(Section(code, self.open, tuple(self.body), record))
        self.open = None

    def finish(self, last: Record) -> Layout | None:
        if self.open is not None:
            message = say("bs.section.unclosed", section=self.open.transaction_code)
            self.log.add(last.line, None, message)
        if self.end is None:
            self.log.add(last.line, None, say("bs.file.truncated"))
        if self.broken or self.open is not None or self.end is None or self.start is None:
            return None
        return Layout(self.start, tuple(self.sections), self.end)


@dataclass(frozen=True, slots=True)
class Header:
    """What the delivery start says."""

    data_supplier_number: str
    subsystem: str
    delivery_id: int
    created_on: date


def read_start(record: Record, delivery_type: str, log: ProblemLog) -> Header | None:
    fields = Fields(record, log)
    fields.expect("delivery_type", 17, delivery_type)
    supplier = fields.digits("data_supplier", 6, 8)
    delivery_id = fields.digits("delivery_id", 21, 10)
    created = fields.date("created", 50)
    if supplier is None or delivery_id is None or created is None:
        return None
    return Header(record.at(6, 8), record.at(14, 3), delivery_id, created)


@dataclass(frozen=True, slots=True)
class Tally:
    """What a section (or the delivery) holds, to compare with its trailer."""

    amount_records: int = 0
    text_records: int = 0
    name_records: int = 0
    net: Money | None = field(default_factory=Money.zero)
    """None when a record did not read: its amount is unknown, so the net is not compared."""

    def __add__(self, other: Tally) -> Tally:
        net = None if self.net is None or other.net is None else self.net + other.net
        return Tally(
            self.amount_records + other.amount_records,
            self.text_records + other.text_records,
            self.name_records + other.name_records,
            net,
        )


def count(records: Sequence[Record], net: Money | None) -> Tally:
    kinds = [record.kind for record in records]
    texts = kinds.count("052") + kinds.count("062")
    return Tally(kinds.count("042"), texts, kinds.count("022"), net)


def reconcile_section(section: Section, found: Tally, log: ProblemLog) -> None:
    _reconcile(Fields(section.end, log), "section_end", found)


def reconcile_delivery(end: Record, sections: int, found: Tally, log: ProblemLog) -> None:
    fields = Fields(end, log)
    stated = fields.digits("sections", 21, 11)
    if stated is not None and stated != sections:
        what = say("bs.what.sections")
        message = say("bs.trailer.count", trailer=say("bs.trailer.delivery_end"), stated=stated,
                      what=what, found=sections)  # fmt: skip
        fields.problem("sections", message)
    _reconcile(fields, "delivery_end", found)


def _reconcile(fields: Fields, trailer: str, found: Tally) -> None:
    name = say(f"bs.trailer.{trailer}")
    checks = [
        ("count_042", 32, found.amount_records),
        ("count_052", 58, found.text_records),
        ("count_022", 84, found.name_records),
    ]
    for key, start, actual in checks:
        stated = fields.digits(key, start, 11)
        if stated is not None and stated != actual:
            message = say("bs.trailer.count", trailer=name, stated=stated,
                          what=say(f"bs.what.{key}"), found=actual)  # fmt: skip
            fields.problem(key, message)
    net = fields.money("net", 43, 15)
    if net is not None and found.net is not None and net != found.net:
        message = say("bs.trailer.net", trailer=name, stated=net.format_da(),
                      found=found.net.format_da())  # fmt: skip
        fields.problem("net", message)


@dataclass(frozen=True, slots=True)
class Delivery(Generic[T]):
    """A delivery read whole: what its start says, and its amount records read."""

    name: str
    sha256: str
    """Of the bytes as received: the import service refuses the same file twice."""
    header: Header
    pbs_number: str
    items: tuple[T, ...]


def read_delivery(
    data: bytes,
    name: str,
    delivery_type: str,
    *,
    records_in: Mapping[str, Sequence[str]],
    read_042: Callable[[Fields, Section], T | None],
    net_of: Callable[[T], Money],
) -> Delivery[T]:
    """The delivery's 042 records read by `read_042`, or FileFormatError listing every problem.

    `records_in` names the sections the delivery may have and the record kinds each may hold.
    """
    log = ProblemLog()
    shape = layout(split_records(data, log), tuple(records_in), log)
    if shape is None:
        log.raise_if_any(name)
        raise AssertionError("a delivery without layout has a problem logged")
    header = read_start(shape.start, delivery_type, log)
    pbs_number = _one_creditor(shape, log)
    items: list[T] = []
    tally = Tally()
    for section in shape.sections:
        read = [_payload(record, section, records_in, read_042, log) for record in section.body]
        found = [item for item in read if item is not None]
        whole = len(found) == sum(record.kind == "042" for record in section.body)
        section_tally = count(section.body, total(map(net_of, found)) if whole else None)
        reconcile_section(section, section_tally, log)
        items += found
        tally += section_tally
    reconcile_delivery(shape.end, len(shape.sections), tally, log)
    log.raise_if_any(name)
    assert header is not None  # a header that did not read has a problem logged
    return Delivery(name, content_sha256(data), header, pbs_number, tuple(items))


def _one_creditor(shape: Layout, log: ProblemLog) -> str:
    numbers = sorted({section.start.at(6, 8) for section in shape.sections})
    if len(numbers) > 1:
        log.add(None, None, say("bs.delivery.creditors", numbers=", ".join(numbers)))
    return numbers[0] if numbers else ""


def _payload(
    record: Record,
    section: Section,
    records_in: Mapping[str, Sequence[str]],
    read_042: Callable[[Fields, Section], T | None],
    log: ProblemLog,
) -> T | None:
    fields = Fields(record, log)
    if record.kind not in records_in[section.code]:
        text = say("bs.section.record", kind="BS" + record.kind, section=section.code)
        fields.problem("record_type", text)
        return None
    if record.at(6, 8) != section.start.at(6, 8):
        text = say("bs.section.pbs_number", got=record.at(6, 8), section=section.start.at(6, 8))
        fields.problem("pbs_number", text)
    return read_042(fields, section) if record.kind == "042" else None


def transaction(fields: Fields, section: Section, known: Sequence[str]) -> str | None:
    """The record's transaction code if it is one of `known`; else logged, None."""
    code = fields.record.transaction_code
    if code in known:
        return code
    text = say("bs.transaction.unknown", got=code, section=section.code, known=", ".join(known))
    fields.problem("transaction_code", text)
    return None
