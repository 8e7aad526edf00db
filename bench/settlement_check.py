"""Is the generated state what the real services would have booked? (`settlement.py --check`)

Two utilities from the same seed: in one the generator derives the installment bills inside
the database, in the other the real `bill_installments` run bills them on their charge dates.
Both are settled by `settle_year_run`; every customer's bills (kind, dates, lines), open items
with their residuals, and the utilities' account balances must be the same.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Engine

from heatbill.domain.billing.bill import Bill
from heatbill.services.billing_runs import bill_installments
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from settlement_state import SETTLED_ON, YEAR, State, build


def check(engine: Engine, n: int, seed: int) -> None:
    generated = build(engine, n, seed)
    served = build(engine, n, seed, bills=False)
    for schedule in served.schedules[YEAR], served.schedules[YEAR + 1][1:2]:
        for item in schedule:
            served.clock.advance_to(item.charge_date)
            with UnitOfWork(engine) as uow:
                bill_installments(served.utility_id, item.charge_date, uow, served.clock)
    assert served.clock.today() == SETTLED_ON
    for state in (generated, served):
        with UnitOfWork(engine) as uow:
            report = settle_year_run(state.utility_id, YEAR, uow, state.clock)
        assert (report.done, report.problems) == (n, []), report
    mismatches = 0
    kinds: Counter[str] = Counter()
    for customer in range(1, n + 1):
        mine, theirs = story(engine, generated, customer), story(engine, served, customer)
        if mine != theirs:
            mismatches += 1
            print(f"  customer {customer} differs:\n    generated {mine}\n    served    {theirs}")
        kinds[disposition(mine)] += 1
    balances = [balances_of(engine, s) for s in (generated, served)]
    assert balances[0] == balances[1], balances
    print(f"  {n} customers compared: {mismatches} differ; " + ", ".join(
        f"{k} {v}" for k, v in sorted(kinds.items())))  # fmt: skip
    assert mismatches == 0


def story(engine: Engine, state: State, customer: int) -> tuple[Any, ...]:
    """A customer's bills and open items, without their ids and numbers."""
    with UnitOfWork(engine, write=False) as uow:
        bills = uow.bills(state.utility_id).of_customer(customer)
        items = uow.ledger(state.utility_id).open_items(customer)
    return (
        tuple(_bill(b) for b in bills),
        tuple((i.kind.value, i.due_date, r.ore) for i, r in items),
    )


def _bill(b: Bill) -> tuple[Any, ...]:
    lines = tuple(
        (x.text, x.amount.ore, x.vat.ore, x.account.value, x.clause, x.quantity, x.unit, x.rate)
        for x in b.lines
    )
    return (b.kind.value, b.period_start, b.period_end, b.issue_date, b.due_date, lines)


def disposition(story: tuple[Any, ...]) -> str:
    """Owed, set off or paid out, from the customer's bills and open items after the run."""
    bills, items = story
    [settlement] = [b for b in bills if b[0] == "annual_settlement"]
    [rate] = [b for b in bills if b[0] == "installment" and b[3] == SETTLED_ON]
    if sum(line[1] + line[2] for line in settlement[5]) > 0:
        return "owed"
    rate_total = sum(line[1] + line[2] for line in rate[5])
    [residual] = [r for kind, due, r in items if due == rate[4] and kind == "principal"]
    return "set off" if residual < rate_total else "paid out"


def balances_of(engine: Engine, state: State) -> dict[str, int]:
    with UnitOfWork(engine, write=False) as uow:
        found = uow.ledger(state.utility_id).account_balances()
    return {account.value: amount.ore for account, amount in found.items()}
