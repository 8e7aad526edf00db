"""camt.053 bank statements: the public samples (read from ../shared/samples when present) and
heatbill's own DKK statements with FI payment ids as structured creditor references.

Each refused statement names the line and the element; the balance check (opening + booked
entries = closing) has a Hypothesis property.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.camt053 import Transaction, parse_camt053
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "camt053"
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "camt053"
OWN_08 = GOLDEN / "dk-fi-payments.camt053.001.08.xml"
OWN_02 = GOLDEN / "dk-transfer.camt053.001.02.xml"


def sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"public sample {name} not here (../shared/samples is the dev workspace's)")
    return path.read_bytes()


def refused(data: bytes, **options: str | None) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        parse_camt053(data, "camt.xml", **options)
    return caught.value.message.splitlines()


def changed(path: Path, old: str, new: str) -> bytes:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


# --- heatbill's own statements ------------------------------------------------------------
def test_a_danish_day_statement_reads_with_its_fi_payment_ids() -> None:
    parsed = parse_camt053(OWN_08.read_bytes(), OWN_08.name)
    assert (parsed.version, parsed.message_id) == ("08", "DK20260302-VESTERVIG-0001")
    (statement,) = parsed.statements
    assert (statement.statement_id, statement.account) == ("STMT-2026-061", "DK4395700012345678")
    assert (statement.opening, statement.closing) == (
        Money.kroner("100000.00"), Money.kroner("115468.75"),
    )  # fmt: skip
    references = [t.creditor_reference for e in statement.entries for t in e.transactions]
    assert references[:3] == [payment_id_for_open_item(n) for n in (6001, 6002, 6003)]
    assert [e.amount for e in statement.entries] == [
        Money.kroner(k) for k in ("1875.00", "13343.75", "500.00", "-250.00", "100.00")
    ]


def test_a_batch_entry_keeps_each_payment_with_its_own_amount_and_payer() -> None:
    batch = parse_camt053(OWN_08.read_bytes(), OWN_08.name).statements[0].entries[1]
    assert batch.line == 61
    assert [(t.line, t.amount, t.debtor_name) for t in batch.transactions] == [
        (70, Money.kroner("937.50"), "Anne Søndergaard"),
        (88, Money.kroner("12406.25"), "Åvej 3 Holding ApS"),
    ]


def test_a_transfer_without_a_payment_id_keeps_its_text_and_a_refund_its_end_to_end_id() -> None:
    entries = parse_camt053(OWN_08.read_bytes(), OWN_08.name).statements[0].entries
    transfer, refund, pending = entries[2], entries[3], entries[4]
    assert transfer.transactions[0].unstructured == "Kundenr 1004 aconto marts"
    assert transfer.transactions[0].creditor_reference is None
    assert (refund.transactions[0].end_to_end_id, refund.transactions[0].amount) == (
        "HB-REFUND-17", Money.kroner("-250.00"),
    )  # fmt: skip
    assert pending.status == "PDNG"  # kept, but not in the balance: 100.000 + 15.468,75


def test_the_older_version_02_reads_the_same_things() -> None:
    (statement,) = parse_camt053(OWN_02.read_bytes(), OWN_02.name).statements
    assert statement.account == "95700012345678"
    assert statement.opening == Money.kroner("115468.75")  # PRCD, no OPBD
    (entry,) = statement.entries
    assert (entry.booked_on, entry.value_on) == (date(2026, 3, 3), date(2026, 3, 4))
    assert entry.transactions == (
        Transaction(34, Money.kroner("1875.00"), "E2E-42", None, "Betaling af regning 6001",
                    "Jens Ærø"),
    )  # fmt: skip


# --- the public samples -------------------------------------------------------------------
def test_a_swiss_sample_reads_whole_and_is_then_refused_for_its_currency() -> None:
    data = sample("ch-postfinance-camt053.001.04.xml")
    (statement,) = parse_camt053(data, "ch.xml", currency=None).statements
    (entry,) = statement.entries
    assert [t.creditor_reference for t in entry.transactions] == [
        "302388292000011111111111111", "302388292000022222222222222",
    ]  # fmt: skip
    assert sum(t.amount.ore for t in entry.transactions if t.amount) == entry.amount.ore
    assert refused(data) == [
        "camt.xml: linje 13, felt Stmt/Bal/Amt: beløbet er i CHF; heatbill bogfører kun DKK",
        "camt.xml: linje 53, felt Ntry/Amt: beløbet er i CHF; heatbill bogfører kun DKK",
    ]


def test_a_dutch_sample_whose_balances_do_not_add_up_is_refused_with_both_reasons() -> None:
    data = sample("nl-abn-camt053.001.02.xml")
    messages = refused(data)
    assert messages[0] == (
        "camt.xml: linje 7, felt Bal (CLBD): primosaldo 15.568,27 plus de bogførte posteringer "
        "-12,99 giver 15.555,28, men slutsaldoen er 15.121,12"
    )
    assert messages[1:] == [
        "camt.xml: linje 7, felt Stmt/Bal/Amt: beløbet er i EUR; heatbill bogfører kun DKK",
        *(f"camt.xml: linje {n}, felt Ntry/Amt: beløbet er i EUR; heatbill bogfører kun DKK"
          for n in (50, 113, 228)),
    ]  # fmt: skip


# --- what is refused ----------------------------------------------------------------------
def test_a_closing_balance_that_does_not_follow_is_refused() -> None:
    data = changed(OWN_08, "115468.75", "115468.76")
    assert refused(data) == [
        "camt.xml: linje 11, felt Bal (CLBD): primosaldo 100.000,00 plus de bogførte "
        "posteringer 15.468,75 giver 115.468,75, men slutsaldoen er 115.468,76"
    ]


def test_transactions_that_do_not_add_up_to_their_entry_are_refused() -> None:
    data = changed(OWN_08, '<Amt Ccy="DKK">937.50</Amt>', '<Amt Ccy="DKK">937.00</Amt>')
    assert refused(data) == [
        "camt.xml: linje 61, felt Ntry/NtryDtls: transaktionerne i posteringen giver "
        "13.343,25, men posteringens beløb er 13.343,75"
    ]


def test_an_amount_with_three_decimals_is_refused() -> None:
    data = changed(OWN_08, '<Amt Ccy="DKK">1875.00</Amt>', '<Amt Ccy="DKK">1875.001</Amt>')
    assert refused(data) == [
        "camt.xml: linje 33, felt Ntry/Amt: forventede et beløb som 1234.56 (højst 2 "
        'decimaler), fik "1875.001"'
    ]


def test_a_bad_booking_date_is_refused() -> None:
    data = changed(OWN_08, "<BookgDt><Dt>2026-03-02</Dt>", "<BookgDt><Dt>2026-02-30</Dt>")
    assert refused(data) == [
        'camt.xml: linje 32, felt Ntry/BookgDt: forventede en dato som 2026-03-02, fik "2026-02-30"'
    ]


def test_a_missing_closing_balance_is_refused() -> None:
    data = changed(OWN_08, "<Cd>CLBD</Cd>", "<Cd>ITBD</Cd>")
    assert refused(data) == [
        "camt.xml: linje 11, felt Stmt/Bal: kontoudtoget har ingen saldo af typen CLBD"
    ]


def test_a_payment_message_is_not_a_statement() -> None:
    data = changed(OWN_08, 'camt.053.001.08"', 'pain.001.001.09"')
    assert refused(data) == [
        "camt.xml: linje 1: forventede et camt.053-kontoudtog (Document i "
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN, version 02, 03, 04, 05, 06, 07, 08, "
        '09, 10, 11, 12, 13), fik "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09 Document"'
    ]


def test_a_truncated_file_is_refused_with_the_line_where_it_stops() -> None:
    assert refused(OWN_08.read_bytes()[:2000]) == [
        "camt.xml: linje 53: filen er ikke gyldig XML (XML-læserens besked: unclosed token)"
    ]


def test_a_doctype_is_refused_before_any_entity_is_read() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'
    assert refused(bomb) == [
        "camt.xml: linje 1: filen har en dokumenttypeerklæring (DOCTYPE); en ISO "
        "20022-meddelelse har ingen, og heatbill læser ikke filer med en"
    ]


# --- property -----------------------------------------------------------------------------
def statement_xml(opening_ore: int, moves: list[int], closing_ore: int) -> bytes:
    def amount(ore: int) -> str:
        return f'<Amt Ccy="DKK">{abs(ore) // 100}.{abs(ore) % 100:02d}</Amt>'

    def balance(code: str, ore: int) -> str:
        side = "CRDT" if ore >= 0 else "DBIT"
        return (f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>{amount(ore)}"
                f"<CdtDbtInd>{side}</CdtDbtInd></Bal>")  # fmt: skip

    entries = "".join(
        f"<Ntry>{amount(ore)}<CdtDbtInd>{'CRDT' if ore > 0 else 'DBIT'}</CdtDbtInd>"
        "<Sts><Cd>BOOK</Cd></Sts></Ntry>"
        for ore in moves
    )
    return (
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>'
        "<GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>DK50</IBAN></Id>"
        f"</Acct>{balance('OPBD', opening_ore)}{balance('CLBD', closing_ore)}{entries}</Stmt>"
        "</BkToCstmrStmt></Document>"
    ).encode()


ore = st.integers(min_value=-(10**12), max_value=10**12)


@given(ore, st.lists(ore.filter(bool), max_size=10), st.integers(-3, 3))
def test_a_statement_reads_exactly_when_opening_plus_entries_is_closing(
    opening: int, moves: list[int], off_by: int
) -> None:
    data = statement_xml(opening, moves, opening + sum(moves) + off_by)
    if off_by:
        with pytest.raises(FileFormatError, match="slutsaldoen"):
            parse_camt053(data, "s.xml")
    else:
        (statement,) = parse_camt053(data, "s.xml").statements
        assert statement.closing - statement.opening == Money(sum(moves))
