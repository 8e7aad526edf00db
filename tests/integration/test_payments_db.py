"""Payments taken in on both databases: a Betalingsservice delivery and a camt.053 statement
clear the right items in the rulebook's order; the same file twice is refused and changes
nothing; a wrong trailer total is refused with the reason; a charge-back reopens exactly what
its payment cleared; a payment that names nothing waits for staff and is then assigned."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.billing.bill import BillKind
from heatbill.domain.errors import ConflictError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.imports import ImportFile
from heatbill.services.payment_clarification import (
    AssignPayment,
    assign_payment,
    unmatched_payments,
)
from heatbill.services.payments import import_payments
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import Collected, Slip, bs_0602, camt053
from tests.integration.register_story import clock_on, with_customers

CHARGED = date(2026, 1, 2)
DUE = date(2026, 2, 2)
FEE = Money.kroner(100)


class Story:
    """A 4rater utility whose three customers were billed installment 1 on 2 January 2026
    (budgets from their areas); the flat's tenant also owes a 100 kr. reminder fee."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.clock: FixedClock = clock_on(CHARGED)
        self.utility_id = with_customers(engine, self.clock, preset="4rater")
        with UnitOfWork(engine) as uow:
            set_budgets(self.utility_id, 2026, uow, self.clock)
        with UnitOfWork(engine) as uow:
            bill_installments(self.utility_id, CHARGED, uow, self.clock)
        with UnitOfWork(engine, write=False) as uow:
            installations = uow.installations(self.utility_id)
            self.customer: dict[str, int] = {}
            for number in ("10001", "10002", "10003"):
                found = installations.installation_by_number(number)
                [rel] = installations.relationships_of(found.installation_id)
                self.customer[number] = rel.relationship_id
            bills = uow.bills(self.utility_id)
            self.bill = {
                n: next(b for b in bills.of_customer(c) if b.kind is BillKind.INSTALLMENT)
                for n, c in self.customer.items()
            }
            items = uow.ledger(self.utility_id).open_items()
        self.item = {
            n: next(i.open_item_id for i, _ in items if i.customer_id == c)
            for n, c in self.customer.items()
        }
        with UnitOfWork(engine) as uow:
            ledger = uow.ledger(self.utility_id)
            [fee_item] = ledger.new_open_item_ids(1)
            flat = self.customer["10002"]
            ledger.post(
                JournalEntry(
                    booking_date=date(2026, 2, 17),
                    reason=Reason.FEE,
                    description="Rykkergebyr",
                    clause="vestervig 6.13",
                    postings=(
                        Posting(Account.RECEIVABLES, FEE, flat, fee_item),
                        Posting(Account.FEE_REVENUE, -FEE),
                    ),
                    new_open_items=(
                        OpenItem(
                            fee_item, flat, OpenItemKind.FEE, date(2026, 2, 27), "Rykkergebyr"
                        ),
                    ),
                ),
                created_at=self.clock.now(),
            )
            uow.commit()
        self.fee_item = fee_item
        self.clock.advance_to(date(2026, 3, 10))

    def take(self, name: str, data: bytes) -> object:
        with UnitOfWork(self.engine) as uow:
            return import_payments(ImportFile(self.utility_id, name, data), uow, self.clock)

    def residuals(self) -> dict[int, Money]:
        with UnitOfWork(self.engine, write=False) as uow:
            return {i.open_item_id: r for i, r in uow.ledger(self.utility_id).open_items()}

    def balances(self) -> dict[Account, Money]:
        with UnitOfWork(self.engine, write=False) as uow:
            return uow.ledger(self.utility_id).account_balances()


