"""Customer relationships (kundeforhold): who is the customer of an installation, and when.

A relationship is a party's role at an installation for a half-open period `[start, end)`.
Its id is the customer account the ledger books on, so claims stay with the party who owed
them (`vestervig 6.9`) and debt from an earlier relationship is recognisably old debt
(`webinar`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from heatbill.domain.errors import ValidationError


class Role(StrEnum):
    OWNER = "owner"
    TENANT = "tenant"
    """A tenant with a direct customer relationship (`vestervig 1.2`)."""
    COOPERATIVE_MEMBER = "cooperative_member"
    """Andelshaver with a direct relationship (`vestervig 1.2`)."""


@dataclass(frozen=True, slots=True)
class Relationship:
    relationship_id: int
    installation_id: int
    party_id: int
    role: Role
    start: date
    end: date | None = None
    interim: bool = False
    """The owner as customer between two tenants (mellemperiode, `aalborg 1.7`)."""

    def __post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise ValidationError("et kundeforhold skal slutte efter det begynder")
        if self.interim and self.role is not Role.OWNER:
            raise ValidationError("kun ejeren kan være kunde i en mellemperiode")

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, other: Relationship) -> bool:
        ends_after = other.end is None or self.start < other.end
        starts_before = self.end is None or other.start < self.end
        return ends_after and starts_before


def customer_on(relationships: Iterable[Relationship], day: date) -> Relationship | None:
    """The liable customer of one installation on `day` (at most one by construction)."""
    found = [r for r in relationships if r.covers(day)]
    if len(found) > 1:
        raise ValidationError(f"mere end én kunde på samme målested den {day:%d-%m-%Y}")
    return found[0] if found else None


def check_no_overlap(relationships: Iterable[Relationship]) -> None:
    """One liable customer at a time per installation."""
    by_installation: dict[int, list[Relationship]] = {}
    for r in relationships:
        by_installation.setdefault(r.installation_id, []).append(r)
    for items in by_installation.values():
        items.sort(key=lambda r: r.start)
        for before, after in itertools.pairwise(items):
            if before.overlaps(after):
                raise ValidationError(
                    f"kundeforhold {before.relationship_id} og {after.relationship_id} "
                    "overlapper på samme målested"
                )
