"""Moves in the billing runs: the move settlement (flytteafregning) of every customer who has
left, and the move-in budget of every customer who has arrived.

The move settlement prices the leaving customer's part of the heating year from the move
reading, adds the move-statement fee by how the meter was read (`vestervig 6.12`: by
self-reading or by a reading visit; a remote reading costs no visit and takes the self-reading
fee), subtracts the installments billed to them, and stays with them (`vestervig 6.9`). It is
due within the rulebook's deadline (`vestervig 6.2`: 1 month; `solrod 6.2`: 3 months).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.budget import Budget, Price, move_in_budget
from heatbill.domain.billing.budget_use import BudgetBasis, YearUse, area_estimate
from heatbill.domain.billing.installments import due_date, heating_year, heating_year_of
from heatbill.domain.degree_days import Period
from heatbill.domain.errors import HeatbillError
from heatbill.domain.ledger import Account, JournalEntry, Posting, Reason
from heatbill.domain.money import Money
from heatbill.domain.register.readings import ReadingSource
from heatbill.domain.register.relationships import Relationship
from heatbill.domain.tariff import FeeKind
from heatbill.services.billing import Issued, issue_bills
from heatbill.services.billing_context import (
    BillingContext,
    load_context,
    load_rules,
    with_customers,
)
from heatbill.services.billing_runs import RunReport
from heatbill.services.settlement_runs import bill_lines
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

ONE_DAY = timedelta(days=1)


def settle_moves(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> RunReport:
    """Settle every relationship that ended on or before `on` and has no move settlement.

    Only the leavers' installations are loaded (a leaver whose settlement cannot be made yet,
    say for a held move reading, is tried again each day: that must not cost a whole town)."""
    ended = uow.installations(utility_id).ended_on_or_before(on)
    settled = uow.bills(utility_id).customers_with(
        BillKind.MOVE_SETTLEMENT, [r.relationship_id for r in ended]
    )
    leavers = [r for r in ended if r.relationship_id not in settled]
    report = RunReport()
    if not leavers:
        return report
    since = min(r.start for r in leavers) - ONE_DAY
    ctx = with_customers(uow, load_rules(uow, utility_id, on), leavers, since, on)
    drafts: list[Bill] = []
    for leaver in leavers:
        try:
            drafts.append(_move_bill(ctx, uow, utility_id, leaver, on))
        except HeatbillError as problem:
            report.problems.append(
                say("runs.problem", installation=leaver.installation_id, message=problem.message)
            )
    clause = str(ctx.rulebook.settlement.move_deadline_months.clause)
    issued = issue_bills(
        uow,
        utility_id,
        drafts,
        now=clock.now(),
        dry_run=dry_run,
        clause_of={BillKind.MOVE_SETTLEMENT.value: clause},
    )
    report.done, report.already = len(issued.bills), issued.already
    report.total = sum((b.total for b in issued.bills), Money(0))
    if not dry_run:
        _pay_out_refunds(uow, clock, utility_id, issued, clause)
        uow.commit()
    return report


def _move_bill(
    ctx: BillingContext, uow: UnitOfWork, utility_id: int, leaver: Relationship, on: date
) -> Bill:
    assert leaver.end is not None
    year = heating_year(heating_year_of(leaver.end - ONE_DAY, ctx.rulebook), ctx.rulebook)
    own = Period(max(leaver.start, year.start), leaver.end)
    used = ctx.metered(leaver.installation_id, own.start - ONE_DAY, own.end - ONE_DAY)
    charges = ctx.price_metered(leaver.installation_id, own, used)
    lines = bill_lines(charges)
    fee = ctx.tariffs.period_on(on).fee(_fee_kind(ctx, leaver))
    if fee is not None:
        lines.append(
            BillLine(
                say("runs.move_fee"),
                fee.amount_ex_vat,
                fee.amount_incl_vat - fee.amount_ex_vat,
                Account.FEE_REVENUE,
                str(fee.clause),
            )
        )
    net, vat = (
        uow.bills(utility_id)
        .billed([leaver.relationship_id], BillKind.INSTALLMENT, year.start, year.end)
        .get(leaver.relationship_id, (Money(0), Money(0)))
    )
    if net or vat:
        lines.append(
            BillLine(
                say("runs.settlement_installments_line"),
                -net,
                -vat,
                Account.HEAT_REVENUE,
                str(ctx.rulebook.installments.count.clause),
            )
        )
    return Bill(
        0,
        "",
        BillKind.MOVE_SETTLEMENT,
        leaver.relationship_id,
        leaver.installation_id,
        own.start,
        own.end,
        on,
        due_date(on, ctx.rulebook, ctx.calendar),
        tuple(lines),
    )


def _fee_kind(ctx: BillingContext, leaver: Relationship) -> FeeKind:
    """By reading visit when a technician read the meter at the move, else by self-reading."""
    assert leaver.end is not None
    read_on = leaver.end - ONE_DAY
    sources = {
        r.source
        for m in ctx.meters[leaver.installation_id]
        for r in ctx.readings.get(m.meter_id, [])
        if r.read_on == read_on
    }
    if ReadingSource.TECHNICIAN in sources:
        return FeeKind.MOVE_STATEMENT_READING_VISIT
    return FeeKind.MOVE_STATEMENT_SELF_READING


def _pay_out_refunds(
    uow: UnitOfWork, clock: Clock, utility_id: int, issued: Issued, clause: str
) -> None:
    """A move settlement to the leaver's good is paid out to them (`4rater`)."""
    ledger = uow.ledger(utility_id)
    entries = []
    for bill in issued.bills:
        if not bill.total.is_negative:
            continue
        credit_item = issued.open_items[bill.bill_id]
        entries.append(
            JournalEntry(
                booking_date=bill.issue_date,
                reason=Reason.REFUND,
                description=say("runs.move_pay_out", number=bill.number),
                clause=clause,
                idempotency_key=f"move-refund:{bill.bill_id}",
                postings=(
                    Posting(Account.RECEIVABLES, -bill.total, bill.customer_id, credit_item),
                    Posting(Account.REFUNDS_PAYABLE, bill.total),
                ),
            )
        )
    ledger.post_many(entries, created_at=clock.now())


