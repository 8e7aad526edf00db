"""Betalingsservice delivery 0602: what became of the collections, and payment-slip payments.

The sample delivery is a golden file (tests/golden/formats/betalingsservice/0602-payments.txt),
built here field by field from the documented positions (rewrite with --update-golden and
review the diff). Each kind of mistake is refused with its exact message: line and field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.betalingsservice_0602 import (
    BsPayment,
    PaymentKind,
    Sign,
    parse_0602,
)
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from tests.unit.bs_files import PBS, SectionSpec, as_bytes, ddmmyy, delivery, num, record

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "betalingsservice"
NAME = "0602.txt"
CREATED = date(2026, 3, 10)
DUE = date(2026, 3, 2)


def automatic(
    code: str, customer: int, amount_ore: int, *, sign: str = "1", paid_ore: int | None = None,
    paid_on: date | None = DUE, reference: str = "",
) -> str:  # fmt: skip
    paid = amount_ore if paid_ore is None else paid_ore
    return record(
        "042", (6, PBS), (14, code), (18, "000"), (21, "00001"), (26, num(customer, 15)),
        (41, num(100_000 + customer, 9)), (50, ddmmyy(DUE)), (56, sign),
        (57, num(amount_ore, 13)), (70, reference), (104, ddmmyy(paid_on)),
        (110, ddmmyy(paid_on)), (116, num(paid, 13)),
    )  # fmt: skip


def slip(code: str, payer_id: str, amount_ore: int, *, card: str = "71", sign: str = "1") -> str:
    return record(
        "042", (6, PBS), (14, code), (18, "000"), (21, "00001"), (26, "0000"), (30, payer_id),
        (45, card), (47, "0"), (48, "00000"), (53, ddmmyy(DUE)), (59, sign),
        (60, num(amount_ore, 13)), (73, num(0, 9)), (82, "ARK0000000000000000042"),
        (104, ddmmyy(DUE)), (110, ddmmyy(DUE)), (116, num(amount_ore, 13)),
    )  # fmt: skip


PAID_ID = payment_id_for_open_item(6001)
SLIP_ID = payment_id_for_open_item(7001)
AUTOMATIC = SectionSpec(
    "0211",
    [
        automatic("0236", 1001, 187_500, reference=PAID_ID),
        automatic("0237", 1002, 93_750, paid_ore=0, paid_on=None),
        automatic("0238", 1003, 1_240_625, paid_ore=0, paid_on=None),
        automatic("0239", 1004, 50_000, sign="2", reference="Aconto marts"),
    ],
    net_ore=187_500 - 50_000,
)
SLIPS = SectionSpec(
    "0215",
    [
        record(
            "022",
            (6, PBS),
            (14, "0240"),
            (18, "00001"),
            (26, "0000"),
            (30, SLIP_ID),
            (52, "Søren Ærø"),
        ),
        slip("0297", SLIP_ID, 250_000),
        record("052", (6, PBS), (14, "0241"), (18, "00001"), (53, "Tak for sidst")),
    ],
    net_ore=250_000,
)
SAMPLE = delivery("0602", 4711, CREATED, [AUTOMATIC, SLIPS])


def lines() -> list[str]:
    return list(SAMPLE)


def refused(changed: list[str]) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        parse_0602(as_bytes(changed), NAME)
    return caught.value.message.splitlines()


def put(line: str, start: int, value: str) -> str:
    return line[: start - 1] + value + line[start - 1 + len(value) :]


# --- the sample delivery ------------------------------------------------------------------
def test_the_sample_delivery_is_its_golden_file(update_golden: bool) -> None:
    path = GOLDEN / "0602-payments.txt"
    if update_golden:
        path.write_bytes(as_bytes(SAMPLE))
    assert path.read_bytes() == as_bytes(SAMPLE)


def test_the_golden_delivery_reads_whole() -> None:
    parsed = parse_0602((GOLDEN / "0602-payments.txt").read_bytes(), NAME)
    assert (parsed.delivery_id, parsed.created_on) == (4711, CREATED)
    assert (parsed.data_supplier_number, parsed.pbs_number) == ("12345678", PBS)
    assert [p.kind for p in parsed.payments] == [
        PaymentKind.PAID, PaymentKind.REJECTED, PaymentKind.CANCELLED,
        PaymentKind.CHARGED_BACK, PaymentKind.SLIP_PAID,
    ]  # fmt: skip
    assert [p.line for p in parsed.payments] == [3, 4, 5, 6, 10]
    assert parsed.net == Money.kroner("3875.00")  # 1.875 − 500 + 2.500


def test_a_paid_collection_names_customer_mandate_dates_and_the_payment_id() -> None:
    paid = parse_0602(as_bytes(SAMPLE), NAME).payments[0]
    assert paid == BsPayment(
        line=3, kind=PaymentKind.PAID, amount=Money.kroner("1875.00"), sign=Sign.DEBTOR_PAID,
        paid_amount=Money.kroner("1875.00"), payment_date=DUE, paid_on=DUE, booked_on=DUE,
        customer_number=1001, mandate_number=101_001, reference=PAID_ID,
    )  # fmt: skip
    assert paid.payment_id == PAID_ID


def test_rejected_and_cancelled_collections_move_no_money() -> None:
    _, rejected, cancelled, *_ = parse_0602(as_bytes(SAMPLE), NAME).payments
    assert rejected.amount == Money.kroner("937.50")
    assert (rejected.net, rejected.paid_on, rejected.booked_on) == (Money(0), None, None)
    assert cancelled.net == Money(0)


def test_a_charge_back_is_negative_and_a_text_reference_is_no_payment_id() -> None:
    charged_back = parse_0602(as_bytes(SAMPLE), NAME).payments[3]
    assert charged_back.net == Money.kroner("-500.00")
    assert charged_back.reference == "Aconto marts"
    assert charged_back.payment_id is None


def test_a_payment_slip_payment_carries_the_fi_payment_id_and_card_type() -> None:
    fi = parse_0602(as_bytes(SAMPLE), NAME).payments[4]
    assert (fi.card_type, fi.payment_id, fi.customer_number) == ("71", SLIP_ID, None)
    assert fi.archive_reference == "ARK0000000000000000042"


def test_lf_line_ends_and_trailing_blanks_cut_off_read_the_same() -> None:
    crlf = parse_0602(as_bytes(SAMPLE), NAME)
    lf = parse_0602(as_bytes([line.rstrip() for line in SAMPLE], "\n"), NAME)
    assert lf.payments == crlf.payments


# --- what is refused ----------------------------------------------------------------------
def test_a_section_end_with_the_wrong_count_is_refused() -> None:
    changed = lines()
    changed[6] = put(changed[6], 32, num(5, 11))
    assert refused(changed) == [
        "0602.txt: linje 7, felt antal BS042: sektionsslut siger 5 beløbsrecords (BS042), "
        "men der er 4"
    ]


def test_a_delivery_end_with_the_wrong_total_is_refused() -> None:
    changed = lines()
    changed[-1] = put(changed[-1], 43, num(387_501, 15))
    assert refused(changed) == [
        "0602.txt: linje 13, felt nettobeløb: leveranceslut siger nettobeløb 3.875,01 kr., "
        "men beløbsrecordene giver 3.875,00 kr."
    ]


def test_a_changed_amount_paid_breaks_both_trailers() -> None:
    changed = lines()
    changed[2] = put(changed[2], 116, num(187_400, 13))
    assert refused(changed) == [
        "0602.txt: linje 7, felt nettobeløb: sektionsslut siger nettobeløb 1.375,00 kr., "
        "men beløbsrecordene giver 1.374,00 kr.",
        "0602.txt: linje 13, felt nettobeløb: leveranceslut siger nettobeløb 3.875,00 kr., "
        "men beløbsrecordene giver 3.874,00 kr.",
    ]


def test_a_day_that_does_not_exist_is_refused() -> None:
    changed = lines()
    changed[2] = put(changed[2], 50, "300226")
    assert refused(changed) == [
        '0602.txt: linje 3, felt betalingsdato: forventede en dato som DDMMÅÅ, fik "300226"'
    ]


def test_an_amount_with_a_letter_is_refused() -> None:
    changed = lines()
    changed[2] = put(changed[2], 57, "00000001875O0")
    assert refused(changed) == [
        '0602.txt: linje 3, felt beløb: forventede 13 cifre, fik "00000001875O0"'
    ]


def test_an_unknown_record_type_is_refused() -> None:
    changed = lines()
    changed[3] = put(changed[3], 1, "BS043")
    assert refused(changed) == [
        '0602.txt: linje 4, felt recordtype: ukendt recordtype "BS043"; forventede BS002, '
        "BS012, BS022, BS042, BS052, BS062, BS092 eller BS992",
        "0602.txt: linje 7, felt antal BS042: sektionsslut siger 4 beløbsrecords (BS042), "
        "men der er 3",
        "0602.txt: linje 13, felt antal BS042: leveranceslut siger 5 beløbsrecords (BS042), "
        "men der er 4",
    ]


def test_an_unknown_transaction_code_is_refused() -> None:
    changed = lines()
    changed[3] = put(changed[3], 14, "0297")
    assert refused(changed) == [
        '0602.txt: linje 4, felt transaktionskode: ukendt transaktionskode "0297" i sektion '
        "0211; forventede en af 0236, 0237, 0238, 0239"
    ]


def test_a_delivery_cut_after_a_section_is_refused_as_truncated() -> None:
    assert refused(lines()[:7]) == [
        "0602.txt: linje 7: leverancen slutter uden leveranceslut (BS992); filen er sikkert "
        "ikke kommet helt med"
    ]


def test_a_delivery_cut_inside_a_section_is_refused() -> None:
    assert refused(lines()[:9]) == [
        "0602.txt: linje 9: sektion 0215 slutter ikke med sektionsslut (BS092)",
        "0602.txt: linje 9: leverancen slutter uden leveranceslut (BS992); filen er sikkert "
        "ikke kommet helt med",
    ]


def test_a_payment_id_with_a_wrong_check_digit_is_refused() -> None:
    changed = lines()
    wrong = SLIP_ID[:-1] + str((int(SLIP_ID[-1]) + 1) % 10)
    changed[9] = put(changed[9], 30, wrong)
    assert refused(changed) == [
        f'0602.txt: linje 10, felt betaleridentifikation: betalings-id "{wrong}" har forkert '
        "kontrolciffer; det er sikkert skrevet forkert"
    ]


def test_a_mandate_delivery_is_not_a_payment_delivery() -> None:
    changed = lines()
    changed[0] = put(changed[0], 17, "0603")
    assert refused(changed) == [
        '0602.txt: linje 1, felt leverancetype: forventede "0602", fik "0603"'
    ]


def test_an_empty_file_is_refused() -> None:
    assert refused([]) == [
        "0602.txt: filen er tom; en Betalingsservice-leverance begynder med en BS002-record"
    ]


# --- property -----------------------------------------------------------------------------
outcomes = st.tuples(
    st.sampled_from(["0236", "0237", "0238", "0239"]),
    st.integers(min_value=1, max_value=10**12),
)


@given(st.lists(outcomes, max_size=12), st.lists(st.integers(1, 10**11), max_size=6))
def test_the_net_is_payments_less_charge_backs_and_any_other_total_is_refused(
    automatic_outcomes: list[tuple[str, int]], slip_amounts: list[int]
) -> None:
    body, net = [], 0
    for number, (code, amount) in enumerate(automatic_outcomes, start=1):
        sign, paid = {"0236": ("1", amount), "0239": ("2", amount)}.get(code, ("1", 0))
        body.append(automatic(code, number, amount, sign=sign, paid_ore=paid))
        net += {"1": paid, "2": -paid}[sign]
    slips = [slip("0297", payment_id_for_open_item(n), a) for n, a in enumerate(slip_amounts, 1)]
    if net < 0:  # the trailer has no sign: such a section cannot be stated
        return
    sections = [SectionSpec("0211", body, net), SectionSpec("0215", slips, sum(slip_amounts))]
    parsed = parse_0602(as_bytes(delivery("0602", 1, CREATED, sections)), NAME)
    assert parsed.net == Money(net + sum(slip_amounts))
    assert len(parsed.payments) == len(automatic_outcomes) + len(slip_amounts)
    wrong = [SectionSpec("0211", body, net + 1), sections[1]]
    with pytest.raises(FileFormatError, match="nettobeløb"):
        parse_0602(as_bytes(delivery("0602", 1, CREATED, wrong)), NAME)
