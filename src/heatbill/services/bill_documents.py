"""What an issued bill carries for payment (SPEC.md "Billing": bills carry an FI payment line,
can be paid by Betalingsservice, and go as OIOUBL e-invoices to customers with an EAN).

- The FI payment line (indbetalingskort 71): the payment id of the bill's open item
  (`payment_id_for_open_item`), so a payment names exactly the claim it pays, and the utility's
  FI creditor number; with the amount and due date printed beside it. A credit note or a bill to
  the customer's good has nothing to pay and no payment line.
- For a party with an EAN: the OIOUBL invoice, or credit note, of the bill (`oioubl_bills`):
  supplier the utility (name, CVR, address), customer the party (name, EAN, CVR) at the
  installation's address; totals exactly the booked bill's.
- For a customer with a Betalingsservice mandate: the collection for the 0601 delivery
  (`collection_for`). Mandates are not in the register yet; the caller gives their numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.adapters.db.bill_bookings import IssuedBill, SqlIssuedBills
from heatbill.adapters.db.utility_repository import UtilityRow
from heatbill.adapters.formats.betalingsservice_0601 import Collection
from heatbill.adapters.formats.oioubl import Customer, EInvoice, FiPayment, Supplier, write_oioubl
from heatbill.adapters.formats.oioubl_bills import einvoice_of, one_line_address, street_address
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.money import Money
from heatbill.domain.payment_id import fi_line, payment_id_for_open_item
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class PaymentSlip:
    """The payment part of a printed or e-mailed bill (indbetalingskort)."""

    payment_id: str
    creditor_number: str
    fi_line: str
    """`+71<` payment id `+` creditor number `<`."""
    amount: Money
    due_date: date


@dataclass(frozen=True, slots=True)
class BillDocuments:
    bill: Bill
    payment: PaymentSlip | None
    """None when there is nothing to pay: a credit note, a bill to the customer's good."""
    e_invoice: EInvoice | None
    """For a party with an EAN."""
    oioubl: bytes | None
    """The e-invoice as OIOUBL XML."""


def bill_documents(utility_id: int, bill_id: int, uow: UnitOfWork) -> BillDocuments:
    """The payment line and (for a party with an EAN) the e-invoice of issued bill `bill_id`."""
    bills = SqlIssuedBills(uow.connection, utility_id)
    issued = bills.get(bill_id)
    bill = issued.bill
    utility = _utility(uow, utility_id)
    payment = payment_slip(issued, utility.fi_creditor_number)
    installations = uow.installations(utility_id)
    party = uow.parties(utility_id).get(installations.relationship(bill.customer_id).party_id)
    if party.ean is None:
        return BillDocuments(bill, payment, None, None)
    premises = installations.property(installations.installation(bill.installation_id).property_id)
    customer = Customer(
        party.name,
        party.ean,
        street_address(premises.address, premises.postcode, premises.city),
        cvr=party.cvr,
    )
    supplier = Supplier(utility.name, utility.cvr, one_line_address(utility.address))
    original = None if bill.corrects_bill_id is None else bills.get(bill.corrects_bill_id).bill
    credit = bill.kind is BillKind.CREDIT_NOTE
    note = None
    if credit:
        note = uow.ledger(utility_id).entry(issued.entry_id).description
    elif original is not None:
        note = say("documents.replaces", number=original.number)
    document = einvoice_of(
        bill,
        supplier,
        customer,
        payment=None if payment is None else FiPayment(payment.payment_id, payment.creditor_number),
        credited_invoice=original.number if credit and original is not None else None,
        note=note,
    )
    return BillDocuments(bill, payment, document, write_oioubl(document))


def payment_slip(issued: IssuedBill, creditor_number: str | None) -> PaymentSlip | None:
    """The FI payment line of a bill that asks for money; refused without a creditor number."""
    bill = issued.bill
    if bill.kind is BillKind.CREDIT_NOTE or not bill.total.is_positive:
        return None
    if creditor_number is None:
        raise ValidationError(say("documents.no_fi_creditor"))
    payment_id = payment_id_for_open_item(issued.open_item_id)
    line = fi_line(payment_id, creditor_number)
    return PaymentSlip(payment_id, creditor_number, line, bill.total, bill.due_date)


def collection_for(bill: IssuedBill, customer_number: int, mandate_number: int) -> Collection:
    """The Betalingsservice collection of a bill for the 0601 delivery: its total on its due
    date, the FI payment id of its open item as the reference (what a payment names)."""
    issued = bill.bill
    if issued.kind is BillKind.CREDIT_NOTE or not issued.total.is_positive:
        raise ValidationError(
            say(
                "documents.collection_not_positive",
                number=issued.number,
                amount=issued.total.format_da(),
            )
        )
    last_day = issued.period_end - ONE_DAY
    return Collection(
        customer_number=customer_number,
        mandate_number=mandate_number,
        due_date=issued.due_date,
        amount=issued.total,
        reference=payment_id_for_open_item(bill.open_item_id),
        text_lines=(
            say("documents.collection_line", number=issued.number),
            say(
                "documents.collection_period",
                start=f"{issued.period_start:%d-%m-%Y}",
                end=f"{last_day:%d-%m-%Y}",
            ),
        ),
    )


def _utility(uow: UnitOfWork, utility_id: int) -> UtilityRow:
    found = next((u for u in uow.utilities.all() if u.utility_id == utility_id), None)
    if found is None:
        raise NotFoundError(say("documents.no_utility", utility_id=utility_id))
    return found
