"""Send the day's letters (`send_letters`): render every queued letter, deliver it, record it.

Set-based: the bills and budgets not yet sent are queued as letters, then the queue up to the
day is loaded in one query, rendered in memory (text and PDF, kept in `letter_document`
exactly as sent), delivered by the channel chain of each customer (`letter_channels`, `solrod
1.5`: digital post unless exempt, then e-mail, then paper), and every attempt is recorded in
`letter_delivery` — a refused e-mail and the paper letter that followed are two rows. Work
orders (closing, reopening) go to the utility's own technicians in a print file of their own.

Idempotent: a letter leaves the queue (status `sent`) in the same transaction that records
it, so a letter is sent once. The batch files (digital post zip, paper PDF, work orders) are
named by the day and written before the commit; a crash between an e-mail and the commit
sends that e-mail again on the re-run (at least once), nothing else is doubled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.letter_documents import (
    DeliveryRow,
    DocumentRow,
    LetterRow,
    SqlLetterDocuments,
)
from heatbill.adapters.letters.digital_post import DigitalLetter, DigitalPostBatch
from heatbill.adapters.letters.pdf import PdfPage, batch_pdf
from heatbill.adapters.letters.sms import LoggingSms, SmsGateway
from heatbill.adapters.letters.smtp_mail import DeliveryFailedError, MailOut, SmtpMailer
from heatbill.domain.letter_channels import channel_chain, sms_notice
from heatbill.domain.letters import LetterKind
from heatbill.domain.register.parties import Party
from heatbill.domain.rulebook.customers import Channel
from heatbill.services.letter_rendering import render_documents
from heatbill.services.letter_sources import queue_bill_letters
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

WORK_ORDERS = frozenset({LetterKind.CLOSING_ORDER.value, LetterKind.REOPENING_ORDER.value})


@dataclass(frozen=True, slots=True)
class Channels:
    """The channels this installation has: where batch files go, the SMTP server, SMS."""

    out_dir: Path
    mailer: SmtpMailer | None = None
    sms: SmsGateway = field(default_factory=LoggingSms)
    digital_post: bool = True


@dataclass(slots=True)
class LetterReport:
    queued_from_bills: int = 0
    rendered: int = 0
    delivered: dict[str, int] = field(default_factory=dict)
    failed: int = 0
    sms: int = 0
    files: list[Path] = field(default_factory=list)


@dataclass(slots=True)
class _Batches:
    digital: DigitalPostBatch = field(default_factory=DigitalPostBatch)
    paper: list[PdfPage] = field(default_factory=list)
    orders: list[PdfPage] = field(default_factory=list)
    rows: list[DeliveryRow] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    uses: tuple[Channel, ...] = ()
    """The channels the utility's rulebook uses (`[letters] channels`)."""
    dry_run: bool = False


def send_letters(utility_id: int, on: date, uow: UnitOfWork, clock: Clock, channels: Channels,
                 *, dry_run: bool = False) -> LetterReport:  # fmt: skip
    report = LetterReport(queued_from_bills=queue_bill_letters(utility_id, on, uow, clock))
    documents = SqlLetterDocuments(uow.connection, utility_id)
    letters = documents.letters(status="queued", until=on)
    parties = uow.parties(utility_id).get_many(sorted({r.party_id for r in letters}))
    rendered = render_documents(uow, utility_id, letters, parties)
    report.rendered = len(rendered)
    batches = _Batches(
        names=_names(on, letters[0].letter_id if letters else 0),
        uses=rulebook_of(uow, utility_id, on).letters.channels.value,
        dry_run=dry_run,
    )
    for row, document in zip(letters, rendered, strict=True):
        _deliver(row, document, parties[row.party_id], channels, batches)
    report.files = _write_batches(batches, on, channels.out_dir, dry_run)
    for delivery in batches.rows:
        if delivery.outcome == "failed":
            report.failed += 1
        elif delivery.channel == Channel.SMS.value:
            report.sms += 1
        else:
            report.delivered[delivery.channel] = report.delivered.get(delivery.channel, 0) + 1
    if dry_run:
        return report
    documents.add_documents(rendered, clock.now())
    documents.add_deliveries(batches.rows, clock.now())
    documents.mark([r.letter_id for r in letters], "sent")
    uow.commit()
    return report


