"""The arrears list keeps a ranking while the change feed hears nothing, and ranks afresh once
it hears a change, or when it does not listen (`services.arrears_list`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import text

from heatbill.adapters.db.screen_queries import ArrearsFilter, ScreenQueries
from heatbill.services.arrears_list import ArrearsList
from heatbill.services.unit_of_work import UnitOfWork
from tests.web.test_arrears_list import FILTERS
from tests.web.town import Town


@dataclass
class _Feed:
    generation: int = 1
    healthy: bool = True


def test_a_kept_ranking_is_used_until_a_change_is_heard(town: Town) -> None:
    feed = _Feed()
    listing = ArrearsList(feed)
    wanted = ArrearsFilter(size=2)
    with UnitOfWork(town.engine) as uow:
        first, count = listing.page(uow, town.utility_id, town.today, wanted)
        assert (first, count) == ScreenQueries(uow.connection, town.utility_id).arrears(
            town.today, wanted
        )
        assert count >= 2
        # A change the feed has not heard of (here: not even committed) is not seen ...
        last = first[-1].customer_id
        uow.connection.execute(
            text(
                "UPDATE open_item_residual SET residual_ore = residual_ore + 100000000 "
                "WHERE utility_id = :u AND customer_id = :c AND residual_ore > 0"
            ),
            {"u": town.utility_id, "c": last},
        )
        assert listing.page(uow, town.utility_id, town.today, wanted) == (first, count)
        # ... until it is heard: then the list is ranked afresh.
        feed.generation += 1
        again, _ = listing.page(uow, town.utility_id, town.today, wanted)
        assert again[0].customer_id == last
        assert again[0].overdue.ore > first[0].overdue.ore
        # A feed that does not listen keeps nothing.
        uow.connection.execute(
            text(
                "UPDATE open_item_residual SET residual_ore = residual_ore - 100000000 "
                "WHERE utility_id = :u AND customer_id = :c AND residual_ore > 100000000"
            ),
            {"u": town.utility_id, "c": last},
        )
        feed.healthy = False
        assert listing.page(uow, town.utility_id, town.today, wanted) == (first, count)


@pytest.mark.parametrize("later", [-60, -20, 0, 45])
def test_every_filter_cut_from_a_kept_ranking_is_what_a_fresh_one_gives(
    town: Town, later: int
) -> None:
    on = town.today + timedelta(days=later)
    kept = ArrearsList(_Feed())
    filters = [*FILTERS, ArrearsFilter(min_ore=1), ArrearsFilter(former=False, min_ore=250_000)]
    with UnitOfWork(town.engine, write=False) as uow:
        fresh = ScreenQueries(uow.connection, town.utility_id)
        for wanted in filters:
            for _ in range(2):  # computed, then cut from what is kept
                assert kept.page(uow, town.utility_id, on, wanted) == fresh.arrears(on, wanted)
