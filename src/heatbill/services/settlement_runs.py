"""The annual settlement run (årsafregning) over a whole utility.

For every customer in force at the year's end: the year's actual use from the year-end
readings, priced at the tariffs in force (split at price changes), minus the installments
billed for the year. The settlement bill lists both; what is owed is collected with the next
installment, a refund is set off against it or paid out (`4rater`; `settlement.settle_year`).
Sent with installment n (`4rater`: 1 March with installment 2) or by the run date, which must
lie within the rulebook's deadline (`vestervig 6.2`: 2 months, `solrod 6.2`: 4 months).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db import billing_queries
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.charges import ChargeKind, Charges
from heatbill.domain.billing.installments import due_date, heating_year, installment_schedule
from heatbill.domain.billing.settlement import Disposition, SettlementResult, settle_year
from heatbill.domain.degree_days import Period
from heatbill.domain.errors import HeatbillError
from heatbill.domain.ledger import Account, JournalEntry, OpenItemKind, Posting, Reason
from heatbill.domain.ledger.clearing import credit_set_off_entry
from heatbill.domain.money import Money
from heatbill.domain.register.relationships import Relationship
from heatbill.services.billing import Issued, issue_bills
from heatbill.services.billing_context import BillingContext, load_rules, with_customers
from heatbill.services.billing_runs import RunReport
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

ONE_DAY = timedelta(days=1)
FIXED_KINDS = (ChargeKind.SUBSCRIPTION, ChargeKind.CAPACITY, ChargeKind.METER_RENT)


def settlement_date(year: int, uow: UnitOfWork, utility_id: int, run_date: date) -> date:
    """The settlement's bill date: with installment n of the next year where the rulebook
    says so (`4rater`), else the run date."""
    rulebook = rulebook_of(uow, utility_id, run_date)
    with_installment = rulebook.settlement.annual_with_installment
    if with_installment is None:
        return run_date
    schedule = installment_schedule(year + 1, rulebook, danish_bank_calendar())
    return next(i.charge_date for i in schedule if i.number == with_installment.value)


BATCH = 50_000
"""Customers settled per batch: their context is loaded, priced and booked together, so the
memory a run needs stays that of one batch however large the utility."""


def settle_year_run(
    utility_id: int,
    year: int,
    uow: UnitOfWork,
    clock: Clock,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Settle every customer of heating `year`, in batches of `BATCH`, in one transaction
    (committed at the end, so a crash half-way leaves nothing behind). `progress(done, total)`
    is told after each batch."""
    issue = settlement_date(year, uow, utility_id, clock.today())
    rulebook = rulebook_of(uow, utility_id, issue)
    period = heating_year(year, rulebook)
    rules = load_rules(uow, utility_id, period.end - ONE_DAY)
    report = RunReport()
    deadline = rulebook.settlement.annual_deadline_months
    if deadline is not None and issue > _add_months(period.end - ONE_DAY, deadline.value):
        report.problems.append(say("settlement.late", deadline=str(deadline.clause)))
    in_force = billing_queries.relationships_on(uow.connection, utility_id, period.end - ONE_DAY)
    customers = sorted(
        (c for c in in_force if c.start < period.end), key=lambda c: c.installation_id
    )
    for first in range(0, len(customers), BATCH):
        batch = customers[first : first + BATCH]
        ctx = with_customers(uow, rules, batch, period.start - ONE_DAY, period.end - ONE_DAY)
        next_installments = _next_installments(uow, utility_id, issue, batch)
        _settle_batch(
            uow, clock, ctx, period=period, issue=issue, next_installments=next_installments,
            report=report, dry_run=dry_run,
        )  # fmt: skip
        if progress is not None:
            progress(first + len(batch), len(customers))
    if not dry_run:
        uow.commit()
    return report


def _settle_batch(
    uow: UnitOfWork,
    clock: Clock,
    ctx: BillingContext,
    *,
    period: Period,
    issue: date,
    next_installments: dict[int, tuple[Money, date]],
    report: RunReport,
    dry_run: bool,
) -> None:
    """Price, issue and dispose of one batch of customers; adds to `report`."""
    billed = uow.bills(ctx.utility_id).billed(
        [c.relationship_id for c in ctx.customers], BillKind.INSTALLMENT, period.start, period.end
    )
    drafts: list[Bill] = []
    results: dict[int, SettlementResult] = {}
    for customer in ctx.customers:
        try:
            bill, result = _settlement(
                ctx,
                customer,
                period,
                issue,
                billed=billed.get(customer.relationship_id),
                next_installment=next_installments.get(customer.relationship_id),
            )
        except HeatbillError as problem:
            report.problems.append(
                say("runs.problem", installation=customer.installation_id, message=problem.message)
            )
            continue
        results[customer.relationship_id] = result
        if bill is not None:
            drafts.append(bill)
    clause = str(ctx.rulebook.settlement.annual_reading.clause)
    issued = issue_bills(
        uow,
        ctx.utility_id,
        drafts,
        now=clock.now(),
        dry_run=dry_run,
        clause_of={BillKind.ANNUAL_SETTLEMENT.value: clause},
    )
    report.done += len(issued.bills)
    report.already += issued.already
    # A settlement bill totals the customer's balance: actual charges minus installments.
    report.total += Money(sum(results[b.customer_id].balance.ore for b in issued.bills))
    if not dry_run:
        _dispose(uow, clock, ctx.utility_id, issued, results=results, clause=clause)


