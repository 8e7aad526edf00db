"""Refund proposals (issue 5, item 4): proposed over a whole utility for a date, then each
approved or rejected by staff, with who and when kept append-only.

What is proposed and what approving books is the domain's (`domain.payments.refunds`): the
refunds runs moved to REFUNDS_PAYABLE, and customers' credits from the rulebook's
`refunds.minimum` on. Each proposal carries the account it is paid to as it stood when proposed
(the party's payout account, else NemKonto), so what staff approve is what the file pays.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.ledger_queries import LedgerQueries
from heatbill.adapters.db.refund_repository import ProposalRow
from heatbill.domain.ledger import OpenItem
from heatbill.domain.money import Money, total
from heatbill.domain.payments.refunds import (
    ProposalDraft,
    RefundSource,
    RefundStatus,
    check_decision,
    credit_proposal,
    credit_refund_entry,
    payable_proposals,
)
from heatbill.domain.register.payout_accounts import PayoutAccount
from heatbill.domain.rulebook import Ruled
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class ProposeRefunds:
    utility_id: int
    on: date


@dataclass(frozen=True, slots=True)
class ProposalReport:
    proposed: list[tuple[int, ProposalDraft]]
    minimum: Ruled[Money]

    @property
    def total(self) -> Money:
        return total(draft.amount for _, draft in self.proposed)


@dataclass(frozen=True, slots=True)
class DecideRefund:
    utility_id: int
    proposal_id: int
    by: str
    reason: str | None = None


def propose_refunds(command: ProposeRefunds, uow: UnitOfWork, clock: Clock) -> ProposalReport:
    """Propose every refund waiting on `on`; a source proposed before is not proposed again."""
    minimum = rulebook_of(uow, command.utility_id, command.on).refunds.minimum
    refunds = uow.refunds(command.utility_id)
    ledger = uow.ledger(command.utility_id)
    waiting = ledger.entries(refunds.unproposed_refund_entries(command.on))
    drafts = payable_proposals(sorted(waiting.items()))
    drafts += _credit_drafts(uow, command, minimum.value)
    parties = refunds.parties_of([d.customer_id for d in drafts])
    drafts = [d for d in drafts if d.customer_id in parties]
    accounts = refunds.party_accounts(list(parties.values()))
    rows = [
        (d, parties[d.customer_id], accounts.get(parties[d.customer_id], PayoutAccount.nemkonto()))
        for d in drafts
    ]
    proposed = refunds.add_proposals(rows, proposed_on=command.on, created_at=clock.now())
    uow.commit()
    return ProposalReport(proposed, minimum)


def _credit_drafts(uow: UnitOfWork, command: ProposeRefunds, minimum: Money) -> list[ProposalDraft]:
    """One draft per customer whose credits on `on` reach the minimum (set-based: one query
    for every open item of the utility)."""
    queries = LedgerQueries(uow.connection, command.utility_id)
    by_customer: dict[int, list[tuple[OpenItem, Money]]] = defaultdict(list)
    for item, residual in queries.open_items_before(command.on + timedelta(days=1)):
        by_customer[item.customer_id].append((item, residual))
    credit_ids = [i.open_item_id for items in by_customer.values() for i, r in items if r.ore < 0]
    refunds = uow.refunds(command.utility_id)
    held = refunds.settlement_items(credit_ids)
    pending = refunds.customers_with_open_credit_proposal()
    drafts = []
    for customer in sorted(by_customer):
        items = by_customer[customer]
        if customer in pending or not any(r.ore < 0 for _, r in items):
            continue
        draft = credit_proposal(customer, items, minimum, held)
        if draft is not None:
            drafts.append(draft)
    return drafts


def approve_refund(command: DecideRefund, uow: UnitOfWork, clock: Clock) -> ProposalRow:
    """Approve a proposal; a credit is booked into REFUNDS_PAYABLE now (a run's refund is
    there already). The payout file pays it later."""
    refunds = uow.refunds(command.utility_id)
    row = refunds.proposal(command.proposal_id)
    check_decision(row.proposal_id, row.status, command.by, None, approve=True)
    entry_id = None
    if row.source is RefundSource.CREDIT:
        ledger = uow.ledger(command.utility_id)
        items = ledger.open_items(row.customer_id)
        held = refunds.settlement_items([i.open_item_id for i, r in items if r.ore < 0])
        description = say(
            "refunds.entry.approved",
            proposal=row.proposal_id,
            by=command.by.strip(),
            reference=row.reference,
        )
        entry = credit_refund_entry(
            row.proposal_id,
            row.customer_id,
            row.amount,
            items,
            booked_on=clock.today(),
            description=description[:400],
            held=held,
        )
        entry_id = ledger.post(entry, created_at=clock.now())
    _decide(uow, command, clock, approved=True, entry_id=entry_id)
    return refunds.proposal(command.proposal_id)


def reject_refund(command: DecideRefund, uow: UnitOfWork, clock: Clock) -> ProposalRow:
    """Reject a proposal with a reason: a credit stays on the account, nothing is booked."""
    refunds = uow.refunds(command.utility_id)
    row = refunds.proposal(command.proposal_id)
    check_decision(row.proposal_id, row.status, command.by, command.reason, approve=False)
    _decide(uow, command, clock, approved=False, entry_id=None)
    return refunds.proposal(command.proposal_id)


def _decide(
    uow: UnitOfWork, command: DecideRefund, clock: Clock, *, approved: bool, entry_id: int | None
) -> None:
    uow.refunds(command.utility_id).add_decision(
        command.proposal_id,
        approved=approved,
        by=command.by.strip(),
        reason=None if approved else (command.reason or "").strip()[:400],
        decided_on=clock.today(),
        decided_at=clock.now(),
        entry_id=entry_id,
    )
    uow.commit()


def refund_proposals(
    uow: UnitOfWork, utility_id: int, status: RefundStatus | None = None
) -> list[ProposalRow]:
    """The read model of `heatbill refunds list`."""
    return uow.refunds(utility_id).proposals(status)
