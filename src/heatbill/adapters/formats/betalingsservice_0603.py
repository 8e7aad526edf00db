"""Betalingsservice delivery 0603 (aftaleoplysninger): the customers' mandates at Nets.

Section 0212 reports mandates registered and cancelled since the last delivery — transaction
code 0231 registered (tilmeldt), 0232 cancelled by the customer's bank, 0233 cancelled by the
creditor, 0234 cancelled by Betalingsservice — and section 0210, sent monthly on request, lists
every active mandate (0230). Section 0219 (active agreements on electronic payment slips) is
accepted and counted for the trailers, not read. The whole file is refused unless every record
reads and every trailer agrees (counts; the net amount is zero: mandates carry no amounts).

Where the layout comes from. Nets' "Vejledning for dataleverandør, Leverance 0603
Aftaleoplysninger" (Jan 2012) names the sections and codes (its table of contents is public,
its field tables were not readable in the sources found). Positions are those two independent
open-source readers agree on: hafsjold/snvrepos `Medlem3060/.../cls/clsPbs603.cs`
(`readaftale042`) and a Python 0602/0603 reader (`records.py`, classes
PaymentAgreementRegisteredRecord and PaymentCancelledRecord). The 042 record, 1-based:
6 PBS no. 8 · 14 transaction code 4 · 18 record no. 3 · 21 debtor group 5 · 26 customer no. 15 ·
41 mandate no. 9 · 50 start date DDMMYY · 56 end date DDMMYY (`000000`: none) · blank to 128.
Start, section and trailer records: betalingsservice_records.

Cancelling a mandate from the utility's side. A 0603 only reports; a creditor cannot send one.
Nets names delivery 0605 as the one a creditor's system sends to register and cancel mandates
("Vejledning til dataleverandører om leverance 605"); its record layout was not found in any
public source, so heatbill writes no cancellation file. When a customer moves out, the mandate
is cancelled at Nets by other means (Nets' own service for creditors), and the 0233 record in
the next 0603 confirms it; a 0605 writer belongs here once its layout is at hand.

Assumptions: a registered or active mandate has a start date; a cancellation has an end date
(on or after the start date, when that is given); the record number (18–20) is not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final

from heatbill.adapters.formats import betalingsservice_records as bs
from heatbill.domain.money import Money
from heatbill.wording import say

DELIVERY_TYPE: Final = "0603"
ACTIVE, CHANGES, E_SLIPS = "0210", "0212", "0219"


class MandateEvent(Enum):
    """What the record says about the mandate (betalingsaftale), by its transaction code."""

    ACTIVE = "0230"
    REGISTERED = "0231"
    CANCELLED_BY_BANK = "0232"
    CANCELLED_BY_CREDITOR = "0233"
    CANCELLED_BY_BETALINGSSERVICE = "0234"

    @property
    def is_cancellation(self) -> bool:
        return self not in (MandateEvent.ACTIVE, MandateEvent.REGISTERED)


_EVENTS_IN: Final = {
    ACTIVE: (MandateEvent.ACTIVE,),
    CHANGES: (MandateEvent.REGISTERED, MandateEvent.CANCELLED_BY_BANK,
              MandateEvent.CANCELLED_BY_CREDITOR, MandateEvent.CANCELLED_BY_BETALINGSSERVICE),
}  # fmt: skip
_RECORDS_IN: Final = {ACTIVE: ("042",), CHANGES: ("042",), E_SLIPS: bs.PAYLOAD_KINDS}


@dataclass(frozen=True, slots=True)
class Mandate:
    """One mandate record: a customer's Betalingsservice agreement and what happened to it."""

    line: int
    event: MandateEvent
    debtor_group: int
    customer_number: int
    """The customer's number at the utility, as the 0601 collections name it."""
    mandate_number: int
    """Nets' number for the agreement (aftalenummer), written in each 0601 amount record."""
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class MandateDelivery:
    name: str
    sha256: str
    delivery_id: int
    created_on: date
    data_supplier_number: str
    pbs_number: str
    mandates: tuple[Mandate, ...]


def parse_0603(data: bytes, name: str) -> MandateDelivery:
    """The delivery, or FileFormatError listing every problem (no mandates at all)."""
    read = bs.read_delivery(
        data, name, DELIVERY_TYPE, records_in=_RECORDS_IN, read_042=_mandate, net_of=_no_amount
    )
    header = read.header
    return MandateDelivery(
        name, read.sha256, header.delivery_id, header.created_on, header.data_supplier_number,
        read.pbs_number, read.items,
    )  # fmt: skip


def _no_amount(_: Mandate) -> Money:
    return Money(0)


def _mandate(fields: bs.Fields, section: bs.Section) -> Mandate | None:
    events = _EVENTS_IN.get(section.code)
    if events is None:  # section 0219: counted, not read
        return None
    code = bs.transaction(fields, section, [event.value for event in events])
    group = fields.digits("debtor_group", 21, 5)
    customer = fields.digits("customer_number", 26, 15)
    number = fields.digits("mandate_number", 41, 9)
    if code is None:
        return None
    event = MandateEvent(code)
    starts_on = fields.date("start_date", 50, optional=event.is_cancellation)
    ends_on = fields.date("end_date", 56, optional=not event.is_cancellation)
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        fields.problem("end_date", say("bs.mandate.dates", start=starts_on, end=ends_on))
    if group is None or customer is None or number is None:
        return None
    return Mandate(fields.record.line, event, group, customer, number, starts_on, ends_on)
