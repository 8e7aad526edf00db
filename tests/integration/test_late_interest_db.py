"""Late interest on both databases: a claim overdue across 1 January is charged at each
half-year's rate, the interest stays open when the principal is paid, a run repeated for its
date books nothing, a partial payment lowers the base from its date, small amounts wait."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.domain.collections.interest import late_interest
from heatbill.domain.collections.reference_rates import PUBLISHED_RATES, ReferenceRates
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money, round_ore
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.domain.rulebook.billing import DayCount
from heatbill.services.billing_runs import RunReport, bill_installments, set_budgets
from heatbill.services.imports import ImportFile
from heatbill.services.late_interest import post_late_interest
from heatbill.services.payments import import_payments
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import camt053
from tests.integration.register_story import clock_on, new_solrod_utility, with_customers

RATES = ReferenceRates.of(PUBLISHED_RATES)
CUSTOMER = 4711


class Ledger:
    """A Solrød utility (ACT/365, due dates roll to bank days) with hand-booked claims."""

    def __init__(self, engine: Engine, start: date) -> None:
        self.engine = engine
        self.clock: FixedClock = clock_on(start)
        self.utility_id = new_solrod_utility(engine, self.clock)

    def claim(self, amount: Money, billed: date, due: date) -> int:
        with UnitOfWork(self.engine) as uow:
            ledger = uow.ledger(self.utility_id)
            [item] = ledger.new_open_item_ids(1)
            ledger.post(
                JournalEntry(
                    booking_date=billed,
                    reason=Reason.INSTALLMENT,
                    description="Regning 2024-0000001",
                    postings=(
                        Posting(Account.RECEIVABLES, amount, CUSTOMER, item),
                        Posting(Account.HEAT_REVENUE, -amount),
                    ),
                    new_open_items=(
                        OpenItem(item, CUSTOMER, OpenItemKind.PRINCIPAL, due, "Regning 1"),
                    ),
                ),
                created_at=self.clock.now(),
            )
            uow.commit()
        return item

    def pay(self, item: int, amount: Money, on: date) -> None:
        with UnitOfWork(self.engine) as uow:
            uow.ledger(self.utility_id).post(
                JournalEntry(
                    booking_date=on,
                    reason=Reason.PAYMENT,
                    description="Indbetaling",
                    postings=(
                        Posting(Account.BANK, amount),
                        Posting(Account.RECEIVABLES, -amount, CUSTOMER, item),
                    ),
                ),
                created_at=self.clock.now(),
            )
            uow.commit()

    def run(self, on: date, *, dry_run: bool = False) -> RunReport:
        with UnitOfWork(self.engine) as uow:
            return post_late_interest(self.utility_id, on, uow, self.clock, dry_run=dry_run)

    def open_items(self) -> list[tuple[OpenItem, Money]]:
        with UnitOfWork(self.engine, write=False) as uow:
            return uow.ledger(self.utility_id).open_items()


def test_interest_across_1_january_survives_the_payment_and_is_booked_once(
    engine: Engine,
) -> None:
    books = Ledger(engine, date(2024, 11, 1))
    principal = books.claim(Money.kroner(10_000), date(2024, 11, 1), date(2024, 12, 2))

    dry = books.run(date(2025, 1, 31), dry_run=True)
    assert (dry.done, dry.total) == (1, Money(18_288))
    assert [i.kind for i, _ in books.open_items()] == [OpenItemKind.PRINCIPAL]

    # 30 days at 3,50 + 8 % and 30 days at 2,75 + 8 %: 182,88 kr. (the unit test's figure).
    first = books.run(date(2025, 1, 31))
    assert (first.done, first.total, first.problems) == (1, Money(18_288), [])
    again = books.run(date(2025, 1, 31))
    assert (again.done, again.already, again.total) == (0, 1, Money(0))

    books.pay(principal, Money.kroner(10_000), date(2025, 2, 10))
    # 31 January to 10 February: 10 days at 10,75 % = 29,45 kr.; then the claim is paid.
    assert books.run(date(2025, 2, 28)).total == Money(2_945)
    assert books.run(date(2025, 2, 28)).done == 0
    assert books.run(date(2025, 3, 31)).done == 0

    items = books.open_items()
    assert [(i.kind, r) for i, r in items] == [
        (OpenItemKind.INTEREST, Money(18_288)),
        (OpenItemKind.INTEREST, Money(2_945)),
    ]
    interest = items[0][0]
    assert interest.reference == "Morarente af Regning 1"
    assert interest.clause == "renteloven § 5"
    with UnitOfWork(engine, write=False) as uow:
        basis = uow.interest(books.utility_id).of_interest_item(interest.open_item_id)
        balances = uow.ledger(books.utility_id).account_balances()
        [text] = [
            e.description
            for _, e in uow.ledger(books.utility_id).journal()
            if e.new_open_items and e.new_open_items[0].open_item_id == interest.open_item_id
        ]
    assert [(b.from_date, b.to_date, b.days, b.rate_percent, b.day_count) for b in basis] == [
        (date(2024, 12, 2), date(2025, 1, 1), 30, Decimal("11.5"), "ACT/365"),
        (date(2025, 1, 1), date(2025, 1, 31), 30, Decimal("10.75"), "ACT/365"),
    ]
    assert all(b.principal == Money.kroner(10_000) for b in basis)
    assert text == (
        "Morarente af Regning 1, 02-12-2024–01-01-2025: 30 dage à 11,50 % af 10.000,00 kr.; "
        "01-01-2025–31-01-2025: 30 dage à 10,75 % af 10.000,00 kr. (ACT/365, renteloven § 5)"
    )
    assert balances[Account.INTEREST_REVENUE] == Money(-18_288 - 2_945)
    assert_ledger_invariants(engine, books.utility_id)


def test_small_amounts_wait_while_unpaid_and_are_let_go_once_paid(engine: Engine) -> None:
    books = Ledger(engine, date(2025, 12, 1))
    # Due Saturday 3 January 2026: interest runs from Monday 5 January.
    principal = books.claim(Money.kroner(100), date(2025, 12, 1), date(2026, 1, 3))
    # 10 days at 9,75 % of 100 kr. = 0,27 kr.: under 1,00 kr., carried forward.
    assert books.run(date(2026, 1, 15)).done == 0
    books.pay(principal, Money.kroner(100), date(2026, 1, 20))
    let_go = books.run(date(2026, 2, 1))
    assert (let_go.done, let_go.total) == (0, Money(0))
    with UnitOfWork(engine, write=False) as uow:
        rows = uow.interest(books.utility_id).of_interest_item(0)
        recorded = uow.connection.exec_driver_sql(
            "SELECT from_date, to_date, days FROM interest_charge "
            f"WHERE utility_id = {books.utility_id} AND interest_item_id IS NULL"
        ).all()
    assert rows == []
    assert [(str(f), str(t), d) for f, t, d in recorded] == [("2026-01-05", "2026-01-20", 15)]
    assert books.run(date(2026, 3, 1)).already == 0
    assert books.open_items() == []


def test_billed_installments_owe_interest_on_what_a_partial_payment_left(engine: Engine) -> None:
    clock = clock_on(date(2026, 1, 2))
    utility_id = with_customers(engine, clock, preset="4rater")
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, clock)
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, date(2026, 1, 2), uow, clock)
    with UnitOfWork(engine, write=False) as uow:
        items = uow.ledger(utility_id).open_items()
    (item, billed), *others = [(i, r) for i, r in items if i.kind is OpenItemKind.PRINCIPAL]
    due = item.due_date
    half = Money(billed.ore // 2)
    clock.advance_to(date(2026, 3, 2))
    with UnitOfWork(engine) as uow:
        statement = camt053("DK20260302", date(2026, 3, 2), [
            (payment_id_for_open_item(item.open_item_id), half.ore)
        ])  # fmt: skip
        import_payments(ImportFile(utility_id, "camt.xml", statement), uow, clock)
    with UnitOfWork(engine) as uow:
        report = post_late_interest(utility_id, date(2026, 3, 31), uow, clock)

    def owed(amount: Money, start: date, until: date) -> Decimal:
        result = late_interest(amount, start, until, RATES, DayCount.ACT_365, claim_due=due)
        return sum((p.exact_ore for p in result.parts), Decimal(0))

    paid_on, run_on = date(2026, 3, 2), date(2026, 3, 31)
    expected = round_ore(owed(billed, due, paid_on) + owed(billed - half, paid_on, run_on))
    unpaid = [round_ore(owed(r, i.due_date, run_on)) for i, r in others]
    assert item.reference.startswith("Regning ")
    assert (report.done, report.problems) == (1 + len(unpaid), [])
    assert report.total == expected + sum(unpaid, Money(0))
    with UnitOfWork(engine, write=False) as uow:
        [charged] = [
            r
            for i, r in uow.ledger(utility_id).open_items(item.customer_id)
            if i.kind is OpenItemKind.INTEREST
        ]
    assert charged == expected
    assert_ledger_invariants(engine, utility_id)
