"""Which claims a security given covers — pure.

A security is given for the future, not for the claims open on the day: "sikkerhed for betaling
af fremtidigt forbrug" (`vestervig 6.6`–`6.8`, `solrod 6.6`–`6.8`), "som sikkerhed for
fremtidig levering" (`vestervig 6.10`, `solrod 6.10`), "sikkerhed for fremtidige betalinger"
(`aalborg 3.4`). So while it is in force — given, not released (`solrod 6.10`: after a year paid
on time), not expired — it covers every claim of the customer's supply at that installation,
the bills that fall due after it was given too: closing is avoided by it (`vestervig 6.7`) and
a closed supply is reopened (`vestervig 6.8`, `aalborg 2.8`). The claims open on the day it was
given carry it as an event (`SECURITY_PROVIDED`), old debt from other addresses included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class SecurityInForce:
    security_id: int
    party_id: int
    installation_id: int
    """The installation of the relationship it was given for."""
    provided_on: date
    expires_on: date | None
    """A guarantee's expiry: it lapses on that day."""

    def in_force(self, on: date) -> bool:
        return self.provided_on <= on and (self.expires_on is None or on < self.expires_on)


def covering(
    securities: Iterable[SecurityInForce], *, party_id: int, installation_id: int, on: date
) -> SecurityInForce | None:
    """The security in force on `on` that covers the party's claims at the installation."""
    return next(
        (
            s
            for s in securities
            if s.party_id == party_id and s.installation_id == installation_id and s.in_force(on)
        ),
        None,
    )
