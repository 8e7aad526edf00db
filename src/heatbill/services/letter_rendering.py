"""Queued letters rendered into documents (text and PDF), for a whole batch at once.

The letterhead is the utility's (name, address, CVR) with its profile (e-mail, phone, web,
logo); the recipient is the party at the installation's address. A letter that carries a bill
(`facts["bill_id"]`) gets the bill's lines, totals and FI payment line, loaded for the whole
batch in two queries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from heatbill.adapters.db.billing_tables import bill, bill_line
from heatbill.adapters.db.letter_documents import DocumentRow, LetterRow, SqlLetterDocuments
from heatbill.adapters.letters.pdf import PdfPage, letter_pdf
from heatbill.adapters.letters.render import (
    BillView,
    Letterhead,
    LetterToRender,
    PaymentView,
    Recipient,
    render_text,
)
from heatbill.domain.billing.bill import BillKind
from heatbill.domain.errors import NotFoundError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import fi_line, payment_id_for_open_item
from heatbill.domain.register.parties import Party
from heatbill.services.unit_of_work import UnitOfWork

_CHUNK = 500


def letterhead(uow: UnitOfWork, utility_id: int) -> tuple[Letterhead, str | None]:
    """The utility's letterhead and its FI creditor number (for payment lines)."""
    found = next((u for u in uow.utilities.all() if u.utility_id == utility_id), None)
    if found is None:
        raise NotFoundError(f"værk {utility_id} findes ikke")
    profile = SqlLetterDocuments(uow.connection, utility_id).profile()
    head = Letterhead(
        found.name,
        found.address,
        found.cvr,
        profile.email,
        profile.phone,
        profile.website,
        profile.logo_path,
    )
    return head, found.fi_creditor_number


def render_documents(
    uow: UnitOfWork,
    utility_id: int,
    letters: Sequence[LetterRow],
    parties: dict[int, Party],
    lang: str = "da",
) -> list[DocumentRow]:
    head, creditor = letterhead(uow, utility_id)
    bill_ids = [int(r.facts["bill_id"]) for r in letters if "bill_id" in r.facts]
    bills = bill_views(uow, utility_id, bill_ids, creditor)
    documents = []
    for row in letters:
        recipient = Recipient(
            parties[row.party_id].name,
            row.address,
            None if row.relationship_id is None else str(row.relationship_id),
            row.installation_number,
        )
        bill_view = bills.get(int(row.facts["bill_id"])) if "bill_id" in row.facts else None
        rendered = render_text(
            LetterToRender(
                row.letter_id, row.kind, row.on, row.clause, row.facts, recipient, bill_view
            ),
            head,
            lang,
        )
        pdf = letter_pdf(PdfPage(rendered.title, rendered.text, row.on, head.logo_path))
        documents.append(
            DocumentRow(
                row.letter_id,
                lang,
                rendered.title,
                rendered.text,
                pdf,
                hashlib.sha256(pdf).hexdigest(),
            )
        )
    return documents


def bill_views(
    uow: UnitOfWork, utility_id: int, bill_ids: Sequence[int], creditor: str | None
) -> dict[int, BillView]:
    """Bills as printed, with the FI line of those that ask for money (`bill_documents`)."""
    lines: dict[int, list[tuple[str, str]]] = {}
    heads: list[Any] = []
    for start in range(0, len(bill_ids), _CHUNK):
        chunk = list(bill_ids[start : start + _CHUNK])
        heads += uow.connection.execute(
            select(bill).where(bill.c.utility_id == utility_id, bill.c.bill_id.in_(chunk))
        ).all()
        for r in uow.connection.execute(
            select(bill_line)
            .where(bill_line.c.utility_id == utility_id, bill_line.c.bill_id.in_(chunk))
            .order_by(bill_line.c.bill_id, bill_line.c.line_no)
        ):
            lines.setdefault(int(r.bill_id), []).append((r.text, Money(r.amount_ore).format_da()))
    views = {}
    for h in heads:
        total = Money(h.net_ore + h.vat_ore)
        credit = h.kind == BillKind.CREDIT_NOTE.value
        payment = None
        if not credit and total.is_positive and creditor is not None:
            line = fi_line(payment_id_for_open_item(int(h.open_item_id)), creditor)
            payment = PaymentView(total.format_da(), f"{h.due_date:%d-%m-%Y}", line)
        last_day = h.period_end - timedelta(days=1)
        views[int(h.bill_id)] = BillView(
            number=h.number,
            period=f"{h.period_start:%d-%m-%Y} – {last_day:%d-%m-%Y}",
            issue_date=f"{h.issue_date:%d-%m-%Y}",
            lines=tuple(lines.get(int(h.bill_id), [])),
            net=Money(h.net_ore).format_da(),
            vat=Money(h.vat_ore).format_da(),
            total=total.format_da(),
            payment=payment,
            to_your_good=Money(-total.ore).format_da() if total.ore < 0 else None,
            credit=credit,
        )
    return views
