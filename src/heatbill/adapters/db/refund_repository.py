"""Refunds in the database: payout accounts, proposals, decisions and payout files.

Set-based: a proposal run reads the refunds waiting in REFUNDS_PAYABLE and the credits on
customers' accounts in a few queries and inserts its proposals in one statement. Nothing is
updated: accounts get new versions, a proposal's state is read from its decision and payout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, insert, select

from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.refund_tables import (
    party_payout_account,
    refund_decision,
    refund_payout,
    refund_payout_file,
    refund_proposal,
    utility_payout_account,
)
from heatbill.adapters.db.register_tables import party, relationship
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.domain.errors import NotFoundError
from heatbill.domain.ledger import Account, Reason
from heatbill.domain.money import Money
from heatbill.domain.payments.refunds import ProposalDraft, RefundSource, RefundStatus
from heatbill.domain.register.payout_accounts import PayingAccount, PayoutAccount, PayoutKind
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class ProposalRow:
    proposal_id: int
    customer_id: int
    party_id: int
    name: str
    source: RefundSource
    source_entry_id: int | None
    reference: str
    amount: Money
    proposed_on: date
    account: PayoutAccount
    status: RefundStatus
    decided_by: str | None = None
    decided_on: date | None = None
    reason: str | None = None
    message_id: str | None = None
    """The payout file it was paid in."""


@dataclass(frozen=True, slots=True)
class PayoutFileRow:
    payout_id: int
    message_id: str
    execution_date: date
    refund_count: int
    total: Money
    sha256: str
    content: str


class SqlRefunds:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._u = utility_id
        self._ids = ids

    # --- payout accounts ----------------------------------------------------------------
    def set_party_account(
        self, party_id: int, account: PayoutAccount, *, by: str, at: datetime
    ) -> None:
        version = self._next_version(
            party_payout_account, party_payout_account.c.party_id == party_id
        )
        self._db.execute(
            insert(party_payout_account).values(
                utility_id=self._u,
                party_id=party_id,
                version=version,
                kind=account.kind.value,
                reg_number=account.reg_number,
                account_number=account.account_number,
                iban=account.iban,
                registered_by=by,
                registered_at=at,
            )
        )

    def party_accounts(self, party_ids: Sequence[int]) -> dict[int, PayoutAccount]:
        """The account in force per party (its newest version); parties without none."""
        t = party_payout_account
        newest = (
            select(t.c.party_id, func.max(t.c.version).label("version"))
            .where(t.c.utility_id == self._u, t.c.party_id.in_(sorted(set(party_ids))))
            .group_by(t.c.party_id)
            .subquery()
        )
        rows = self._db.execute(
            select(t)
            .join(newest, and_(t.c.party_id == newest.c.party_id, t.c.version == newest.c.version))
            .where(t.c.utility_id == self._u)
        )
        return {int(r.party_id): _account(r) for r in rows}

    def set_utility_account(self, account: PayingAccount, *, by: str, at: datetime) -> None:
        version = self._next_version(utility_payout_account, None)
        self._db.execute(
            insert(utility_payout_account).values(
                utility_id=self._u,
                version=version,
                iban=account.iban,
                bic=account.bic,
                nemkonto_agreed=account.nemkonto_agreed,
                registered_by=by,
                registered_at=at,
            )
        )

    def utility_account(self) -> PayingAccount | None:
        t = utility_payout_account
        found = self._db.execute(
            select(t).where(t.c.utility_id == self._u).order_by(t.c.version.desc()).limit(1)
        ).one_or_none()
        if found is None:
            return None
        return PayingAccount(found.iban, found.bic, bool(found.nemkonto_agreed))

    def _next_version(self, table: Any, condition: Any) -> int:
        query = select(func.max(table.c.version)).where(table.c.utility_id == self._u)
        if condition is not None:
            query = query.where(condition)
        return int(self._db.execute(query).scalar() or 0) + 1

    # --- what waits to be proposed ------------------------------------------------------
    def parties_of(self, customer_ids: Sequence[int]) -> dict[int, int]:
        """The party of each customer (relationship)."""
        rows = self._db.execute(
            select(relationship.c.relationship_id, relationship.c.party_id).where(
                relationship.c.utility_id == self._u,
                relationship.c.relationship_id.in_(sorted(set(customer_ids))),
            )
        )
        return {int(r.relationship_id): int(r.party_id) for r in rows}

    def unproposed_refund_entries(self, on: date) -> list[int]:
        """Refund entries booked on or before `on` that credit REFUNDS_PAYABLE and are not
        yet the source of a proposal (the caller keeps those a run made)."""
        proposed = exists().where(
            refund_proposal.c.utility_id == journal_entry.c.utility_id,
            refund_proposal.c.source_entry_id == journal_entry.c.entry_id,
        )
        payable = exists().where(
            posting.c.utility_id == journal_entry.c.utility_id,
            posting.c.entry_id == journal_entry.c.entry_id,
            posting.c.account == Account.REFUNDS_PAYABLE.value,
            posting.c.amount_ore < 0,
        )
        rows = self._db.execute(
            select(journal_entry.c.entry_id)
            .where(
                journal_entry.c.utility_id == self._u,
                journal_entry.c.reason == Reason.REFUND.value,
                journal_entry.c.booking_date <= on,
                payable,
                ~proposed,
            )
            .order_by(journal_entry.c.entry_id)
        )
        return [int(r.entry_id) for r in rows]

    def settlement_items(self, open_item_ids: Sequence[int]) -> frozenset[int]:
        """Of these open items, those an annual settlement opened (its credit is the
        settlement run's to set off or pay out)."""
        found: set[int] = set()
        for chunk in _chunks(sorted(set(open_item_ids)), 500):
            rows = self._db.execute(
                select(open_item.c.open_item_id)
                .join(
                    journal_entry,
                    and_(
                        journal_entry.c.utility_id == open_item.c.utility_id,
                        journal_entry.c.entry_id == open_item.c.opened_by_entry_id,
                    ),
                )
                .where(
                    open_item.c.utility_id == self._u,
                    open_item.c.open_item_id.in_(chunk),
                    journal_entry.c.reason == Reason.ANNUAL_SETTLEMENT.value,
                )
            )
            found.update(int(r.open_item_id) for r in rows)
        return frozenset(found)

    def customers_with_open_credit_proposal(self) -> set[int]:
        """Customers with a credit proposal not decided yet: not proposed again meanwhile."""
        undecided = ~exists().where(
            refund_decision.c.utility_id == refund_proposal.c.utility_id,
            refund_decision.c.proposal_id == refund_proposal.c.proposal_id,
        )
        rows = self._db.execute(
            select(refund_proposal.c.customer_id).where(
                refund_proposal.c.utility_id == self._u,
                refund_proposal.c.source == RefundSource.CREDIT.value,
                undecided,
            )
        )
        return {int(r.customer_id) for r in rows}

    # --- proposals ----------------------------------------------------------------------
    def add_proposals(
        self,
        drafts: Sequence[tuple[ProposalDraft, int, PayoutAccount]],
        *,
        proposed_on: date,
        created_at: datetime,
    ) -> list[tuple[int, ProposalDraft]]:
        """Insert (draft, party, account) proposals whose source key is new; those, by id."""
        known = self._known_keys([d.source_key for d, _, _ in drafts])
        fresh = [(d, p, a) for d, p, a in drafts if d.source_key not in known]
        if not fresh:
            return []
        first = self._ids.reserve("refund_proposal", len(fresh))
        rows = [
            {
                "utility_id": self._u,
                "proposal_id": first + i,
                "customer_id": draft.customer_id,
                "party_id": party_id,
                "source": draft.source.value,
                "source_key": draft.source_key,
                "source_entry_id": draft.source_entry_id,
                "reference": draft.reference[:200],
                "amount_ore": draft.amount.ore,
                "proposed_on": proposed_on,
                "account_kind": account.kind.value,
                "reg_number": account.reg_number,
                "account_number": account.account_number,
                "iban": account.iban,
                "created_at": created_at,
            }
            for i, (draft, party_id, account) in enumerate(fresh)
        ]
        self._db.execute(insert(refund_proposal), rows)
        return [(first + i, draft) for i, (draft, _, _) in enumerate(fresh)]

    def _known_keys(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(keys)), 500):
            rows = self._db.execute(
                select(refund_proposal.c.source_key).where(
                    refund_proposal.c.utility_id == self._u,
                    refund_proposal.c.source_key.in_(chunk),
                )
            )
            found.update(r.source_key for r in rows)
        return found

    def proposals(self, status: RefundStatus | None = None) -> list[ProposalRow]:
        found = [_proposal(r) for r in self._db.execute(self._proposals_query())]
        return [p for p in found if status is None or p.status is status]

    def proposal(self, proposal_id: int) -> ProposalRow:
        query = self._proposals_query().where(refund_proposal.c.proposal_id == proposal_id)
        found = self._db.execute(query).one_or_none()
        if found is None:
            raise NotFoundError(say("refunds.unknown", proposal=proposal_id))
        return _proposal(found)

    def _proposals_query(self) -> Select[Any]:
        p, d, r, f = refund_proposal, refund_decision, refund_payout, refund_payout_file
        return (
            select(
                p,
                party.c.name,
                d.c.decision,
                d.c.decided_by,
                d.c.decided_on,
                d.c.reason,
                f.c.message_id,
            )
            .join(
                party, and_(party.c.utility_id == p.c.utility_id, party.c.party_id == p.c.party_id)
            )
            .outerjoin(
                d, and_(d.c.utility_id == p.c.utility_id, d.c.proposal_id == p.c.proposal_id)
            )
            .outerjoin(
                r, and_(r.c.utility_id == p.c.utility_id, r.c.proposal_id == p.c.proposal_id)
            )
            .outerjoin(f, and_(f.c.utility_id == r.c.utility_id, f.c.payout_id == r.c.payout_id))
            .where(p.c.utility_id == self._u)
            .order_by(p.c.proposal_id)
        )

    def add_decision(
        self,
        proposal_id: int,
        *,
        approved: bool,
        by: str,
        reason: str | None,
        decided_on: date,
        decided_at: datetime,
        entry_id: int | None,
    ) -> None:
        self._db.execute(
            insert(refund_decision).values(
                utility_id=self._u,
                proposal_id=proposal_id,
                decision=(RefundStatus.APPROVED if approved else RefundStatus.REJECTED).value,
                decided_by=by,
                reason=reason,
                decided_on=decided_on,
                decided_at=decided_at,
                entry_id=entry_id,
            )
        )

    # --- payout files -------------------------------------------------------------------
    def new_payout_id(self) -> int:
        return self._ids.reserve("refund_payout")

    def add_payout_file(
        self,
        file: PayoutFileRow,
        paid: Sequence[tuple[int, str, int]],
        *,
        created_at: datetime,
    ) -> None:
        """The file and its refunds as (proposal id, end-to-end id, entry id)."""
        self._db.execute(
            insert(refund_payout_file).values(
                utility_id=self._u,
                payout_id=file.payout_id,
                message_id=file.message_id,
                execution_date=file.execution_date,
                refund_count=file.refund_count,
                total_ore=file.total.ore,
                sha256=file.sha256,
                content=file.content,
                created_at=created_at,
            )
        )
        self._db.execute(
            insert(refund_payout),
            [
                {
                    "utility_id": self._u,
                    "proposal_id": proposal_id,
                    "payout_id": file.payout_id,
                    "end_to_end_id": end_to_end,
                    "entry_id": entry_id,
                }
                for proposal_id, end_to_end, entry_id in paid
            ],
        )

    def payout_files(self) -> list[PayoutFileRow]:
        f = refund_payout_file
        rows = self._db.execute(select(f).where(f.c.utility_id == self._u).order_by(f.c.payout_id))
        return [
            PayoutFileRow(
                int(r.payout_id),
                r.message_id,
                r.execution_date,
                int(r.refund_count),
                Money(int(r.total_ore)),
                r.sha256,
                r.content,
            )
            for r in rows
        ]


def _account(row: Any) -> PayoutAccount:
    kind = PayoutKind(row.kind if "kind" in row._fields else row.account_kind)
    return PayoutAccount(kind, row.reg_number, row.account_number, row.iban)


def _proposal(row: Any) -> ProposalRow:
    if row.message_id is not None:
        status = RefundStatus.PAID
    elif row.decision is not None:
        status = RefundStatus(row.decision)
    else:
        status = RefundStatus.PROPOSED
    return ProposalRow(
        proposal_id=int(row.proposal_id),
        customer_id=int(row.customer_id),
        party_id=int(row.party_id),
        name=row.name,
        source=RefundSource(row.source),
        source_entry_id=None if row.source_entry_id is None else int(row.source_entry_id),
        reference=row.reference,
        amount=Money(int(row.amount_ore)),
        proposed_on=row.proposed_on,
        account=_account(row),
        status=status,
        decided_by=row.decided_by,
        decided_on=row.decided_on,
        reason=row.reason,
        message_id=row.message_id,
    )


def _chunks(values: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
