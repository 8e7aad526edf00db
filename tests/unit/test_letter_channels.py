"""The channel chain of `solrod 1.5`, and the digital post package."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

from heatbill.adapters.letters.digital_post import DigitalLetter, DigitalPostBatch
from heatbill.domain.letter_channels import channel_chain, sms_notice
from heatbill.domain.register.parties import Contact
from heatbill.domain.rulebook.customers import Channel

SOLROD = (Channel.DIGITAL_POST, Channel.EMAIL, Channel.SMS)
EVERYTHING = {Channel.DIGITAL_POST, Channel.EMAIL, Channel.PAPER}


def test_digital_post_first_then_email_then_paper() -> None:
    contact = Contact(email="jens@example.dk", mobile="20304050")
    chain = channel_chain(contact, addressable=True, utility_uses=SOLROD, available=EVERYTHING)
    assert chain == (Channel.DIGITAL_POST, Channel.EMAIL, Channel.PAPER)
    assert sms_notice(contact, utility_uses=SOLROD)


def test_a_customer_exempt_from_digital_communication_gets_paper_only() -> None:
    contact = Contact(email="jens@example.dk", mobile="20304050", digital_post_exempt=True)
    chain = channel_chain(contact, addressable=True, utility_uses=SOLROD, available=EVERYTHING)
    assert chain == (Channel.PAPER,)
    assert not sms_notice(contact, utility_uses=SOLROD)


def test_no_mailbox_without_a_cpr_or_cvr_and_no_channel_the_utility_does_not_use() -> None:
    contact = Contact(email="jens@example.dk")
    unaddressable = channel_chain(
        contact, addressable=False, utility_uses=SOLROD, available=EVERYTHING
    )
    assert unaddressable == (Channel.EMAIL, Channel.PAPER)
    vestervig = (Channel.PAPER, Channel.BETALINGSSERVICE)
    assert channel_chain(
        contact, addressable=True, utility_uses=vestervig, available=EVERYTHING
    ) == (Channel.PAPER,)


def test_the_digital_post_package_holds_each_pdf_and_an_index_by_cpr_or_cvr() -> None:
    batch = DigitalPostBatch()
    batch.add(DigitalLetter(5, "CPR", "0101901234", "Jens Hansen", "Rykker", date(2027, 1, 4),
                            b"%PDF-a"))  # fmt: skip
    batch.add(DigitalLetter(6, "CVR", "87654321", "Bageriet Ølby ApS", "Budget",
                            date(2027, 1, 4), b"%PDF-b"))  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(batch.package())) as package:
        assert package.namelist() == ["5.pdf", "6.pdf", "index.csv"]
        assert package.read("6.pdf") == b"%PDF-b"
        index = list(csv.reader(io.StringIO(package.read("index.csv").decode()), delimiter=";"))
    assert index[0] == ["fil", "id_type", "id", "navn", "titel", "dato", "brev_nr"]
    assert index[2] == ["6.pdf", "CVR", "87654321", "Bageriet Ølby ApS", "Budget", "04-01-2027",
                        "6"]  # fmt: skip
    assert batch.package() == batch.package()
