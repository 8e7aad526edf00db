"""The Danish words a report shows for a movement: its kind, its text and how it was paid.

Shared by the CSV, the workbook and the screen, so all three say the same thing.
"""

from __future__ import annotations

from heatbill.domain.ledger.debtors import DebtorCard
from heatbill.domain.ledger.statement import Movement
from heatbill.wording import say


def kind_word(movement: Movement) -> str:
    return say(f"reports.movement.{movement.kind.value}")


def movement_text(movement: Movement) -> str:
    if movement.reverses_entry_id is None:
        return movement.text
    return say("reports.reverses", text=movement.text, entry_id=movement.reverses_entry_id)


def payment_word(movement: Movement) -> str:
    """`Betalingsservice, fundet ved kundenummer`; empty for a movement that is no payment."""
    facts = movement.payment
    if facts is None:
        return ""
    words = [say(f"reports.source.{facts.source}")]
    if facts.charge_back:
        words.append(say("reports.match.charge_back"))
    elif facts.matched_by is not None:
        words.append(say(f"reports.match.{facts.matched_by}"))
    return ", ".join(words)


def who(card: DebtorCard | None) -> str:
    """`, Jens Hansen (målested 10001)` for a title; empty without a register card."""
    if card is None:
        return ""
    return f" {card.name} ({say('reports.col.installation').lower()} {card.installation})"