def test_a_betalingsservice_delivery_clears_in_the_rulebooks_order_once(engine: Engine) -> None:
    story = Story(engine)
    house, flat, bakery = (story.bill[n].total for n in ("10001", "10002", "10003"))
    part = Money.kroner(150)
    data = bs_0602(
        4711,
        date(2026, 3, 3),
        [Collected("0236", story.customer["10001"], house.ore, DUE,
                   payment_id_for_open_item(story.item["10001"]))],
        [
            Slip(payment_id_for_open_item(story.item["10002"]), part.ore, date(2026, 3, 2)),
            Slip(payment_id_for_open_item(999_999), 12_345, date(2026, 3, 2)),
        ],
    )  # fmt: skip
    report = story.take("0602-4711.txt", data)
    assert report.matched == 2  # type: ignore[attr-defined]
    assert [(line, amount) for line, amount, _ in report.unmatched] == [  # type: ignore[attr-defined]
        (7, Money(12_345))
    ]
    left = story.residuals()
    # The house's installment is paid in full; the flat's 150 kr. pay the fee first (fees,
    # interest, then the oldest principal), 50 kr. go to the installment.
    assert story.item["10001"] not in left
    assert story.fee_item not in left
    assert left[story.item["10002"]] == flat - (part - FEE)
    assert left[story.item["10003"]] == bakery
    assert story.balances()[Account.UNMATCHED_PAYMENTS] == Money(-12_345)

    # The same delivery again — even renamed — is refused, naming the first, and changes nothing.
    with pytest.raises(ConflictError) as again:
        story.take("kopi.txt", data)
    assert "0602-4711.txt" in again.value.message
    assert story.residuals() == left

    # Nets takes the house's payment back (0239) and collects the bakery's installment: the
    # house's installment is open again, in full.
    back = bs_0602(
        4712,
        date(2026, 3, 12),
        [
            Collected("0239", story.customer["10001"], house.ore, DUE),
            Collected("0236", story.customer["10003"], bakery.ore, DUE),
        ],
        [],
    )
    story.take("0602-4712.txt", back)
    assert story.residuals()[story.item["10001"]] == house
    assert story.item["10003"] not in story.residuals()

    # Staff find out whose the unknown 123,45 kr. are and assign them to the flat's tenant.
    with UnitOfWork(engine, write=False) as uow:
        [waiting] = unmatched_payments(uow, story.utility_id)
    assert waiting.why_unmatched == (
        f"betalings-id {payment_id_for_open_item(999_999)} svarer ikke til nogen regning"
    )
    command = AssignPayment(
        story.utility_id,
        waiting.payment_id,
        story.customer["10002"],
        "Lejeren ringede og oplyste betalingen",
        "kbh",
    )
    with UnitOfWork(engine) as uow:
        assign_payment(command, uow, story.clock)
    assert story.residuals()[story.item["10002"]] == flat - (part - FEE) - Money(12_345)
    assert Account.UNMATCHED_PAYMENTS not in story.balances() or (
        story.balances()[Account.UNMATCHED_PAYMENTS] == Money(0)
    )
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError):
        assign_payment(command, uow, story.clock)
    assert_ledger_invariants(engine, story.utility_id)


def test_a_delivery_with_a_wrong_trailer_total_is_refused_and_nothing_is_taken(
    engine: Engine,
) -> None:
    story = Story(engine)
    house = story.bill["10001"].total
    lines = (
        bs_0602(
            4800, date(2026, 3, 3), [Collected("0236", story.customer["10001"], house.ore, DUE)], []
        )
        .decode("iso-8859-1")
        .splitlines()
    )
    end = lines[-1]
    lines[-1] = end[:42] + f"{house.ore + 100:015d}" + end[57:]
    before = story.residuals()
    with pytest.raises(FileFormatError) as refused:
        story.take("0602-4800.txt", ("\r\n".join(lines) + "\r\n").encode("iso-8859-1"))
    assert "992" in refused.value.message or "beløb" in refused.value.message
    assert story.residuals() == before
    with UnitOfWork(engine, write=False) as uow:
        assert uow.payments(story.utility_id).of_customer(story.customer["10001"]) == []


def test_a_camt053_statement_pays_by_fi_payment_id_and_keeps_an_overpayment(
    engine: Engine,
) -> None:
    story = Story(engine)
    house = story.bill["10001"].total
    extra = Money.kroner(200)
    data = camt053(
        "DK20260310-0001",
        date(2026, 3, 10),
        [(payment_id_for_open_item(story.item["10001"]), (house + extra).ore)],
    )
    report = story.take("kontoudtog.xml", data)
    assert report.credits == extra  # type: ignore[attr-defined]
    with UnitOfWork(engine, write=False) as uow:
        items = uow.ledger(story.utility_id).open_items(story.customer["10001"])
    assert [(i.kind, r) for i, r in items] == [(OpenItemKind.CREDIT, -extra)]
    with pytest.raises(ConflictError):
        story.take("kontoudtog-igen.xml", data)
    assert_ledger_invariants(engine, story.utility_id)
