"""The daily run (`heatbill run daily`): a utility's day, in a fixed order, once.

1. payments: the files waiting in the inbox — Betalingsservice 0602/0603, FI, camt.053 —
   each taken whole or refused, once (a file taken before is recognised and moved aside);
2. interest: late interest up to the day;
3. collections: the day's steps on every claim (evaluated after the day's payments);
4. letters: every queued letter and work order rendered and delivered on its channel (when the
   run is given channels: a folder for the batch files, SMTP from the environment);
5. securities: deposits and guarantees due for release;
6. billing: budgets when a heating year's first charge comes near, move-in budgets, move
   settlements and the installments charged on the day;
7. settlement: the annual settlement on its day (with installment n where the rulebook says
   so, `4rater`; else the 15th of the month after the annual reading, on a bank day).

Every step is idempotent for its date on its own (idempotency keys, files by hash, one
collections step per claim and day), and commits its own work; a row per finished step lets a
resumed run skip what is done. A crash (even kill -9) at any point loses nothing and doubles
nothing: re-running the day finishes it. One run per utility at a time (`run_lock`).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.run_lock import RunLockedError, utility_run_lock
from heatbill.adapters.db.statistics import refresh_statistics
from heatbill.adapters.formats.payment_batches import PaymentFormat, sniff
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.billing.installments import heating_year, heating_year_of, installment_schedule
from heatbill.domain.errors import ConflictError, HeatbillError
from heatbill.domain.money import Money
from heatbill.domain.rulebook import Rulebook
from heatbill.services.billing_runs import RunReport, bill_installments, set_budgets
from heatbill.services.collections import run_collections
from heatbill.services.imports import ImportFile
from heatbill.services.late_interest import post_late_interest
from heatbill.services.letter_delivery import Channels, send_letters
from heatbill.services.mandates import import_mandates
from heatbill.services.move_runs import set_move_in_budgets, settle_moves
from heatbill.services.payments import import_payments
from heatbill.services.security_release import release_due
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

CRASH_ENV = "HEATBILL_TEST_CRASH_AT"
"""Tests only: `step:point` (e.g. `collections:after`) makes the process die there (kill -9)."""
PAUSE_ENV = "HEATBILL_TEST_PAUSE_AT"
"""Tests only: `step:point:seconds` holds the run there (to show a second run refused)."""
STEPS = ("payments", "interest", "collections", "letters", "securities", "billing", "settlement")


@dataclass
class StepResult:
    step: str
    done: int = 0
    already: int = 0
    total: Money = field(default_factory=lambda: Money(0))
    problems: list[str] = field(default_factory=list)
    skipped: bool = False
    """Finished by an earlier (interrupted) run of the same day."""


@dataclass
class DailyReport:
    day: date
    steps: list[StepResult] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DailyRun:
    engine: Engine
    utility_id: int
    inbox: Path | None = None
    dry_run: bool = False
    channels: Channels | None = None
    """Where letters go; None: they stay queued (sent by `heatbill letters send`)."""


Progress = Callable[[str], None]


def run_daily(run: DailyRun, on: date, progress: Progress | None = None) -> DailyReport:
    """The day `on` for the utility; ConflictError when another run holds the utility."""
    try:
        with utility_run_lock(run.engine, run.utility_id):
            return _run_day(run, on, progress or (lambda _: None))
    except RunLockedError as held:
        raise ConflictError(say("daily.locked", utility=run.utility_id)) from held


def run_until(run: DailyRun, until: date, progress: Progress | None = None) -> list[DailyReport]:
    """Catch up day by day from the day after the last finished run to `until`."""
    with UnitOfWork(run.engine, write=False) as uow:
        last = uow.daily_runs(run.utility_id).last_finished(STEPS[-1])
    first = until if last is None else last + timedelta(days=1)
    reports, day = [], first
    while day <= until:
        reports.append(run_daily(run, day, progress))
        day += timedelta(days=1)
    return reports


def _run_day(run: DailyRun, on: date, progress: Progress) -> DailyReport:
    refresh_statistics(run.engine)
    with UnitOfWork(run.engine, write=False) as uow:
        finished = uow.daily_runs(run.utility_id).finished(on)
    report = DailyReport(on)
    steps: dict[str, Callable[[DailyRun, date], StepResult]] = {
        "payments": _payments,
        "interest": _interest,
        "collections": _collections,
        "letters": _letters,
        "securities": _securities,
        "billing": _billing,
        "settlement": _settlement,
    }
    for name in STEPS:
        progress(say(f"daily.step.{name}", day=f"{on:%d-%m-%Y}"))
        if name in finished and not run.dry_run:
            report.steps.append(StepResult(name, skipped=True))
            continue
        _crash_point(name, "before")
        result = steps[name](run, on)
        report.steps.append(result)
        _crash_point(name, "after")
        if not run.dry_run:
            summary = {
                "done": result.done,
                "already": result.already,
                "total_ore": result.total.ore,
                "problems": result.problems,
            }
            with UnitOfWork(run.engine) as uow:
                uow.daily_runs(run.utility_id).finish(
                    on, name, json.dumps(summary), _clock(on).now()
                )
                uow.commit()
    return report


# --- the steps ------------------------------------------------------------------------------


def _payments(run: DailyRun, on: date) -> StepResult:
    result = StepResult("payments")
    if run.inbox is None or not run.inbox.is_dir():
        return result
    for path in sorted(p for p in run.inbox.iterdir() if p.is_file()):
        data = path.read_bytes()
        command = ImportFile(run.utility_id, path.name, data)
        if run.dry_run:
            result.done += 1
            continue
        try:
            with UnitOfWork(run.engine) as uow:
                if sniff(data) is PaymentFormat.BETALINGSSERVICE_0603:
                    import_mandates(command, uow, _clock(on))
                else:
                    taken = import_payments(command, uow, _clock(on))
                    result.total += taken.paid_total
                    result.problems += [
                        say(
                            "daily.unmatched",
                            file=path.name,
                            line=line,
                            amount=amount.format_da(),
                            why=why,
                        )
                        for line, amount, why in taken.unmatched
                    ]
            result.done += 1
            _move(path, "indlæst")
        except ConflictError:
            result.already += 1
            _move(path, "indlæst")
        except HeatbillError as problem:
            result.problems.append(
                say("daily.file_refused", file=path.name, message=problem.message)
            )
            _move(path, "afvist")
    return result


def _interest(run: DailyRun, on: date) -> StepResult:
    with UnitOfWork(run.engine) as uow:
        report = post_late_interest(run.utility_id, on, uow, _clock(on), dry_run=run.dry_run)
    return _from(report, "interest")


def _collections(run: DailyRun, on: date) -> StepResult:
    with UnitOfWork(run.engine) as uow:
        report = run_collections(run.utility_id, on, uow, _clock(on), dry_run=run.dry_run)
    return StepResult("collections", sum(report.taken.values()), 0, report.fees, report.refused)


def _letters(run: DailyRun, on: date) -> StepResult:
    if run.channels is None:
        return StepResult("letters")
    with UnitOfWork(run.engine) as uow:
        report = send_letters(
            run.utility_id, on, uow, _clock(on), run.channels, dry_run=run.dry_run
        )
    return StepResult(
        "letters",
        sum(report.delivered.values()),
        0,
        Money(0),
        [say("daily.letters_failed", count=report.failed)] if report.failed else [],
    )


def _securities(run: DailyRun, on: date) -> StepResult:
    with UnitOfWork(run.engine) as uow:
        report = release_due(run.utility_id, on, uow, _clock(on), dry_run=run.dry_run)
    return StepResult("securities", len(report.released), report.held)


def _billing(run: DailyRun, on: date) -> StepResult:
    result = StepResult("billing")
    clock = _clock(on)
    with UnitOfWork(run.engine, write=False) as uow:
        rulebook = rulebook_of(uow, run.utility_id, on)
    year = heating_year_of(on, rulebook)
    charges = [i.charge_date for i in installment_schedule(year, rulebook, danish_bank_calendar())]
    if on.day == 1 or on in charges or on == heating_year(year, rulebook).start:
        _add(result, _budgets(run, year, clock))
    with UnitOfWork(run.engine, write=False) as uow:
        newcomers = _newcomers_without_budget(uow, run.utility_id, on, year, rulebook)
        charged = bool(uow.budgets(run.utility_id).installments_charged_on(on))
    actions = [settle_moves]
    if newcomers:
        actions.insert(0, set_move_in_budgets)
    if charged:
        actions.append(bill_installments)
    for action in actions:
        with UnitOfWork(run.engine) as uow:
            _add(result, action(run.utility_id, on, uow, clock, dry_run=run.dry_run))
    return result


def _newcomers_without_budget(
    uow: UnitOfWork, utility_id: int, on: date, year: int, rulebook: Rulebook
) -> bool:
    """Whether a customer began in this heating year and has no budget yet: only then is the
    move-in budget step worth its context (a cheap check before an expensive load)."""
    start = heating_year(year, rulebook).start
    return uow.budgets(utility_id).newcomer_without_budget(year, start, on)


def _budgets(run: DailyRun, year: int, clock: FixedClock) -> RunReport:
    with UnitOfWork(run.engine) as uow:
        return set_budgets(run.utility_id, year, uow, clock, dry_run=run.dry_run)


def _settlement(run: DailyRun, on: date) -> StepResult:
    with UnitOfWork(run.engine, write=False) as uow:
        rulebook = rulebook_of(uow, run.utility_id, on)
    year = heating_year_of(on, rulebook) - 1
    if on != settlement_day(year, rulebook):
        return StepResult("settlement")
    with UnitOfWork(run.engine, write=False) as uow:
        billed_that_year = bool(uow.budgets(run.utility_id).latest(year))
    if not billed_that_year:  # the year before the utility billed with heatbill: settled there
        return StepResult("settlement")
    with UnitOfWork(run.engine) as uow:
        report = settle_year_run(run.utility_id, year, uow, _clock(on), dry_run=run.dry_run)
    return _from(report, "settlement")


def settlement_day(year: int, rulebook: Rulebook) -> date:
    """The day the daily run settles heating year `year`: with installment n of the next year
    where the rulebook says so (`4rater`), else the first bank day from the 15th of the month
    after the annual reading — inside every seed rulebook's deadline (2–4 months)."""
    calendar = danish_bank_calendar()
    with_installment = rulebook.settlement.annual_with_installment
    if with_installment is not None:
        schedule = installment_schedule(year + 1, rulebook, calendar)
        return next(i.charge_date for i in schedule if i.number == with_installment.value)
    end = heating_year(year, rulebook).end
    fifteenth = date(end.year, end.month, 15) if end.day <= 15 else _next_month_15(end)
    return calendar.bank_day_on_or_after(fifteenth)


# --- helpers --------------------------------------------------------------------------------


def _next_month_15(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 15)


def _clock(on: date) -> FixedClock:
    return FixedClock.on(on)


def _from(report: RunReport, step: str) -> StepResult:
    return StepResult(step, report.done, report.already, report.total, list(report.problems))


def _add(result: StepResult, report: RunReport) -> None:
    result.done += report.done
    result.already += report.already
    result.total += report.total
    result.problems += report.problems


def _move(path: Path, folder: str) -> None:
    target = path.parent / folder
    target.mkdir(exist_ok=True)
    shutil.move(str(path), str(target / path.name))


def _crash_point(step: str, point: str) -> None:
    if os.environ.get(CRASH_ENV) == f"{step}:{point}":
        os._exit(137)  # as kill -9 would: no cleanup, no commit
    pause = os.environ.get(PAUSE_ENV, "")
    if pause.startswith(f"{step}:{point}:"):
        time.sleep(float(pause.rsplit(":", 1)[1]))
