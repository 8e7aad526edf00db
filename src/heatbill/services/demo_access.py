"""The demo's doors to the web app: two staff users with a known password and pin codes for a
few installations — for the demo only. `create_app` refuses to start outside development
while any staff user still has the demo password (`refuse_demo_passwords`)."""

from __future__ import annotations

from dataclasses import dataclass

from heatbill.adapters.clock import Clock
from heatbill.adapters.passwords import verify_secret
from heatbill.domain.access import Role
from heatbill.services.portal_access import issue_pins
from heatbill.services.register_queries import customers_on
from heatbill.services.staff_access import add_staff_user
from heatbill.services.unit_of_work import UnitOfWork

DEMO_PASSWORD = "heatbill-demo"  # noqa: S105 - the demo's published password, refused in production
DEMO_USERS = (("sagsbehandler", "Sagsbehandler i demoen", Role.COLLECTIONS),
              ("admin", "Administrator i demoen", Role.ADMIN))  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoAccess:
    users: tuple[tuple[str, Role], ...]
    password: str
    pins: dict[str, str]


def open_demo_doors(uow: UnitOfWork, utility_id: int, clock: Clock, pins: int = 3) -> DemoAccess:
    for username, name, role in DEMO_USERS:
        add_staff_user(uow, utility_id, username, name, role, DEMO_PASSWORD, clock)
    lines = [x for x in customers_on(uow, utility_id, clock.today()) if x.party is not None]
    numbers = [x.installation_number for x in lines[:pins]]
    issued = issue_pins(uow, utility_id, numbers, "demo", clock)
    return DemoAccess(tuple((u, r) for u, _, r in DEMO_USERS), DEMO_PASSWORD, issued)


def users_with_demo_password(uow: UnitOfWork) -> list[str]:
    """`utility code/username` of every active staff user whose password is the demo's."""
    found = []
    for utility in uow.utilities.all():
        for user in uow.access(utility.utility_id).users():
            if user.active and verify_secret(DEMO_PASSWORD, user.password_hash):
                found.append(f"{utility.code}/{user.username}")
    return found
