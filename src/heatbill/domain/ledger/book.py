"""An in-memory book of journal entries: the ledger's rules in one place, without storage.

The database repository enforces the same rules with constraints and triggers; this pure
version states them plainly, backs the property tests, and lets a run preview its effect.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from heatbill.domain.errors import ConflictError, LedgerError
from heatbill.domain.ledger.accounts import Account
from heatbill.domain.ledger.entry import JournalEntry
from heatbill.domain.ledger.open_items import OpenItem
from heatbill.domain.money import Money


@dataclass
class Book:
    """Entries by id, in booking order. Append-only: there is no way to change or remove one."""

    _entries: dict[int, JournalEntry] = field(default_factory=dict)
    _by_key: dict[str, int] = field(default_factory=dict)
    _reversed: dict[int, int] = field(default_factory=dict)
    _open_items: dict[int, OpenItem] = field(default_factory=dict)

    def post(self, entry: JournalEntry) -> int:
        """Book `entry`; returns its id. The same idempotency key returns the earlier id."""
        if entry.idempotency_key is not None and entry.idempotency_key in self._by_key:
            return self._by_key[entry.idempotency_key]
        self._check(entry)
        entry_id = len(self._entries) + 1
        self._entries[entry_id] = entry
        if entry.idempotency_key is not None:
            self._by_key[entry.idempotency_key] = entry_id
        if entry.reverses_entry_id is not None:
            self._reversed[entry.reverses_entry_id] = entry_id
        for item in entry.new_open_items:
            self._open_items[item.open_item_id] = item
        return entry_id

    def _check(self, entry: JournalEntry) -> None:
        original = entry.reverses_entry_id
        if original is not None:
            if original not in self._entries:
                raise LedgerError(f"entry {original} does not exist and cannot be reversed")
            if original in self._reversed:
                raise ConflictError(f"entry {original} is already reversed")
        for item in entry.new_open_items:
            if item.open_item_id in self._open_items:
                raise ConflictError(f"open item {item.open_item_id} exists already")
        opened = {item.open_item_id: item for item in entry.new_open_items}
        for posting in entry.postings:
            if posting.open_item_id is None:
                continue
            found = opened.get(posting.open_item_id) or self._open_items.get(posting.open_item_id)
            if found is None:
                raise LedgerError(f"open item {posting.open_item_id} does not exist")
            if found.customer_id != posting.customer_id:
                raise LedgerError(f"open item {found.open_item_id} belongs to another customer")

    def entry(self, entry_id: int) -> JournalEntry:
        return self._entries[entry_id]

    def entries(self) -> list[tuple[int, JournalEntry]]:
        return list(self._entries.items())

    def open_item(self, open_item_id: int) -> OpenItem:
        return self._open_items[open_item_id]

    def account_balance(self, account: Account) -> Money:
        """Debit-positive balance of one account."""
        return Money(
            sum(
                p.amount.ore
                for e in self._entries.values()
                for p in e.postings
                if p.account is account
            )
        )

    def trial_balance(self) -> dict[Account, Money]:
        sums: dict[Account, int] = defaultdict(int)
        for entry in self._entries.values():
            for posting in entry.postings:
                sums[posting.account] += posting.amount.ore
        return {account: Money(ore) for account, ore in sums.items()}

    def residuals(self) -> dict[int, Money]:
        """Every open item's residual (0 for a settled one)."""
        sums: dict[int, int] = dict.fromkeys(self._open_items, 0)
        for entry in self._entries.values():
            for posting in entry.postings:
                if posting.open_item_id is not None:
                    sums[posting.open_item_id] += posting.amount.ore
        return {item_id: Money(ore) for item_id, ore in sums.items()}

    def open_items_of(self, customer_id: int) -> list[tuple[OpenItem, Money]]:
        """A customer's items that are not settled, with their residuals."""
        residuals = self.residuals()
        return [
            (item, residuals[item_id])
            for item_id, item in self._open_items.items()
            if item.customer_id == customer_id and residuals[item_id].ore != 0
        ]

    def customer_balance(self, customer_id: int) -> Money:
        """What the customer owes (negative: has to good), from the receivables postings."""
        return Money(
            sum(
                p.amount.ore
                for e in self._entries.values()
                for p in e.postings
                if p.account is Account.RECEIVABLES and p.customer_id == customer_id
            )
        )
