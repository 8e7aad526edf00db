"""Correcting a settlement on both databases: a `4rater` annual settlement, then a meter test
shows the year-end reading too high (`vestervig 5.11`), staff correct it, and the settlement is
corrected: a credit note and revision 1, linked to the original and to each other, the claim
moved from the old bill to the new one, nothing edited, and the same again books nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from heatbill.adapters.db.bill_bookings import SqlIssuedBills
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.ledger import Reason
from heatbill.domain.money import Money
from heatbill.domain.register.readings import ReadingStatus
from heatbill.services.corrections import Correction, correct_settlement
from heatbill.services.reading_corrections import correct_accepted_reading
from heatbill.services.reading_review import ReviewReading
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.settled_story import (
    SettledYear,
    customer_of,
    settled_year,
    settlement_of,
)

CORRECTED_ON = date(2027, 3, 10)
REASON = "Målerafprøvning: måleren viste 4 % for meget (vestervig 5.11)"


def correct_year_end_reading(engine: Engine, year: SettledYear, meter: str) -> int:
    """Staff record the meter test: the 31-12-2026 register 4 % of the year's use lower."""
    u = year.utility_id
    with UnitOfWork(engine, write=False) as uow:
        [found] = uow.installations(u).meters_by_serial([meter])[meter]
        history = uow.readings(u).of_meters([found.meter_id])[found.meter_id]
    [year_end] = [
        h
        for h in history
        if h.reading.read_on == date(2026, 12, 31) and h.status is ReadingStatus.ACCEPTED
    ]
    [year_start] = [h for h in history if h.reading.read_on == date(2025, 12, 31)]
    use = year_end.reading.energy_mwh - year_start.reading.energy_mwh
    energy = year_end.reading.energy_mwh - (use * Decimal("0.04")).quantize(Decimal("0.001"))
    with UnitOfWork(engine) as uow:
        command = ReviewReading(u, year_end.reading_id, "sagsbehandler", REASON)
        return correct_accepted_reading(command, energy, energy * 20, uow, year.clock)


def correct(
    engine: Engine, year: SettledYear, bill_id: int, *, dry_run: bool = False
) -> Correction:
    with UnitOfWork(engine) as uow:
        return correct_settlement(
            year.utility_id, bill_id, CORRECTED_ON, REASON, uow, year.clock, dry_run=dry_run
        )


def test_a_corrected_reading_gives_a_credit_note_and_a_new_bill(engine: Engine) -> None:
    year = settled_year(engine)
    u = year.utility_id
    bakery = customer_of(engine, u, "10003")
    original = settlement_of(engine, u, bakery)
    assert original.total.is_positive  # owed, collected with installment 2
    with pytest.raises(ConflictError, match="intet at rette"):
        correct(engine, year, original.bill_id)  # the readings have not changed

    year.clock.advance_to(CORRECTED_ON)
    correct_year_end_reading(engine, year, "M3")
    with UnitOfWork(engine, write=False) as uow:
        before = uow.ledger(u).customer_balances()[bakery]
        journal = uow.ledger(u).journal()
        bills = uow.bills(u).of_customer(bakery)

    preview = correct(engine, year, original.bill_id, dry_run=True)
    with UnitOfWork(engine, write=False) as uow:  # a dry run books nothing
        assert (uow.ledger(u).journal(), uow.bills(u).of_customer(bakery)) == (journal, bills)
    assert (preview.credit_note.bill_id, preview.new_bill.bill_id) == (0, 0)

    note, new = correct(engine, year, original.bill_id)
    assert (note.total, new.total) == (preview.credit_note.total, preview.new_bill.total)
    # The credit note cancels the settlement line by line; revision 1 prices the corrected use.
    assert (note.kind, note.revision, note.corrects_bill_id) == (
        BillKind.CREDIT_NOTE,
        0,
        original.bill_id,
    )
    assert note.total == -original.total
    assert (new.kind, new.revision, new.corrects_bill_id) == (
        BillKind.ANNUAL_SETTLEMENT,
        1,
        original.bill_id,
    )
    assert Money(0) < new.total < original.total
    assert (note.issue_date, new.issue_date) == (CORRECTED_ON, CORRECTED_ON)
    assert new.due_date >= date(2027, 4, 1)  # at least 14 days and across a month end
    assert new.lines[-1] == original.lines[-1]  # the installments billed, carried over

    with UnitOfWork(engine, write=False) as uow:
        issued = SqlIssuedBills(uow.connection, u)
        linked = [b.bill for b in issued.corrections_of(original.bill_id)]
        entry = uow.ledger(u).entry(issued.get(note.bill_id).entry_id)
        original_entry = issued.get(original.bill_id).entry_id
        stored = uow.bills(u).of_customer(bakery)
        items = uow.ledger(u).open_items(bakery)
        after = uow.ledger(u).customer_balances()[bakery]
    # Linked both ways: the original finds its credit note and revision, each names it.
    assert linked == [note, new]
    assert (entry.reason, entry.reverses_entry_id) == (Reason.REVERSAL, original_entry)
    assert entry.description.endswith(REASON)
    assert original in stored  # kept as issued, never edited
    # The claim moved from the old bill to the new one: the balance is the bills that stand.
    standing = [b for b in stored if b.bill_id not in (original.bill_id, note.bill_id)]
    assert after == sum(b.total for b in standing) == before - original.total + new.total
    open_items = {i.reference: residual for i, residual in items}
    assert open_items[f"Regning {new.number}"] == new.total
    assert f"Regning {original.number}" not in open_items  # cancelled by the credit note
    assert f"Kreditnota {note.number}" not in open_items  # nothing was paid: nothing to good

    assert correct(engine, year, original.bill_id) == (note, new)  # once, whatever is asked
    with pytest.raises(ConflictError, match="intet at rette"):
        correct(engine, year, new.bill_id)
    with UnitOfWork(engine) as uow:
        rerun = settle_year_run(u, 2026, uow, year.clock)
    assert (rerun.done, rerun.already) == (0, 3)
    with UnitOfWork(engine, write=False) as uow:
        assert len(uow.bills(u).of_customer(bakery)) == len(stored)
    assert_ledger_invariants(engine, u)


def test_only_a_settlement_is_corrected_and_always_with_a_reason(engine: Engine) -> None:
    year = settled_year(engine)
    u = year.utility_id
    bakery = customer_of(engine, u, "10003")
    with UnitOfWork(engine, write=False) as uow:
        bills: list[Bill] = uow.bills(u).of_customer(bakery)
    installment = next(b for b in bills if b.kind is BillKind.INSTALLMENT)
    with pytest.raises(ValidationError, match="ikke en afregning"):
        correct(engine, year, installment.bill_id)
    settlement = settlement_of(engine, u, bakery)
    with UnitOfWork(engine) as uow, pytest.raises(ValidationError, match="begrundelse"):
        correct_settlement(u, settlement.bill_id, CORRECTED_ON, " ", uow, year.clock)
    assert_ledger_invariants(engine, u)