def _deliver(row: LetterRow, document: DocumentRow, party: Party, channels: Channels,
             batches: _Batches) -> None:  # fmt: skip
    page = PdfPage(document.title, document.text, row.on)
    if row.kind in WORK_ORDERS:
        batches.orders.append(page)
        batches.rows.append(DeliveryRow(row.letter_id, 1, "work_order", "printed",
                                        batch=batches.names["orders"]))  # fmt: skip
        return
    available = {Channel.PAPER}
    if channels.digital_post:
        available.add(Channel.DIGITAL_POST)
    if channels.mailer is not None:
        available.add(Channel.EMAIL)
    chain = channel_chain(
        party.contact,
        addressable=party.cpr is not None or party.cvr is not None,
        utility_uses=batches.uses,
        available=available,
    )
    attempt = 0
    for channel in chain:
        attempt += 1
        if _attempt(channel, (row, document, party), channels, batches, attempt):
            break
    notice = sms_notice(party.contact, utility_uses=batches.uses)
    if chain[attempt - 1] is not Channel.PAPER and notice:
        mobile = str(party.contact.mobile)
        if not batches.dry_run:
            channels.sms.notify(mobile, say("letters.sms", title=document.title))
        batches.rows.append(DeliveryRow(row.letter_id, attempt + 1, "sms", "notified", mobile))


def _attempt(channel: Channel, letter: tuple[LetterRow, DocumentRow, Party], channels: Channels,
             batches: _Batches, attempt: int) -> bool:  # fmt: skip
    row, document, party = letter
    names = batches.names
    if channel is Channel.DIGITAL_POST:
        id_type, number = ("CPR", party.cpr.digits) if party.cpr else ("CVR", str(party.cvr))
        batches.digital.add(DigitalLetter(row.letter_id, id_type, number, party.name,
                                          document.title, row.on, document.pdf))  # fmt: skip
        batches.rows.append(DeliveryRow(row.letter_id, attempt, channel.value, "exported",
                                        id_type, batch=names["digital"]))  # fmt: skip
        return True
    if channel is Channel.EMAIL and channels.mailer is not None:
        to = str(party.contact.email)
        mail = MailOut(to, document.title, document.text, document.pdf, f"brev-{row.letter_id}.pdf")
        try:
            if not batches.dry_run:
                channels.mailer.send(mail)
        except DeliveryFailedError as error:
            batches.rows.append(DeliveryRow(row.letter_id, attempt, channel.value, "failed", to,
                                            str(error)))  # fmt: skip
            return False
        batches.rows.append(DeliveryRow(row.letter_id, attempt, channel.value, "sent", to))
        return True
    batches.paper.append(PdfPage(document.title, document.text, row.on))
    batches.rows.append(DeliveryRow(row.letter_id, attempt, Channel.PAPER.value, "printed",
                                    batch=names["paper"]))  # fmt: skip
    return True


def _names(on: date, first_letter_id: int) -> dict[str, str]:
    """Batch files by day and first letter: a re-run after a crash rewrites the same files
    (same letters, same bytes); a later run the same day writes new ones."""
    tag = f"{on:%Y%m%d}-{first_letter_id}"
    return {
        "digital": f"digital-post-{tag}.zip",
        "paper": f"breve-papir-{tag}.pdf",
        "orders": f"arbejdsordrer-{tag}.pdf",
    }


def _write_batches(batches: _Batches, on: date, out_dir: Path, dry_run: bool) -> list[Path]:
    names = batches.names
    files: list[tuple[Path, bytes]] = []
    if batches.digital.letters:
        files.append((out_dir / names["digital"], batches.digital.package()))
    if batches.paper:
        files.append((out_dir / names["paper"], batch_pdf(batches.paper, on=on)))
    if batches.orders:
        files.append((out_dir / names["orders"], batch_pdf(batches.orders, on=on)))
    if not dry_run:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, data in files:
            path.write_bytes(data)
    return [path for path, _ in files]
