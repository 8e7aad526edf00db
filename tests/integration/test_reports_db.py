"""The customer statement and the debtor list on SQLite and PostgreSQL, from payments taken in.

The story: a 4rater utility bills its three customers installment 1 on 2 January 2026 (due
2 February); the flat's tenant also owes a 100 kr. reminder fee (due 27 February). Nets
collects the house's installment and later charges it back (0239); the flat pays 150 kr. with
the payment slip (the fee first, 50 kr. to the installment); Nets collects the bakery's
installment, and the bakery then pays 200 kr. more by bank transfer (kept as a credit).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event

from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.ledger.debtors import debtor_totals
from heatbill.domain.ledger.statement import MovementKind
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.services.accounting import reconciliation
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.imports import ImportFile
from heatbill.services.payments import import_payments
from heatbill.services.reports import (
    CustomerStatement,
    customer_by_installation,
    debtors_report,
    statement_report,
)
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import Collected, Slip, bs_0602, camt053
from tests.integration.register_story import clock_on, with_customers

CHARGED = date(2026, 1, 2)
DUE = date(2026, 2, 2)
FEE = Money.kroner(100)
SLIP = Money.kroner(150)
EXTRA = Money.kroner(200)
FIRST, LAST = date(2026, 1, 1), date(2026, 3, 31)


class Story:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        clock = clock_on(CHARGED)
        self.utility_id = u = with_customers(engine, clock, preset="4rater")
        with UnitOfWork(engine) as uow:
            set_budgets(u, 2026, uow, clock)
        with UnitOfWork(engine) as uow:
            bill_installments(u, CHARGED, uow, clock)
        self.customer: dict[str, int] = {}
        self.bill: dict[str, Bill] = {}
        with UnitOfWork(engine, write=False) as uow:
            for number in ("10001", "10002", "10003"):
                self.customer[number] = c = customer_by_installation(uow, u, number, CHARGED)
                self.bill[number] = next(
                    b for b in uow.bills(u).of_customer(c) if b.kind is BillKind.INSTALLMENT
                )
            items = uow.ledger(u).open_items()
        item = {n: next(i.open_item_id for i, _ in items if i.customer_id == c)
                for n, c in self.customer.items()}  # fmt: skip
        self._fee(clock.now())
        clock.advance_to(date(2026, 3, 10))
        house, bakery = self.bill["10001"].total, self.bill["10003"].total
        for name, data in (
            (
                "0602-1.txt",
                bs_0602(
                    4711,
                    date(2026, 3, 3),
                    [Collected("0236", self.customer["10001"], house.ore, DUE,
                               payment_id_for_open_item(item["10001"]))],
                    [Slip(payment_id_for_open_item(item["10002"]), SLIP.ore, date(2026, 3, 2))],
                ),
            ),
            (
                "0602-2.txt",
                bs_0602(4712, date(2026, 3, 12),
                        [Collected("0239", self.customer["10001"], house.ore, DUE),
                         Collected("0236", self.customer["10003"], bakery.ore, DUE)], []),
            ),
            (
                "camt.xml",
                camt053("DK-1", date(2026, 3, 10),
                        [(payment_id_for_open_item(item["10003"]), EXTRA.ore)]),
            ),
        ):  # fmt: skip
            with UnitOfWork(engine) as uow:
                import_payments(ImportFile(u, name, data), uow, clock)

    def _fee(self, now: Any) -> None:
        with UnitOfWork(self.engine) as uow:
            ledger = uow.ledger(self.utility_id)
            [fee_item] = ledger.new_open_item_ids(1)
            flat = self.customer["10002"]
            ledger.post(
                JournalEntry(
                    booking_date=date(2026, 2, 17),
                    reason=Reason.FEE,
                    description="Rykkergebyr",
                    postings=(
                        Posting(Account.RECEIVABLES, FEE, flat, fee_item),
                        Posting(Account.FEE_REVENUE, -FEE),
                    ),
                    new_open_items=(
                        OpenItem(fee_item, flat, OpenItemKind.FEE, date(2026, 2, 27), "Rykker"),
                    ),
                ),
                created_at=now,
            )
            uow.commit()

    def statement(self, number: str, first: date = FIRST, last: date = LAST) -> CustomerStatement:
        with UnitOfWork(self.engine, write=False) as uow:
            return statement_report(uow, self.utility_id, self.customer[number], first, last)


@pytest.fixture
def story(engine: Engine) -> Iterator[Story]:
    found = Story(engine)
    yield found
    assert_ledger_invariants(engine, found.utility_id)


def test_a_charged_back_payment_shows_on_the_statement_and_reopens_the_bill(
    story: Story,
) -> None:
    found = story.statement("10001")
    s, bill = found.statement, story.bill["10001"]
    assert found.card is not None
    assert (found.card.name, found.card.installation) == ("Jens Hansen", "10001")
    assert [m.kind for m in s.movements] == [
        MovementKind.BILL,
        MovementKind.PAYMENT,
        MovementKind.CHARGE_BACK,
    ]
    billed, paid, back = s.movements
    assert (billed.reference, billed.due_date, billed.amount) == (bill.number, DUE, bill.total)
    assert paid.payment is not None
    assert (paid.payment.source, paid.payment.matched_by) == ("betalingsservice", "payment_id")
    assert paid.amount == -bill.total
    assert paid.balance == Money(0)
    assert back.reverses_entry_id is not None
    assert back.balance == bill.total
    assert s.opening == Money(0)
    assert s.closing == s.open_total == bill.total
    assert s.reconciles
    [(item, residual)] = s.open_items
    assert (item.due_date, residual) == (DUE, bill.total)


def test_a_partial_payment_clears_the_fee_first_and_the_statement_says_which_items(
    story: Story,
) -> None:
    s = story.statement("10002").statement
    bill = story.bill["10002"]
    assert [m.kind for m in s.movements] == [
        MovementKind.BILL,
        MovementKind.FEE,
        MovementKind.PAYMENT,
    ]
    fee, paid = s.movements[1:]
    assert (fee.reference, fee.due_date, fee.amount) == ("Rykker", date(2026, 2, 27), FEE)
    assert paid.items == (("Rykker", -FEE), (f"Regning {bill.number}", -(SLIP - FEE)))
    assert s.closing == bill.total + FEE - SLIP
    assert s.reconciles
    assert [(i.kind, r) for i, r in s.open_items] == [
        (OpenItemKind.PRINCIPAL, bill.total - (SLIP - FEE))
    ]


def test_a_later_period_opens_with_the_balance_and_an_overpayment_stays_a_credit(
    story: Story,
) -> None:
    bakery = story.bill["10003"]
    january = story.statement("10003", FIRST, date(2026, 1, 31)).statement
    spring = story.statement("10003", date(2026, 2, 1), LAST).statement
    assert january.closing == spring.opening == bakery.total
    assert [(m.payment.source, m.payment.matched_by) for m in spring.movements if m.payment] == [
        ("betalingsservice", "bs_customer"),
        ("bank", "payment_id"),
    ]
    assert [m.amount for m in spring.movements] == [-bakery.total, -EXTRA]
    assert spring.closing == spring.open_total == -EXTRA
    assert [i.kind for i, _ in spring.open_items] == [OpenItemKind.CREDIT]
    assert january.reconciles
    assert spring.reconciles


def test_a_statement_for_nobody_or_a_backward_period_is_refused(story: Story) -> None:
    with UnitOfWork(story.engine, write=False) as uow:
        with pytest.raises(NotFoundError):
            statement_report(uow, story.utility_id, 999_999, FIRST, LAST)
        with pytest.raises(ValidationError):
            statement_report(uow, story.utility_id, story.customer["10001"], LAST, FIRST)
        with pytest.raises(NotFoundError):
            customer_by_installation(uow, story.utility_id, "10001", date(2000, 1, 1))


def test_the_debtor_list_adds_up_to_the_reconciled_subledger(story: Story) -> None:
    house, flat = story.bill["10001"], story.bill["10002"]
    with UnitOfWork(story.engine, write=False) as uow:
        counted = _count_queries(uow.connection.engine)
        lines = debtors_report(uow, story.utility_id, LAST)
        queries = counted()
        reconciled = reconciliation(uow, story.utility_id, LAST)
    by_installation = {line.card.installation: line for line in lines if line.card}
    assert set(by_installation) == {"10001", "10002", "10003"}
    assert by_installation["10001"].overdue == house.total
    assert by_installation["10001"].oldest_due == DUE
    assert by_installation["10002"].card is not None
    assert by_installation["10002"].card.name == "Mette Sørensen"
    assert by_installation["10002"].balance == flat.total + FEE - SLIP
    assert by_installation["10003"].credit == by_installation["10003"].balance == -EXTRA
    assert by_installation["10003"].oldest_due is None
    totals = debtor_totals(lines)
    assert totals.balance == reconciled.subledger == totals.claims + totals.credit
    assert totals.balance == house.total + flat.total + FEE - SLIP - EXTRA
    assert queries == 3  # balances, open items, register cards: none per customer


def _count_queries(engine: Engine) -> Any:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)

    def done() -> int:
        event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    return done
