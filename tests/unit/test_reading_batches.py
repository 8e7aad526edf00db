"""The batch path of the reading import says what the reading-by-reading path says.

An import of a million readings keeps them as tuples of integers and asks cheap questions
first; each shortcut here is checked against the function it stands in for: the integer
parser against the Decimal one (also on the plain path, `readings_plain`), `passes` against
`check_reading`, `ExpectedUse` against `LastYear` and its integer `kwh` against its Decimal
`mwh`, the integer use range against the Decimal one, and the integer units against the
Decimals.
"""

from __future__ import annotations

import codecs
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.problems import FileFormatError
from heatbill.adapters.formats.readings_csv import (
    ReadingRow,
    parse_readings_csv,
    parse_scaled_readings,
)
from heatbill.domain.degree_days import DegreeDayTable
from heatbill.domain.errors import ValidationError
from heatbill.domain.last_year import ExpectedUse, LastYear
from heatbill.domain.plausibility import PlausibilityRule, UseRangeKwh, check_reading, passes
from heatbill.domain.register.readings import Reading, ReadingSource, scaled, unscaled
from heatbill.domain.rulebook import Clause
from tests.unit.test_readings_csv import as_csv, written_readings

FILES = Path(__file__).parent.parent / "golden" / "formats" / "readings"
REGISTERS = st.decimals(min_value=0, max_value=Decimal("99999.999"), places=3)
DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31))
TABLE = DegreeDayTable({(2024, 1): Decimal(600), (2025, 2): Decimal("401.5")})


def in_units(row: ReadingRow) -> tuple[object, ...]:
    """A parsed row as `parse_scaled_readings` gives it."""
    r = scaled(row.reading(0))
    return (row.line, row.meter_serial, row.read_on, r[2], r[3], r[5], r[6])


def both(data: bytes) -> tuple[object, object]:
    """What each parser makes of `data`: the rows in units, or the refusal's message."""
    results: list[object] = []
    for parse in (parse_readings_csv, parse_scaled_readings):
        try:
            rows = parse(data, "f.csv", source=ReadingSource.REMOTE).rows
        except FileFormatError as refused:
            results.append(refused.message)
        else:
            results.append(tuple(r if isinstance(r, tuple) else in_units(r) for r in rows))
    return results[0], results[1]


@pytest.mark.parametrize(
    "path", sorted([*FILES.glob("*.csv"), *(FILES / "broken").glob("*.csv")]), ids=str
)
def test_the_integer_parser_reads_every_file_as_the_decimal_parser_does(path: Path) -> None:
    decimal, integer = both(path.read_bytes())
    assert integer == decimal


@given(
    st.lists(written_readings(), min_size=1, max_size=10),
    st.sampled_from([";", ","]),
    st.sampled_from([",", "."]),
    st.booleans(),
)
def test_any_readings_read_the_same_with_either_parser(
    written: list[tuple[ReadingRow, list[object]]], delimiter: str, mark: str, bom: bool
) -> None:
    text = as_csv([cells for _, cells in written], delimiter, mark, "\n")
    decimal, integer = both((codecs.BOM_UTF8 if bom else b"") + text.encode())
    assert integer == decimal


@given(REGISTERS, REGISTERS, st.sampled_from(list(ReadingSource)))
def test_a_reading_in_integer_units_is_the_same_reading(
    energy: Decimal, volume: Decimal, source: ReadingSource
) -> None:
    reading = Reading(7, date(2026, 1, 31), energy, volume, source, Decimal("70.25"), None)
    assert unscaled(scaled(reading)) == reading


def test_a_register_finer_than_the_database_keeps_is_refused() -> None:
    with pytest.raises(ValueError, match="more than 3 decimals"):
        scaled(Reading(7, date(2026, 1, 31), Decimal("1.0005"), Decimal(1), ReadingSource.CARD))


