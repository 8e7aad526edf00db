"""Refunds out as a pain.001.001.03 credit transfer file for the utility's bank.

The sample order is a golden file (rewrite with --update-golden and review the diff); it is
also read back as XML, independently of the writer: the group header's and the block's
NbOfTxs and CtrlSum equal the count and the sum of the transactions. A Hypothesis property
does the same for any order. Each kind of mistake is refused with its exact message.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.formats.pain001 import NAMESPACE, write_pain001
from heatbill.adapters.formats.pain001_order import (
    DanishAccount,
    Debtor,
    Iban,
    NemKonto,
    PaymentOrder,
    Refund,
)
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "pain001"
NS = {"p": NAMESPACE}
DEBTOR = Debtor("Vestervig Fjernvarme A.m.b.a.", "DK4395700012345678", "DABADKKK")
SAMPLE = PaymentOrder(
    message_id="HB-REFUNDS-2026-03-05",
    created_at=datetime(2026, 3, 5, 9, 30, tzinfo=UTC),
    execution_date=date(2026, 3, 6),
    debtor=DEBTOR,
    refunds=(
        Refund("HB-REFUND-17", Money.kroner("250.00"), "Karen Møller",
               DanishAccount("9570", "12345"), "Tilbagebetaling varmeafregning 2025"),
        Refund("HB-REFUND-18", Money.kroner("1234.56"), "Åvej 3 Holding ApS",
               Iban("DK9520000123456789"), "Tilbagebetaling, kundenr. 1003"),
    ),
)  # fmt: skip


def read_back(data: bytes) -> ET.Element:
    """The document, after checking what the bank checks first: the counts and sums."""
    root = ET.fromstring(data)
    amounts = [Decimal(a.text or "") for a in root.iterfind(".//p:InstdAmt", NS)]
    for path in ("p:CstmrCdtTrfInitn/p:GrpHdr", "p:CstmrCdtTrfInitn/p:PmtInf"):
        block = root.find(path, NS)
        assert block is not None
        assert block.findtext("p:NbOfTxs", namespaces=NS) == str(len(amounts))
        assert Decimal(block.findtext("p:CtrlSum", namespaces=NS) or "") == sum(amounts)
    return root


def refused(order: PaymentOrder) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        write_pain001(order)
    return caught.value.message.splitlines()


def test_the_sample_order_is_its_golden_file(update_golden: bool) -> None:
    path = GOLDEN / "refunds.pain001.001.03.xml"
    data = write_pain001(SAMPLE)
    if update_golden:
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_the_file_reads_back_with_its_control_sum_and_count() -> None:
    root = read_back(write_pain001(SAMPLE))
    assert root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == "1484.56"
    assert root.findtext(".//p:GrpHdr/p:CreDtTm", namespaces=NS) == "2026-03-05T09:30:00Z"
    assert root.findtext(".//p:ReqdExctnDt", namespaces=NS) == "2026-03-06"
    assert root.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == "DK4395700012345678"


def test_a_danish_account_is_a_bban_with_its_reg_no_as_clearing_member() -> None:
    first = read_back(write_pain001(SAMPLE)).find(".//p:CdtTrfTxInf", NS)
    assert first is not None
    assert first.findtext("p:PmtId/p:EndToEndId", namespaces=NS) == "HB-REFUND-17"
    assert first.findtext("p:CdtrAcct/p:Id/p:Othr/p:Id", namespaces=NS) == "95700000012345"
    assert first.findtext("p:CdtrAcct/p:Id/p:Othr/p:SchmeNm/p:Cd", namespaces=NS) == "BBAN"
    member = "p:CdtrAgt/p:FinInstnId/p:ClrSysMmbId"
    assert first.findtext(f"{member}/p:ClrSysId/p:Cd", namespaces=NS) == "DKNCC"
    assert first.findtext(f"{member}/p:MmbId", namespaces=NS) == "9570"
    assert first.findtext("p:Cdtr/p:Nm", namespaces=NS) == "Karen Møller"


def test_nemkonto_is_written_only_when_the_utility_has_the_agreement() -> None:
    refund = replace(SAMPLE.refunds[0], account=NemKonto("12345678"))
    order = replace(SAMPLE, refunds=(refund,))
    assert refused(order) == [
        "betalingsfil (pain.001) HB-REFUNDS-2026-03-05: tilbagebetaling 1 (HB-REFUND-17): "
        "felt modtagers konto: udbetaling til NemKonto kræver en NemKonto-aftale med banken "
        "(kun for offentlige myndigheder); brug kundens kontonummer"
    ]
    root = read_back(write_pain001(replace(order, nemkonto_agreed=True)))
    other = ".//p:CdtrAcct/p:Id/p:Othr"
    assert root.findtext(f"{other}/p:Id", namespaces=NS) == "12345678"
    assert root.findtext(f"{other}/p:SchmeNm/p:Prtry", namespaces=NS) == "NEMKONTO"


def test_an_order_lists_every_problem_and_writes_nothing() -> None:
    bad = replace(
        SAMPLE,
        debtor=replace(DEBTOR, iban="DK4395700012345679"),
        refunds=(
            replace(SAMPLE.refunds[0], amount=Money(0)),
            replace(SAMPLE.refunds[1], end_to_end_id="HB-REFUND-17", remittance="x" * 141),
            Refund("HB-3", Money(100), "A", DanishAccount("957", "1"), "€ tilbage"),
        ),
    )
    source = "betalingsfil (pain.001) HB-REFUNDS-2026-03-05: "
    assert refused(bad) == [
        source + 'felt afsenders IBAN: "DK4395700012345679" er ikke et gyldigt IBAN '
        "(kontrolcifrene passer ikke)",
        source + "tilbagebetaling 1 (HB-REFUND-17): felt beløb: beløbet skal være større end "
        "0, fik 0,00 kr.",
        source + "tilbagebetaling 2 (HB-REFUND-17): felt tekst til modtager: er 141 tegn, men "
        "feltet har kun plads til 140",
        source + "tilbagebetaling 2 (HB-REFUND-17): samme end-to-end-id som tilbagebetaling 1",
        source + 'tilbagebetaling 3 (HB-3): felt tekst til modtager: "€ tilbage" indeholder '
        "tegn, som banken ikke tager imod (ISO-8859-1, ingen linjeskift)",
        source + "tilbagebetaling 3 (HB-3): felt modtagers konto: forventede reg.nr. med 4 "
        'cifre og kontonr. med højst 10 cifre, fik "957 1"',
    ]


def test_an_empty_order_is_refused() -> None:
    assert refused(replace(SAMPLE, refunds=())) == [
        "betalingsfil (pain.001) HB-REFUNDS-2026-03-05: filen har ingen tilbagebetalinger"
    ]


refunds = st.builds(
    Refund,
    end_to_end_id=st.uuids().map(lambda u: u.hex[:35]),
    amount=st.integers(min_value=1, max_value=10**13).map(Money),
    creditor_name=st.text(alphabet="abcæøå ABC", min_size=1, max_size=70).filter(str.strip),
    account=st.just(DanishAccount("9570", "12345")),
    remittance=st.text(alphabet="abc 0123456789", min_size=1, max_size=140).filter(str.strip),
)


@given(st.lists(refunds, min_size=1, max_size=10, unique_by=lambda r: r.end_to_end_id))
def test_any_order_carries_its_exact_control_sum(items: list[Refund]) -> None:
    root = read_back(write_pain001(replace(SAMPLE, refunds=tuple(items))))
    stated = Decimal(root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) or "")
    assert stated * 100 == sum(item.amount.ore for item in items)
