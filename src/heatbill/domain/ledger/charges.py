"""Charging a fee from the tariff sheet: the claim, the revenue and its VAT, in one entry."""

from __future__ import annotations

from datetime import date

from heatbill.domain.ledger.accounts import Account
from heatbill.domain.ledger.entry import JournalEntry, Posting, Reason
from heatbill.domain.ledger.open_items import OpenItem, OpenItemKind
from heatbill.domain.tariff.fees import Fee


def fee_entry(
    fee: Fee,
    *,
    customer_id: int,
    open_item_id: int,
    booked_on: date,
    due: date,
    reference: str,
    idempotency_key: str,
) -> JournalEntry:
    """Debit the customer the fee incl. VAT; credit fee revenue ex VAT and VAT payable.

    The clause on the entry is the fee's own (the tariff sheet line that sets it).
    """
    gross = fee.amount_incl_vat
    vat = gross - fee.amount_ex_vat
    postings = [
        Posting(Account.RECEIVABLES, gross, customer_id, open_item_id),
        Posting(Account.FEE_REVENUE, -fee.amount_ex_vat),
    ]
    if vat.ore:
        postings.append(Posting(Account.VAT_PAYABLE, -vat))
    clause = str(fee.clause)
    return JournalEntry(
        booking_date=booked_on,
        reason=Reason.FEE,
        description=reference,
        postings=tuple(postings),
        clause=clause,
        idempotency_key=idempotency_key,
        new_open_items=(
            OpenItem(open_item_id, customer_id, OpenItemKind.FEE, due, reference, clause),
        ),
    )
