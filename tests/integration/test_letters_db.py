"""Letters sent on both databases: rendered once, delivered by each customer's channel chain
(`solrod 1.5`), e-mail over real SMTP (a local aiosmtpd server), a refused e-mail falling back
to paper with both attempts recorded, and a planned supply interruption (`vestervig 3.6`)."""

from __future__ import annotations

import email
import io
import socket
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from pypdf import PdfReader
from sqlalchemy import Engine

from heatbill.adapters.db.letter_documents import SqlLetterDocuments
from heatbill.adapters.letters.smtp_mail import SmtpMailer
from heatbill.domain.errors import ValidationError
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.services.billing_runs import set_budgets
from heatbill.services.letter_delivery import Channels, send_letters
from heatbill.services.letter_sources import AnnounceInterruption, announce_interruption
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.register_story import clock_on, with_customers

DAY = date(2026, 1, 5)
CLOCK = clock_on(DAY)


@dataclass
class Mailbox:
    """An SMTP server's handler: keeps what it accepts, refuses the addresses in `refuse`."""

    refuse: set[str] = field(default_factory=set)
    received: list[Message] = field(default_factory=list)

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, SmtpMailer]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, SmtpMailer("127.0.0.1", port, "breve@sfv-amba.dk", "Solrød Fjernvarme")
    finally:
        controller.stop()


def customers(engine: Engine, utility_id: int) -> dict[str, tuple[int, int]]:
    """(relationship, party) by installation number."""
    with UnitOfWork(engine, write=False) as uow:
        found = {}
        for number in ("10001", "10002", "10003"):
            inst = uow.installations(utility_id).installation_by_number(number)
            [rel] = uow.installations(utility_id).relationships_of(inst.installation_id)
            found[number] = (rel.relationship_id, rel.party_id)
    return found


def queue_reminder(engine: Engine, utility_id: int, customer: tuple[int, int]) -> int:
    facts = {"claim": "2026-0000001", "step": "1. rykker", "owed": "1.100,00 kr.",
             "principal": "1.000,00 kr.", "due_date": "18-12-2025",
             "fee": "100,00 kr."}  # fmt: skip
    with UnitOfWork(engine) as uow:
        [letter_id] = uow.letters(utility_id).queue(
            [LetterRequest(LetterKind.REMINDER, customer[1], DAY, "solrod 6.3", customer[0],
                           facts)],
            CLOCK.now(),
        )  # fmt: skip
        uow.commit()
    return letter_id


def test_the_days_letters_go_by_each_customers_channel_and_are_kept_as_sent(
    engine: Engine, smtp: tuple[Mailbox, SmtpMailer], tmp_path: Path
) -> None:
    box, mailer = smtp
    utility_id = with_customers(engine, CLOCK)
    who = customers(engine, utility_id)
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, CLOCK)
    reminder = queue_reminder(engine, utility_id, who["10002"])
    box.refuse.add("mette@example.dk")
    channels = Channels(out_dir=tmp_path, mailer=mailer, digital_post=False)

    with UnitOfWork(engine) as uow:
        report = send_letters(utility_id, DAY, uow, CLOCK, channels)
    assert (report.queued_from_bills, report.rendered, report.failed) == (3, 4, 2)
    assert report.delivered == {"email": 2, "paper": 2}

    # Jens and the bakery got their budget by e-mail, the PDF attached and readable.
    to = sorted(str(m["To"]) for m in box.received)
    assert to == ["bager@example.dk", "jens@example.dk"]
    mail = next(m for m in box.received if m["To"] == "jens@example.dk")
    assert mail["Subject"] == "Dit budget for 2026"
    [attachment] = [p for p in mail.walk() if p.get_content_type() == "application/pdf"]
    payload = attachment.get_payload(decode=True)
    assert isinstance(payload, bytes)
    assert "Jens Hansen" in PdfReader(io.BytesIO(payload)).pages[0].extract_text()

    # Mette's mailbox refused: both her letters fell back to paper, every attempt recorded.
    with UnitOfWork(engine, write=False) as uow:
        documents = SqlLetterDocuments(uow.connection, utility_id)
        attempts = [(d.channel, d.outcome) for d in documents.deliveries([reminder])]
        sent = documents.document(reminder)
        statuses = {r.status for r in documents.letters()}
    assert attempts == [("email", "failed"), ("paper", "printed")]
    assert "Rykker: 1. rykker" in sent.text
    assert "Mette Sørensen" in sent.text
    paper = PdfReader(tmp_path / f"breve-papir-20260105-{report_first(engine, utility_id)}.pdf")
    assert "Rykker: 1. rykker" in "".join(p.extract_text() for p in paper.pages)
    assert statuses == {"sent"}

    # Sent once: the same day again sends nothing.
    with UnitOfWork(engine) as uow:
        again = send_letters(utility_id, DAY, uow, CLOCK, channels)
    assert (again.queued_from_bills, again.rendered, len(box.received)) == (0, 0, 2)


def report_first(engine: Engine, utility_id: int) -> int:
    with UnitOfWork(engine, write=False) as uow:
        return SqlLetterDocuments(uow.connection, utility_id).letters()[0].letter_id


def test_digital_post_goes_in_the_days_package_by_cpr_or_cvr(
    engine: Engine, tmp_path: Path
) -> None:
    utility_id = with_customers(engine, CLOCK)
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, CLOCK)
    with UnitOfWork(engine) as uow:
        report = send_letters(utility_id, DAY, uow, CLOCK, Channels(out_dir=tmp_path))
    assert report.delivered == {"digital_post": 3}
    [package] = [p for p in report.files if p.suffix == ".zip"]
    with zipfile.ZipFile(package) as z:
        index = z.read("index.csv").decode().splitlines()
    assert [line.split(";")[1] for line in index[1:]] == ["CPR", "CPR", "CVR"]


def test_a_planned_interruption_is_announced_with_the_rulebooks_notice(engine: Engine) -> None:
    utility_id = with_customers(engine, CLOCK)
    command = AnnounceInterruption(
        on=DAY, start="07-01-2026 kl. 08.00", start_day=date(2026, 1, 7),
        end="07-01-2026 kl. 14.00", reason="reparation af hovedledningen",
        streets=["Solrød Byvej"],
    )  # fmt: skip
    with UnitOfWork(engine) as uow, pytest.raises(ValidationError, match="3 dages varsel"):
        announce_interruption(command, utility_id, uow, CLOCK)
    later = AnnounceInterruption(
        on=DAY, start="12-01-2026 kl. 08.00", start_day=date(2026, 1, 12),
        end="12-01-2026 kl. 14.00", reason="reparation af hovedledningen",
        streets=["Solrød Byvej"], installations=["10003"],
    )  # fmt: skip
    with UnitOfWork(engine) as uow:
        assert announce_interruption(later, utility_id, uow, CLOCK) == 2
    with UnitOfWork(engine, write=False) as uow:
        queued = SqlLetterDocuments(uow.connection, utility_id).letters(status="queued")
    assert {(r.kind, r.clause) for r in queued} == {("supply_interruption", "solrod 3.6")}
