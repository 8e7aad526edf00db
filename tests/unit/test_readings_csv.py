"""Meter reading files from head-ends and self-reading cards (`vestervig 5.5`–`5.6`).

The valid example files parse to the rows in their golden JSON (rewrite with --update-golden or
HEATBILL_UPDATE_GOLDEN=1 and review the diff). Each kind of mistake has a broken file and its
exact Danish message; a file with several mistakes lists them all and returns nothing. A
property: any valid readings written as CSV — either separator, either decimal mark — read
back as the same rows.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.problems import FileFormatError, LineProblem
from heatbill.adapters.formats.reading_time import register_day
from heatbill.adapters.formats.readings_csv import ReadingRow, parse_readings_csv
from heatbill.adapters.formats.table import ParsedFile
from heatbill.domain.errors import ValidationError
from heatbill.domain.register.readings import Reading, ReadingSource

FILES = Path(__file__).parent.parent / "golden" / "formats" / "readings"
NAME = "aflaesninger.csv"
HEADER = "maaler;tidspunkt;energi_mwh;volumen_m3"


def parse(
    data: bytes | str, source: ReadingSource = ReadingSource.REMOTE
) -> tuple[ReadingRow, ...]:
    return parse_readings_csv(data, NAME, source=source).rows


def refusal(data: bytes | str) -> str:
    with pytest.raises(FileFormatError) as caught:
        parse_readings_csv(data, NAME, source=ReadingSource.REMOTE)
    return caught.value.message


def golden_text(parsed: ParsedFile[ReadingRow]) -> str:
    fields = {"encoding": parsed.encoding, "delimiter": parsed.delimiter, "sha256": parsed.sha256}
    rows = [dataclasses.asdict(row) for row in parsed.rows]
    return json.dumps(fields | {"rows": rows}, indent=2, ensure_ascii=False, default=str) + "\n"


def assert_golden(actual: str, path: Path, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert actual == path.read_text(encoding="utf-8")


# --- valid files ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("stem", "source"), [("remote", ReadingSource.REMOTE), ("card", ReadingSource.CARD)]
)
def test_a_valid_file_parses_to_its_golden_rows(
    stem: str, source: ReadingSource, update_golden: bool
) -> None:
    parsed = parse_readings_csv((FILES / f"{stem}.csv").read_bytes(), f"{stem}.csv", source=source)
    assert_golden(golden_text(parsed), FILES / f"{stem}.json", update_golden)


def test_the_remote_export_is_utf8_with_a_bom_semicolons_and_decimal_commas() -> None:
    parsed = parse_readings_csv(
        (FILES / "remote.csv").read_bytes(), NAME, source=ReadingSource.REMOTE
    )
    assert (parsed.encoding, parsed.delimiter) == ("utf-8-sig", ";")
    assert parsed.rows[0].energy_mwh == Decimal("18.412")


def test_the_card_file_has_commas_decimal_points_danish_dates_and_a_quoted_decimal_comma() -> None:
    rows = parse((FILES / "card.csv").read_bytes(), ReadingSource.CARD)
    assert [(r.meter_serial, r.read_on, r.energy_mwh) for r in rows] == [
        ("5501234", date(2026, 12, 31), Decimal("23.418")),
        ("5501240", date(2026, 12, 31), Decimal("8.250")),
        ("5501251", date(2026, 12, 30), Decimal("41")),
    ]
    assert {r.source for r in rows} == {ReadingSource.CARD}


def test_the_content_hash_is_the_sha256_of_the_bytes_as_received() -> None:
    data = (FILES / "remote.csv").read_bytes()
    parsed = parse_readings_csv(data, NAME, source=ReadingSource.REMOTE)
    assert parsed.sha256 == hashlib.sha256(data).hexdigest()
    without_bom = data.removeprefix(codecs.BOM_UTF8)
    other = parse_readings_csv(without_bom, NAME, source=ReadingSource.REMOTE)
    assert other.rows == parsed.rows
    assert other.sha256 != parsed.sha256  # a re-saved file is another file


def test_text_is_read_as_its_utf8_bytes() -> None:
    text = f"{HEADER}\n7001;2026-12-31;1;2\n"
    from_text = parse_readings_csv(text, NAME, source=ReadingSource.CARD)
    from_bytes = parse_readings_csv(text.encode(), NAME, source=ReadingSource.CARD)
    assert from_text == from_bytes


def test_windows_1252_is_read_when_the_bytes_are_not_utf8() -> None:
    data = "Måler;Tidspunkt;Energi_MWh;Volumen_m3\nÆ-7001;2026-12-31;1;2\n".encode("cp1252")
    parsed = parse_readings_csv(data, NAME, source=ReadingSource.CARD)
    assert (parsed.encoding, parsed.rows[0].meter_serial) == ("cp1252", "Æ-7001")


def test_english_column_names_are_accepted() -> None:
    text = "meter,time,energy_mwh,volume_m3,forward_c,return_c\n7001,2026-12-31,1.5,2,70,40\n"
    (row,) = parse(text)
    assert (row.forward_c, row.return_c) == (Decimal(70), Decimal(40))


def test_a_row_becomes_the_domain_reading_once_the_meter_is_known() -> None:
    (row,) = parse(f"{HEADER};frem_c;retur_c\n7001;2027-01-01 00:00;12,5;300;71,5;40\n")
    assert row.reading(meter_id=42) == Reading(
        meter_id=42,
        read_on=date(2026, 12, 31),
        energy_mwh=Decimal("12.5"),
        volume_m3=Decimal(300),
        source=ReadingSource.REMOTE,
        forward_c=Decimal("71.5"),
        return_c=Decimal(40),
    )


def test_only_head_end_exports_and_cards_come_in_files() -> None:
    with pytest.raises(ValueError, match="readings files come from"):
        parse_readings_csv(f"{HEADER}\n7001;2026-12-31;1;2\n", NAME, source=ReadingSource.ESTIMATED)


# --- which day a reading is for (`solrod 5.4`: the annual reading is 31 December) -------------
@pytest.mark.parametrize(
    ("written", "read_on", "read_at"),
    [
        ("2027-01-01 00:00", date(2026, 12, 31), "2027-01-01T00:00"),
        ("2027-01-01T00:00:00", date(2026, 12, 31), "2027-01-01T00:00"),
        ("2026-12-31T24:00", date(2026, 12, 31), "2027-01-01T00:00"),
        ("31-12-2026 23:59", date(2026, 12, 31), "2026-12-31T23:59"),
        ("2026-12-31 08:15:30", date(2026, 12, 31), "2026-12-31T08:15:30"),
        ("2027-01-01 00:00:01", date(2027, 1, 1), "2027-01-01T00:00:01"),
        ("2026-12-31", date(2026, 12, 31), None),
        ("31-12-2026", date(2026, 12, 31), None),
    ],
)
def test_a_reading_is_the_register_at_the_end_of_its_day(
    written: str, read_on: date, read_at: str | None
) -> None:
    (row,) = parse(f"{HEADER}\n7001;{written};1;2\n")
    assert row.read_on == read_on
    assert row.read_at == (None if read_at is None else datetime.fromisoformat(read_at))


def test_midnight_on_1_january_is_the_year_end_reading_for_31_december() -> None:
    assert register_day(datetime.combine(date(2027, 1, 1), time())) == date(2026, 12, 31)


def test_a_head_end_midnight_and_a_card_for_the_same_day_are_the_same_reading() -> None:
    text = f"{HEADER}\n7001;2027-01-01 00:00;1;2\n7001;31-12-2026;1;2\n"
    assert refusal(text) == (
        "aflaesninger.csv: linje 3, felt tidspunkt: "
        "måler 7001 har allerede en aflæsning for 31-12-2026 i linje 2"
    )


# --- one broken file per kind of mistake ------------------------------------------------------
_TIME_FORMS = "2026-12-31, 2026-12-31T23:59 eller 31-12-2026 23:59"
_COMMA_HINT = "felterne adskilles med komma, så tal med decimalkomma skal stå i anførselstegn"
BROKEN = {
    "too_many_decimals": (
        'linje 7, felt energi_mwh: forventede et tal med højst 3 decimaler, fik "12,3456"'
    ),
    "negative_register": 'linje 3, felt volumen_m3: må ikke være negativ, fik "-3,5"',
    "thousands_separator": (
        'linje 4, felt volumen_m3: forventede et tal med højst 3 decimaler, fik "2.870,440"'
    ),
    "unit_in_number": (
        'linje 2, felt energi_mwh: forventede et tal med højst 3 decimaler, fik "18,412 MWh"'
    ),
    "bad_date": (
        "linje 2, felt tidspunkt: forventede en dato eller et tidspunkt i dansk tid som "
        f'{_TIME_FORMS}, fik "31/12/2026"'
    ),
    "no_such_day": (
        "linje 3, felt tidspunkt: forventede en dato eller et tidspunkt i dansk tid som "
        f'{_TIME_FORMS}, fik "2026-02-30"'
    ),
    "time_zone": (
        "linje 4, felt tidspunkt: forventede dansk lokaltid uden tidszone, som 2026-12-31 23:59, "
        'fik "2026-12-31T23:00:00Z"'
    ),
    "missing_value": "linje 3, felt energi_mwh: mangler en værdi",
    "unknown_column": (
        'linje 1, felt energi_kwh: ukendt kolonne; mente du "energi_mwh"?\n'
        "aflaesninger.csv: linje 1, felt energi_mwh: kolonnen mangler i overskriftslinjen"
    ),
    "duplicate_column": "linje 1, felt meter: kolonnen maaler står der allerede (kolonne 1)",
    "missing_column": "linje 1, felt volumen_m3: kolonnen mangler i overskriftslinjen",
    "duplicate_reading": (
        "linje 5, felt tidspunkt: måler 65432102 har allerede en aflæsning for 31-12-2026 i linje 3"
    ),
    "temperature_out_of_range": (
        'linje 2, felt frem_c: forventede en temperatur fra 0 til 130 °C, fik "135"'
    ),
    "return_above_forward": (
        "linje 3, felt retur_c: returtemperaturen 41,75 °C er højere end "
        "fremløbstemperaturen 40,10 °C"
    ),
    "too_many_fields": (f"linje 3: rækken har 8 felter, men overskriften kun 6; {_COMMA_HINT}"),
    "unclosed_quote": (
        "linje 3: kan ikke læses som CSV (et anførselstegn lukkes ikke eller står midt i et "
        "felt); resten af filen er ikke læst"
    ),
    "no_header": (
        "linje 1: første linje skal være en overskrift med kolonnenavnene; kendte kolonner: "
        "maaler, tidspunkt, energi_mwh, volumen_m3, frem_c, retur_c"
    ),
    "empty": "filen er tom; forventede en overskriftslinje og mindst én række",
    "header_only": "filen har ingen rækker under overskriftslinjen",
    "utf16": "filen er UTF-16; gem den som CSV (UTF-8) eller CSV (semikolonsepareret)",
}


@pytest.mark.parametrize(("stem", "message"), BROKEN.items(), ids=list(BROKEN))
def test_a_broken_file_is_refused_with_the_exact_message(stem: str, message: str) -> None:
    assert refusal((FILES / "broken" / f"{stem}.csv").read_bytes()) == f"{NAME}: {message}"


def test_every_broken_file_has_its_expected_message() -> None:
    assert sorted(p.stem for p in (FILES / "broken").glob("*.csv")) == sorted(
        [*BROKEN, "several_mistakes"]
    )


def test_every_problem_in_a_file_is_listed_and_no_row_is_returned() -> None:
    with pytest.raises(ValidationError) as caught:
        parse((FILES / "broken" / "several_mistakes.csv").read_bytes())
    error = caught.value
    assert isinstance(error, FileFormatError)
    assert error.code == "invalid_file"
    assert [(p.line, p.field) for p in error.problems] == [
        (2, "energi_mwh"),
        (3, "tidspunkt"),
        (3, "volumen_m3"),
        (3, "retur_c"),
        (4, "maaler"),
    ]
    assert error.problems[2] == LineProblem(3, "volumen_m3", "mangler en værdi")
    assert error.message.splitlines()[0] == (
        "aflaesninger.csv: linje 2, felt energi_mwh: forventede et tal med højst 3 decimaler, "
        'fik "18,4125"'
    )


def test_a_field_is_named_as_the_file_names_it() -> None:
    assert refusal("Meter;Time;Energy_MWh;Volume_m3\n7001;2026-12-31;-1;2\n") == (
        'aflaesninger.csv: linje 2, felt Energy_MWh: må ikke være negativ, fik "-1"'
    )


# --- any valid rows survive the round trip through CSV ------------------------------------------
_DAYS = st.dates(date(2000, 1, 1), date(2099, 12, 31))
_MOMENTS = _DAYS | st.builds(
    datetime.combine, _DAYS, st.times().map(lambda t: t.replace(microsecond=0))
)
_REGISTERS = st.decimals(min_value=0, max_value=10**6, places=3)
_CELSIUS = st.decimals(min_value=0, max_value=130, places=2)


@st.composite
def written_readings(draw: st.DrawFn) -> tuple[ReadingRow, list[object]]:
    """A reading and the cells a head-end or card would write for it (numbers as Decimal)."""
    moment = draw(_MOMENTS)
    forward = draw(st.none() | _CELSIUS)
    highest = Decimal(130) if forward is None else forward
    return_ = draw(st.none() | st.decimals(min_value=0, max_value=highest, places=2))
    row = ReadingRow(
        line=0,
        meter_serial=draw(st.from_regex(r"[0-9A-Z][0-9A-Z-]{0,11}", fullmatch=True)),
        read_on=register_day(moment),
        read_at=moment if isinstance(moment, datetime) else None,
        energy_mwh=draw(_REGISTERS),
        volume_m3=draw(_REGISTERS),
        source=ReadingSource.REMOTE,
        forward_c=forward,
        return_c=return_,
    )
    written = draw(st.sampled_from(_TIME_WRITINGS[isinstance(moment, datetime)]))
    cells = [row.meter_serial, format(moment, written), row.energy_mwh, row.volume_m3]
    return row, [*cells, forward, return_]


_TIME_WRITINGS = {
    False: ["%Y-%m-%d", "%d-%m-%Y"],
    True: ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M:%S"],
}


def as_csv(cells: list[list[object]], delimiter: str, decimal_mark: str, line_end: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(["maaler", "tidspunkt", "energi_mwh", "volumen_m3", "frem_c", "retur_c"])
    for row in cells:
        writer.writerow([_cell(value, decimal_mark) for value in row])
    return out.getvalue()


def _cell(value: object, decimal_mark: str) -> object:
    if isinstance(value, Decimal):
        return f"{value:f}".replace(".", decimal_mark)
    return "" if value is None else value


@given(
    st.lists(
        written_readings(),
        min_size=1,
        max_size=15,
        unique_by=lambda w: (w[0].meter_serial, w[0].read_on),
    ),
    st.sampled_from([";", ","]),
    st.sampled_from([",", "."]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_any_valid_readings_written_as_csv_read_back_as_the_same_rows(
    written: list[tuple[ReadingRow, list[object]]],
    delimiter: str,
    decimal_mark: str,
    line_end: str,
    bom: bool,
) -> None:
    text = as_csv([cells for _, cells in written], delimiter, decimal_mark, line_end)
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode()
    expected = tuple(
        dataclasses.replace(row, line=n) for n, (row, _) in enumerate(written, start=2)
    )
    assert parse(data) == expected
