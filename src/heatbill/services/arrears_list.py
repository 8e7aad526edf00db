"""The arrears list (restancelisten) as the staff screens and the API ask for it, page by page,
with the ranking kept between requests while nothing it depends on has changed.

Ranking a utility's overdue customers sums every overdue item (50 000 at a million
installations, ~0.1 s on PostgreSQL), and staff page through the same few filters. A web
worker therefore keeps, per utility, day and filter, the first `KEPT_ROWS` ranked customers and
the count, tagged with the change feed's generation read *before* the query: the ranking is
used again only while the feed is listening and has heard no commit of postings, residuals or
relationships since (`adapters.db.change_feed`). Names and addresses are read for each page as
it is shown, so they are never stale. Without a feed (SQLite) every page is computed afresh.
A page beyond the kept rows is computed afresh too.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from heatbill.adapters.db.screen_queries import ArrearsFilter, ArrearsLine, Ranked, ScreenQueries
from heatbill.services.unit_of_work import UnitOfWork

KEPT_ROWS = 1000
"""Ranked customers kept per filter: the first 20 pages of 50."""
KEPT_FILTERS = 256
"""Filters kept per process, the least recently used dropped first."""


class Changes(Protocol):
    """What the list needs of a change feed."""

    @property
    def generation(self) -> int: ...

    @property
    def healthy(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Kept:
    generation: int
    ranked: list[Ranked]
    total: int


_Key = tuple[int, date, int, int, bool | None]


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
        first = (max(wanted.page, 1) - 1) * wanted.size
        changes = self._changes
        if changes is None or first + wanted.size > KEPT_ROWS:
            return queries.arrears(on, wanted)
        key = (utility_id, on, max(wanted.min_days, 1), max(wanted.min_ore, 1), wanted.former)
        generation = changes.generation
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is None or kept.generation != generation or not changes.healthy:
            ranked, total = queries.arrears_ranked(on, wanted, KEPT_ROWS, 0)
            kept = _Kept(generation, ranked, total)
            # Kept only if nothing was heard while it was computed (and the feed listens).
            if changes.healthy and changes.generation == generation:
                with self._lock:
                    self._kept[key] = kept
                    self._kept.move_to_end(key)
                    while len(self._kept) > KEPT_FILTERS:
                        self._kept.popitem(last=False)
        return queries.arrears_lines(kept.ranked[first : first + wanted.size]), kept.total
