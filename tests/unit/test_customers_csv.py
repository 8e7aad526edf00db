"""The customer export from a utility's old system: one row per installation.

The valid example (Windows-1252, as old systems and Danish Excel write it) parses to the rows
in its golden JSON (rewrite with --update-golden or HEATBILL_UPDATE_GOLDEN=1 and review the
diff). Each kind of mistake has a broken file and its exact Danish message. A property: any
valid rows written as CSV — either separator, either decimal mark — read back the same.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.customer_rows import (
    CustomerRow,
    MeterValues,
    PartyValues,
    PropertyValues,
)
from heatbill.adapters.formats.customers_csv import COLUMNS, parse_customers_csv
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.adapters.formats.table import ParsedFile
from heatbill.domain.register.installations import MeterSize, PropertyUse, ReadingMethod
from heatbill.domain.register.parties import Contact, Cpr, PartyKind
from heatbill.domain.register.relationships import Role

FILES = Path(__file__).parent.parent / "golden" / "formats" / "customers"
NAME = "kunder.csv"
AS_OF = date(2027, 1, 15)


def refusal(data: bytes | str) -> str:
    with pytest.raises(FileFormatError) as caught:
        parse_customers_csv(data, NAME, as_of=AS_OF)
    return caught.value.message


def golden_text(parsed: ParsedFile[CustomerRow]) -> str:
    fields = {"encoding": parsed.encoding, "delimiter": parsed.delimiter, "sha256": parsed.sha256}
    rows = [dataclasses.asdict(row) for row in parsed.rows]  # CPRs here are made up
    return json.dumps(fields | {"rows": rows}, indent=2, ensure_ascii=False, default=str) + "\n"


def assert_golden(actual: str, path: Path, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert actual == path.read_text(encoding="utf-8")


# --- the valid export -------------------------------------------------------------------------
def test_the_customer_export_parses_to_its_golden_rows(update_golden: bool) -> None:
    parsed = parse_customers_csv((FILES / "customers.csv").read_bytes(), NAME, as_of=AS_OF)
    assert_golden(golden_text(parsed), FILES / "customers.json", update_golden)


def test_the_export_is_windows_1252_with_danish_letters_intact() -> None:
    parsed = parse_customers_csv((FILES / "customers.csv").read_bytes(), NAME, as_of=AS_OF)
    assert (parsed.encoding, parsed.delimiter) == ("cp1252", ";")
    assert parsed.rows[3].customer.name == "Åse Kjærgaard"


def test_a_tenant_row_carries_the_owner_who_is_liable_between_tenants() -> None:
    rows = parse_customers_csv((FILES / "customers.csv").read_bytes(), NAME, as_of=AS_OF).rows
    tenant = rows[1]
    assert (tenant.role, tenant.customer.name) == (Role.TENANT, "Mette Sørensen")
    assert tenant.owner == PartyValues(
        PartyKind.COMPANY,
        "Boligselskabet Strandparken",
        Contact(email="adm@strandparken.example.dk"),
        cvr="12345678",
    )
    assert rows[5].owner is not None
    assert rows[5].owner.cpr == Cpr.parse("020270-1357")
    assert rows[0].owner is None  # an owner's own row


def test_a_company_keeps_its_cvr_and_ean_and_a_person_the_cpr() -> None:
    rows = parse_customers_csv((FILES / "customers.csv").read_bytes(), NAME, as_of=AS_OF).rows
    company, person = rows[2].customer, rows[0].customer
    assert (company.kind, company.cvr, company.ean) == (
        PartyKind.COMPANY,
        "87654321",
        "5790000000005",
    )
    assert (person.kind, person.cpr) == (PartyKind.PERSON, Cpr("0101901234"))


def test_a_meter_without_a_size_is_in_the_smallest_class() -> None:
    rows = parse_customers_csv((FILES / "customers.csv").read_bytes(), NAME, as_of=AS_OF).rows
    assert rows[1].meter == MeterValues(
        "65432102", date(2020, 1, 10), ReadingMethod.REMOTE, MeterSize.UP_TO_30_KW
    )
    assert rows[2].meter.size is MeterSize.OVER_100_KW


def test_the_import_date_itself_is_not_in_the_future() -> None:
    text = (FILES / "customers.csv").read_bytes().replace(b"2026-11-01", b"15-01-2027")
    rows = parse_customers_csv(text, NAME, as_of=AS_OF).rows
    assert rows[5].customer_since == AS_OF


# --- one broken file per kind of mistake ------------------------------------------------------
_OWNER_ONLY = "udfyldes kun for lejere og andelshavere; på denne række er kunden selv ejer"
BROKEN = {
    "duplicate_installation": "linje 5, felt maalested: målested 10002 står allerede i linje 3",
    "duplicate_meter": "linje 5, felt maaler: måler 65432101 står allerede i linje 2",
    "person_with_cvr": (
        "linje 2, felt cvr: en person har ikke CVR-nummer; brug kunde_type virksomhed"
    ),
    "person_with_ean": (
        "linje 2, felt ean: en person har ikke EAN-nummer; brug kunde_type virksomhed"
    ),
    "company_with_cpr": (
        "linje 4, felt cpr: en virksomhed har ikke CPR-nummer; brug kunde_type person"
    ),
    "company_without_cvr": "linje 4, felt cvr: mangler; en virksomhed skal have et CVR-nummer",
    "tenant_without_owner": (
        "linje 3, felt ejer_navn: mangler; for en lejer skal ejeren stå på rækken, da ejeren er "
        "kunde og hæfter mellem to lejere (aalborg 1.7)"
    ),
    "owner_row_with_owner": (
        f"linje 2, felt ejer_navn: {_OWNER_ONLY}\n{NAME}: linje 2, felt ejer_email: {_OWNER_ONLY}"
    ),
    "owner_with_both_ids": (
        "linje 3, felt ejer_cvr: angiv enten ejer_cpr (person) eller ejer_cvr (virksomhed)"
    ),
    "future_dates": (
        "linje 3, felt maaler_opsat: 16-01-2027 ligger efter importdatoen 15-01-2027\n"
        f"{NAME}: linje 3, felt kunde_fra: 01-02-2027 ligger efter importdatoen 15-01-2027"
    ),
    "bad_cpr": "linje 2, felt cpr: CPR-nummer skal skrives DDMMÅÅ-XXXX",
    "cpr_no_such_day": "linje 2, felt cpr: CPR-nummerets dato findes ikke",
    "bad_cvr_and_ean": (
        "linje 4, felt cvr: CVR-nummer skal være 8 cifre\n"
        f"{NAME}: linje 4, felt ean: EAN-nummerets kontrolciffer passer ikke"
    ),
    "bad_contact": (
        "linje 2, felt email: ugyldig e-mailadresse: jens.hansen@example\n"
        f"{NAME}: linje 2, felt mobil: ugyldigt mobilnummer: 2012345"
    ),
    "bad_choices": (
        'linje 2, felt anvendelse: forventede en af bolig, erhverv, fik "Beboelse"\n'
        f'{NAME}: linje 2, felt aflaesning: forventede en af fjern, selv, fik "manuel"\n'
        f"{NAME}: linje 2, felt maalerstoerrelse: forventede en af <30kW, <100kW, >100kW, "
        'fik "30kW"\n'
        f'{NAME}: linje 2, felt kunde_type: forventede en af person, virksomhed, fik "privat"'
    ),
    "bad_yes_no": 'linje 4, felt digital_post: forventede en af ja, nej, fik "j"',
    "bad_property": (
        'linje 4, felt postnr: forventede et postnummer med 4 cifre, fik "DK-2680"\n'
        f'{NAME}: linje 4, felt bbr_areal_m2: skal være større end 0, fik "0"\n'
        f'{NAME}: linje 4, felt rumfang_m3: skal være større end 0, fik "-5"'
    ),
    "exempt_but_digital": (
        "linje 2, felt digital_post: kunden er fritaget for digital post, "
        "så digital_post skal være nej"
    ),
    "missing_values": (
        "linje 3, felt adresse: mangler en værdi\n"
        f"{NAME}: linje 3, felt bbr_areal_m2: mangler en værdi\n"
        f"{NAME}: linje 3, felt maaler_opsat: mangler en værdi"
    ),
}


@pytest.mark.parametrize(("stem", "message"), BROKEN.items(), ids=list(BROKEN))
def test_a_broken_export_is_refused_with_the_exact_messages(stem: str, message: str) -> None:
    assert refusal((FILES / "broken" / f"{stem}.csv").read_bytes()) == f"{NAME}: {message}"


def test_every_broken_export_has_its_expected_message() -> None:
    assert sorted(p.stem for p in (FILES / "broken").glob("*.csv")) == sorted(BROKEN)


def test_a_cpr_number_is_never_repeated_in_a_message() -> None:
    for stem in ("bad_cpr", "cpr_no_such_day", "company_with_cpr", "owner_with_both_ids"):
        data = (FILES / "broken" / f"{stem}.csv").read_bytes()
        assert "1234" not in refusal(data).replace("12345678", "")


def test_a_tenant_whose_owner_columns_are_not_in_the_file_is_refused() -> None:
    header = [c.name for c in COLUMNS if not c.name.startswith("ejer_")]
    data = (FILES / "broken" / "tenant_without_owner.csv").read_text(encoding="utf-8")
    lines = [";".join(line.split(";")[: len(header)]) for line in data.splitlines()]
    assert refusal("\n".join(lines)) == f"{NAME}: {BROKEN['tenant_without_owner']}"


# --- any valid rows survive the round trip through CSV ------------------------------------------
_TEXT = st.text(alphabet='abcæøåÆØÅ Z09,.;"-/', min_size=1, max_size=25).map(str.strip).filter(bool)
_PAST = st.dates(date(1950, 1, 1), AS_OF)
_ROLES = {"ejer": Role.OWNER, "lejer": Role.TENANT, "andelshaver": Role.COOPERATIVE_MEMBER}


@st.composite
def written_customers(draw: st.DrawFn) -> tuple[CustomerRow, dict[str, object]]:
    """A row and the cells an old system would export for it, by column (numbers as Decimal)."""
    person = draw(st.booleans())
    birthday = draw(_PAST)
    cpr = draw(st.none() | st.just(Cpr(f"{birthday:%d%m%y}1234"))) if person else None
    cvr = None if person else draw(st.from_regex(r"[0-9]{8}", fullmatch=True))
    role_word = draw(st.sampled_from(sorted(_ROLES)))
    owner = None if role_word == "ejer" else PartyValues(PartyKind.PERSON, draw(_TEXT), Contact())
    row = CustomerRow(
        line=0,
        installation_number=draw(st.from_regex(r"[0-9]{4,8}", fullmatch=True)),
        property=PropertyValues(
            address=draw(_TEXT),
            postcode=draw(st.from_regex(r"[0-9]{4}", fullmatch=True)),
            city=draw(_TEXT),
            heated_area_m2=draw(st.decimals(min_value="0.01", max_value=10**5, places=2)),
            use=draw(st.sampled_from(PropertyUse)),
            volume_m3=draw(st.none() | st.decimals(min_value=1, max_value=10**6, places=2)),
        ),
        meter=MeterValues(
            draw(st.from_regex(r"[0-9A-Z]{5,10}", fullmatch=True)),
            draw(_PAST),
            draw(st.sampled_from(ReadingMethod)),
            draw(st.sampled_from(MeterSize)),
        ),
        customer=PartyValues(
            PartyKind.PERSON if person else PartyKind.COMPANY, draw(_TEXT), Contact(), cpr, cvr
        ),
        role=_ROLES[role_word],
        customer_since=draw(_PAST),
        owner=owner,
    )
    return row, _cells(row, role_word)


def _cells(row: CustomerRow, role_word: str) -> dict[str, object]:
    prop, meter, customer = row.property, row.meter, row.customer
    return {
        "maalested": row.installation_number,
        "adresse": prop.address,
        "postnr": prop.postcode,
        "by": prop.city,
        "bbr_areal_m2": prop.heated_area_m2,
        "rumfang_m3": prop.volume_m3,
        "anvendelse": _WORD_OF[prop.use],
        "maaler": meter.serial,
        "maaler_opsat": f"{meter.installed_on:%d-%m-%Y}",
        "aflaesning": _WORD_OF[meter.method],
        "maalerstoerrelse": _WORD_OF[meter.size],
        "kunde_type": "person" if customer.kind is PartyKind.PERSON else "virksomhed",
        "navn": customer.name,
        "cpr": customer.cpr.formatted() if customer.cpr else None,
        "cvr": customer.cvr,
        "digital_post": "ja",
        "fritaget_digital_post": "nej",
        "rolle": role_word,
        "kunde_fra": row.customer_since.isoformat(),
        "ejer_navn": row.owner.name if row.owner else None,
    }


_DANISH: dict[str, object] = {
    "bolig": PropertyUse.HOUSING,
    "erhverv": PropertyUse.BUSINESS,
    "fjern": ReadingMethod.REMOTE,
    "selv": ReadingMethod.SELF,
    "<30kW": MeterSize.UP_TO_30_KW,
    "<100kW": MeterSize.UP_TO_100_KW,
    ">100kW": MeterSize.OVER_100_KW,
}
_WORD_OF = {member: word for word, member in _DANISH.items()}


def as_csv(rows: list[dict[str, object]], delimiter: str, decimal_mark: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([column.name for column in COLUMNS])
    for cells in rows:
        writer.writerow([_cell(cells.get(column.name), decimal_mark) for column in COLUMNS])
    return out.getvalue()


def _cell(value: object, decimal_mark: str) -> object:
    if isinstance(value, Decimal):
        return f"{value:f}".replace(".", decimal_mark)
    return "" if value is None else value


@given(
    st.lists(
        written_customers(),
        min_size=1,
        max_size=8,
        unique_by=(lambda w: w[0].installation_number, lambda w: w[0].meter.serial),
    ),
    st.sampled_from([";", ","]),
    st.sampled_from([",", "."]),
    st.sampled_from(["utf-8", "cp1252"]),
)
def test_any_valid_customer_rows_written_as_csv_read_back_as_the_same_rows(
    written: list[tuple[CustomerRow, dict[str, object]]],
    delimiter: str,
    decimal_mark: str,
    encoding: str,
) -> None:
    text = as_csv([cells for _, cells in written], delimiter, decimal_mark)
    parsed = parse_customers_csv(text.encode(encoding), NAME, as_of=AS_OF)
    expected = tuple(
        dataclasses.replace(row, line=n) for n, (row, _) in enumerate(written, start=2)
    )
    assert parsed.rows == expected