def set_move_in_budgets(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> RunReport:
    """A budget for every customer who began in the current heating year without one,
    from the move-in date to the year's end, weighted by season (`4rater`)."""
    ctx = load_context(uow, utility_id, on, date.min)
    year = heating_year_of(on, ctx.rulebook)
    existing = uow.budgets(utility_id).latest(year)
    report = RunReport()
    made: list[tuple[int, Budget, int]] = []
    for customer in ctx.customers:
        if (
            customer.relationship_id in existing
            or customer.start <= heating_year(year, ctx.rulebook).start
        ):
            continue
        year_use = _year_use(ctx, customer.installation_id, year)
        budget = move_in_budget(
            customer.start,
            year_use,
            _pricer(ctx, customer.installation_id),
            ctx.rulebook,
            ctx.calendar,
            table=ctx.degree_days,
        )
        made.append((customer.relationship_id, budget, 0))
        report.total += budget.amount
    report.done = len(made)
    if not dry_run:
        uow.budgets(utility_id).add(made, clock.now())
        uow.commit()
    return report


def _year_use(ctx: BillingContext, installation_id: int, year: int) -> YearUse:
    """The installation's last heating year (the previous occupant's use), else the area
    estimate (`4rater`: "beregnet ud fra et skøn")."""
    last = heating_year(year - 1, ctx.rulebook)
    try:
        used = ctx.metered(installation_id, last.start - ONE_DAY, last.end - ONE_DAY)
    except HeatbillError:
        area = ctx.properties[installation_id].heated_area_m2
        return area_estimate(area, ctx.rulebook.metering.new_installation_mwh_per_m2.value)
    return YearUse(used.energy_mwh, BudgetBasis.LAST_YEAR_ACTUAL)


def _pricer(ctx: BillingContext, installation_id: int) -> Price:
    def price(period: Period, mwh: Decimal) -> Money:
        return ctx.price_expected(installation_id, period, mwh).total

    return price
