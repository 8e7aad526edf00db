"""The Betalingsservice 0601 delivery of a day (opkrævningsleverance): every bill issued that
day to a customer with a mandate (betalingsaftale), collected on its due date.

Set-based: the mandates in force (`mandates.active_mandates`, from the 0603 deliveries), one
query for the day's bills, one for their lines (chunked), then `bill_documents.collection_for`
per bill and `write_0601` once. The customer number Nets knows the payer by is heatbill's
customer id (the relationship), as in the 0603 delivery. Credit notes and bills to the
customer's good ask for no money and are left out, named in `left_out`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from heatbill.adapters.db.bill_bookings import IssuedBill
from heatbill.adapters.db.billing_tables import bill, bill_line
from heatbill.adapters.formats.betalingsservice_0601 import Creditor, Delivery, write_0601
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money
from heatbill.services.bill_documents import collection_for
from heatbill.services.mandates import active_mandates
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Agreement:
    """The utility's Betalingsservice agreement beyond its PBS number (Nets' welcome letter)."""

    debtor_group: int
    reg_number: str
    account_number: str
    delivery_number: int
    """Our serial number of the delivery; Nets refuses a number twice."""


@dataclass(frozen=True, slots=True)
class CollectionDelivery:
    delivery: Delivery
    data: bytes
    """The 0601 file, ISO-8859-1 with CRLF."""
    left_out: tuple[str, ...]
    """Numbers of the day's bills under a mandate that ask for no money."""

    @property
    def total(self) -> Money:
        return sum((c.amount for c in self.delivery.collections), Money(0))


def collection_delivery(
    uow: UnitOfWork, utility_id: int, on: date, agreement: Agreement
) -> CollectionDelivery:
    """The 0601 delivery of the bills issued `on` to the customers with a mandate in force;
    NotFoundError when there is nothing to collect."""
    utility = next((u for u in uow.utilities.all() if u.utility_id == utility_id), None)
    if utility is None:
        raise NotFoundError(say("documents.no_utility", utility_id=utility_id))
    if utility.pbs_number is None:
        raise ValidationError(say("bills.bs.no_pbs", code=utility.code))
    mandates = active_mandates(uow, utility_id)
    issued = [b for b in _bills_of_day(uow, utility_id, on) if b.bill.customer_id in mandates]
    to_collect = [b for b in issued if _asks_for_money(b.bill)]
    if not to_collect:
        raise NotFoundError(say("bills.bs.nothing", day=f"{on:%d-%m-%Y}"))
    collections = tuple(
        collection_for(b, b.bill.customer_id, mandates[b.bill.customer_id]) for b in to_collect
    )
    creditor = Creditor(
        data_supplier_number=utility.cvr,
        pbs_number=utility.pbs_number,
        debtor_group=agreement.debtor_group,
        reg_number=agreement.reg_number,
        account_number=agreement.account_number,
        heading=utility.name,
    )
    delivery = Delivery(creditor, agreement.delivery_number, on, collections)
    left_out = tuple(b.bill.number for b in issued if not _asks_for_money(b.bill))
    return CollectionDelivery(delivery, write_0601(delivery), left_out)


def _asks_for_money(item: Bill) -> bool:
    return item.kind is not BillKind.CREDIT_NOTE and item.total.is_positive


def _bills_of_day(uow: UnitOfWork, utility_id: int, on: date) -> list[IssuedBill]:
    heads = uow.connection.execute(
        select(bill)
        .where(bill.c.utility_id == utility_id, bill.c.issue_date == on)
        .order_by(bill.c.relationship_id, bill.c.bill_id)
    ).all()
    lines = _lines(uow, utility_id, [int(h.bill_id) for h in heads])
    return [
        IssuedBill(_bill(h, lines[int(h.bill_id)]), int(h.entry_id), int(h.open_item_id))
        for h in heads
    ]


def _lines(uow: UnitOfWork, utility_id: int, ids: Sequence[int]) -> dict[int, list[BillLine]]:
    found: dict[int, list[BillLine]] = {i: [] for i in ids}
    for first in range(0, len(ids), _CHUNK):
        rows = uow.connection.execute(
            select(bill_line)
            .where(
                bill_line.c.utility_id == utility_id,
                bill_line.c.bill_id.in_(ids[first : first + _CHUNK]),
            )
            .order_by(bill_line.c.bill_id, bill_line.c.line_no)
        )
        for r in rows:
            found[int(r.bill_id)].append(
                BillLine(
                    r.text,
                    Money(int(r.amount_ore)),
                    Money(int(r.vat_ore)),
                    Account(r.account),
                    r.clause,
                    None if r.quantity is None else Decimal(r.quantity),
                    r.unit,
                    None if r.rate is None else Decimal(r.rate),
                )
            )
    return found


def _bill(h: Any, lines: list[BillLine]) -> Bill:
    return Bill(
        int(h.bill_id),
        h.number,
        BillKind(h.kind),
        int(h.relationship_id),
        int(h.installation_id),
        h.period_start,
        h.period_end,
        h.issue_date,
        h.due_date,
        tuple(lines),
        int(h.revision),
        h.corrects_bill_id,
    )
