"""The GL CSV and the SAF-T Financial file of a small, readable journal, and the reconciliation.

The journal: two installments (heat + VAT), a payment in full, a partial payment, a payment
charged back (a reversal), a reminder fee outside VAT and a credit note for part of a bill.
Both files are golden files (rewrite with --update-golden and review the diff); the SAF-T file
is also read back: every transaction balances, the totals agree, and the customers' closing
balances add up to the control account's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.gl_csv import gl_lines, write_gl_csv
from heatbill.adapters.formats.saft_entries import line_vat
from heatbill.adapters.formats.saft_financial import (
    SaftAccount,
    SaftAddress,
    SaftAudit,
    SaftCompany,
    SaftCustomer,
    write_saft,
)
from heatbill.domain.ledger import Account, JournalEntry, Posting, Reason
from heatbill.domain.ledger.accounts import DEFAULT_CHART, GlAccount
from heatbill.domain.ledger.journal import BookedEntry
from heatbill.domain.ledger.reconciliation import reconcile
from heatbill.domain.money import VAT_RATE, Money, total

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "accounting"
NS = {"s": "urn:StandardAuditFile-Taxation-Financial:DK"}
R, BANK, HEAT, VAT, FEES = (
    Account.RECEIVABLES,
    Account.BANK,
    Account.HEAT_REVENUE,
    Account.VAT_PAYABLE,
    Account.FEE_REVENUE,
)


def kr(text: str) -> Money:
    return Money.kroner(text)


def booked(
    entry_id: int,
    on: date,
    reason: Reason,
    text: str,
    *postings: Posting,
    reverses: int | None = None,
) -> BookedEntry:
    entry = JournalEntry(on, reason, text, postings, reverses_entry_id=reverses)
    return BookedEntry(entry_id, entry, on)


JOURNAL = [
    booked(
        1,
        date(2026, 1, 2),
        Reason.INSTALLMENT,
        "Acontorate 1/2026; kunde 101",
        Posting(R, kr("3900.00"), 101, 1),
        Posting(HEAT, kr("-3120.00")),
        Posting(VAT, kr("-780.00")),
    ),
    booked(
        2,
        date(2026, 1, 2),
        Reason.INSTALLMENT,
        'Acontorate 1/2026, kunde 102 "Bo"',
        Posting(R, kr("4562.50"), 102, 2),
        Posting(HEAT, kr("-3650.00")),
        Posting(VAT, kr("-912.50")),
    ),
    booked(
        3,
        date(2026, 1, 30),
        Reason.PAYMENT,
        "Indbetaling FI",
        Posting(BANK, kr("3900.00")),
        Posting(R, kr("-3900.00"), 101, 1),
    ),
    booked(
        4,
        date(2026, 1, 30),
        Reason.PAYMENT,
        "Delbetaling",
        Posting(BANK, kr("2000.00")),
        Posting(R, kr("-2000.00"), 102, 2),
    ),
    booked(
        5,
        date(2026, 2, 2),
        Reason.REVERSAL,
        "Betalingsservice afvist (0239)",
        Posting(BANK, kr("-3900.00")),
        Posting(R, kr("3900.00"), 101, 1),
        reverses=3,
    ),
    booked(
        6,
        date(2026, 2, 16),
        Reason.FEE,
        "Rykkergebyr",
        Posting(R, kr("100.00"), 102, 3),
        Posting(FEES, kr("-100.00")),
    ),
    booked(
        7,
        date(2026, 2, 20),
        Reason.CHARGE,
        "Kreditnota til acontorate 1/2026",
        Posting(R, kr("-500.00"), 102, 2),
        Posting(HEAT, kr("400.00")),
        Posting(VAT, kr("100.00")),
    ),
]
CHART = dict(DEFAULT_CHART)


def test_the_gl_csv_has_one_line_per_entry_and_account(update_golden: bool) -> None:
    content = write_gl_csv(gl_lines(JOURNAL, CHART))
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    _golden("gl.csv", content, update_golden)


def test_the_gl_lines_balance_and_keep_the_voucher_number() -> None:
    lines = gl_lines(JOURNAL, CHART)
    assert total(line.amount for line in lines) == Money(0)
    assert {line.voucher for line in lines} == set(range(1, 8))
    reversal = [line for line in lines if line.voucher == 5]
    assert reversal[0].text == "Betalingsservice afvist (0239) (tilbagefører bilag 3)"


def test_two_internal_accounts_on_one_gl_account_are_one_line() -> None:
    chart = {**CHART, Account.VAT_PAYABLE: CHART[Account.HEAT_REVENUE]}
    lines = gl_lines(JOURNAL[:1], chart)
    assert [(line.gl.number, line.amount) for line in lines] == [
        ("5600", kr("3900.00")),
        ("1010", kr("-3900.00")),
    ]


def audit() -> SaftAudit:
    closing = {R: kr("8062.50"), BANK: kr("2000.00"), HEAT: kr("-6370.00"), VAT: kr("-1592.50")}
    closing[FEES] = kr("-100.00")
    seen = {CHART[a].number: a for a in (R, BANK, HEAT, VAT, FEES)}
    return SaftAudit(
        company=SaftCompany(
            "Solrød Fjernvarme a.m.b.a.",
            "12345678",
            SaftAddress.parse("Lerbækvej 17, 2680 Solrød Strand"),
        ),
        start=date(2026, 1, 1),
        end=date(2026, 3, 31),
        created_on=date(2026, 4, 2),
        software_version="0.1.0",
        accounts=[
            SaftAccount(CHART[a], a.kind, Money(0), closing[a]) for _, a in sorted(seen.items())
        ],
        customers=[
            SaftCustomer(
                101,
                "Anne Jensen",
                None,
                SaftAddress("Strandvej 3", "2680", "Solrød Strand"),
                Money(0),
                kr("3900.00"),
            ),
            SaftCustomer(
                102,
                "Bo Nielsen ApS",
                "87654321",
                SaftAddress("Havnevej 9", "2680", "Solrød Strand"),
                Money(0),
                kr("4162.50"),
            ),
        ],
        entries=JOURNAL,
        gl_numbers={a.value: gl.number for a, gl in CHART.items()},
    )


def test_the_saft_file(update_golden: bool) -> None:
    _golden("saft-financial.xml", write_saft(audit()), update_golden)


def test_the_saft_file_reads_back_balanced() -> None:
    root = ET.fromstring(write_saft(audit()))
    entries = root.find("s:GeneralLedgerEntries", NS)
    assert entries is not None
    debit = _sum(entries, ".//s:Line/s:DebitAmount/s:Amount")
    credit = _sum(entries, ".//s:Line/s:CreditAmount/s:Amount")
    assert debit == credit == _number(entries, "s:TotalDebit") == _number(entries, "s:TotalCredit")
    assert _number(entries, "s:NumberOfEntries") == len(JOURNAL)
    for transaction in entries.iterfind(".//s:Transaction", NS):
        assert _sum(transaction, ".//s:DebitAmount/s:Amount") == _sum(
            transaction, ".//s:CreditAmount/s:Amount"
        )
    customers = root.findall(".//s:Customer", NS)
    closing = sum(_number(c, "s:ClosingDebitBalance") for c in customers)
    control = next(
        a for a in root.iterfind(".//s:Account", NS) if a.findtext("s:AccountID", "", NS) == "5600"
    )
    assert closing == _number(control, "s:ClosingDebitBalance") == 806250


def test_saft_amounts_have_a_point_and_two_places() -> None:
    text = write_saft(audit()).decode()
    assert "<Amount>3900.00</Amount>" in text
    assert "<ClosingCreditBalance>6370.00</ClosingCreditBalance>" in text
    assert "," not in "".join(e.text or "" for e in ET.fromstring(text).iter() if "Amount" in e.tag)


def test_vat_goes_to_the_heat_lines_of_its_entry_and_not_to_a_fee_outside_vat() -> None:
    assert line_vat(JOURNAL[0].entry) == {1: kr("-780.00")}
    assert line_vat(JOURNAL[5].entry) == {}
    assert line_vat(JOURNAL[6].entry) == {1: kr("100.00")}


@given(st.lists(st.integers(2, 10**8), min_size=1, max_size=4))
def test_the_vat_shares_sum_to_the_vat_booked(nets: list[int]) -> None:
    heat = [Posting(HEAT, Money(-n)) for n in nets]
    vat = Money(-sum(nets)).times(VAT_RATE)
    gross = -(total(p.amount for p in heat) + vat)
    entry = JournalEntry(
        date(2026, 1, 2),
        Reason.INSTALLMENT,
        "Rate",
        (Posting(R, gross, 1, 1), *heat, Posting(VAT, vat)),
    )
    assert total(line_vat(entry).values()) == vat


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lerbækvej 17, 2680 Solrød Strand", SaftAddress("Lerbækvej 17", "2680", "Solrød Strand")),
        ("Postboks 7, Nr. 2, 9000 Aalborg", SaftAddress("Postboks 7, Nr. 2", "9000", "Aalborg")),
        ("Ukendt adresse", SaftAddress("Ukendt adresse", "", "")),
    ],
)
def test_an_address_is_split_into_street_postcode_and_city(
    text: str, expected: SaftAddress
) -> None:
    assert SaftAddress.parse(text) == expected


def test_the_reconciliation_lists_a_customer_whose_items_disagree() -> None:
    chart = dict(CHART)
    found = reconcile(
        date(2026, 2, 28),
        subledger={101: kr("100.00"), 102: kr("50.00")},
        open_items={101: kr("100.00"), 102: kr("40.00")},
        balances={R: kr("150.00"), BANK: kr("-150.00")},
        chart=chart,
    )
    assert not found.balanced
    assert [(d.customer_id, d.difference) for d in found.differences] == [(102, kr("10.00"))]


def test_an_account_mapped_onto_the_control_account_shows_in_the_reconciliation() -> None:
    chart: dict[Account, GlAccount] = {**CHART, Account.UNMATCHED_PAYMENTS: CHART[R]}
    found = reconcile(
        date(2026, 2, 28),
        subledger={101: kr("100.00")},
        open_items={101: kr("100.00")},
        balances={R: kr("100.00"), Account.UNMATCHED_PAYMENTS: kr("-30.00")},
        chart=chart,
    )
    assert found.control == kr("70.00")
    assert not found.balanced
    assert found.differences == ()


def _golden(name: str, content: bytes, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    assert content == path.read_bytes()


def _number(element: ET.Element, path: str) -> int:
    """An amount in øre (or a count) from a SAF-T element's text."""
    text = element.findtext(path, "", NS)
    return int(text.replace(".", "")) if "." in text else int(text)


def _sum(element: ET.Element, path: str) -> int:
    return sum(int((e.text or "0").replace(".", "")) for e in element.iterfind(path, NS))
