"""The customer subledger: double-entry journal entries, open items and clearing (pure).

Nothing here is ever changed once posted: a correction is a new entry (a reversal or an
adjustment) that points at its original. Amounts are `Money`; a posting's sign says its side
(debit positive, credit negative), so every journal entry sums to zero.
"""

from heatbill.domain.ledger.accounts import Account, AccountKind
from heatbill.domain.ledger.book import Book
from heatbill.domain.ledger.clearing import Allocation, clear_amount, payment_entry
from heatbill.domain.ledger.entry import JournalEntry, Posting, Reason
from heatbill.domain.ledger.open_items import OpenItem, OpenItemKind

__all__ = [
    "Account",
    "AccountKind",
    "Allocation",
    "Book",
    "JournalEntry",
    "OpenItem",
    "OpenItemKind",
    "Posting",
    "Reason",
    "clear_amount",
    "payment_entry",
]
