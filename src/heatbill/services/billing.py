"""Issuing bills: number them, book each as one journal entry, keep them as issued.

Idempotent per (installation, kind, period, revision): bills that exist already are left as
they are and reported, so a billing run repeated for its date books nothing new. `dry_run`
computes exactly the same bills and books nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from heatbill.adapters.db.bill_repository import key_of
from heatbill.domain.billing.bill import Bill
from heatbill.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Issued:
    bills: list[Bill]
    """The bills issued now (with their numbers; ids 0 in a dry run)."""
    already: int
    """Bills of the batch that existed already (a repeated run)."""
    open_items: dict[int, int] = field(default_factory=dict)
    """Each issued bill's open item, by bill id (empty in a dry run)."""


def issue_bills(
    uow: UnitOfWork,
    utility_id: int,
    drafts: Sequence[Bill],
    *,
    clause_of: dict[str, str],
    now: datetime,
    run_id: int | None = None,
    dry_run: bool = False,
) -> Issued:
    """Book `drafts` (bill_id and number not yet set); not committed — the run commits.

    `clause_of` gives the clause behind each bill kind (e.g. the rulebook's installments
    clause), recorded on the journal entry and the open item.
    """
    bills = uow.bills(utility_id)
    existing = bills.existing([key_of(d) for d in drafts])
    fresh = [d for d in drafts if key_of(d) not in existing]
    if dry_run or not fresh:
        return Issued(fresh, len(drafts) - len(fresh))
    ids = uow.ids(utility_id)
    first = ids.reserve("bill", len(fresh))
    numbered = [
        replace(d, bill_id=first + n, number=f"{d.issue_date.year}-{first + n:07d}")
        for n, d in enumerate(fresh)
    ]
    ledger = uow.ledger(utility_id)
    item_ids = ledger.new_open_item_ids(len(numbered))
    entries = [
        b.journal_entry(item_id, clause_of.get(b.kind.value))
        for b, item_id in zip(numbered, item_ids, strict=True)
    ]
    entry_ids = ledger.post_new(entries, created_at=now, run_id=run_id)  # keys: new bill ids
    bills.add(list(zip(numbered, entry_ids, item_ids, strict=True)), now, run_id)
    open_items = {b.bill_id: item_id for b, item_id in zip(numbered, item_ids, strict=True)}
    return Issued(numbered, len(drafts) - len(fresh), open_items)
