"""The customer export a utility takes from its old system: one row per installation.

Same file rules as the readings files (header row, `;` or `,`, UTF-8 or Windows-1252, decimal
comma or point, dates `2026-12-31` or `31-12-2026`). Columns by name, in any order; "(valgfri)"
columns may be left out of the file or left empty. docs/import-formats.md shows an example.

| column                  | content                                                      |
|-------------------------|--------------------------------------------------------------|
| `maalested`             | installation number (målested), unique in the file           |
| `adresse`, `postnr`, `by` | the property's address; postnr is 4 digits                 |
| `bbr_areal_m2`          | BBR heated area, m², > 0, at most 2 decimals                 |
| `rumfang_m3`            | (valgfri) heated volume, m³, > 0, at most 2 decimals         |
| `anvendelse`            | `bolig` or `erhverv`                                         |
| `maaler`                | the main meter's serial, unique in the file                  |
| `maaler_opsat`          | date the meter was installed, not after `as_of`              |
| `aflaesning`            | `fjern` (remote) or `selv` (self-reading card)               |
| `maalerstoerrelse`      | (valgfri) `<30kW` (when empty), `<100kW` or `>100kW`         |
| `kunde_type`            | `person` or `virksomhed`                                     |
| `navn`                  | the customer's name                                          |
| `cpr`                   | (valgfri) persons only                                       |
| `cvr`                   | companies only, and required for them                        |
| `ean`                   | (valgfri) companies only: EAN for e-invoices                 |
| `email`, `mobil`        | (valgfri) contact (`solrod 1.5`)                             |
| `digital_post`          | `ja`/`nej`: letters go to the digital mailbox                |
| `fritaget_digital_post` | `ja`/`nej`: exempt from digital post (then digital_post nej) |
| `rolle`                 | `ejer`, `lejer` or `andelshaver` (`vestervig 1.2`)           |
| `kunde_fra`             | date the customer relationship began, not after `as_of`      |
| `ejer_navn`             | for lejer/andelshaver: the owner, liable between tenants      |
| `ejer_cpr` / `ejer_cvr` | (valgfri) the owner's CPR, or CVR when the owner is a company |
| `ejer_email`            | (valgfri) the owner's e-mail                                 |
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from heatbill.adapters.formats import customer_parties, values
from heatbill.adapters.formats.customer_rows import (
    METHOD_WORDS,
    ROLE_WORDS,
    SIZE_WORDS,
    USE_WORDS,
    CustomerRow,
    MeterValues,
    PropertyValues,
)
from heatbill.adapters.formats.header import Column
from heatbill.adapters.formats.problems import ProblemLog
from heatbill.adapters.formats.table import CsvRow, ParsedFile, read_csv
from heatbill.domain.errors import ValidationError
from heatbill.domain.register.installations import MeterSize
from heatbill.domain.register.relationships import Role
from heatbill.wording import say

_OPTIONAL: Final = frozenset(
    {"rumfang_m3", "maalerstoerrelse", "cpr", "cvr", "ean", "email", "mobil"}
    | set(customer_parties.OWNER_COLUMNS)
)
COLUMNS: Final = tuple(
    Column(name, required=name not in _OPTIONAL)
    for name in (
        *("maalested", "adresse", "postnr", "by", "bbr_areal_m2", "rumfang_m3", "anvendelse"),
        *("maaler", "maaler_opsat", "aflaesning", "maalerstoerrelse"),
        *("kunde_type", "navn", "cpr", "cvr", "ean", "email", "mobil"),
        *("digital_post", "fritaget_digital_post", "rolle", "kunde_fra"),
        *customer_parties.OWNER_COLUMNS,
    )
)

_POSTCODE = re.compile(r"^\d{4}$")


def parse_customers_csv(data: bytes | str, name: str, *, as_of: date) -> ParsedFile[CustomerRow]:
    """Every installation in the file, or FileFormatError listing every problem (no rows).

    `as_of` is the import's date: a meter installed or a customer relationship begun after it
    is a mistake in the file (dates are not taken from the clock).
    """
    log = ProblemLog()
    table = read_csv(data, name, COLUMNS, log)
    rows: list[CustomerRow] = []
    first_line: dict[tuple[str, str], int] = {}
    for csv_row in table.rows:
        _refuse_repeats(csv_row, first_line)
        row = _customer_row(csv_row, as_of)
        if row is not None:
            rows.append(row)
    log.raise_if_any(name)
    decoded = table.decoded
    return ParsedFile(name, decoded.sha256, decoded.encoding, table.delimiter, tuple(rows))


def _customer_row(row: CsvRow, as_of: date) -> CustomerRow | None:
    number = row.required("maalested", values.text)
    property_ = _property(row)
    meter = _meter(row, as_of)
    customer = customer_parties.customer(row)
    role = row.required("rolle", values.choice(ROLE_WORDS))
    since = row.required("kunde_fra", _not_after(as_of))
    owner = None
    if role is Role.OWNER:
        customer_parties.refuse_owner(row)
    elif role is not None:
        owner = customer_parties.owner(row, row.text("rolle").lower())
    if number is None or property_ is None or meter is None or customer is None:
        return None
    if role is None or since is None:
        return None
    return CustomerRow(row.line, number, property_, meter, customer, role, since, owner)


def _property(row: CsvRow) -> PropertyValues | None:
    address = row.required("adresse", values.text)
    postcode = row.required("postnr", _postcode)
    city = row.required("by", values.text)
    area = row.required("bbr_areal_m2", values.positive(2))
    volume = row.optional("rumfang_m3", values.positive(2))
    use = row.required("anvendelse", values.choice(USE_WORDS))
    if address is None or postcode is None or city is None or area is None or use is None:
        return None
    return PropertyValues(address, postcode, city, area, use, volume)


def _meter(row: CsvRow, as_of: date) -> MeterValues | None:
    serial = row.required("maaler", values.text)
    installed = row.required("maaler_opsat", _not_after(as_of))
    method = row.required("aflaesning", values.choice(METHOD_WORDS))
    size = row.optional("maalerstoerrelse", values.choice(SIZE_WORDS))
    if serial is None or installed is None or method is None:
        return None
    return MeterValues(serial, installed, method, size or MeterSize.UP_TO_30_KW)


def _refuse_repeats(row: CsvRow, first_line: dict[tuple[str, str], int]) -> None:
    """An installation number or a meter serial appears once in the file."""
    checks = (
        ("maalested", "formats.customers.installation_twice", "number"),
        ("maaler", "formats.customers.meter_twice", "serial"),
    )
    for column, key, field in checks:
        value = row.text(column)
        if not value:
            continue
        seen = first_line.setdefault((column, value), row.line)
        if seen != row.line:
            row.problem(column, say(key, first=seen, **{field: value}))


def _postcode(value: str) -> str:
    if not _POSTCODE.match(value):
        raise ValidationError(say("formats.customers.postcode", got=value))
    return value


def _not_after(as_of: date) -> values.Parser[date]:
    def parse(value: str) -> date:
        day = values.calendar_date(value)
        if day > as_of:
            message = say("formats.value.future", day=f"{day:%d-%m-%Y}", as_of=f"{as_of:%d-%m-%Y}")
            raise ValidationError(message)
        return day

    return parse
