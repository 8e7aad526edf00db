"""Refunds out of the bank: the payout file (pain.001.001.03) for the approved refunds not yet
paid, and the accounts it pays from and to.

Making the file is one transaction: the file is written in memory first (every problem of it
listed, nothing booked when there is one), then each refund is booked REFUNDS_PAYABLE(+) /
BANK(−) with the key `refund-payout:<proposal>` and recorded in the file's rows, whose key is
the proposal — so a refund is in at most one file and is never paid twice. The file is kept
whole with its hash (the voucher of those entries).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.refund_repository import PayoutFileRow, ProposalRow
from heatbill.adapters.formats.pain001 import write_pain001
from heatbill.adapters.formats.pain001_order import (
    CreditorAccount,
    DanishAccount,
    Debtor,
    Iban,
    NemKonto,
    PaymentOrder,
    Refund,
)
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.money import total
from heatbill.domain.payments.refunds import RefundStatus, payout_entry
from heatbill.domain.register.parties import Party
from heatbill.domain.register.payout_accounts import PayingAccount, PayoutAccount, PayoutKind
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class MakePayout:
    utility_id: int
    execution_date: date


@dataclass(frozen=True, slots=True)
class SetCustomerAccount:
    utility_id: int
    customer_id: int
    account: PayoutAccount
    by: str


@dataclass(frozen=True, slots=True)
class SetUtilityAccount:
    utility_id: int
    account: PayingAccount
    by: str


def make_payout(command: MakePayout, uow: UnitOfWork, clock: Clock) -> PayoutFileRow:
    """The pain.001 file paying every approved refund not yet paid, booked and recorded."""
    refunds = uow.refunds(command.utility_id)
    paying = refunds.utility_account()
    if paying is None:
        raise NotFoundError(say("refunds.utility_account.missing"))
    approved = refunds.proposals(RefundStatus.APPROVED)
    if not approved:
        raise ValidationError(say("refunds.nothing_to_pay"))
    utility = next(u for u in uow.utilities.all() if u.utility_id == command.utility_id)
    payout_id = refunds.new_payout_id()
    message_id = f"HB-REFUNDS-{payout_id}-{command.execution_date:%Y%m%d}"
    nemkonto = [p.party_id for p in approved if p.account.kind is PayoutKind.NEMKONTO]
    parties = uow.parties(command.utility_id).get_many(nemkonto) if nemkonto else {}
    order = PaymentOrder(
        message_id=message_id,
        created_at=clock.now(),
        execution_date=command.execution_date,
        debtor=Debtor(utility.name[:70], paying.iban, paying.bic),
        refunds=tuple(_refund(p, parties.get(p.party_id), utility.name) for p in approved),
        nemkonto_agreed=paying.nemkonto_agreed,
    )
    content = write_pain001(order)
    entries = [
        payout_entry(
            p.proposal_id,
            p.customer_id,
            p.amount,
            booked_on=command.execution_date,
            description=say("refunds.entry.paid", proposal=p.proposal_id, message_id=message_id),
        )
        for p in approved
    ]
    entry_ids = uow.ledger(command.utility_id).post_many(entries, created_at=clock.now())
    row = PayoutFileRow(
        payout_id,
        message_id,
        command.execution_date,
        len(approved),
        total(p.amount for p in approved),
        hashlib.sha256(content).hexdigest(),
        content.decode("utf-8"),
    )
    paid = [
        (p.proposal_id, end_to_end_id(p.proposal_id), e)
        for p, e in zip(approved, entry_ids, strict=True)
    ]
    refunds.add_payout_file(row, paid, created_at=clock.now())
    uow.commit()
    return row


def end_to_end_id(proposal_id: int) -> str:
    """Comes back in the bank's statement (camt.053) to match the payout: `HB-REFUND-<id>`."""
    return f"HB-REFUND-{proposal_id}"


def _refund(proposal: ProposalRow, party: Party | None, utility_name: str) -> Refund:
    remittance = say("refunds.remittance", utility=utility_name, reference=proposal.reference)
    return Refund(
        end_to_end_id=end_to_end_id(proposal.proposal_id),
        amount=proposal.amount,
        creditor_name=proposal.name[:70],
        account=_creditor(proposal.account, party),
        remittance=remittance[:140],
    )


def _creditor(account: PayoutAccount, party: Party | None) -> CreditorAccount:
    if account.kind is PayoutKind.DANISH:
        return DanishAccount(account.reg_number or "", account.account_number or "")
    if account.kind is PayoutKind.IBAN:
        return Iban(account.iban or "")
    identifier = ""
    if party is not None:
        identifier = party.cpr.digits if party.cpr is not None else party.cvr or ""
    return NemKonto(identifier)


def set_customer_account(command: SetCustomerAccount, uow: UnitOfWork, clock: Clock) -> str:
    """Register the account the customer's party is paid to (a new version); its name."""
    if not command.by.strip():
        raise ValidationError(say("refunds.by"))
    refunds = uow.refunds(command.utility_id)
    party_id = refunds.parties_of([command.customer_id]).get(command.customer_id)
    if party_id is None:
        raise NotFoundError(say("refunds.unknown_customer", customer=command.customer_id))
    refunds.set_party_account(party_id, command.account, by=command.by.strip(), at=clock.now())
    name = uow.parties(command.utility_id).get(party_id).name
    uow.commit()
    return name


def set_utility_account(command: SetUtilityAccount, uow: UnitOfWork, clock: Clock) -> None:
    """Register the utility's own account refunds are paid from (a new version)."""
    if not command.by.strip():
        raise ValidationError(say("refunds.by"))
    uow.refunds(command.utility_id).set_utility_account(
        command.account, by=command.by.strip(), at=clock.now()
    )
    uow.commit()
