"""A small town lived through its first months by the demo's own simulation, for the web
app's tests: late payers with reminders, collection notices, closings and reopenings, on the
database under test. Staff users of every role and a few portal pin codes are added."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.domain.access import Role
from heatbill.services.collection_cases import cases
from heatbill.services.demo_utility import DEMO_CODE, create_demo_utility
from heatbill.services.demo_year import DemoYear
from heatbill.services.letter_delivery import Channels
from heatbill.services.portal_access import issue_pins
from heatbill.services.staff_access import add_staff_user
from heatbill.services.unit_of_work import UnitOfWork

YEAR = 2026
DAYS = 130
INSTALLATIONS = 30
PASSWORD = "correct horse battery"


@dataclass
class Town:
    engine: Engine
    utility_id: int
    code: str
    today: date
    users: dict[Role, str] = field(default_factory=dict)
    """Role → username (the password is PASSWORD)."""
    pins: dict[str, str] = field(default_factory=dict)
    """Installation number → pin code, for 8 installations. Tests that change one keep to
    their own: by sorted number, 0 the browser's move report, 1 the portal tests' move, 2 the
    pin-guessing test, 3 the e-mail link test, the last the browser's wrong pin."""
    closed_claims: list[int] = field(default_factory=list)
    open_claims: list[int] = field(default_factory=list)
    """Claims with money owed and a next step (not closed)."""


def build_town(engine: Engine, workdir: Path) -> Town:
    with UnitOfWork(engine) as uow:
        created = create_demo_utility(uow, FixedClock.on(date(YEAR - 1, 1, 1)))
    utility_id = created.utility_id
    summary = DemoYear(
        engine, utility_id, workdir, INSTALLATIONS, YEAR,
        channels=Channels(workdir / "breve"), days=DAYS,
    ).run()  # fmt: skip
    today = summary.last
    clock = FixedClock(datetime(today.year, today.month, today.day, 12, tzinfo=UTC))
    town = Town(engine, utility_id, DEMO_CODE, today)
    with UnitOfWork(engine) as uow:
        for role in Role:
            username = f"t-{role.value.replace('_', '-')}"
            add_staff_user(uow, utility_id, username, f"Test {role.value}", role, PASSWORD, clock)
            town.users[role] = username
    with UnitOfWork(engine, write=False) as uow:
        found = cases(uow, utility_id, today)
        installations = uow.installations(utility_id)
        numbers = sorted({installations.installation(i).number for i in _ids(uow, utility_id)})
    town.closed_claims = [c.claim_id for c, _ in found if c.closed and c.owed.ore > 0]
    town.open_claims = [
        c.claim_id for c, _ in found if not c.closed and c.owed.ore > 0 and not c.disputed
    ]
    with UnitOfWork(engine) as uow:
        town.pins = issue_pins(uow, utility_id, numbers[:8], "test", clock)
    return town


def _ids(uow: UnitOfWork, utility_id: int) -> set[int]:
    return {
        r.installation_id for r in uow.installations(utility_id).relationships_on(date(YEAR, 1, 1))
    }
