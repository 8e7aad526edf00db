"""The arrears list keeps a ranking while the change feed hears nothing, and ranks afresh once
it hears a change, or when it does not listen (`services.arrears_list`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from heatbill.adapters.db.screen_queries import ArrearsFilter, ScreenQueries
from heatbill.services.arrears_list import KEPT_ROWS, ArrearsList
from heatbill.services.unit_of_work import UnitOfWork
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


def test_pages_beyond_the_kept_rows_and_without_a_feed_are_ranked_afresh(town: Town) -> None:
    deep = ArrearsFilter(page=KEPT_ROWS // 50 + 1, size=50)
    with UnitOfWork(town.engine, write=False) as uow:
        for listing in (ArrearsList(_Feed()), ArrearsList()):
            for wanted in (deep, ArrearsFilter(), ArrearsFilter(former=False, min_days=15)):
                assert listing.page(uow, town.utility_id, town.today, wanted) == ScreenQueries(
                    uow.connection, town.utility_id
                ).arrears(town.today, wanted)
