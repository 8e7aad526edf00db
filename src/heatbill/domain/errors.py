"""Typed errors for interactive calls; each has a stable code, mapped to exit/HTTP at the edge.

Batch runs do not raise these per account: they collect problems as values and finish the run.
"""

from __future__ import annotations


class HeatbillError(Exception):
    """Base of every error heatbill reports to a person. `code` is stable across releases."""

    code = "heatbill_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(HeatbillError):
    """Input that does not fit: names the file, line or key, and what was expected."""

    code = "invalid_input"


class NotFoundError(HeatbillError):
    code = "not_found"


class ConflictError(HeatbillError):
    """The request conflicts with what is already recorded (a duplicate, a second run)."""

    code = "conflict"


class LedgerError(HeatbillError):
    """A journal entry that would break the ledger's rules (unbalanced, empty, mixed utility)."""

    code = "ledger_rule"
