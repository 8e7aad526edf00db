"""Correcting a settlement (rettelse af en afregning): a credit note and a new bill, together.

After a billed reading was corrected (`reading_corrections`, `vestervig 5.9`) or a meter test
found the meter outside tolerance (`vestervig 5.11`: "afregning med FORBRUGEREN reguleres"),
the settled period is priced again from the readings as they are now, the way the run priced
it: the same context date (the heating year's last day for an annual settlement, the bill date
for a move settlement), `BillingContext.metered` and `.price`, `settlement_runs.bill_lines`.
The original's lines that do not come from the readings — the move-statement fee and the
installments already billed, the lines without a quantity — are carried over as billed.

The credit note cancels the original on its own open item (`domain.billing.correction`), the
new bill (revision + 1) is a fresh claim due by the rulebook from the correction date; both go
through `issue_bills` in one transaction, the reason on the credit note's journal entry. A
correction that changes nothing is refused; asked again, it returns the same pair; a bill that
was corrected already is corrected through its newer revision. `dry_run` books nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.bill_bookings import IssuedBill, SqlIssuedBills
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.correction import (
    Cancellation,
    CreditNote,
    corrected_bill,
    credit_note_for,
)
from heatbill.domain.billing.installments import due_date
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.money import Money
from heatbill.services.billing import issue_bills
from heatbill.services.billing_context import BillingContext
from heatbill.services.settlement_runs import bill_lines
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of
from heatbill.wording import say

ONE_DAY = timedelta(days=1)
SETTLEMENTS = (BillKind.ANNUAL_SETTLEMENT, BillKind.MOVE_SETTLEMENT)


class Correction(NamedTuple):
    credit_note: Bill
    new_bill: Bill
    """Revision + 1 of the corrected bill (ids 0 and no numbers in a dry run)."""


def correct_settlement(  # noqa: PLR0917 - the use case's signature as issue 4 states it
    utility_id: int,
    bill_id: int,
    on: date,
    reason: str,
    uow: UnitOfWork,
    clock: Clock,
    *,
    dry_run: bool = False,
) -> Correction:
    """Credit settlement `bill_id` and bill it again from today's readings, both dated `on`."""
    if not reason.strip():
        raise ValidationError(say("corrections.no_reason"))
    bills = SqlIssuedBills(uow.connection, utility_id)
    original = bills.get(bill_id)
    bill = original.bill
    if bill.kind not in SETTLEMENTS:
        raise ValidationError(say("corrections.not_a_settlement", number=bill.number))
    lines = repriced_lines(uow, utility_id, bill)
    earlier = _earlier_correction(bill, lines, bills.corrections_of(bill_id))
    if earlier is not None:
        return earlier
    due = due_date(on, rulebook_of(uow, utility_id, on), danish_bank_calendar())
    new_bill = corrected_bill(bill, lines, on, due)  # refuses a correction that changes nothing
    cancels = Cancellation(
        bill.number,
        original.entry_id,
        original.open_item_id,
        _residual(uow, utility_id, original),
        reason,
    )
    note = CreditNote.against(credit_note_for(bill, on, due), cancels)
    clause = uow.ledger(utility_id).entry(original.entry_id).clause
    clause_of = {} if clause is None else {k.value: clause for k in (bill.kind, note.kind)}
    issued = issue_bills(
        uow, utility_id, [note, new_bill], clause_of=clause_of, now=clock.now(), dry_run=dry_run
    )
    if not dry_run:
        uow.commit()
    booked_note, booked_bill = issued.bills
    return Correction(_plain(booked_note), booked_bill)


def repriced_lines(uow: UnitOfWork, utility_id: int, bill: Bill) -> list[BillLine]:
    """The settlement's lines from the readings as they are now, priced as its run did."""
    on = bill.period_end - ONE_DAY if bill.kind is BillKind.ANNUAL_SETTLEMENT else bill.issue_date
    ctx = installation_context(uow, utility_id, bill.installation_id, on, bill.period_start)
    period = Period(bill.period_start, bill.period_end)
    used = ctx.metered(bill.installation_id, period.start - ONE_DAY, period.end - ONE_DAY)
    charges = ctx.price_metered(bill.installation_id, period, used)
    carried = [line for line in bill.lines if line.quantity is None]
    return [*bill_lines(charges), *carried]


def installation_context(
    uow: UnitOfWork, utility_id: int, installation_id: int, on: date, start: date
) -> BillingContext:
    """`billing_context.load_context` for one installation: the rulebook and tariff sheet in
    force on `on`, its property and meters, its billable readings from the day before `start`
    on (the reading that opens the period)."""
    installations = uow.installations(utility_id)
    meters = installations.meters_of_installations([installation_id])
    history = uow.readings(utility_id).of_meters([m.meter_id for m in meters[installation_id]])
    since = start - ONE_DAY
    return BillingContext(
        utility_id=utility_id,
        rulebook=rulebook_of(uow, utility_id, on),
        tariffs=tariffs_of(uow, utility_id, on),
        degree_days=DegreeDayTable(uow.readings(utility_id).degree_days()),
        calendar=danish_bank_calendar(),
        customers=[],
        properties=installations.properties_of([installation_id]),
        meters=meters,
        readings={
            meter_id: [h.reading for h in found if h.billable and h.reading.read_on >= since]
            for meter_id, found in history.items()
        },
    )


def _earlier_correction(
    bill: Bill, lines: Sequence[BillLine], corrections: Sequence[IssuedBill]
) -> Correction | None:
    """The credit note and new revision of an earlier, identical correction; a different
    earlier correction is a conflict (the newer revision is the one to correct)."""
    notes = [c.bill for c in corrections if c.bill.kind is BillKind.CREDIT_NOTE]
    revised = [c.bill for c in corrections if c.bill.kind is bill.kind]
    if not notes and not revised:
        return None
    if notes and revised and revised[0].lines == tuple(lines):
        return Correction(notes[0], revised[0])
    raise ConflictError(
        say(
            "corrections.already_corrected",
            number=bill.number,
            new=revised[0].number if revised else "?",
            note=notes[0].number if notes else "?",
        )
    )


def _residual(uow: UnitOfWork, utility_id: int, original: IssuedBill) -> Money:
    """What is still open of the original bill's open item (0 when it is settled)."""
    items = uow.ledger(utility_id).open_items(original.bill.customer_id)
    return next((r for i, r in items if i.open_item_id == original.open_item_id), Money(0))


def _plain(bill: Bill) -> Bill:
    return bill.as_bill() if isinstance(bill, CreditNote) else bill
