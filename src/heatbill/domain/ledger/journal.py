"""A journal entry as booked: its number and the day the system recorded it.

Exports need both dates: the booking date (the business date the entry belongs to) and the day
it was entered (SAF-T's SystemEntryDate), which differ for an entry booked back-dated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from heatbill.domain.ledger.entry import JournalEntry


@dataclass(frozen=True, slots=True)
class BookedEntry:
    entry_id: int
    entry: JournalEntry
    entered_on: date
    """The UTC date the entry was recorded (journal_entry.created_at)."""
