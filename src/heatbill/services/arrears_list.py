"""The arrears list (restancelisten) as the staff screens and the API ask for it, page by page,
with the overdue sums kept between requests while nothing they depend on has changed.

Ranking a utility's overdue customers sums every overdue item (50 000 at a million
installations, ~0.1 s on PostgreSQL), and staff page through the same few filters. A web
worker therefore keeps, per utility, day and days past due, every overdue customer's sums,
most owed first, and the former customers of the day; a page for any minimum amount and
former/current choice is then a cut of them (the customers owing at least an amount are a
prefix of the ranking). They are tagged with the change feed's generation read *before* the
query, and used again only while the feed listens and has heard no commit of postings,
residuals or relationships since (`adapters.db.change_feed`; PostgreSQL's READ COMMITTED takes
each statement's snapshot after that read). Names and addresses are read for each page as it
is shown, so they are never stale. Without a feed (SQLite) every page is computed afresh.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from heatbill.adapters.db.screen_queries import (
    ArrearsFilter,
    ArrearsLine,
    OverdueRow,
    ScreenQueries,
    ranked,
)
from heatbill.services.unit_of_work import UnitOfWork

KEPT_RANKINGS = 8
"""Rankings kept per process (utility, day, days past due), the least recently used dropped
first: at a million installations one is ~50 000 rows."""


class Changes(Protocol):
    """What the list needs of a change feed."""

    @property
    def generation(self) -> int: ...

    @property
    def healthy(self) -> bool: ...


@dataclass(slots=True)
class _Kept:
    generation: int
    rows: list[OverdueRow]
    """Every customer overdue, most owed first."""
    ended: frozenset[int]
    """Former customers on the day."""
    views: dict[bool | None, tuple[list[OverdueRow], list[int]]] = field(default_factory=dict)

    def view(self, former: bool | None) -> tuple[list[OverdueRow], list[int]]:
        """The rows of former, current or all customers, and their amounts negated (ascending:
        for `bisect`)."""
        found = self.views.get(former)
        if found is None:
            rows = self.rows
            if former is not None:
                rows = [row for row in rows if (row[0] in self.ended) is former]
            found = (rows, [-row[1] for row in rows])
            self.views[former] = found
        return found


_Key = tuple[int, date, int]


class ArrearsList:
    """Pages of the arrears list; `changes` None computes every page afresh."""

    def __init__(self, changes: Changes | None = None) -> None:
        self._changes = changes
        self._kept: OrderedDict[_Key, _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def page(
        self, uow: UnitOfWork, utility_id: int, on: date, wanted: ArrearsFilter
    ) -> tuple[list[ArrearsLine], int]:
        """The page `wanted` asks for, most owed first, and how many customers match in all."""
        queries = ScreenQueries(uow.connection, utility_id)
        changes = self._changes
        if changes is None:
            return queries.arrears(on, wanted)
        key = (utility_id, on, max(wanted.min_days, 1))
        generation = changes.generation
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is None or kept.generation != generation or not changes.healthy:
            kept = _Kept(generation, queries.arrears_sums(on, key[2]), queries.ended_customers(on))
            # Kept only if nothing was heard while it was computed (and the feed listens).
            if changes.healthy and changes.generation == generation:
                with self._lock:
                    self._kept[key] = kept
                    self._kept.move_to_end(key)
                    while len(self._kept) > KEPT_RANKINGS:
                        self._kept.popitem(last=False)
        with self._lock:
            rows, negated = kept.view(wanted.former)
        total = bisect_right(negated, -max(wanted.min_ore, 1))
        first = (max(wanted.page, 1) - 1) * wanted.size
        chosen = rows[first : min(first + wanted.size, total)]
        return queries.arrears_lines([ranked(row) for row in chosen]), total
