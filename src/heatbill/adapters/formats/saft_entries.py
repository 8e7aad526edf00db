"""SAF-T GeneralLedgerEntries: one Journal per reason, one Transaction per journal entry, one Line
per posting (no netting: SAF-T is the detail an auditor drills into).

Receivables lines carry the customer's id (and so does the transaction when it concerns one
customer). VAT: heatbill books an entry's VAT on the VAT account itself; the revenue lines it
belongs to get a TaxInformation with the standard code, their amount as base and their share of
the entry's VAT. Heat and fixed charges carry VAT (DANISH-RULES "VAT on fees": heat 25 %); a fee
line gets a share only when the heat lines do not account for all of the entry's VAT.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from heatbill.adapters.formats.saft_xml import (
    VAT_CODE,
    VAT_PERCENT,
    add,
    amount,
    debit_or_credit,
)
from heatbill.domain.ledger import Account, JournalEntry, Reason
from heatbill.domain.ledger.journal import BookedEntry
from heatbill.domain.money import VAT_RATE, Money, allocate, total
from heatbill.wording import say

_HEAT = (Account.HEAT_REVENUE, Account.FIXED_CHARGE_REVENUE)
_REVENUE = (*_HEAT, Account.FEE_REVENUE)


def general_ledger_entries(
    root: ET.Element, entries: Sequence[BookedEntry], gl_numbers: dict[str, str]
) -> None:
    postings = [p for booked in entries for p in booked.entry.postings]
    ledger = add(root, "GeneralLedgerEntries")
    add(ledger, "NumberOfEntries", str(len(entries)))
    add(ledger, "TotalDebit", amount(total(p.debit for p in postings)))
    add(ledger, "TotalCredit", amount(total(p.credit for p in postings)))
    for reason in Reason:
        booked = [b for b in entries if b.entry.reason is reason]
        if not booked:
            continue
        journal = add(ledger, "Journal")
        add(journal, "JournalID", reason.value)
        add(journal, "Description", say(f"accounting.reason.{reason.value}"))
        add(journal, "Type", reason.value)
        for one in booked:
            _transaction(journal, one, gl_numbers)


def _transaction(journal: ET.Element, booked: BookedEntry, gl_numbers: dict[str, str]) -> None:
    entry = booked.entry
    day = entry.booking_date.isoformat()
    element = add(journal, "Transaction")
    add(element, "TransactionID", str(booked.entry_id))
    add(element, "Period", f"{entry.booking_date.month:02d}")
    add(element, "PeriodYear", str(entry.booking_date.year))
    add(element, "TransactionDate", day)
    add(element, "TransactionType", entry.reason.value)
    add(element, "Description", _description(entry))
    add(element, "SystemEntryDate", booked.entered_on.isoformat())
    add(element, "GLPostingDate", day)
    customers = {p.customer_id for p in entry.postings if p.customer_id is not None}
    if len(customers) == 1:
        add(element, "CustomerID", str(next(iter(customers))))
    vat = line_vat(entry)
    for n, posting in enumerate(entry.postings):
        line = add(element, "Line")
        add(line, "RecordID", f"{booked.entry_id}-{n + 1}")
        add(line, "AccountID", gl_numbers[posting.account.value])
        add(line, "ValueDate", day)
        if posting.customer_id is not None:
            add(line, "CustomerID", str(posting.customer_id))
        add(line, "Description", _description(entry))
        debit_or_credit(line, posting.amount)
        if n in vat:
            _tax(line, posting.amount, vat[n])


def _description(entry: JournalEntry) -> str:
    if entry.reverses_entry_id is None:
        return entry.description
    return say("accounting.gl.reverses", text=entry.description, entry_id=entry.reverses_entry_id)


def _tax(line: ET.Element, base: Money, tax: Money) -> None:
    info = add(line, "TaxInformation")
    add(info, "TaxType", "VAT")
    add(info, "TaxCode", VAT_CODE)
    add(info, "TaxPercentage", VAT_PERCENT)
    add(info, "TaxBase", amount(base))
    tax_amount = add(info, "TaxAmount")
    add(tax_amount, "Amount", amount(tax))


def line_vat(entry: JournalEntry) -> dict[int, Money]:
    """The entry's VAT spread over the revenue lines it belongs to, by line index; exact:
    the shares sum to the VAT posted (sign as the revenue lines, credit negative)."""
    vat = total(p.amount for p in entry.postings if p.account is Account.VAT_PAYABLE)
    if not vat:
        return {}
    lines = _taxed_lines(entry, vat)
    if not lines:
        return {}
    weights = [abs(entry.postings[i].amount.ore) for i in lines]
    return dict(zip(lines, allocate(vat, weights), strict=True))


def _taxed_lines(entry: JournalEntry, vat: Money) -> list[int]:
    """The heat lines when 25 % of them is the entry's VAT (to the øre per line), else every
    revenue line."""
    heat = [i for i, p in enumerate(entry.postings) if p.account in _HEAT]
    expected = total(entry.postings[i].amount for i in heat).times(VAT_RATE)
    if heat and abs((expected - vat).ore) <= len(heat):
        return heat
    return [i for i, p in enumerate(entry.postings) if p.account in _REVENUE]
