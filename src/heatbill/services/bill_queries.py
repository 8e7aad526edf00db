"""Read models of issued bills for the CLI and screens: a list of bills (of a customer, an
installation, a kind, a day), and one bill with what it asks for and how it was corrected.

Set-based like the register's read models: a listing is one query however long it is. A bill
is named by its number (`regningsnummer`), as printed on it; the bill id stays internal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import aliased

from heatbill.adapters.db.bill_bookings import IssuedBill, SqlIssuedBills
from heatbill.adapters.db.billing_tables import bill
from heatbill.adapters.db.register_tables import installation, party, relationship
from heatbill.domain.billing.bill import BillKind
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.money import Money
from heatbill.services.bill_documents import PaymentSlip, payment_slip
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class BillHead:
    """A bill as a list shows it: who, what, when and how much (øre, VAT separately)."""

    bill_id: int
    number: str
    kind: BillKind
    customer_id: int
    """The customer relationship (the ledger's customer account)."""
    customer_name: str
    installation_number: str
    period_start: date
    period_end: date
    """Half-open, as on the bill."""
    issue_date: date
    due_date: date
    net: Money
    vat: Money
    revision: int
    corrects: str | None
    """The number of the bill this one corrects (a credit note's or a new revision's)."""

    @property
    def total(self) -> Money:
        return self.net + self.vat


@dataclass(frozen=True, slots=True)
class BillFile:
    """One bill in full: its lines, its payment line, its e-invoice party, its corrections."""

    head: BillHead
    issued: IssuedBill
    payment: PaymentSlip | None
    """None when there is nothing to pay, or the utility has no FI creditor number."""
    no_payment_line: str | None
    """Why a bill that asks for money has no payment line (no FI creditor number)."""
    ean: str | None
    """The customer's EAN: the bill goes as an OIOUBL e-invoice."""
    corrected_by: tuple[BillHead, ...]
    """Its credit note and its next revision, oldest first."""


def bill_heads(
    uow: UnitOfWork,
    utility_id: int,
    *,
    customer_id: int | None = None,
    installation_number: str | None = None,
    kind: BillKind | None = None,
    issued_on: date | None = None,
) -> list[BillHead]:
    """The utility's bills, oldest first, narrowed by whichever filters are given."""
    conditions: list[ColumnElement[bool]] = []
    if customer_id is not None:
        conditions.append(bill.c.relationship_id == customer_id)
    if installation_number is not None:
        conditions.append(installation.c.number == installation_number)
    if kind is not None:
        conditions.append(bill.c.kind == kind.value)
    if issued_on is not None:
        conditions.append(bill.c.issue_date == issued_on)
    return _heads(uow, utility_id, conditions)


def bill_file(uow: UnitOfWork, utility_id: int, number: str) -> BillFile:
    """Bill `number` in full; NotFoundError naming the number when there is none."""
    found = _heads(uow, utility_id, [bill.c.number == number.strip()])
    if not found:
        raise NotFoundError(say("bills.not_found", number=number))
    head = found[0]
    issued = SqlIssuedBills(uow.connection, utility_id).get(head.bill_id)
    payment, missing = None, None
    try:
        payment = payment_slip(issued, _fi_creditor(uow, utility_id))
    except ValidationError as error:
        missing = error.message
    corrected_by = _heads(uow, utility_id, [bill.c.corrects_bill_id == head.bill_id])
    return BillFile(
        head, issued, payment, missing, _ean(uow, utility_id, head.customer_id), tuple(corrected_by)
    )


def _ean(uow: UnitOfWork, utility_id: int, customer_id: int) -> str | None:
    found = uow.connection.execute(
        select(party.c.ean)
        .join(
            relationship,
            (relationship.c.utility_id == party.c.utility_id)
            & (relationship.c.party_id == party.c.party_id),
        )
        .where(
            relationship.c.utility_id == utility_id, relationship.c.relationship_id == customer_id
        )
    ).scalar_one_or_none()
    return None if found is None else str(found)


def _fi_creditor(uow: UnitOfWork, utility_id: int) -> str | None:
    found = next((u for u in uow.utilities.all() if u.utility_id == utility_id), None)
    return None if found is None else found.fi_creditor_number


def _heads(
    uow: UnitOfWork, utility_id: int, conditions: Sequence[ColumnElement[bool]]
) -> list[BillHead]:
    corrected = aliased(bill)
    query = (
        select(
            bill,
            installation.c.number.label("installation_number"),
            party.c.name.label("customer_name"),
            corrected.c.number.label("corrects_number"),
        )
        .join(
            installation,
            (installation.c.utility_id == bill.c.utility_id)
            & (installation.c.installation_id == bill.c.installation_id),
        )
        .join(
            relationship,
            (relationship.c.utility_id == bill.c.utility_id)
            & (relationship.c.relationship_id == bill.c.relationship_id),
        )
        .join(
            party,
            (party.c.utility_id == relationship.c.utility_id)
            & (party.c.party_id == relationship.c.party_id),
        )
        .outerjoin(
            corrected,
            (corrected.c.utility_id == bill.c.utility_id)
            & (corrected.c.bill_id == bill.c.corrects_bill_id),
        )
        .where(bill.c.utility_id == utility_id, *conditions)
        .order_by(bill.c.issue_date, bill.c.bill_id)
    )
    return [_head(r) for r in uow.connection.execute(query)]


def _head(r: Any) -> BillHead:
    return BillHead(
        bill_id=int(r.bill_id),
        number=r.number,
        kind=BillKind(r.kind),
        customer_id=int(r.relationship_id),
        customer_name=r.customer_name,
        installation_number=r.installation_number,
        period_start=r.period_start,
        period_end=r.period_end,
        issue_date=r.issue_date,
        due_date=r.due_date,
        net=Money(int(r.net_ore)),
        vat=Money(int(r.vat_ore)),
        revision=int(r.revision),
        corrects=r.corrects_number,
    )
