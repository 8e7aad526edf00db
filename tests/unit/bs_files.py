"""Betalingsservice deliveries from Nets (0602, 0603) built field by field, for the tests.

Written from the documented positions (betalingsservice_records, _0602, _0603 docstrings), not
from the parsers: a record is 128 blanks with each field put at its 1-based position, and the
trailers count what the sections hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

CVR = "12345678"
PBS = "87654321"


def record(kind: str, *fields: tuple[int, str]) -> str:
    chars = [" "] * 128
    chars[0:5] = "BS" + kind
    for start, value in fields:
        chars[start - 1 : start - 1 + len(value)] = value
    line = "".join(chars)
    assert len(line) == 128, line
    return line


def ddmmyy(day: date | None) -> str:
    return "000000" if day is None else f"{day:%d%m%y}"


def num(value: int, width: int) -> str:
    return str(value).zfill(width)


@dataclass(frozen=True)
class SectionSpec:
    code: str
    body: Sequence[str]
    net_ore: int
    pbs: str = PBS


def delivery(
    delivery_type: str, delivery_id: int, created: date, sections: Sequence[SectionSpec]
) -> list[str]:
    lines = [record("002", (6, CVR), (14, "BS1"), (17, delivery_type),
                    (21, num(delivery_id, 10)), (50, ddmmyy(created)))]  # fmt: skip
    totals = [0, 0, 0, 0]
    for spec in sections:
        lines.append(record("012", (6, spec.pbs), (14, spec.code), (18, "000"),
                            (21, "00001"), (50, ddmmyy(created))))  # fmt: skip
        lines += spec.body
        counts = _counts(spec.body)
        lines.append(record("092", (6, spec.pbs), (14, spec.code), (18, "000"), (21, "00001"),
                            *_trailer(counts, spec.net_ore)))  # fmt: skip
        totals = [a + b for a, b in zip(totals, [*counts, spec.net_ore], strict=True)]
    end = _trailer(totals[:3], totals[3])
    head = ((6, CVR), (14, "BS1"), (17, delivery_type), (21, num(len(sections), 11)))
    lines.append(record("992", *head, *end))
    return lines


def _counts(body: Sequence[str]) -> list[int]:
    kinds = [line[2:5] for line in body]
    return [kinds.count("042"), kinds.count("052") + kinds.count("062"), kinds.count("022")]


def _trailer(counts: Sequence[int], net_ore: int) -> tuple[tuple[int, str], ...]:
    n042, n052, n022 = counts
    return (32, num(n042, 11)), (43, num(net_ore, 15)), (58, num(n052, 11)), (84, num(n022, 11))


def as_bytes(lines: Sequence[str], newline: str = "\r\n") -> bytes:
    return "".join(line + newline for line in lines).encode("iso-8859-1")