@given(
    DAYS,
    DAYS,
    REGISTERS,
    REGISTERS,
    REGISTERS,
    REGISTERS,
    st.none() | st.decimals(min_value=0, max_value=50, places=3),
    st.sampled_from([Decimal(25), Decimal(40), Decimal("12.5")]),
    st.integers(min_value=0, max_value=3),
)
def test_passes_exactly_when_check_reading_finds_nothing(  # noqa: PLR0917 - the data
    new_on: date,
    previous_on: date,
    energy: Decimal,
    volume: Decimal,
    previous_energy: Decimal,
    previous_volume: Decimal,
    expected: Decimal | None,
    tolerance: Decimal,
    days_ahead: int,
) -> None:
    rule = PlausibilityRule(tolerance, Clause("vestervig", "5.9"), days_ahead)
    today = date(2025, 6, 30)
    new = Reading(1, new_on, energy, volume, ReadingSource.REMOTE)
    previous = Reading(1, previous_on, previous_energy, previous_volume, ReadingSource.REMOTE)
    down = energy < previous_energy or volume < previous_volume
    quick = passes(
        new_on,
        previous_on,
        rule,
        registers_down=down,
        use_mwh=energy - previous_energy,
        expected_use_mwh=expected,
        today=today,
    )
    assert quick == (not check_reading(new, previous, expected, rule, today=today).reasons)


@given(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2024, 12, 31)),
    st.integers(min_value=365, max_value=500),
    st.integers(min_value=1, max_value=120),
    st.decimals(min_value=0, max_value=Decimal(200), places=3),
    st.sampled_from([Decimal(0), Decimal(20), Decimal("33.3"), Decimal(100)]),
)
def test_the_expected_use_of_a_batch_is_last_years_use_until_the_day(
    reference_on: date, span_days: int, days_after: int, use: Decimal, hot_water: Decimal
) -> None:
    start_on = reference_on + timedelta(days=span_days)
    on_date = start_on + timedelta(days=days_after)
    reference = Reading(1, reference_on, Decimal("100.000"), Decimal(5), ReadingSource.REMOTE)
    start = Reading(1, start_on, Decimal("100.000") + use, Decimal(9), ReadingSource.REMOTE)
    try:
        last_year = LastYear.between(reference, start, TABLE, hot_water)
    except ValidationError:
        return
    expected = ExpectedUse(TABLE, hot_water).mwh(reference_on, start_on, use, on_date)
    assert expected == last_year.use_until(on_date, TABLE)


ZERO_SUMMERS = DegreeDayTable({(2024, m): Decimal(0) for m in range(5, 10)})
"""Summers without degree days: the whole use then runs by days (`UseProfile.of`)."""


@given(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2024, 12, 31)),
    st.integers(min_value=1, max_value=500),
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from([Decimal(0), Decimal(20), Decimal("33.3"), Decimal(100), Decimal("12.5")]),
    st.sampled_from([TABLE, ZERO_SUMMERS]),
)
def test_the_expected_use_in_kwh_is_the_decimal_expected_use(  # noqa: PLR0917 - the data
    reference_on: date,
    span_days: int,
    days_after: int,
    use_kwh: int,
    hot_water: Decimal,
    table: DegreeDayTable,
) -> None:
    start_on = reference_on + timedelta(days=span_days)
    on_date = start_on + timedelta(days=days_after)
    expected = ExpectedUse(table, hot_water)
    decimal = expected.mwh(reference_on, start_on, Decimal(use_kwh).scaleb(-3), on_date)
    assert expected.kwh(reference_on, start_on, use_kwh, on_date) == decimal.scaleb(3)


@pytest.mark.parametrize("use_kwh", [1, 3, 5, 7, 999, 10**9 + 1])
def test_an_expected_use_exactly_half_a_kwh_is_rounded_up_as_in_decimal(use_kwh: int) -> None:
    # Two days of use without degree days moved to one day: exactly half of an odd use, the
    # rounding boundary itself, where the integers leave it to the Decimal steps.
    reference_on, start_on, on_date = date(2024, 6, 1), date(2024, 6, 3), date(2024, 6, 4)
    expected = ExpectedUse(ZERO_SUMMERS, Decimal(20))
    decimal = expected.mwh(reference_on, start_on, Decimal(use_kwh).scaleb(-3), on_date)
    assert decimal.scaleb(3) == (use_kwh + 1) // 2
    assert expected.kwh(reference_on, start_on, use_kwh, on_date) == (use_kwh + 1) // 2


