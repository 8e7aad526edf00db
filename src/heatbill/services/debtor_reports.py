"""Debtor reports (issue 5, item 6): the ageing of the receivables on a date.

A read model: one query (the open items as they stood at the end of the day), computed in
memory; nothing is written.
"""

from __future__ import annotations

from datetime import date, timedelta

from heatbill.adapters.db.ledger_queries import LedgerQueries
from heatbill.domain.ledger.ageing import AgeingLine, ageing
from heatbill.services.unit_of_work import UnitOfWork


def ageing_report(uow: UnitOfWork, utility_id: int, on: date) -> list[AgeingLine]:
    """Every customer with open items at the end of `on`, their residuals by days past due."""
    items = LedgerQueries(uow.connection, utility_id).open_items_before(on + timedelta(days=1))
    return ageing(items, on)
