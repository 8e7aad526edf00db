"""Degree days (graddage) from a file: a simple monthly table, or DMI's climateData export.

Two shapes, told apart by the first character (`{` is JSON):

- CSV, a header row first, `;` or `,` between fields, decimal comma or point (`table`):

  | column     | alias       | content                                  |
  |------------|-------------|------------------------------------------|
  | `aar`      | year        | 1900–2100 (`år` is the same column)      |
  | `maaned`   | month       | 1–12 (`måned` is the same column)        |
  | `graddage` | degree_days | 0–1000, at most one decimal: `519,5`      |

- JSON: the GeoJSON FeatureCollection that DMI's climateData API returns (any collection:
  stationValue, municipalityValue, countryValue …) for `parameterId=acc_heating_degree_days_17`
  and `timeResolution=month`: each feature's `properties` hold `parameterId`, `timeResolution`,
  `from`, `to` (RFC 3339 with an offset) and `value`. The API serves JSON only; this is the
  shape of its documented response, not of a DMI CSV. A month is the calendar month that
  `[from, to)` spans, give or take a day, so an export in UTC or in Danish time reads the same;
  a value is rounded half-up to 0.1 degree day, the resolution the register keeps.

All or nothing: every problem is listed (`FileFormatError`), and a file with any problem yields
no months. A month may occur once: one station or municipality per file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from heatbill.adapters.formats.degree_days_dmi import DD_MAX, YEARS, dmi_months
from heatbill.adapters.formats.encoding import DecodedFile, decode
from heatbill.adapters.formats.header import Column
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.table import CsvRow, ParsedFile, read_csv
from heatbill.domain.degree_days import YearMonth
from heatbill.domain.errors import ValidationError
from heatbill.wording import say

COLUMNS: Final = (
    Column("aar", aliases=("year",)),
    Column("maaned", aliases=("month",)),
    Column("graddage", aliases=("degree_days",)),
)

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{1,2}$")
_DD = re.compile(r"^\d+(?:[.,]\d)?$")


@dataclass(frozen=True, slots=True)
class DegreeDayMonth:
    """One month's measured degree days; `line` is the CSV line, or the feature's number."""

    line: int
    year: int
    month: int
    degree_days: Decimal


def parse_degree_days(data: bytes | str, name: str) -> ParsedFile[DegreeDayMonth]:
    """Every month in the file, or FileFormatError listing every problem (no months at all)."""
    decoded = decode(data, name)
    if decoded.text.lstrip("\ufeff \t\r\n").startswith("{"):
        return _from_dmi(decoded, name)
    return _from_csv(data, name)


def months(parsed: ParsedFile[DegreeDayMonth]) -> dict[YearMonth, Decimal]:
    """The file's months as `DegreeDayTable` and the register take them."""
    return {(row.year, row.month): row.degree_days for row in parsed.rows}


def _from_csv(data: bytes | str, name: str) -> ParsedFile[DegreeDayMonth]:
    log = ProblemLog()
    table = read_csv(data, name, COLUMNS, log)
    rows: list[DegreeDayMonth] = []
    first: dict[YearMonth, int] = {}
    for csv_row in table.rows:
        row = _csv_month(csv_row)
        if row is None:
            continue
        key = (row.year, row.month)
        if key in first:
            where = say("metering.dd.file.line", line=first[key])
            csv_row.problem(
                "maaned", say("metering.dd.file.twice", year=key[0], month=key[1], first=where)
            )
        first.setdefault(key, row.line)
        rows.append(row)
    log.raise_if_any(name)
    decoded = table.decoded
    return ParsedFile(name, decoded.sha256, decoded.encoding, table.delimiter, tuple(rows))


def _from_dmi(decoded: DecodedFile, name: str) -> ParsedFile[DegreeDayMonth]:
    log = ProblemLog()
    rows = tuple(DegreeDayMonth(*found) for found in dmi_months(decoded.text, log))
    log.raise_if_any(name)
    return ParsedFile(name, decoded.sha256, decoded.encoding, "", rows)


def _csv_month(row: CsvRow) -> DegreeDayMonth | None:
    year = row.required("aar", _year)
    month = row.required("maaned", _month)
    dd = row.required("graddage", _degree_days)
    if year is None or month is None or dd is None:
        return None
    return DegreeDayMonth(row.line, year, month, dd)


def _year(text: str) -> int:
    lo, hi = YEARS
    if not _YEAR.match(text) or not lo <= int(text) <= hi:
        raise ValidationError(say("metering.dd.file.year", lo=lo, hi=hi, got=text))
    return int(text)


def _month(text: str) -> int:
    if not _MONTH.match(text) or not 1 <= int(text) <= 12:
        raise ValidationError(say("metering.dd.file.month", got=text))
    return int(text)


def _degree_days(text: str) -> Decimal:
    dd = Decimal(text.replace(",", ".")) if _DD.match(text) else None
    if dd is None or dd > DD_MAX:
        raise ValidationError(say("metering.dd.file.value", hi=DD_MAX, got=text))
    return dd
