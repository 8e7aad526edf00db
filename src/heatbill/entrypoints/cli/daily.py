"""`heatbill run daily`: a utility's day, once, resumable; `--until` catches up day by day.

A utility runs it from cron or a systemd timer after the bank's files have arrived, e.g. a
crontab line for every day at 06:30 (`%` must be escaped in crontab):

    30 6 * * *  HEATBILL_DATABASE_URL=postgresql+psycopg://… heatbill run daily
                --until "$(date +%d-%m-%Y)" --inbox /srv/heatbill/inbox -u solrod

or a systemd service with `OnCalendar=*-*-* 06:30` in its timer. `--until` makes a missed day
(the server down over a holiday) run the next morning, each day in turn. A second run for the
same utility while one is going refuses with a message and exit 4.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.letters.smtp_mail import mailer_from_environment
from heatbill.entrypoints.cli.arguments import day, dk
from heatbill.entrypoints.cli.context import (
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.daily_run import DailyReport, DailyRun, run_daily, run_until
from heatbill.services.letter_delivery import Channels
from heatbill.wording import say

console = Console(stderr=False)


def daily_command(
    when: str | None = typer.Option(None, "--date", help=say("daily.cli.date")),
    until: str | None = typer.Option(None, "--until", help=say("daily.cli.until")),
    inbox: Path | None = typer.Option(None, "--inbox", help=say("daily.cli.inbox")),
    letters: Path | None = typer.Option(None, "--letters", help=say("daily.cli.letters")),
    dry_run: bool = typer.Option(False, "--dry-run", help=say("daily.cli.dry_run")),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    if (when is None) == (until is None):
        raise typer.BadParameter(say("daily.cli.need_date"))
    with engine_for(database) as engine:
        channels = None if letters is None else Channels(letters, mailer_from_environment())
        run = DailyRun(engine, utility_id_of(engine, utility), inbox, dry_run, channels)
        with console.status("") as status:

            def progress(text: str) -> None:
                status.update(text)

            if when is not None:
                reports = [run_daily(run, day(when, "--date"), progress)]
            else:
                assert until is not None
                reports = run_until(run, day(until, "--until"), progress)
    for report in reports:
        _print(report, dry_run)


def _print(report: DailyReport, dry_run: bool) -> None:
    title = say("daily.cli.title_dry" if dry_run else "daily.cli.title", day=dk(report.day))
    table = Table(title=title)
    for key in ("step", "done", "already", "total", "problems"):
        table.add_column(say(f"daily.cli.col.{key}"), justify="left" if key == "step" else "right")
    problems: list[str] = []
    for step in report.steps:
        name = say(f"daily.cli.name.{step.step}")
        if step.skipped:
            table.add_row(name, say("daily.cli.skipped"), "", "", "")
            continue
        table.add_row(
            name, str(step.done), str(step.already), step.total.format_da(), str(len(step.problems))
        )
        problems += step.problems
    console.print(table)
    for problem in problems:
        console.print(f"[yellow]![/] {problem}")