def _settlement(
    ctx: BillingContext,
    customer: Relationship,
    period: Period,
    issue: date,
    *,
    billed: tuple[Money, Money] | None,
    next_installment: tuple[Money, date] | None,
) -> tuple[Bill | None, SettlementResult]:
    own = Period(max(customer.start, period.start), period.end)
    used = ctx.metered(customer.installation_id, own.start - ONE_DAY, own.end - ONE_DAY)
    charges = ctx.price_metered(customer.installation_id, own, used)
    net_billed, vat_billed = billed or (Money(0), Money(0))
    result = settle_year(
        charges.total,
        net_billed + vat_billed,
        next_installment=None if next_installment is None else next_installment[0],
        next_due=None if next_installment is None else next_installment[1],
        offset_against_next=ctx.rulebook.settlement.refund_offset_against_next_installment.value,
    )
    if result.disposition is Disposition.NOTHING:
        return None, result
    lines = bill_lines(charges)
    if net_billed or vat_billed:
        lines.append(
            BillLine(
                say("runs.settlement_installments_line"),
                -net_billed,
                -vat_billed,
                Account.HEAT_REVENUE,
                str(ctx.rulebook.installments.count.clause),
            )
        )
    due = result.due or due_date(issue, ctx.rulebook, ctx.calendar)
    bill = Bill(
        0,
        "",
        BillKind.ANNUAL_SETTLEMENT,
        customer.relationship_id,
        customer.installation_id,
        own.start,
        own.end,
        issue,
        due,
        tuple(lines),
    )
    return bill, result


def bill_lines(charges: Charges) -> list[BillLine]:
    """A priced period as bill lines, VAT spread exactly over them; fixed charges apart."""
    return [
        BillLine(
            line.text,
            line.amount,
            vat,
            Account.FIXED_CHARGE_REVENUE if line.kind in FIXED_KINDS else Account.HEAT_REVENUE,
            str(line.clause),
            line.quantity,
            line.unit.value,
            line.rate,
        )
        for line, vat in zip(charges.lines, charges.line_vat(), strict=True)
    ]


def _next_installments(
    uow: UnitOfWork, utility_id: int, issue: date, customers: list[Relationship]
) -> dict[int, tuple[Money, date]]:
    """Each customer's next installment (amount, due date) charged on the settlement date."""
    charged = uow.budgets(utility_id).installments_charged_on(
        issue, [c.relationship_id for c in customers]
    )
    return {due.relationship_id: (due.amount, due.due_date) for due in charged}


def _dispose(
    uow: UnitOfWork,
    clock: Clock,
    utility_id: int,
    issued: Issued,
    *,
    results: dict[int, SettlementResult],
    clause: str,
) -> None:
    """Set a refund off against the installment it goes with, or pay it out (`4rater`).

    When that installment is not billed yet, the refund waits on the customer's account as a
    credit and the installment run sets it off (`credits.set_off_credits`).
    """
    refunds = [
        b
        for b in issued.bills
        if results[b.customer_id].disposition in (Disposition.SET_OFF, Disposition.PAY_OUT)
    ]
    ledger = uow.ledger(utility_id)
    items = ledger.open_items_of([b.customer_id for b in refunds])
    entries: list[JournalEntry] = []
    for bill in refunds:
        result = results[bill.customer_id]
        credit_item = issued.open_items[bill.bill_id]
        if result.disposition is Disposition.SET_OFF:
            own = items.get(bill.customer_id, [])
            targets = [
                i.open_item_id
                for i, residual in own
                if i.due_date == result.due
                and residual.ore > 0
                and i.kind is not OpenItemKind.CREDIT
            ]
            entry = credit_set_off_entry(
                customer_id=bill.customer_id,
                open_items=[(i, r) for i, r in own if r.ore > 0 or i.open_item_id == credit_item],
                targets=targets,
                booking_date=bill.issue_date,
                description=say("runs.settlement_set_off", number=bill.number),
                clause=clause,
                idempotency_key=f"settlement-disposition:{bill.bill_id}",
            )
            if entry is not None:
                entries.append(entry)
            continue
        refund = -result.balance  # the bill's total
        entries.append(
            JournalEntry(
                booking_date=bill.issue_date,
                reason=Reason.REFUND,
                description=say("runs.settlement_pay_out", number=bill.number),
                clause=clause,
                idempotency_key=f"settlement-disposition:{bill.bill_id}",
                postings=(
                    Posting(Account.RECEIVABLES, refund, bill.customer_id, credit_item),
                    Posting(Account.REFUNDS_PAYABLE, -refund),
                ),
            )
        )
    ledger.post_new(entries, created_at=clock.now())  # keys: new settlement bill ids


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - ONE_DAY).day
    return date(year, month, min(day.day, last))
