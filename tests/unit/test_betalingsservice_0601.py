"""Betalingsservice delivery 0601: the collections a utility sends for customers with a mandate.

The sample delivery is a golden file, byte for byte (rewrite with --update-golden or
HEATBILL_UPDATE_GOLDEN=1 and review the diff). A reader written here from the documented
layout — not the writer's code — checks what Nets checks first: every record is 128
characters, ends in CRLF, the records come in order, and the section and delivery trailers
carry the right counts and net amount. A property runs that reader over any delivery.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.betalingsservice_0601 import (
    Collection,
    Creditor,
    Debtor,
    Delivery,
    write_0601,
)
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "betalingsservice"
CREATED = date(2026, 2, 10)
DUE = date(2026, 3, 2)
CREDITOR = Creditor(
    data_supplier_number="12345678",
    pbs_number="87654321",
    debtor_group=1,
    reg_number="9570",
    account_number="0012345678",
    heading="Vestervig Fjernvarme A.m.b.a.",
    user_id="HEATBILL",
)


def collection(customer: int, kroner: str, **changes: object) -> Collection:
    item = Collection(
        customer_number=customer,
        mandate_number=100_000 + customer,
        due_date=DUE,
        amount=Money.kroner(kroner),
        reference=payment_id_for_open_item(5000 + customer),
    )
    return replace(item, **changes)  # type: ignore[arg-type]


SAMPLE = Delivery(
    CREDITOR,
    delivery_number=17,
    created_on=CREATED,
    collections=(
        collection(1001, "1875.00", text_lines=("Aconto 1. rate 2026", "Målested Åvej 3")),
        collection(
            1002,
            "937.50",
            debtor=Debtor("Jens Ærø", ("Søndergade 12, 1. th.",), "7770"),
            text_lines=("Aconto 1. rate 2026",),
        ),
        collection(1003, "12406.25"),
    ),
)


# --- a reader of the documented layout ------------------------------------------------------
def read_back(data: bytes) -> list[str]:
    """The records, after checking what a receiver checks before reading any field."""
    assert data.endswith(b"\r\n")
    lines = data.decode("iso-8859-1").split("\r\n")[:-1]
    assert all(len(line) == 128 for line in lines), [len(line) for line in lines]
    assert all(line[:2] == "BS" for line in lines)
    kinds = [line[2:5] for line in lines]
    assert (kinds[0], kinds[1], kinds[-2], kinds[-1]) == ("002", "012", "092", "992")
    assert set(kinds[2:-2]) <= {"022", "042", "052"}
    amounts = [int(line[60:73]) for line in lines if line[2:5] == "042"]
    assert all(line[59] == "1" for line in lines if line[2:5] == "042")  # sign: collect
    counts = {kind: str(kinds.count(kind)).zfill(11) for kind in ("022", "042", "052")}
    net = str(sum(amounts)).zfill(15)
    section_end, delivery_end = lines[-2], lines[-1]
    assert section_end[31:42] == counts["042"]
    assert section_end[42:57] == net
    assert section_end[57:68] == counts["052"]
    assert section_end[83:94] == counts["022"]
    assert delivery_end[20:31] == "00000000001"  # one section
    assert delivery_end[31:42] == counts["042"]
    assert delivery_end[42:57] == net
    assert delivery_end[57:68] == counts["052"]
    assert delivery_end[83:94] == counts["022"]
    return lines


# --- the sample delivery --------------------------------------------------------------------
def test_the_sample_delivery_is_its_golden_file(update_golden: bool) -> None:
    path = GOLDEN / "0601-collections.txt"
    data = write_0601(SAMPLE)
    if update_golden:
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert data == path.read_bytes()


def test_the_sample_passes_the_receivers_checks_and_totals_3_collections() -> None:
    lines = read_back(write_0601(SAMPLE))
    assert lines[-1][42:57] == "000000001521875"  # 1.875,00 + 937,50 + 12.406,25 kr.


def test_the_delivery_start_names_supplier_subsystem_type_number_and_date() -> None:
    start = read_back(write_0601(SAMPLE))[0]
    assert start[5:13] == "12345678"
    assert start[13:16] == "BS1"
    assert start[16:20] == "0601"
    assert start[20:30] == "0000000017"
    assert start[49:55] == "100226"


def test_the_amount_record_puts_each_field_at_its_position() -> None:
    lines = read_back(write_0601(SAMPLE))
    record = next(line for line in lines if line.startswith("BS042") and "1003" in line[27:42])
    assert record[5:13] == "87654321"
    assert record[13:17] == "0280"
    assert record[22:27] == "00001"  # debtor group
    assert record[27:42] == "000000000001003"  # customer number, 15 digits
    assert record[42:51] == "000101003"  # mandate number, 9 digits
    assert record[51:59] == "02032026"  # due date DDMMYYYY
    assert record[60:73] == "0000001240625"  # øre, right-aligned
    assert record[73:103] == payment_id_for_open_item(6003).ljust(30)


def test_name_and_address_come_before_the_amount_and_danish_letters_are_one_byte() -> None:
    data = write_0601(SAMPLE)
    assert "Jens Ærø".encode("iso-8859-1") in data
    lines = read_back(data)
    own = [line for line in lines if line[27:42] == "000000000001002"]
    assert [line[2:5] + line[17:22] for line in own] == [
        "02200001", "02200002", "02200009", "04200000", "05200001",
    ]  # fmt: skip
    assert own[2][66:73] == "7770DK "


# --- what is refused ------------------------------------------------------------------------
def test_a_delivery_lists_every_problem_and_writes_nothing() -> None:
    bad = Delivery(
        replace(CREDITOR, pbs_number="8765432", heading="x" * 61),
        delivery_number=17,
        created_on=CREATED,
        collections=(
            collection(1001, "0.00"),
            collection(1002, "10.00", due_date=CREATED - timedelta(days=1), reference="x" * 31),
            collection(1003, "10.00", text_lines=("Forbrug € 2026",)),
        ),
    )
    with pytest.raises(FileFormatError) as caught:
        write_0601(bad)
    assert caught.value.message.splitlines() == [
        "Betalingsservice-leverance 0601 nr. 17: kreditor, felt PBS-nummer: skal være 8 cifre, "
        'fik "8765432"',
        "Betalingsservice-leverance 0601 nr. 17: kreditor, felt overskrift: "
        f'"{"x" * 61}" er 61 tegn, men feltet har kun plads til 60',
        "Betalingsservice-leverance 0601 nr. 17: opkrævning 1 (kundenr. 1001), felt beløb: "
        "beløbet skal være større end 0 og højst 99.999.999.999,99 kr., fik 0,00 kr.",
        "Betalingsservice-leverance 0601 nr. 17: opkrævning 2 (kundenr. 1002), felt reference: "
        f'"{"x" * 31}" er 31 tegn, men feltet har kun plads til 30',
        "Betalingsservice-leverance 0601 nr. 17: opkrævning 2 (kundenr. 1002), felt "
        "forfaldsdato: forfaldsdatoen 2026-02-09 ligger før leverancens dato 2026-02-10",
        "Betalingsservice-leverance 0601 nr. 17: opkrævning 3 (kundenr. 1003), felt "
        'tekstlinje 1: "Forbrug € 2026" indeholder tegn, som ikke kan skrives i leverancen '
        "(ISO-8859-1, ingen linjeskift eller tabulatorer)",
    ]


def test_an_empty_delivery_is_refused() -> None:
    with pytest.raises(FileFormatError, match="ingen opkrævninger"):
        write_0601(replace(SAMPLE, collections=()))


@pytest.mark.parametrize(
    ("debtor", "message"),
    [
        (Debtor(" ", (), "7770"), "felt navn: må ikke være tomt"),
        (Debtor("A", ("1", "2", "3"), "7770"), "højst 2 adresselinjer, fik 3"),
        (Debtor("A", (), "DK-7770"), 'postnummer med 4 cifre, fik "DK-7770"'),
        (Debtor("A", ("x" * 36,), "7770"), "er 36 tegn, men feltet har kun plads til 35"),
    ],
)
def test_a_debtor_address_must_fit_the_022_records(debtor: Debtor, message: str) -> None:
    with pytest.raises(FileFormatError, match=message):
        write_0601(replace(SAMPLE, collections=(collection(1, "1.00", debtor=debtor),)))


@pytest.mark.parametrize(
    ("customer", "mandate"), [(0, 1), (10**15, 1), (1, -1), (1, 10**9)]
)  # fmt: skip
def test_customer_and_mandate_numbers_must_fit_their_fields(customer: int, mandate: int) -> None:
    item = collection(1, "1.00", customer_number=customer, mandate_number=mandate)
    with pytest.raises(FileFormatError, match="skal være et helt tal fra"):
        write_0601(replace(SAMPLE, collections=(item,)))


# --- property -------------------------------------------------------------------------------
collections = st.builds(
    Collection,
    customer_number=st.integers(min_value=1, max_value=10**15 - 1),
    mandate_number=st.integers(min_value=0, max_value=10**9 - 1),
    due_date=st.dates(min_value=CREATED, max_value=date(2030, 12, 31)),
    amount=st.integers(min_value=1, max_value=10**11).map(Money),
    reference=st.text(alphabet="0123456789ABCÆØÅ -", max_size=30),
    text_lines=st.lists(st.text(alphabet="abcæøå 0123456789,.", max_size=60), max_size=3).map(
        tuple
    ),
)


@given(st.lists(collections, min_size=1, max_size=8))
def test_any_delivery_passes_the_receivers_checks(items: list[Collection]) -> None:
    lines = read_back(write_0601(replace(SAMPLE, collections=tuple(items))))
    assert sum(line[2:5] == "042" for line in lines) == len(items)
    assert int(lines[-1][42:57]) == sum(item.amount.ore for item in items)
