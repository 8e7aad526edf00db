"""`Ruled[T]`: a parameter value together with the clause that allows it and the kind of source.

Every leaf of a rulebook and every price of a tariff sheet is a `Ruled` value, so that a fee, a
letter or a deadline can always be traced to its clause — what a complaint to Ankenævnet på
Energiområdet needs (`solrod 7.1`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from heatbill.domain.rulebook.clauses import Clause, DocumentRole
from heatbill.wording import say

T_co = TypeVar("T_co", covariant=True)


class Basis(StrEnum):
    """Why a value holds: which kind of source the clause is, and how directly it says it."""

    DOCUMENT = "document"
    """The utility's own document says it (clause in that document)."""
    TARIFF_SHEET = "tariff-sheet"
    """The utility's published tariff sheet (takstblad), to which its document delegates."""
    DANSK_FJERNVARME = "dansk-fjernvarme-6.13"
    """The document is silent; the value follows Dansk Fjernvarme's standard conditions and
    collection timeline, as printed in `vestervig 6.13` (clause in `vestervig`)."""
    GUIDANCE = "guidance"
    """Dansk Fjernvarme guidance outside the conditions (the `webinar`)."""
    LAW = "law"
    """A statute (renteloven)."""
    SETTING = "setting"
    """Neither document nor law fixes it; heatbill's default per DANISH-RULES.md or SPEC.md."""
    ILLUSTRATIVE = "illustrative"
    """No source was found: a placeholder the utility must check and replace."""


@dataclass(frozen=True, slots=True)
class Ruled(Generic[T_co]):
    """A value with its clause and basis: `rulebook.reminders.count.value == 2`."""

    value: T_co
    clause: Clause
    basis: Basis


def basis_conflict(basis: Basis, clause: Clause, own_document: str) -> str | None:
    """Why `basis` cannot rest on `clause` in a file for `own_document` (Danish), or None."""
    fits = {
        Basis.DOCUMENT: clause.document == own_document,
        Basis.TARIFF_SHEET: clause.document == own_document,
        Basis.DANSK_FJERNVARME: clause.document == "vestervig",
        Basis.GUIDANCE: clause.role is DocumentRole.GUIDANCE,
        Basis.LAW: clause.role is DocumentRole.LAW,
        Basis.SETTING: clause.role in (DocumentRole.LAW, DocumentRole.REFERENCE),
        Basis.ILLUSTRATIVE: True,
    }[basis]
    if fits:
        return None
    return say(f"rulebook.basis.needs.{basis.value}", clause=str(clause), own=own_document)
