"""Billing runs over a whole utility: setting the year's budgets and charging installments.

Set-based: the inputs come from `billing_context` in a few queries, the bills are issued in
one batch. A problem with one installation (missing readings, a property without the volume
its tariff needs) is collected and reported; the run goes on with the others. Idempotent for
its date: budgets already set and bills already issued are left alone. `dry_run` computes the
same and books nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.adapters.db import billing_queries
from heatbill.domain.billing.bill import Bill, BillKind, BillLine
from heatbill.domain.billing.budget import Budget, year_budget
from heatbill.domain.billing.budget_use import YearUse, area_estimate, expected_year_use
from heatbill.domain.billing.installments import heating_year
from heatbill.domain.errors import HeatbillError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money, round_ore
from heatbill.domain.register.relationships import Relationship
from heatbill.services.billing import issue_bills
from heatbill.services.billing_context import (
    BillingContext,
    load_context,
    load_rules,
    with_customers,
)
from heatbill.services.credits import set_off_credits
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

ONE_DAY = timedelta(days=1)
NET_OF_GROSS = Decimal(4) / Decimal(5)
"""Heat carries 25 % VAT: the net is four fifths of an amount incl. VAT."""


@dataclass
class RunReport:
    done: int = 0
    already: int = 0
    total: Money = field(default_factory=lambda: Money(0))
    problems: list[str] = field(default_factory=list)


def set_budgets(
    utility_id: int, year: int, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> RunReport:
    """Every customer's budget for heating `year`: last year's use (normalised when the rulebook
    says so), or the area estimate for an installation without a year of readings."""
    rulebook = rulebook_of(uow, utility_id, clock.today())
    period = heating_year(year, rulebook)
    last = heating_year(year - 1, rulebook)
    budgets = uow.budgets(utility_id)
    existing = budgets.latest(year)
    customers = billing_queries.relationships_on(uow.connection, utility_id, period.start)
    missing = [c for c in customers if c.relationship_id not in existing]
    report = RunReport(already=len(customers) - len(missing))
    # Only the customers without a budget are loaded: the daily run asks every month.
    rules = load_rules(uow, utility_id, period.start)
    ctx = with_customers(uow, rules, missing, last.start - ONE_DAY, date.max)
    made: list[tuple[int, Budget, int]] = []
    for customer in ctx.customers:
        try:
            budget = _budget(ctx, customer, year)
        except HeatbillError as problem:
            report.problems.append(_problem(customer, problem))
            continue
        made.append((customer.relationship_id, budget, 0))
        report.total += budget.amount
    report.done = len(made)
    if not dry_run:
        budgets.add(made, clock.now())
        uow.commit()
    return report


def _budget(ctx: BillingContext, customer: Relationship, year: int) -> Budget:
    installation = customer.installation_id
    metering = ctx.rulebook.metering
    period_last = heating_year(year - 1, ctx.rulebook)
    try:
        used = ctx.metered(installation, period_last.start - ONE_DAY, period_last.end - ONE_DAY)
        year_use: YearUse = expected_year_use(
            used.energy_mwh,
            period_last,
            ctx.degree_days,
            ctx.hot_water_share,
            normalise=metering.budget_normalised_by_degree_days.value,
        )
    except HeatbillError:
        year_use = area_estimate(
            ctx.properties[installation].heated_area_m2, metering.new_installation_mwh_per_m2.value
        )
    return year_budget(
        year,
        year_use,
        lambda period, mwh: ctx.price_expected(installation, period, mwh).total,
        ctx.rulebook,
        ctx.calendar,
        table=ctx.degree_days,
    )


def bill_installments(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, *, dry_run: bool = False
) -> RunReport:
    """Charge the installments falling on `on` (each budget's charge date)."""
    ctx = load_context(uow, utility_id, on, on)
    in_force = {c.relationship_id: c for c in ctx.customers}
    drafts = []
    for due in uow.budgets(utility_id).installments_charged_on(on):
        customer = in_force.get(due.relationship_id)
        if customer is None:
            continue  # moved out before the charge date: the move settlement takes over
        net = round_ore(Decimal(due.amount.ore) * NET_OF_GROSS)
        line = BillLine(
            say("runs.installment_line", number=due.number, year=due.year),
            net,
            due.amount - net,
            Account.HEAT_REVENUE,
            str(ctx.rulebook.installments.count.clause),
        )
        drafts.append(
            Bill(
                0,
                "",
                BillKind.INSTALLMENT,
                customer.relationship_id,
                customer.installation_id,
                due.charge_date,
                due.due_date,
                on,
                due.due_date,
                (line,),
            )
        )
    issued = issue_bills(
        uow,
        utility_id,
        drafts,
        now=clock.now(),
        dry_run=dry_run,
        clause_of={BillKind.INSTALLMENT.value: str(ctx.rulebook.installments.count.clause)},
    )
    if not dry_run:
        set_off_credits(
            uow,
            utility_id,
            issued.bills,
            issued.open_items,
            clause=str(ctx.rulebook.clearing.order.clause),
            now=clock.now(),
        )
        uow.commit()
    report = RunReport(len(issued.bills), issued.already)
    report.total = sum((b.total for b in issued.bills), Money(0))
    return report


def _problem(customer: Relationship, problem: HeatbillError) -> str:
    return say("runs.problem", installation=customer.installation_id, message=problem.message)
