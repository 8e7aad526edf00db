"""Who may do what: staff roles in order of trust, and the portal's one installation.

Roles are cumulative: each may do what the one before it may, and more. Checked at the edge
(the web app and its API) before any use case runs; the use cases themselves stay role-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from heatbill.domain.errors import HeatbillError


class Role(StrEnum):
    READ_ONLY = "read_only"
    """Looks up customers, cases and reports; CPR numbers stay masked."""
    CUSTOMER_SERVICE = "customer_service"
    """Registers moves, decides held readings, records disputes, updates contact details,
    unmasks a CPR number (logged)."""
    COLLECTIONS = "collections"
    """Grants payment plans, records securities, reports visits, orders reopenings, lifts
    disputes."""
    ADMIN = "admin"
    """Everything, and staff users, data-protection exports and anonymisation."""


ORDER = (Role.READ_ONLY, Role.CUSTOMER_SERVICE, Role.COLLECTIONS, Role.ADMIN)


class ForbiddenError(HeatbillError):
    """The signed-in user's role does not allow the action."""

    code = "forbidden"


class NotSignedInError(HeatbillError):
    code = "not_signed_in"


class TooManyAttemptsError(HeatbillError):
    """Too many failed logins for the same key within the window: try again later."""

    code = "too_many_attempts"


def allows(role: Role, needed: Role) -> bool:
    return ORDER.index(role) >= ORDER.index(needed)


@dataclass(frozen=True, slots=True)
class StaffUser:
    utility_id: int
    username: str
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class PortalUser:
    """A customer signed in to the portal: one installation, nothing else."""

    utility_id: int
    installation_id: int
    installation_number: str


@dataclass(frozen=True, slots=True)
class Throttle:
    """At most `attempts` failed logins per key within `window_minutes`."""

    attempts: int = 5
    window_minutes: int = 15

    def blocks(self, failures_in_window: int) -> bool:
        return failures_in_window >= self.attempts
