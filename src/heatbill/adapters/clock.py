"""The clock, injected: services ask it for 'now' (audit timestamps, aware UTC); tests fix it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware UTC timestamp."""
        ...

    def today(self) -> date:
        """Today's business date in Denmark."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(DANISH_TIME).date()


@dataclass
class FixedClock:
    """A clock that says what it is told; `advance_to` moves it (simulations, tests)."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def today(self) -> date:
        return self.current.astimezone(DANISH_TIME).date()

    @classmethod
    def on(cls, day: date) -> FixedClock:
        return cls(datetime(day.year, day.month, day.day, 12, tzinfo=UTC))

    def advance_to(self, day: date) -> None:
        self.current = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
