"""Letters as requests: what is to be told to whom, why (the clause), and the facts it states.

Rendering (templates, PDF) and channels are adapters; the domain only decides that a letter is
due. The facts are plain strings already formatted for Danish readers, so the queued letter is
exactly what will be said.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class LetterKind(StrEnum):
    WELCOME = "welcome"
    """Velkomstbrev to a new customer (`vestervig 1.4`, `2.16`)."""
    INTERIM_LIABILITY = "interim_liability"
    """To the owner: liable between two tenants (`aalborg 1.7`–`1.8`, `vestervig 2.16`)."""
    LATE_MOVE_NOTICE = "late_move_notice"
    SELF_READING_REQUEST = "self_reading_request"
    SELF_READING_REMINDER = "self_reading_reminder"
    ESTIMATE_NOTICE = "estimate_notice"
    REMINDER = "reminder"
    """Rykkerbrev (`vestervig 6.5`, renteloven § 9 b)."""
    COLLECTION_NOTICE = "collection_notice"
    """Inkassomeddelelse with the closing date (`vestervig 6.6`)."""
    SECURITY_DEMAND = "security_demand"
    """Krav om sikkerhedsstillelse: amount, deadline, forms, the consequence (`aalborg 3.4`)."""
    SECURITY_RELEASE = "security_release"
    """The security given back: a deposit set off and refunded, or a guarantee returned."""
    CLOSING_NOTICE = "closing_notice"
    CLOSING_ORDER = "closing_order"
    """The closing visit's work order: address, meter, the amount that avoids closing."""
    REOPENING_ORDER = "reopening_order"
    CLOSING_LETTER = "closing_letter"
    """Left at the address when the supply is closed: the conditions for reopening."""
    EXTERNAL_COLLECTION = "external_collection"
    """To the customer: the claim is handed to the external partner (`aalborg 3.2`)."""
    LANDLORD_NOTICE = "landlord_notice"
    """To the owner: the supply to a tenant with a direct relationship may be closed
    (`vestervig 6.6`)."""
    BUDGET = "budget"
    """The year's budget (acontobeløb) and its installments (`vestervig 6.1`)."""
    INSTALLMENT_BILL = "installment_bill"
    """An installment bill with its FI payment line."""
    ANNUAL_STATEMENT = "annual_statement"
    """Årsopgørelse: the settled year (`vestervig 6.2`)."""
    MOVE_STATEMENT = "move_statement"
    """Flytteopgørelse: the settlement when a customer moves out (`vestervig 2.16`)."""
    BILL = "bill"
    """Any other bill: a one-off charge, a connection or exit bill, a credit note."""
    TARIFF_CHANGE_NOTICE = "tariff_change_notice"
    """A change of the tariff sheet or conditions, told to each customer (`vestervig 8.3`)."""
    SUPPLY_INTERRUPTION = "supply_interruption"
    """A planned stop of the supply for works on the pipes (`vestervig 3.6`)."""
    PAYMENT_PLAN = "payment_plan"
    """The agreed payment plan: the claims it covers, the fee and the schedule (`vestervig 6.5`)."""


@dataclass(frozen=True, slots=True)
class LetterRequest:
    kind: LetterKind
    party_id: int
    on: date
    clause: str | None
    relationship_id: int | None = None
    facts: dict[str, str] = field(default_factory=dict)
