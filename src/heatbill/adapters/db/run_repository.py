"""The daily run's finished steps (`run_tables.daily_run_step`)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, func, insert, select

from heatbill.adapters.db.run_tables import daily_run_step


class SqlDailyRuns:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._db = connection
        self._u = utility_id

    def finished(self, on: date) -> set[str]:
        rows = self._db.execute(
            select(daily_run_step.c.step).where(
                daily_run_step.c.utility_id == self._u, daily_run_step.c.run_date == on
            )
        )
        return {r for (r,) in rows}

    def last_finished(self, step: str) -> date | None:
        """The last day on which `step` (the day's last) finished: the day is complete."""
        found: date | None = self._db.execute(
            select(func.max(daily_run_step.c.run_date)).where(
                daily_run_step.c.utility_id == self._u, daily_run_step.c.step == step
            )
        ).scalar_one_or_none()
        return found

    def finish(self, on: date, step: str, summary: str, at: datetime) -> None:
        self._db.execute(
            insert(daily_run_step).values(
                utility_id=self._u, run_date=on, step=step, summary=summary, finished_at=at
            )
        )

    def summaries(self, on: date) -> dict[str, str]:
        rows = self._db.execute(
            select(daily_run_step.c.step, daily_run_step.c.summary).where(
                daily_run_step.c.utility_id == self._u, daily_run_step.c.run_date == on
            )
        )
        return {str(step): str(summary) for step, summary in rows}
