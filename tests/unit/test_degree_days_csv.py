"""Degree-day files: a simple monthly CSV, or DMI's climateData response — all or nothing.

Every problem names the file, the line (or the DMI feature) and the field; a file with any
problem yields no months at all.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from heatbill.adapters.formats.degree_days_csv import DegreeDayMonth, months, parse_degree_days
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.adapters.formats.table import ParsedFile
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError


def parsed(tmp_path: Path, name: str, content: str) -> ParsedFile[DegreeDayMonth]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return parse_degree_days(path.read_bytes(), name)


def refusal(tmp_path: Path, name: str, content: str) -> str:
    with pytest.raises(FileFormatError) as caught:
        parsed(tmp_path, name, content)
    return caught.value.message


# --- the simple monthly CSV -------------------------------------------------------------------
def test_a_semicolon_file_with_decimal_commas_is_read(tmp_path: Path) -> None:
    result = parsed(tmp_path, "graddage.csv", "year;month;degree_days\n2024;1;600,5\n2024;2;400\n")
    assert months(result) == {(2024, 1): Decimal("600.5"), (2024, 2): Decimal(400)}
    assert result.rows[0] == DegreeDayMonth(2, 2024, 1, Decimal("600.5"))
    assert (result.delimiter, result.encoding, len(result.sha256)) == (";", "utf-8", 64)


def test_danish_column_names_commas_and_quoted_decimal_commas_are_read(tmp_path: Path) -> None:
    content = 'år,måned,graddage\n2024,12,"461,5"\n2025,1,519.0\n'
    assert months(parsed(tmp_path, "dd.csv", content)) == {
        (2024, 12): Decimal("461.5"),
        (2025, 1): Decimal("519.0"),
    }


def test_an_excel_file_in_windows_1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "graddage.csv"
    path.write_bytes("År;Måned;Graddage\r\n2024;3;444,0\r\n".encode("cp1252"))
    result = parse_degree_days(path.read_bytes(), "graddage.csv")
    assert (months(result), result.encoding) == ({(2024, 3): Decimal(444)}, "cp1252")


def test_the_months_fill_a_utilitys_degree_day_table(tmp_path: Path) -> None:
    table = DegreeDayTable(months(parsed(tmp_path, "dd.csv", "aar;maaned;graddage\n2024;1;600\n")))
    assert table.degree_days(Period.calendar_year(2024)) == 3112 - 519 + 600


def test_a_file_with_problems_is_a_validation_error_and_yields_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        parsed(tmp_path, "dd.csv", "year;month;degree_days\n2024;1;600\n2024;13;10\n")
    assert caught.value.code == "invalid_file"


def test_a_bad_year_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dd.csv", "year;month;degree_days\n20x4;1;600\n") == (
        'dd.csv: linje 2, felt year: forventede et årstal fra 1900 til 2100, fik "20x4"'
    )


def test_a_month_13_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dd.csv", "year;month;degree_days\n2024;13;600\n") == (
        'dd.csv: linje 2, felt month: forventede en måned fra 1 til 12, fik "13"'
    )


@pytest.mark.parametrize("value", ["-3", "519,55", "1000,1", "mange"])
def test_degree_days_out_of_range_or_too_fine_are_refused(tmp_path: Path, value: str) -> None:
    content = f"year;month;degree_days\n2024;1;{value}\n"
    assert refusal(tmp_path, "dd.csv", content) == (
        "dd.csv: linje 2, felt degree_days: forventede graddage fra 0 til 1000 med højst én "
        f'decimal, fx 519 eller 519,5, fik "{value}"'
    )


def test_a_missing_value_is_named(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dd.csv", "year;month;degree_days\n2024;1;\n") == (
        "dd.csv: linje 2, felt degree_days: mangler en værdi"
    )


def test_a_month_given_twice_is_refused(tmp_path: Path) -> None:
    content = "year;month;degree_days\n2024;1;600\n2024;2;400\n2024;01;610\n"
    assert refusal(tmp_path, "dd.csv", content) == (
        "dd.csv: linje 4, felt month: 2024-01 står allerede i linje 2"
    )


def test_a_missing_column_is_named_in_the_header(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dd.csv", "year;month\n2024;1\n") == (
        "dd.csv: linje 1, felt graddage: kolonnen mangler i overskriftslinjen"
    )


def test_every_problem_of_a_file_is_listed_at_once(tmp_path: Path) -> None:
    content = "year;month;degree_days\n1899;1;600\n2024;0;400\n2024;3;-1\n"
    assert refusal(tmp_path, "dd.csv", content).splitlines() == [
        'dd.csv: linje 2, felt year: forventede et årstal fra 1900 til 2100, fik "1899"',
        'dd.csv: linje 3, felt month: forventede en måned fra 1 til 12, fik "0"',
        "dd.csv: linje 4, felt degree_days: forventede graddage fra 0 til 1000 med højst én "
        'decimal, fx 519 eller 519,5, fik "-1"',
    ]


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dd.csv", "\n") == (
        "dd.csv: filen er tom; forventede en overskriftslinje og mindst én række"
    )


# --- DMI climateData (GeoJSON) ----------------------------------------------------------------
def feature(start: str, end: str, value: object, **properties: object) -> dict[str, object]:
    """A climateData feature as the API returns it (municipalityValue collection)."""
    return {
        "type": "Feature",
        "id": "5f0e2c9a-0000-0000-0000-000000000000",
        "geometry": {"type": "Polygon", "coordinates": []},
        "properties": {
            "calculatedAt": "2024-02-02T04:00:00Z",
            "created": "2024-02-02T04:05:00Z",
            "from": start,
            "to": end,
            "municipalityId": "0773",
            "municipalityName": "Morsø",
            "parameterId": "acc_heating_degree_days_17",
            "qcStatus": "manual",
            "timeResolution": "month",
            "value": value,
            **properties,
        },
    }


def collection(*features: dict[str, object]) -> str:
    document = {
        "type": "FeatureCollection",
        "features": list(features),
        "timeStamp": "2024-03-01T10:00:00Z",
        "numberReturned": len(features),
        "links": [],
    }
    return json.dumps(document, indent=2)


JANUARY_UTC = ("2023-12-31T23:00:00Z", "2024-01-31T23:00:00Z")
FEBRUARY_DK = ("2024-02-01T00:00:00+01:00", "2024-03-01T00:00:00+01:00")


def test_a_dmi_response_is_read_month_by_month(tmp_path: Path) -> None:
    content = collection(feature(*JANUARY_UTC, 600.54), feature(*FEBRUARY_DK, 400))
    result = parsed(tmp_path, "dmi.json", content)
    assert months(result) == {(2024, 1): Decimal("600.5"), (2024, 2): Decimal(400)}
    assert result.rows[1] == DegreeDayMonth(2, 2024, 2, Decimal(400))


def test_dmi_values_are_rounded_half_up_to_a_tenth_never_through_a_float(tmp_path: Path) -> None:
    content = collection(feature(*JANUARY_UTC, "REPLACE"))
    content = content.replace('"REPLACE"', "412.29999999999995")  # a float's artefact
    assert months(parsed(tmp_path, "dmi.json", content)) == {(2024, 1): Decimal("412.3")}


def test_another_dmi_parameter_is_refused(tmp_path: Path) -> None:
    content = collection(feature(*JANUARY_UTC, 3.1, parameterId="mean_temp"))
    assert refusal(tmp_path, "dmi.json", content) == (
        'dmi.json: objekt 1, felt parameterId: forventede "acc_heating_degree_days_17", '
        'fik "mean_temp"'
    )


def test_daily_values_are_refused(tmp_path: Path) -> None:
    content = collection(feature(*JANUARY_UTC, 20, timeResolution="day"))
    assert refusal(tmp_path, "dmi.json", content) == (
        'dmi.json: objekt 1, felt timeResolution: forventede "month", fik "day"'
    )


def test_a_span_that_is_not_a_calendar_month_is_refused(tmp_path: Path) -> None:
    content = collection(feature("2024-01-15T00:00:00Z", "2024-02-15T00:00:00Z", 500))
    assert refusal(tmp_path, "dmi.json", content) == (
        "dmi.json: objekt 1, felt to: forventede en hel kalendermåned fra from til to, "
        "fik 2024-01-15T00:00:00+00:00 – 2024-02-15T00:00:00+00:00"
    )


def test_a_time_without_a_time_zone_is_refused(tmp_path: Path) -> None:
    content = collection(feature("2024-01-01T00:00:00", JANUARY_UTC[1], 500))
    assert refusal(tmp_path, "dmi.json", content) == (
        "dmi.json: objekt 1, felt from: forventede et tidspunkt med tidszone som "
        '"2024-01-01T00:00:00+01:00", fik "2024-01-01T00:00:00"'
    )


def test_a_missing_or_negative_value_is_refused(tmp_path: Path) -> None:
    content = collection(feature(*JANUARY_UTC, None), feature(*FEBRUARY_DK, -2))
    assert refusal(tmp_path, "dmi.json", content).splitlines() == [
        "dmi.json: objekt 1, felt value: forventede graddage som et tal fra 0 til 1000, "
        "fik mangler",
        "dmi.json: objekt 2, felt value: forventede graddage som et tal fra 0 til 1000, fik -2",
    ]


def test_two_stations_in_one_file_give_the_same_month_twice(tmp_path: Path) -> None:
    content = collection(feature(*JANUARY_UTC, 600), feature(*JANUARY_UTC, 610))
    assert refusal(tmp_path, "dmi.json", content) == (
        "dmi.json: objekt 2, felt from: 2024-01 står allerede i objekt 1"
    )


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    assert refusal(
        tmp_path, "dmi.json", '{\n  "type": "FeatureCollection",\n  "features": [,]\n}'
    ) == ("dmi.json: linje 3: ugyldig JSON i kolonne 16: Expecting value")


def test_json_that_is_not_a_feature_collection_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dmi.json", '{"type": "Feature"}') == (
        "dmi.json: forventede en GeoJSON FeatureCollection fra DMI's climateData med en liste "
        'features, fik {"type": "Feature"}'
    )


def test_a_dmi_response_without_months_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path, "dmi.json", collection()) == (
        "dmi.json: filen har ingen måneder (features er tom)"
    )
