"""One-off charges from the tariff sheet (works at the owner's expense, `vestervig 2.13`–`2.14`;
readings and meter tests on request, `5.8`, `5.10`) and the refund of a meter test and its
reading when the meter was outside tolerance (`5.11`).

A charge is billed to the customer of the installation that day, one charge bill per
installation and day (`single_bills.issue_once`): the same request again finds its bill,
another charge that day is refused. A refund is a correction's credit note of the charge
(`domain.billing.correction`): it cancels the charge's claim as far as it is unpaid; what was
paid stays to the customer's good on the credit note's own open item.
"""

from __future__ import annotations

from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.bill_bookings import SqlIssuedBills
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.billing.correction import Cancellation, CreditNote
from heatbill.domain.billing.installments import due_date
from heatbill.domain.billing.one_off import one_off_line, refund_of
from heatbill.domain.errors import NotFoundError
from heatbill.domain.money import Money
from heatbill.domain.register.relationships import customer_on
from heatbill.domain.tariff import FeeKind
from heatbill.services.billing import issue_bills
from heatbill.services.single_bills import Charged, issue_once
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of
from heatbill.wording import say

_ONE_DAY = timedelta(days=1)


def bill_one_off_charge(  # noqa: PLR0917 - the use case's signature as issue 4 states it
    utility_id: int,
    installation_number: str,
    fee_kind: FeeKind,
    on: date,
    note: str,
    uow: UnitOfWork,
    clock: Clock,
    *,
    cost: Money | None = None,
) -> Charged:
    """Bill the sheet's fee of `fee_kind` in force `on` to the installation's customer that
    day; `note` says why or what was done; `cost` (excluding VAT) for works at the owner's
    actual cost (`vestervig 2.14`)."""
    installations = uow.installations(utility_id)
    installation = installations.installation_by_number(installation_number)
    customer = customer_on(installations.relationships_of(installation.installation_id), on)
    if customer is None:
        raise NotFoundError(say("charge.no_customer", installation=installation.number, day=on))
    sheet = tariffs_of(uow, utility_id, on)
    fee = sheet.period_on(on).fee(fee_kind)
    line = one_off_line(fee_kind, fee, note, cost=cost, document=sheet.document)
    due = due_date(on, rulebook_of(uow, utility_id, on), danish_bank_calendar())
    draft = Bill(
        0,
        "",
        BillKind.CHARGE,
        customer.relationship_id,
        installation.installation_id,
        on,
        on + _ONE_DAY,
        on,
        due,
        (line,),
    )
    charged = issue_once(
        uow, clock, utility_id, draft, clause=line.clause or "", clash="charge.other_on_day"
    )
    uow.commit()
    return charged


def refund_meter_test(  # noqa: PLR0917 - as bill_one_off_charge
    utility_id: int,
    installation_number: str,
    charged_on: date,
    on: date,
    uow: UnitOfWork,
    clock: Clock,
) -> Charged:
    """The meter tested on request was outside the permitted deviation (`vestervig 5.11`):
    credit the meter test, or the reading taken for it, charged on `charged_on`, in full —
    cancelled on the charge's open item as far as it is unpaid, the rest to the customer's good."""
    installations = uow.installations(utility_id)
    installation = installations.installation_by_number(installation_number)
    charge = _charge_on(uow, utility_id, installation.installation_id, charged_on)
    if charge is None:
        raise NotFoundError(
            say("charge.no_charge_on", installation=installation.number, day=charged_on)
        )
    issued = SqlIssuedBills(uow.connection, utility_id)
    earlier = [c.bill for c in issued.corrections_of(charge.bill_id)]
    if earlier:
        return Charged(earlier[0], already=True)
    original = issued.get(charge.bill_id)
    cancels = Cancellation(
        charge.number,
        original.entry_id,
        original.open_item_id,
        _residual(uow, utility_id, charge.customer_id, original.open_item_id),
        say("charge.refund_reason"),
    )
    note = CreditNote.against(refund_of(charge, on), cancels)
    clause = charge.lines[0].clause or ""
    booked = issue_bills(
        uow, utility_id, [note], clause_of={note.kind.value: clause}, now=clock.now()
    ).bills[0]
    uow.commit()
    return Charged(booked.as_bill() if isinstance(booked, CreditNote) else booked, already=False)


def _charge_on(uow: UnitOfWork, utility_id: int, installation_id: int, day: date) -> Bill | None:
    """The one-off charge billed to the installation's customer on `day`."""
    relationships = uow.installations(utility_id).relationships_of(installation_id)
    customer = customer_on(relationships, day)
    if customer is None:
        return None
    return next(
        (
            b
            for b in uow.bills(utility_id).of_customer(customer.relationship_id)
            if b.kind is BillKind.CHARGE
            and b.installation_id == installation_id
            and b.period_start == day
        ),
        None,
    )


def _residual(uow: UnitOfWork, utility_id: int, customer_id: int, open_item_id: int) -> Money:
    items = uow.ledger(utility_id).open_items(customer_id)
    return next((r for i, r in items if i.open_item_id == open_item_id), Money(0))