@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=-(10**6), max_value=10**12),
    st.sampled_from([Decimal(25), Decimal(40), Decimal("12.5"), Decimal("0.001"), Decimal(150)]),
)
def test_the_use_range_in_kwh_is_the_decimal_use_range(
    use_kwh: int, expected_kwh: int, tolerance: Decimal
) -> None:
    rule = PlausibilityRule(tolerance, Clause("vestervig", "5.9"))
    in_range = UseRangeKwh.of(rule)
    assert in_range is not None
    low, high = rule.use_range(Decimal(expected_kwh).scaleb(-3))
    decimal = low <= Decimal(use_kwh).scaleb(-3) <= high
    assert in_range.holds(use_kwh, expected_kwh) == decimal


def test_a_tolerance_too_fine_for_exact_bounds_is_left_to_the_decimals() -> None:
    rule = PlausibilityRule(Decimal("12.3456789012345"), Clause("vestervig", "5.9"))
    assert UseRangeKwh.of(rule) is None


_PLAIN_CELLS = {
    "maaler": ["65000063", "65000064", " 65000065 ", "A-17"],
    "tidspunkt": ["2026-02-01 00:00", "31-12-2026", "2026-01-31T23:59", "01-02-2026 00:00"],
    "energi_mwh": ["85,398", "4217,397", "12", "12,5", "0,000", "12.345", "٣٤,٥"],
    "volumen_m3": ["1714,511", "3977,584", "7", "7.25"],
    "frem_c": ["68,19", "70", "", "130,00"],
    "retur_c": ["36,08", "", "40,5", "69,00"],
}
_ODD_CELLS = st.sampled_from(
    ["", " ", "x", '"65000063"', "1.234,567", "12,3456", ",123", "-1,000", "140,00", "2026-02-30",
     "12,5 MWh", "²", "1_000", "+5", "65000063;", "70,00"]
)  # fmt: skip
_LINE_ENDS = st.sampled_from(["\n", "\n", "\r\n", "\r"])


@st.composite
def odd_files(draw: st.DrawFn) -> str:
    """A file whose lines are mostly plain, now and then with an odd cell, line or header."""
    optional = draw(st.sets(st.sampled_from(["frem_c", "retur_c"])))
    names = draw(st.permutations(["maaler", "tidspunkt", "energi_mwh", "volumen_m3", *optional]))
    delimiter = draw(st.sampled_from([";", ";", ";", ","]))
    odd = draw(st.integers(0, 3)) == 0
    header = delimiter.join(names) + (draw(st.sampled_from(["", delimiter, ";x"])) if odd else "")
    lines = [header]
    for _ in range(draw(st.integers(0, 5))):
        cells = [
            draw(_ODD_CELLS) if draw(st.integers(0, 15)) == 0 else draw(st.sampled_from(cells))
            for cells in (_PLAIN_CELLS[name] for name in names)
        ]
        if delimiter == ",":
            cells = [cell.replace(",", ".") for cell in cells]
        if draw(st.integers(0, 10)) == 0:
            cells = draw(st.sampled_from([cells[:-1], [*cells, ""], [*cells, "x"], [""] * 6]))
        lines.append(delimiter.join(cells))
    return draw(_LINE_ENDS).join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@given(odd_files())
def test_odd_files_read_the_same_on_the_plain_path_as_on_the_general_one(text: str) -> None:
    decimal, integer = both(text.encode())
    assert integer == decimal


@given(st.lists(written_readings(), min_size=1, max_size=10), _LINE_ENDS, st.booleans())
def test_plain_files_read_the_same_on_the_plain_path_as_on_the_general_one(
    written: list[tuple[ReadingRow, list[object]]], line_end: str, blank_lines: bool
) -> None:
    text = as_csv([cells for _, cells in written], ";", ",", line_end)
    if blank_lines:
        text = text.replace(line_end, line_end + ";;;;;" + line_end + line_end, 1)
    decimal, integer = both(text.encode())
    assert integer == decimal
