"""The arrears list (`ScreenQueries.arrears`) against a plain reference computed from the ledger
itself — open items and the sums of their postings, not the kept residuals — for a grid of
filters, pages and days, on both databases."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from heatbill.adapters.db.screen_queries import ArrearsFilter, ScreenQueries
from heatbill.domain.money import Money
from tests.web.town import Town


@dataclass(frozen=True)
class _Expected:
    customer_id: int
    overdue: int
    by_age: tuple[int, ...]
    oldest: date
    claims: int
    ended_on: date | None


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _reference(town: Town, on: date, wanted: ArrearsFilter) -> tuple[list[_Expected], int]:
    with town.engine.connect() as connection:
        items = connection.execute(
            text(
                "SELECT o.customer_id, o.kind, o.due_date, sum(p.amount_ore) FROM open_item o "
                "JOIN posting p ON p.utility_id = o.utility_id "
                "AND p.open_item_id = o.open_item_id WHERE o.utility_id = :u "
                "GROUP BY o.open_item_id, o.customer_id, o.kind, o.due_date"
            ),
            {"u": town.utility_id},
        ).all()
        ends = {
            int(r): (None if e is None else _as_date(e))
            for r, e in connection.execute(
                text("SELECT relationship_id, end_on FROM relationship WHERE utility_id = :u"),
                {"u": town.utility_id},
            )
        }
    per: dict[int, list[tuple[str, date, int]]] = defaultdict(list)
    for customer, kind, due_on, residual in items:
        due = _as_date(due_on)
        if residual > 0 and (on - due).days >= max(wanted.min_days, 1):
            per[int(customer)].append((kind, due, int(residual)))
    found = []
    for customer, owed in per.items():
        overdue = sum(r for _, _, r in owed)
        if overdue < max(wanted.min_ore, 1):
            continue
        ended = ends[customer]
        former = ended is not None and ended <= on
        if wanted.former is not None and former != wanted.former:
            continue
        ages = [0, 0, 0, 0]
        for _, due, residual in owed:
            days = (on - due).days
            ages[0 if days <= 30 else 1 if days <= 60 else 2 if days <= 90 else 3] += residual
        found.append(
            _Expected(
                customer,
                overdue,
                (ages[0], ages[1], ages[2], ages[3]),
                min(due for _, due, _ in owed),
                sum(1 for kind, _, _ in owed if kind == "principal"),
                ended,
            )
        )
    found.sort(key=lambda e: (-e.overdue, e.customer_id))
    first = (max(wanted.page, 1) - 1) * wanted.size
    return found[first : first + wanted.size], len(found)


FILTERS = [
    ArrearsFilter(),
    ArrearsFilter(min_days=15),
    ArrearsFilter(min_days=61),
    ArrearsFilter(min_ore=50_000),
    ArrearsFilter(former=True),
    ArrearsFilter(former=False, min_days=30),
    ArrearsFilter(size=3, page=2),
    ArrearsFilter(size=3, page=1000),
]


@pytest.mark.parametrize("later", range(-120, 101, 20))
def test_the_arrears_list_is_the_ledgers_overdue_items_summed_per_customer(
    town: Town, later: int
) -> None:
    on = town.today + timedelta(days=later)
    with town.engine.connect() as connection:
        screens = ScreenQueries(connection, town.utility_id)
        for wanted in FILTERS:
            lines, count = screens.arrears(on, wanted)
            expected, expected_count = _reference(town, on, wanted)
            assert count == expected_count, wanted
            assert [
                _Expected(
                    line.customer_id,
                    line.overdue.ore,
                    tuple(age.ore for age in line.by_age),
                    line.oldest_due,
                    line.claims,
                    line.ended_on,
                )
                for line in lines
            ] == expected, wanted
            assert all(line.overdue == sum(line.by_age, Money(0)) for line in lines)
    assert _reference(town, town.today, ArrearsFilter())[1] > 0, "the town has nobody in arrears"
