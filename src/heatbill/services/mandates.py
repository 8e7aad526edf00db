"""Betalingsservice mandates (betalingsaftaler): which customer pays by Betalingsservice.

Kept as events, newest wins: registered or active (from Nets' 0603 delivery), cancelled by the
payer's bank, the creditor or Betalingsservice (0603), or cancelled because the customer moved
out. A mandate belongs to a customer relationship, so when a customer moves out its mandate is
cancelled and the new customer at the address starts without one (`4rater`: "Ved fraflytning
afmeldes betalingsaftalen"). The cancellation must reach Nets too; its delivery (0605) layout
was not available, so `cancellations_to_send` lists them for the utility to send (see
betalingsservice_0603's docstring).

A 0603 delivery is taken whole or not at all and once (content hash and delivery id); a mandate
for a customer number heatbill does not know refuses the file, naming the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from heatbill.adapters.clock import Clock
from heatbill.adapters.formats.betalingsservice_0603 import MandateEvent, parse_0603
from heatbill.adapters.formats.problems import FileFormatError, LineProblem
from heatbill.domain.errors import ConflictError
from heatbill.domain.money import Money
from heatbill.domain.payments.incoming import PaymentSource
from heatbill.services.imports import ImportFile
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

ACTIVE_EVENTS = frozenset({"registered", "active"})
CANCELLED_BY_MOVE = "cancelled_by_move"
_EVENTS = {
    MandateEvent.ACTIVE: "active",
    MandateEvent.REGISTERED: "registered",
    MandateEvent.CANCELLED_BY_BANK: "cancelled_by_bank",
    MandateEvent.CANCELLED_BY_CREDITOR: "cancelled_by_creditor",
    MandateEvent.CANCELLED_BY_BETALINGSSERVICE: "cancelled_by_betalingsservice",
}
DELIVERY_KIND = "bs0603"


@dataclass(frozen=True, slots=True)
class MandateImport:
    import_id: int
    registered: int
    cancelled: int


@dataclass(frozen=True, slots=True)
class MandateState:
    mandate_number: int
    customer_id: int
    event: str
    on: date

    @property
    def active(self) -> bool:
        return self.event in ACTIVE_EVENTS


def import_mandates(command: ImportFile, uow: UnitOfWork, clock: Clock) -> MandateImport:
    delivery = parse_0603(command.data, command.file_name)
    u = command.utility_id
    payments, readings = uow.payments(u), uow.readings(u)
    key = f"0603:{delivery.data_supplier_number}:{delivery.delivery_id}"
    earlier = readings.find_import(DELIVERY_KIND, delivery.sha256) or payments.find_delivery(
        PaymentSource.BETALINGSSERVICE, key
    )
    if earlier is not None:
        import_id, name, at = earlier
        raise ConflictError(
            say("payments.import.again", name=command.file_name, earlier=name,
                import_id=import_id, at=f"{at:%d-%m-%Y %H:%M}")
        )  # fmt: skip
    known = payments.existing_customers(m.customer_number for m in delivery.mandates)
    unknown = [m for m in delivery.mandates if m.customer_number not in known]
    if unknown:
        raise FileFormatError(
            command.file_name,
            [
                LineProblem(
                    m.line,
                    say("mandates.field.customer"),
                    say("payments.match.unknown_customer", number=m.customer_number),
                )
                for m in unknown
            ],
        )
    now = clock.now()
    import_id = readings.add_import(
        DELIVERY_KIND, command.file_name, delivery.sha256, len(delivery.mandates), now
    )
    payments.add_file(
        import_id,
        PaymentSource.BETALINGSSERVICE,
        key,
        created_on=delivery.created_on,
        count=len(delivery.mandates),
        paid=Money(0),
    )
    current = payments.mandates()
    events = []
    for m in delivery.mandates:
        event = _EVENTS[m.event]
        held = current.get(m.mandate_number)
        if event == "active" and held is not None and held[1] in ACTIVE_EVENTS:
            continue  # a listing of what is active: nothing new
        on = (m.ends_on if event.startswith("cancelled") else m.starts_on) or delivery.created_on
        events.append((m.mandate_number, m.customer_number, event, on, None))
    payments.add_mandate_events(events, import_id, now)
    uow.commit()
    cancelled = sum(1 for e in events if e[2].startswith("cancelled"))
    return MandateImport(import_id, len(events) - cancelled, cancelled)


def mandates_of(
    uow: UnitOfWork, utility_id: int, customers: Iterable[int] | None = None
) -> list[MandateState]:
    return [
        MandateState(number, customer, event, on)
        for number, (customer, event, on) in sorted(
            uow.payments(utility_id).mandates(customers).items()
        )
    ]


def active_mandates(uow: UnitOfWork, utility_id: int) -> dict[int, int]:
    """Customer → mandate number, for the customers whose mandate is in force (0601)."""
    return {m.customer_id: m.mandate_number for m in mandates_of(uow, utility_id) if m.active}


def cancel_for_moves(
    uow: UnitOfWork, utility_id: int, ended: Iterable[tuple[int, date]], at: datetime
) -> list[MandateState]:
    """Cancel the mandates of customers whose relationship ended (a move); not committed."""
    ends = dict(ended)
    if not ends:
        return []
    found = [m for m in mandates_of(uow, utility_id, ends) if m.active]
    uow.payments(utility_id).add_mandate_events(
        [
            (m.mandate_number, m.customer_id, CANCELLED_BY_MOVE, ends[m.customer_id],
             say("mandates.moved_out"))
            for m in found
        ],
        None,
        at,
    )  # fmt: skip
    return found


def cancellations_to_send(uow: UnitOfWork, utility_id: int, since: date) -> list[MandateState]:
    """Mandates heatbill cancelled because of a move, from `since` on: to be sent to Nets."""
    return [
        m for m in mandates_of(uow, utility_id) if m.event == CANCELLED_BY_MOVE and m.on >= since
    ]
