"""The ledger in the database: append entries in bulk, load them back, read balances.

Writes are set-based: a batch of entries reserves its ids in one statement and is inserted
with three executemany calls (entries, open items, postings) — or, for entries whose keys are
new by construction (`post_new`), as plain tuples by COPY / raw executemany (`bulk`). Nothing
here updates or deletes a ledger row; the database refuses it too (`ledger_guards`), COPY
included: its rows fire the same triggers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Select, String, func, insert, select, type_coerce
from sqlalchemy.dialects import postgresql, sqlite

from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.tables import journal_entry, open_item, open_item_residual, posting
from heatbill.domain.errors import ConflictError, LedgerError, NotFoundError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money


class SqlLedger:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._utility_id = utility_id
        self._ids = ids

    # --- writing ------------------------------------------------------------------------
    def new_open_item_ids(self, count: int) -> list[int]:
        first = self._ids.reserve("open_item", count)
        return list(range(first, first + count))

    def post(self, entry: JournalEntry, *, created_at: datetime, run_id: int | None = None) -> int:
        return self.post_many([entry], created_at=created_at, run_id=run_id)[0]

    def post_many(
        self, entries: Sequence[JournalEntry], *, created_at: datetime, run_id: int | None = None
    ) -> list[int]:
        """Book entries; an entry whose idempotency key is already booked is not booked again
        and its earlier id is returned in its place.

        The journal rows go in with ON CONFLICT DO NOTHING on (utility, idempotency key), so
        a re-run needs no lookup first; only the entries that were really inserted get their
        open items and postings.
        """
        fresh: list[JournalEntry] = []
        batch_keys: set[str] = set()
        for entry in entries:
            key = entry.idempotency_key
            if key is None or key not in batch_keys:
                fresh.append(entry)
                if key is not None:
                    batch_keys.add(key)
        self._check_references(fresh)
        first = self._ids.reserve("entry", len(fresh)) if fresh else 0
        new_ids = {id(entry): first + i for i, entry in enumerate(fresh)}
        inserted = self._insert_heads(fresh, new_ids, run_id, created_at)
        booked = [e for e in fresh if new_ids[id(e)] in inserted]
        self._insert_lines(booked, new_ids)
        by_key = self._ids_by_key(
            [e.idempotency_key for e in fresh if new_ids[id(e)] not in inserted]
        )
        by_key.update({e.idempotency_key: new_ids[id(e)] for e in booked if e.idempotency_key})
        return [by_key[e.idempotency_key] if e.idempotency_key else new_ids[id(e)] for e in entries]

    def post_new(
        self, entries: Sequence[JournalEntry], *, created_at: datetime, run_id: int | None = None
    ) -> list[int]:
        """Book entries whose idempotency keys cannot have been booked: keys made from ids
        reserved in this transaction (`bill:<new bill id>`). A batch run's fast path — no
        conflict handling, no RETURNING: a key booked after all is refused by the unique
        index, never booked twice."""
        if not entries:
            return []
        self._check_references(entries)
        first = self._ids.reserve("entry", len(entries))
        u = self._utility_id
        insert_rows(
            self._db,
            journal_entry,
            _HEAD_COLUMNS,
            (
                (u, first + n, e.booking_date, e.reason.value, e.description, e.clause, run_id,
                 e.idempotency_key, e.reverses_entry_id, created_at)
                for n, e in enumerate(entries)
            ),
        )  # fmt: skip
        items = [
            (u, i.open_item_id, i.customer_id, i.kind.value, i.due_date, i.reference, i.clause,
             first + n)
            for n, e in enumerate(entries)
            for i in e.new_open_items
        ]  # fmt: skip
        if items:
            insert_rows(self._db, open_item, _ITEM_COLUMNS, items)
        insert_rows(
            self._db,
            posting,
            _POSTING_COLUMNS,
            (
                (u, first + n, line_no, p.account.value, p.amount.ore, p.customer_id,
                 p.open_item_id)
                for n, e in enumerate(entries)
                for line_no, p in enumerate(e.postings, start=1)
            ),
        )  # fmt: skip
        return list(range(first, first + len(entries)))

    def reverse(
        self,
        entry_id: int,
        booking_date: date,
        why: str,
        *,
        created_at: datetime,
        idempotency_key: str | None = None,
    ) -> int:
        """Book the reversal of entry `entry_id` (once only) and return its id."""
        if idempotency_key is not None:
            known = self._ids_by_key([idempotency_key])
            if idempotency_key in known:
                return known[idempotency_key]
        already = self._db.execute(
            select(journal_entry.c.entry_id).where(
                journal_entry.c.utility_id == self._utility_id,
                journal_entry.c.reverses_entry_id == entry_id,
            )
        ).scalar_one_or_none()
        if already is not None:
            raise ConflictError(f"postering {entry_id} er allerede tilbageført (af {already})")
        original = self.entry(entry_id)
        reversal = original.reversal(entry_id, booking_date, why, idempotency_key)
        return self.post(reversal, created_at=created_at)

    def _insert_heads(
        self,
        entries: Sequence[JournalEntry],
        new_ids: dict[int, int],
        run_id: int | None,
        created_at: datetime,
    ) -> set[int]:
        """Insert the journal rows; returns the ids of those not already booked by key."""
        if not entries:
            return set()
        rows = [
            {
                "utility_id": self._utility_id,
                "entry_id": new_ids[id(e)],
                "booking_date": e.booking_date,
                "reason": e.reason.value,
                "description": e.description,
                "clause": e.clause,
                "run_id": run_id,
                "idempotency_key": e.idempotency_key,
                "reverses_entry_id": e.reverses_entry_id,
                "created_at": created_at,
            }
            for e in entries
        ]
        dialect = postgresql if self._db.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(journal_entry)
            .on_conflict_do_nothing(index_elements=["utility_id", "idempotency_key"])
            .returning(journal_entry.c.entry_id)
        )
        inserted: set[int] = set()
        for chunk in _chunks(rows, 1000):
            inserted.update(int(i) for i in self._db.execute(statement, list(chunk)).scalars())
        return inserted

    def _insert_lines(self, entries: Sequence[JournalEntry], new_ids: dict[int, int]) -> None:
        """Insert the open items and postings of freshly booked entries."""
        u = self._utility_id
        item_rows = [
            {
                "utility_id": u,
                "open_item_id": item.open_item_id,
                "customer_id": item.customer_id,
                "kind": item.kind.value,
                "due_date": item.due_date,
                "reference": item.reference,
                "clause": item.clause,
                "opened_by_entry_id": new_ids[id(e)],
            }
            for e in entries
            for item in e.new_open_items
        ]
        posting_rows = [
            {
                "utility_id": u,
                "entry_id": new_ids[id(e)],
                "line_no": line_no,
                "account": p.account.value,
                "amount_ore": p.amount.ore,
                "customer_id": p.customer_id,
                "open_item_id": p.open_item_id,
            }
            for e in entries
            for line_no, p in enumerate(e.postings, start=1)
        ]
        if item_rows:
            self._db.execute(insert(open_item), item_rows)
        if posting_rows:
            self._db.execute(insert(posting), posting_rows)

    def _ids_by_key(self, keys: Sequence[str | None]) -> dict[str | None, int]:
        wanted = [k for k in keys if k]
        if not wanted:
            return {}
        found: dict[str | None, int] = {}
        for chunk in _chunks(sorted(set(wanted)), 500):
            rows = self._db.execute(
                select(journal_entry.c.idempotency_key, journal_entry.c.entry_id).where(
                    journal_entry.c.utility_id == self._utility_id,
                    journal_entry.c.idempotency_key.in_(chunk),
                )
            )
            found.update({key: int(entry_id) for key, entry_id in rows})
        return found

    def _check_references(self, entries: Sequence[JournalEntry]) -> None:
        """Every posting's open item exists (or is opened in its entry) for the same customer."""
        opened = {i.open_item_id: i.customer_id for e in entries for i in e.new_open_items}
        referenced = {
            p.open_item_id
            for e in entries
            for p in e.postings
            if p.open_item_id is not None and p.open_item_id not in opened
        }
        owners = dict(opened)
        for chunk in _chunks(sorted(referenced), 5000):
            rows = self._db.execute(
                select(open_item.c.open_item_id, open_item.c.customer_id).where(
                    open_item.c.utility_id == self._utility_id,
                    among(self._db, open_item.c.open_item_id, chunk),
                )
            )
            owners.update({int(item_id): int(customer) for item_id, customer in rows})
        for entry in entries:
            for p in entry.postings:
                if p.open_item_id is None:
                    continue
                if p.open_item_id not in owners:
                    raise LedgerError(f"åben post {p.open_item_id} findes ikke")
                if owners[p.open_item_id] != p.customer_id:
                    raise LedgerError(f"åben post {p.open_item_id} tilhører en anden kunde")

    # --- reading ------------------------------------------------------------------------
    def entry(self, entry_id: int) -> JournalEntry:
        found = self.entries([entry_id])
        if entry_id not in found:
            raise NotFoundError(f"postering {entry_id} findes ikke")
        return found[entry_id]

    def entries(self, entry_ids: Sequence[int]) -> dict[int, JournalEntry]:
        """Entries by id, loaded with three queries per chunk of ids."""
        found: dict[int, JournalEntry] = {}
        for chunk in _chunks(sorted(set(entry_ids)), 500):
            found.update(self._load(chunk))
        return found

    def _load(self, entry_ids: Sequence[int]) -> dict[int, JournalEntry]:
        u = self._utility_id
        heads = self._db.execute(
            select(journal_entry).where(
                journal_entry.c.utility_id == u, journal_entry.c.entry_id.in_(entry_ids)
            )
        ).all()
        lines: dict[int, list[Posting]] = {int(h.entry_id): [] for h in heads}
        for p in self._db.execute(
            select(posting)
            .where(posting.c.utility_id == u, posting.c.entry_id.in_(entry_ids))
            .order_by(posting.c.entry_id, posting.c.line_no)
        ):
            lines[int(p.entry_id)].append(
                Posting(Account(p.account), Money(int(p.amount_ore)), p.customer_id, p.open_item_id)
            )
        items: dict[int, list[OpenItem]] = {int(h.entry_id): [] for h in heads}
        for row in self._db.execute(
            select(open_item).where(
                open_item.c.utility_id == u, open_item.c.opened_by_entry_id.in_(entry_ids)
            )
        ):
            items[int(row.opened_by_entry_id)].append(_open_item(row))
        return {
            int(h.entry_id): JournalEntry(
                booking_date=h.booking_date,
                reason=Reason(h.reason),
                description=h.description,
                clause=h.clause,
                idempotency_key=h.idempotency_key,
                reverses_entry_id=h.reverses_entry_id,
                postings=tuple(lines[int(h.entry_id)]),
                new_open_items=tuple(items[int(h.entry_id)]),
            )
            for h in heads
        }

    def account_balances(self) -> dict[Account, Money]:
        """Debit-positive balance per account (the trial balance)."""
        rows = self._db.execute(
            select(posting.c.account, func.sum(posting.c.amount_ore))
            .where(posting.c.utility_id == self._utility_id)
            .group_by(posting.c.account)
        )
        return {Account(account): Money(int(amount)) for account, amount in rows}

    def customer_balances(self) -> dict[int, Money]:
        rows = self._db.execute(
            select(posting.c.customer_id, func.sum(posting.c.amount_ore))
            .where(
                posting.c.utility_id == self._utility_id,
                posting.c.account == Account.RECEIVABLES.value,
            )
            .group_by(posting.c.customer_id)
        )
        return {int(customer): Money(int(amount)) for customer, amount in rows}

    def open_items(self, customer_id: int | None = None) -> list[tuple[OpenItem, Money]]:
        """Items not settled, with their residuals, oldest due first."""
        query = self._open_items_query()
        if customer_id is not None:
            query = query.where(open_item.c.customer_id == customer_id)
        return [(_open_item(row), Money(int(row.residual))) for row in self._db.execute(query)]

    def open_items_of(self, customer_ids: Sequence[int]) -> dict[int, list[tuple[OpenItem, Money]]]:
        """The open items of many customers (a batch run), by customer, oldest due first."""
        found: dict[int, list[tuple[OpenItem, Money]]] = {}
        for chunk in _chunks(sorted(set(customer_ids)), 5000):
            query = self._customers_items_query(chunk)
            for item_id, customer, kind, due, reference, clause, residual in self._db.execute(
                query
            ):
                item = OpenItem(item_id, customer, _KINDS[kind], _day(due), reference, clause)
                found.setdefault(customer, []).append((item, Money(int(residual))))
        return found

    def _customers_items_query(self, customer_ids: Sequence[int]) -> Select[Any]:
        """`_open_items_query` for some customers, driven by their items: each item's residual
        is summed through the posting index. (Joined and grouped, SQLite walks every posting
        of the utility for each chunk: quadratic in a batch over a large ledger.)"""
        p = posting.alias("p")
        residual = (
            select(func.sum(p.c.amount_ore))
            .where(p.c.utility_id == open_item.c.utility_id)
            .where(p.c.open_item_id == open_item.c.open_item_id)
            .scalar_subquery()
        )
        items = (
            select(open_item, residual.label("residual"))
            .where(open_item.c.utility_id == self._utility_id)
            .where(among(self._db, open_item.c.customer_id, customer_ids))
            .subquery()
        )
        c = items.c
        return (
            select(
                c.open_item_id,
                c.customer_id,
                c.kind,
                type_coerce(c.due_date, String()),
                c.reference,
                c.clause,
                c.residual,
            )
            .where(c.residual != 0)
            .order_by(c.due_date, c.open_item_id)
        )

    def _open_items_query(self) -> Select[Any]:
        """The items whose kept residual (`residuals`) is not 0, through its partial index: the
        daily run and the demo ask every day, and summing every posting of the utility grows
        with the ledger."""
        r = open_item_residual.c
        return (
            select(open_item, r.residual_ore.label("residual"))
            .join(
                open_item_residual,
                (r.utility_id == open_item.c.utility_id)
                & (r.open_item_id == open_item.c.open_item_id),
            )
            .where(r.utility_id == self._utility_id, r.residual_ore != 0)
            .order_by(open_item.c.due_date, open_item.c.open_item_id)
        )

    def journal(self, limit: int = 1000) -> list[tuple[int, JournalEntry]]:
        """The newest entries, oldest first (for screens and the demo)."""
        ids = self._db.execute(
            select(journal_entry.c.entry_id)
            .where(journal_entry.c.utility_id == self._utility_id)
            .order_by(journal_entry.c.entry_id.desc())
            .limit(limit)
        ).scalars()
        loaded = self.entries([int(i) for i in ids])
        return sorted(loaded.items())


_HEAD_COLUMNS = (
    "utility_id", "entry_id", "booking_date", "reason", "description", "clause", "run_id",
    "idempotency_key", "reverses_entry_id", "created_at",
)  # fmt: skip
_ITEM_COLUMNS = tuple(c.name for c in open_item.columns)
_KINDS = {kind.value: kind for kind in OpenItemKind}


def _day(value: Any) -> date:
    """A date as the driver gives it, undecoded: text on SQLite (parsed once per day), a date
    on PostgreSQL — a batch reads hundreds of thousands of items of a few due dates."""
    return value if type(value) is date else _parse_day(value)


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> date:
    return date.fromisoformat(text)


_POSTING_COLUMNS = tuple(c.name for c in posting.columns)


def _open_item(row: Any) -> OpenItem:
    return OpenItem(
        open_item_id=int(row.open_item_id),
        customer_id=int(row.customer_id),
        kind=OpenItemKind(row.kind),
        due_date=row.due_date,
        reference=row.reference,
        clause=row.clause,
    )


def _chunks(values: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
