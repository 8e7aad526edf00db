"""FI payments (card type 71) from the utility's bank export, in heatbill's documented layout.

The sample export (tests/golden/formats/fi/fi-payments.csv, Windows-1252 as a Danish online
bank saves it) reads to the payments below. Each kind of mistake is refused with its exact
message naming line and field; properties check that the amounts add up to the øre and that
the fast path for plainly right rows reads exactly what the field-by-field checks read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats import fi_payments
from heatbill.adapters.formats.fi_payments import FiPayment, parse_fi_payments, total_of
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "fi"
HEADER = "dato;beloeb;kortart;betalings_id;kreditornr;arkivreference;navn\n"
ID = payment_id_for_open_item(6001)


def refused(text: str) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        parse_fi_payments(text, "fi.csv")
    return caught.value.message.splitlines()


def test_the_sample_export_reads_every_payment() -> None:
    parsed = parse_fi_payments((GOLDEN / "fi-payments.csv").read_bytes(), "fi-payments.csv")
    assert parsed.encoding == "cp1252"
    assert parsed.rows == (
        FiPayment(2, date(2026, 3, 2), Money.kroner("1875.00"), ID, "87654321",
                  "FI260302000001", "Jens Ærø"),
        FiPayment(3, date(2026, 3, 2), Money.kroner("937.50"), payment_id_for_open_item(6002),
                  "87654321", "FI260302000002", None),
        FiPayment(4, date(2026, 3, 3), Money.kroner("12406.25"),
                  payment_id_for_open_item(6003), "87654321", None, "Søndergaard Holding ApS"),
    )  # fmt: skip
    assert total_of(parsed) == Money.kroner("15218.75")


def test_english_column_names_are_accepted() -> None:
    text = f"date,amount,card_type,payment_id,creditor\n2026-03-02,100,71,{ID},87654321\n"
    assert parse_fi_payments(text, "fi.csv").rows[0].amount == Money.kroner(100)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (f"30-02-2026;10,00;71;{ID};87654321;;",
         'fi.csv: linje 2, felt dato: forventede en dato som 2026-12-31 eller 31-12-2026, '
         'fik "30-02-2026"'),
        (f"02-03-2026;1.875,00;71;{ID};87654321;;",
         'fi.csv: linje 2, felt beloeb: forventede et tal med højst 2 decimaler, fik "1.875,00"'),
        (f"02-03-2026;0;71;{ID};87654321;;",
         'fi.csv: linje 2, felt beloeb: skal være større end 0, fik "0"'),
        (f"02-03-2026;10,00;73;{ID};87654321;;",
         "fi.csv: linje 2, felt kortart: forventede kortart 71 (indbetalingskort med "
         'betalings-id), fik "73"'),
        ("02-03-2026;10,00;71;000000000060013;87654321;;",
         'fi.csv: linje 2, felt betalings_id: betalings-id "000000000060013" har forkert '
         "kontrolciffer; det er sikkert skrevet forkert"),
        ("02-03-2026;10,00;71;6001;87654321;;",
         'fi.csv: linje 2, felt betalings_id: et betalings-id er 15 cifre, fik "6001"'),
        (f"02-03-2026;10,00;71;{ID};12345678;;",
         'fi.csv: linje 2, felt kreditornr: FI-kreditornummeret skal være 8 cifre og begynde '
         'med 8, fik "12345678"'),
        (f"02-03-2026;;71;{ID};87654321;;",
         "fi.csv: linje 2, felt beloeb: mangler en værdi"),
    ],
)  # fmt: skip
def test_a_bad_value_is_refused_with_line_and_field(row: str, message: str) -> None:
    assert refused(HEADER + row + "\n") == [message]


def test_the_same_archive_reference_twice_is_refused() -> None:
    rows = f"02-03-2026;10,00;71;{ID};87654321;A1;\n03-03-2026;20,00;71;{ID};87654321;A1;\n"
    assert refused(HEADER + rows) == [
        "fi.csv: linje 3, felt arkivreference: samme arkivreference står allerede i linje 2"
    ]


def test_a_file_without_the_layouts_columns_is_refused() -> None:
    messages = refused(f"dato;beloeb;betalings_id\n02-03-2026;10,00;{ID}\n")
    assert messages == [
        "fi.csv: linje 1, felt kortart: kolonnen mangler i overskriftslinjen",
        "fi.csv: linje 1, felt kreditornr: kolonnen mangler i overskriftslinjen",
    ]


def test_an_empty_file_is_refused() -> None:
    assert refused("") == [
        "fi.csv: filen er tom; forventede en overskriftslinje og mindst én række"
    ]


@given(st.lists(st.integers(min_value=1, max_value=10**11), min_size=1, max_size=20),
       st.sampled_from([",", "."]))  # fmt: skip
def test_the_payments_add_up_to_the_ore(amounts_ore: list[int], mark: str) -> None:
    lines = [
        f"2026-03-02;{ore // 100}{mark}{ore % 100:02d};71;{payment_id_for_open_item(n)};87654321"
        for n, ore in enumerate(amounts_ore, start=1)
    ]
    text = "dato;beloeb;kortart;betalings_id;kreditornr\n" + "\n".join(lines) + "\n"
    assert total_of(parse_fi_payments(text, "fi.csv")) == Money(sum(amounts_ore))


columns = (
    ["2026-03-02", "02-03-2026", "2026-02-30", "2026-3-2"],
    ["1875,00", "1875.5", "0,01", "0", "0,00", "-5", "1.234,5", "12,345", "1e3"],
    ["71", "73", ""],
    [ID, ID[:-1] + "0", "123"],
    ["87654321", " 87654321 ", "97654321"],
    ["A-1", "A-2", ""],
    ["Jens", " ", ""],
)
rows_of_cells = st.tuples(*(st.sampled_from(choices) for choices in columns))


def read(text: str) -> tuple[FiPayment, ...] | str:
    try:
        return parse_fi_payments(text, "fi.csv").rows
    except FileFormatError as error:
        return error.message


@given(st.lists(rows_of_cells, min_size=1, max_size=4))
def test_a_row_reads_the_same_whether_plainly_right_or_not(rows: list[tuple[str, ...]]) -> None:
    """The fast path for plainly right rows reads exactly what the field-by-field checks read
    (the same payments, or the same refusal naming line and field)."""
    text = HEADER + "".join(";".join(row) + "\n" for row in rows)
    fast = read(text)
    with patch.object(fi_payments._FastPath, "payment", lambda _self, _row: None):
        assert read(text) == fast
