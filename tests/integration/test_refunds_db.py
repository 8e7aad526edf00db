"""Refunds out on both databases: a settled 4rater year's refund and an overpayment's credit are
proposed, approved with initials (or rejected with a reason), and paid in a pain.001 file that
books each refund once; nothing is proposed or paid twice, and a credit below the rulebook's
minimum stays on the account. The file of the settled year is a golden file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.billing.bill import BillKind
from heatbill.domain.errors import ConflictError, NotFoundError, ValidationError
from heatbill.domain.ledger import Account, OpenItemKind
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.domain.payments.refunds import RefundSource, RefundStatus
from heatbill.domain.register.payout_accounts import PayingAccount, PayoutAccount
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.imports import ImportFile
from heatbill.services.payments import import_payments
from heatbill.services.refund_payouts import (
    MakePayout,
    SetCustomerAccount,
    SetUtilityAccount,
    make_payout,
    set_customer_account,
    set_utility_account,
)
from heatbill.services.refunds import (
    DecideRefund,
    ProposalReport,
    ProposeRefunds,
    approve_refund,
    propose_refunds,
    refund_proposals,
    reject_refund,
)
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.payment_files import camt053
from tests.integration.register_story import clock_on, with_customers
from tests.integration.settled_story import SETTLED_ON, customer_of, settled_year

GOLDEN = Path(__file__).parent.parent / "golden" / "formats" / "pain001"
UTILITY_IBAN = "DK5000400440116243"  # the ISO 13616 example account
PAID_ON = date(2027, 3, 5)


class Refunds:
    """The refund use cases of one utility, each in a unit of work of its own."""

    def __init__(self, engine: Engine, utility_id: int, clock: FixedClock) -> None:
        self.engine, self.utility_id, self.clock = engine, utility_id, clock

    def propose(self, on: date) -> ProposalReport:
        with UnitOfWork(self.engine) as uow:
            return propose_refunds(ProposeRefunds(self.utility_id, on), uow, self.clock)

    def approve(self, proposal_id: int, by: str = "kbh") -> None:
        with UnitOfWork(self.engine) as uow:
            approve_refund(DecideRefund(self.utility_id, proposal_id, by), uow, self.clock)

    def reject(self, proposal_id: int, reason: str) -> None:
        command = DecideRefund(self.utility_id, proposal_id, "kbh", reason)
        with UnitOfWork(self.engine) as uow:
            reject_refund(command, uow, self.clock)

    def account(self, customer_id: int, account: PayoutAccount) -> None:
        command = SetCustomerAccount(self.utility_id, customer_id, account, "kbh")
        with UnitOfWork(self.engine) as uow:
            set_customer_account(command, uow, self.clock)

    def bank(self, nemkonto_agreed: bool = False) -> None:
        paying = PayingAccount(UTILITY_IBAN, "DABADKKK", nemkonto_agreed)
        with UnitOfWork(self.engine) as uow:
            set_utility_account(SetUtilityAccount(self.utility_id, paying, "kbh"), uow, self.clock)

    def payout(self, on: date = PAID_ON) -> str:
        with UnitOfWork(self.engine) as uow:
            return make_payout(MakePayout(self.utility_id, on), uow, self.clock).content

    def listed(self) -> list[tuple[int, RefundSource, Money, RefundStatus]]:
        with UnitOfWork(self.engine, write=False) as uow:
            rows = refund_proposals(uow, self.utility_id)
        return [(r.customer_id, r.source, r.amount, r.status) for r in rows]

    def balances(self) -> dict[Account, Money]:
        with UnitOfWork(self.engine, write=False) as uow:
            return uow.ledger(self.utility_id).account_balances()


def test_a_settled_years_refund_is_proposed_approved_and_paid_once(
    engine: Engine, update_golden: bool
) -> None:
    story = settled_year(engine)
    house = customer_of(engine, story.utility_id, "10001")
    refunds = Refunds(engine, story.utility_id, story.clock)
    owed = -refunds.balances()[Account.REFUNDS_PAYABLE]
    assert owed.ore > 0  # 10001 used 60 % of last year: its refund exceeds installment 2
    refunds.account(house, PayoutAccount.danish("1551", "3456789"))

    report = refunds.propose(SETTLED_ON)
    assert [d.customer_id for _, d in report.proposed] == [house]
    assert report.total == owed
    assert report.minimum.value == Money.kroner(50)
    assert refunds.propose(SETTLED_ON).proposed == []  # the same refund is not proposed twice
    [(proposal_id, draft)] = report.proposed
    assert draft.source is RefundSource.SETTLEMENT

    with pytest.raises(NotFoundError):  # the utility's own account is not known yet
        refunds.payout()
    refunds.bank()
    with pytest.raises(ValidationError):  # nothing approved yet
        refunds.payout()
    refunds.approve(proposal_id)
    before = refunds.balances()
    assert before[Account.REFUNDS_PAYABLE] == -owed  # a run's refund is booked there already

    content = refunds.payout()
    after = refunds.balances()
    assert after[Account.REFUNDS_PAYABLE] == Money(0)
    assert after[Account.BANK] == before.get(Account.BANK, Money(0)) - owed
    assert refunds.listed() == [(house, RefundSource.SETTLEMENT, owed, RefundStatus.PAID)]
    with pytest.raises(ValidationError):  # paid: in no second file
        refunds.payout()
    with pytest.raises(ConflictError):
        refunds.approve(proposal_id)
    golden = GOLDEN / "settled-year-refund.xml"
    if update_golden:
        golden.write_text(content, encoding="utf-8")
    assert content == golden.read_text(encoding="utf-8")
    assert_ledger_invariants(engine, story.utility_id)


class Overpaid:
    """A 4rater utility's three customers billed installment 1 on 2 January 2026; the house
    (10001) pays it and 200 kr. more by bank transfer on 10 March."""

    def __init__(self, engine: Engine, extra: Money) -> None:
        self.clock = clock_on(date(2026, 1, 2))
        self.utility_id = with_customers(engine, self.clock, preset="4rater")
        with UnitOfWork(engine) as uow:
            set_budgets(self.utility_id, 2026, uow, self.clock)
        with UnitOfWork(engine) as uow:
            bill_installments(self.utility_id, date(2026, 1, 2), uow, self.clock)
        self.customer = customer_of(engine, self.utility_id, "10001")
        with UnitOfWork(engine, write=False) as uow:
            [bill] = [
                b
                for b in uow.bills(self.utility_id).of_customer(self.customer)
                if b.kind is BillKind.INSTALLMENT
            ]
            [(item, _)] = uow.ledger(self.utility_id).open_items(self.customer)
        self.clock.advance_to(date(2026, 3, 10))
        statement = camt053(
            "DK20260310-0001",
            date(2026, 3, 10),
            [(payment_id_for_open_item(item.open_item_id), (bill.total + extra).ore)],
        )
        with UnitOfWork(engine) as uow:
            data = ImportFile(self.utility_id, "kontoudtog.xml", statement)
            import_payments(data, uow, self.clock)
        self.refunds = Refunds(engine, self.utility_id, self.clock)


def test_an_overpayment_is_proposed_and_approving_moves_it_to_refunds_payable(
    engine: Engine,
) -> None:
    story = Overpaid(engine, Money.kroner(200))
    refunds = story.refunds
    [(proposal_id, draft)] = refunds.propose(date(2026, 3, 10)).proposed
    assert (draft.customer_id, draft.source, draft.amount) == (
        story.customer,
        RefundSource.CREDIT,
        Money.kroner(200),
    )
    assert refunds.propose(date(2026, 3, 11)).proposed == []  # still waiting for a decision
    refunds.approve(proposal_id)
    with UnitOfWork(engine, write=False) as uow:
        items = uow.ledger(story.utility_id).open_items(story.customer)
    assert items == []  # the credit is closed into REFUNDS_PAYABLE
    assert refunds.balances()[Account.REFUNDS_PAYABLE] == -Money.kroner(200)
    assert refunds.propose(date(2026, 3, 11)).proposed == []

    refunds.bank()  # no NemKonto agreement: a customer without an account cannot be paid
    with pytest.raises(FileFormatError, match="NemKonto"):
        refunds.payout(date(2026, 3, 12))
    assert refunds.balances()[Account.REFUNDS_PAYABLE] == -Money.kroner(200)  # nothing booked
    refunds.bank(nemkonto_agreed=True)
    content = refunds.payout(date(2026, 3, 12))
    assert "<Prtry>NEMKONTO</Prtry>" in content
    assert '<InstdAmt Ccy="DKK">200.00</InstdAmt>' in content
    assert refunds.balances()[Account.REFUNDS_PAYABLE] == Money(0)
    assert_ledger_invariants(engine, story.utility_id)


def test_a_credit_below_the_minimum_stays_on_the_account(engine: Engine) -> None:
    story = Overpaid(engine, Money.kroner(30))
    assert story.refunds.propose(date(2026, 3, 10)).proposed == []
    with UnitOfWork(engine, write=False) as uow:
        items = uow.ledger(story.utility_id).open_items(story.customer)
    assert [(i.kind, r) for i, r in items] == [(OpenItemKind.CREDIT, -Money.kroner(30))]


def test_a_rejected_proposal_keeps_the_credit_and_says_who_and_why(engine: Engine) -> None:
    story = Overpaid(engine, Money.kroner(200))
    refunds = story.refunds
    [(proposal_id, _)] = refunds.propose(date(2026, 3, 10)).proposed
    with pytest.raises(ValidationError):
        refunds.reject(proposal_id, "  ")
    refunds.reject(proposal_id, "Kunden vil have beløbet modregnet")
    with UnitOfWork(engine, write=False) as uow:
        [row] = refund_proposals(uow, story.utility_id)
        items = uow.ledger(story.utility_id).open_items(story.customer)
    assert (row.status, row.decided_by, row.reason) == (
        RefundStatus.REJECTED,
        "kbh",
        "Kunden vil have beløbet modregnet",
    )
    assert row.decided_on == date(2026, 3, 10)
    assert [r for _, r in items] == [-Money.kroner(200)]
    with pytest.raises(ConflictError):
        refunds.approve(proposal_id)
    assert refunds.propose(date(2026, 3, 11)).proposed == []  # the same credit, not again
    assert Account.REFUNDS_PAYABLE not in refunds.balances()
