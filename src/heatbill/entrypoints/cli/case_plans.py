"""`heatbill case plan …`: payment plans on claims, and customers' requests for them.

heatbill case plan 17 18 --months 3 --start 01-12-2025 --by kbh [--reason "…"] -u demo
heatbill case plans -u demo [--json]                  plans with their state; open requests
heatbill case plan-request 17 --months 3 --start 01-12-2025 --note "…" --by portal -u demo
heatbill case plan-grant 4 --by kbh [--reason "…"] [--start D] [--months N] -u demo
heatbill case plan-refuse 4 --reason "…" --by kbh -u demo

`--date` is the day the plan was agreed (or the request received); today when left out.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.clock import Clock, FixedClock
from heatbill.adapters.db.plan_repository import PlanRow
from heatbill.entrypoints.cli.arguments import day, dk, iso, print_json
from heatbill.entrypoints.cli.cases import BY, app
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.payment_plans import (
    GrantedPlan,
    GrantPlan,
    RequestPlan,
    grant_plan,
    grant_request,
    plans_and_requests,
    refuse_request,
    request_plan,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

console = Console()
CLAIMS = typer.Argument(..., help=say("cli.plan.opt.claims"))
MONTHS = typer.Option(..., "--months", help=say("cli.plan.opt.months"))
START = typer.Option(..., "--start", help=say("cli.plan.opt.start"))
ON = typer.Option(None, "--date", help=say("cli.case.opt.date"))
REQUEST = typer.Argument(..., help=say("cli.plan.opt.request"))


@app.command("plan", help=say("cli.plan.plan"))
def plan_command(
    claims: list[int] = CLAIMS,
    months: int = MONTHS,
    start: str = START,
    by: str = BY,
    reason: str = typer.Option("", "--reason", help=say("cli.plan.opt.reason")),
    when: str | None = ON,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    command = GrantPlan(tuple(claims), day(start, "--start"), months, by, reason)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            granted = grant_plan(u, command, uow, _clock(when))
    _print_granted(granted)


@app.command("plan-request", help=say("cli.plan.request"))
def request_command(
    claims: list[int] = CLAIMS,
    months: int = MONTHS,
    start: str = START,
    note: str = typer.Option("", "--note", help=say("cli.plan.opt.note")),
    by: str = BY,
    when: str | None = ON,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    command = RequestPlan(tuple(claims), day(start, "--start"), months, note, by)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            request_id = request_plan(u, command, uow, _clock(when))
    typer.echo(say("cli.plan.requested", request=request_id))


@app.command("plan-grant", help=say("cli.plan.grant"))
def grant_command(
    request: int = REQUEST,
    by: str = BY,
    reason: str = typer.Option("", "--reason", help=say("cli.plan.opt.reason")),
    start: str | None = typer.Option(None, "--start", help=say("cli.plan.opt.start")),
    months: int | None = typer.Option(None, "--months", help=say("cli.plan.opt.months")),
    when: str | None = ON,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    first = None if start is None else day(start, "--start")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            granted = grant_request(u, request, by, uow, _clock(when), reason=reason,
                                    start=first, months=months)  # fmt: skip
    _print_granted(granted)


@app.command("plan-refuse", help=say("cli.plan.refuse"))
def refuse_command(
    request: int = REQUEST,
    reason: str = typer.Option(..., "--reason", help=say("cli.case.opt.reason")),
    by: str = BY,
    when: str | None = ON,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            refuse_request(u, request, reason, by, uow, _clock(when))
    typer.echo(say("cli.plan.refused", request=request))


@app.command("plans", help=say("cli.plan.plans"))
def plans_command(
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            plans, requests = plans_and_requests(uow, u)
    if as_json:
        print_json({
            "plans": [_plan_json(p) for p in plans],
            "requests": [
                {"request_id": r.request_id, "customer_id": r.customer_id,
                 "claims": list(r.claim_ids), "received_on": iso(r.received_on),
                 "start": iso(r.start_on), "months": r.months, "note": r.note}
                for r in requests
            ],
        })  # fmt: skip
        return
    table = Table(title=say("cli.plan.title"))
    for column in ("plan", "customer", "claims", "granted", "total", "installments", "state"):
        table.add_column(say(f"cli.plan.col.{column}"))
    for p in plans:
        table.add_row(
            str(p.plan_id), str(p.customer_id), ", ".join(map(str, p.claim_ids)),
            f"{dk(p.granted_on)} {p.granted_by}", p.total.format_da(),
            "\n".join(f"{dk(i.due)} {i.amount.format_da()}" for i in p.installments),
            _state(p),
        )  # fmt: skip
    console.print(table)
    if requests:
        waiting = Table(title=say("cli.plan.requests_title"))
        for column in ("request", "customer", "claims", "received", "start", "months", "note"):
            waiting.add_column(say(f"cli.plan.col.{column}"))
        for r in requests:
            waiting.add_row(str(r.request_id), str(r.customer_id),
                            ", ".join(map(str, r.claim_ids)), dk(r.received_on),
                            dk(r.start_on), str(r.months), r.note)  # fmt: skip
        console.print(waiting)


def _clock(when: str | None) -> Clock:
    return CLOCK if when is None else FixedClock.on(day(when, "--date"))


def _state(plan: PlanRow) -> str:
    if plan.outcome is None:
        return say("plans.state.active")
    state = say(f"plans.state.{plan.outcome.outcome.value}")
    return f"{state} {dk(plan.outcome.on)}: {plan.outcome.reason}"


def _print_granted(granted: GrantedPlan) -> None:
    grant = granted.grant
    fee = (
        say("cli.plan.with_fee", fee=grant.fee.amount_incl_vat.format_da())
        if grant.fee is not None
        else ""
    )
    typer.echo(say("cli.plan.granted", plan=granted.plan_id, count=len(grant.installments),
                   total=grant.total.format_da(), fee=fee))  # fmt: skip
    for i in grant.installments:
        typer.echo(say("cli.plan.installment", number=i.number, due=dk(i.due),
                       amount=i.amount.format_da()))  # fmt: skip


def _plan_json(p: PlanRow) -> dict[str, object]:
    return {
        "plan_id": p.plan_id,
        "customer_id": p.customer_id,
        "claims": p.claim_ids,
        "granted_on": iso(p.granted_on),
        "granted_by": p.granted_by,
        "reason": p.reason,
        "clause": p.clause,
        "owed_ore": p.owed.ore,
        "fee_ore": p.fee.ore,
        "total_ore": p.total.ore,
        "letter_id": p.letter_id,
        "request_id": p.request_id,
        "installments": [
            {"number": i.number, "due": iso(i.due), "amount_ore": i.amount.ore}
            for i in p.installments
        ],
        "state": "active" if p.outcome is None else p.outcome.outcome.value,
        "ended_on": None if p.outcome is None else iso(p.outcome.on),
        "outcome_reason": None if p.outcome is None else p.outcome.reason,
    }
