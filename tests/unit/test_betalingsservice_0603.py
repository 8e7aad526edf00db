"""Betalingsservice delivery 0603: mandates registered and cancelled, and the active ones.

The sample delivery is a golden file (tests/golden/formats/betalingsservice/0603-mandates.txt)
built field by field from the documented positions (rewrite with --update-golden). When a
customer moves out, the next 0603 carries 0233 "cancelled by the creditor" for the mandate.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.betalingsservice_0603 import Mandate, MandateEvent, parse_0603
from heatbill.adapters.formats.problems import FileFormatError
from tests.unit.bs_files import PBS, SectionSpec, as_bytes, ddmmyy, delivery, num, record

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "betalingsservice"
NAME = "0603.txt"
CREATED = date(2026, 3, 3)
START = date(2024, 9, 1)
END = date(2026, 2, 28)


def mandate(code: str, customer: int, starts: date | None, ends: date | None) -> str:
    return record(
        "042", (6, PBS), (14, code), (18, "000"), (21, "00001"), (26, num(customer, 15)),
        (41, num(100_000 + customer, 9)), (50, ddmmyy(starts)), (56, ddmmyy(ends)),
    )  # fmt: skip


CHANGES = SectionSpec(
    "0212",
    [
        mandate("0231", 1005, date(2026, 3, 1), None),
        mandate("0232", 1006, START, END),
        mandate("0233", 1002, START, END),
        mandate("0234", 1007, None, END),
    ],
    net_ore=0,
)
ACTIVE = SectionSpec("0210", [mandate("0230", 1001, START, None)], net_ore=0)
SAMPLE = delivery("0603", 815, CREATED, [CHANGES, ACTIVE])


def refused(changed: list[str]) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        parse_0603(as_bytes(changed), NAME)
    return caught.value.message.splitlines()


def put(line: str, start: int, value: str) -> str:
    return line[: start - 1] + value + line[start - 1 + len(value) :]


def test_the_sample_delivery_is_its_golden_file(update_golden: bool) -> None:
    path = GOLDEN / "0603-mandates.txt"
    if update_golden:
        path.write_bytes(as_bytes(SAMPLE))
    assert path.read_bytes() == as_bytes(SAMPLE)


def test_the_golden_delivery_reads_every_mandate() -> None:
    parsed = parse_0603((GOLDEN / "0603-mandates.txt").read_bytes(), NAME)
    assert (parsed.delivery_id, parsed.created_on, parsed.pbs_number) == (815, CREATED, PBS)
    assert [(m.line, m.event, m.customer_number) for m in parsed.mandates] == [
        (3, MandateEvent.REGISTERED, 1005),
        (4, MandateEvent.CANCELLED_BY_BANK, 1006),
        (5, MandateEvent.CANCELLED_BY_CREDITOR, 1002),
        (6, MandateEvent.CANCELLED_BY_BETALINGSSERVICE, 1007),
        (9, MandateEvent.ACTIVE, 1001),
    ]


def test_a_mandate_cancelled_by_the_utility_names_customer_mandate_and_dates() -> None:
    moved_out = parse_0603(as_bytes(SAMPLE), NAME).mandates[2]
    assert moved_out == Mandate(
        line=5, event=MandateEvent.CANCELLED_BY_CREDITOR, debtor_group=1, customer_number=1002,
        mandate_number=101_002, starts_on=START, ends_on=END,
    )  # fmt: skip
    assert moved_out.event.is_cancellation


def test_a_new_mandate_has_no_end_date() -> None:
    new = parse_0603(as_bytes(SAMPLE), NAME).mandates[0]
    assert (new.starts_on, new.ends_on, new.event.is_cancellation) == (
        date(2026, 3, 1), None, False,
    )  # fmt: skip


def test_lf_line_ends_read_the_same() -> None:
    lf = parse_0603(as_bytes(SAMPLE, "\n"), NAME)
    assert lf.mandates == parse_0603(as_bytes(SAMPLE), NAME).mandates


def test_a_wrong_section_count_is_refused() -> None:
    changed = list(SAMPLE)
    changed[6] = put(changed[6], 32, num(3, 11))
    assert refused(changed) == [
        "0603.txt: linje 7, felt antal BS042: sektionsslut siger 3 beløbsrecords (BS042), "
        "men der er 4"
    ]


def test_a_wrong_delivery_count_and_an_amount_where_none_belongs_are_refused() -> None:
    changed = list(SAMPLE)
    changed[-1] = put(put(changed[-1], 21, num(1, 11)), 43, num(100, 15))
    assert refused(changed) == [
        "0603.txt: linje 11, felt antal sektioner: leveranceslut siger 1 sektioner, men der er 2",
        "0603.txt: linje 11, felt nettobeløb: leveranceslut siger nettobeløb 1,00 kr., men "
        "beløbsrecordene giver 0,00 kr.",
    ]


def test_a_bad_date_is_refused() -> None:
    changed = list(SAMPLE)
    changed[2] = put(changed[2], 50, "010x26")
    assert refused(changed) == [
        '0603.txt: linje 3, felt startdato: forventede en dato som DDMMÅÅ, fik "010x26"'
    ]


def test_a_cancellation_without_an_end_date_is_refused() -> None:
    changed = list(SAMPLE)
    changed[3] = put(changed[3], 56, "000000")
    assert refused(changed) == [
        '0603.txt: linje 4, felt slutdato: forventede en dato som DDMMÅÅ, fik "000000"'
    ]


def test_a_mandate_that_ends_before_it_starts_is_refused() -> None:
    changed = list(SAMPLE)
    changed[3] = put(changed[3], 56, "310824")
    assert refused(changed) == [
        "0603.txt: linje 4, felt slutdato: aftalens slutdato 2024-08-31 ligger før dens "
        "startdato 2024-09-01"
    ]


def test_a_bad_customer_number_is_refused() -> None:
    changed = list(SAMPLE)
    changed[4] = put(changed[4], 26, "00000000000 002")
    assert refused(changed) == [
        '0603.txt: linje 5, felt kundenr.: forventede 15 cifre, fik "00000000000 002"'
    ]


def test_an_unknown_record_type_and_a_payment_code_are_refused() -> None:
    changed = list(SAMPLE)
    changed[2] = put(changed[2], 14, "0236")
    changed[3] = put(changed[3], 1, "XS042")
    assert refused(changed) == [
        '0603.txt: linje 3, felt transaktionskode: ukendt transaktionskode "0236" i sektion '
        "0212; forventede en af 0231, 0232, 0233, 0234",
        '0603.txt: linje 4, felt recordtype: ukendt recordtype "XS042"; forventede BS002, '
        "BS012, BS022, BS042, BS052, BS062, BS092 eller BS992",
        "0603.txt: linje 7, felt antal BS042: sektionsslut siger 4 beløbsrecords (BS042), "
        "men der er 3",
        "0603.txt: linje 11, felt antal BS042: leveranceslut siger 5 beløbsrecords (BS042), "
        "men der er 4",
    ]


def test_a_truncated_delivery_is_refused() -> None:
    assert refused(list(SAMPLE[:-1])) == [
        "0603.txt: linje 10: leverancen slutter uden leveranceslut (BS992); filen er sikkert "
        "ikke kommet helt med"
    ]


def test_an_unknown_section_is_refused() -> None:
    changed = list(SAMPLE)
    changed[7] = put(changed[7], 14, "0211")
    changed[9] = put(changed[9], 14, "0211")
    assert refused(changed) == [
        '0603.txt: linje 8, felt sektionsnr.: ukendt sektion "0211"; forventede en af 0210, '
        "0212, 0219"
    ]


@given(st.lists(st.sampled_from(["0231", "0232", "0233", "0234"]), max_size=20))
def test_every_mandate_record_is_read_and_counted(codes: list[str]) -> None:
    body = [
        mandate(code, n, START, None if code == "0231" else END)
        for n, code in enumerate(codes, start=1)
    ]
    parsed = parse_0603(as_bytes(delivery("0603", 1, CREATED, [SectionSpec("0212", body, 0)])),
                        NAME)  # fmt: skip
    assert [m.event.value for m in parsed.mandates] == codes
