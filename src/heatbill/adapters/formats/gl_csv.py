"""The GL export (finansposteringer) as a CSV for a Danish bookkeeping system's journal import.

Layout — the shape of a kassekladde (cash journal) import in e-conomic, Dinero and Uniconta:
one line per voucher and account with a date, a voucher number (bilagsnummer), a text, the
account number and a signed amount, and a VAT-code column. Those systems let the user map the
columns on import (e-conomic's "Importér til kassekladde", Uniconta's journal import, Dinero's
posting import), so the file carries a Danish header row naming each column:

    Dato;Bilag;Tekst;Konto;Beløb;Momskode

- Semicolon-separated, UTF-8 with a byte-order mark (what Excel and the import dialogs detect
  as UTF-8; without it æøå are read as Windows-1252), CRLF line ends, fields quoted only when
  they contain `;`, a quote or a line break.
- Dato `31-12-2026` (dd-mm-åååå); Beløb with a decimal comma, no thousands separator, debit
  positive and credit negative (`-1234,56`): the import reads a signed amount per line.
- Bilag: heatbill's journal entry number, so every line leads back to its voucher (the audit
  trail bogføringsloven asks for).
- Konto: the utility's own GL account number from its chart-of-accounts mapping.
- Momskode: left empty on purpose. heatbill books the VAT itself, on the VAT account, in the
  same voucher; a VAT code on the revenue line would make the bookkeeping system split the
  amount and book the VAT a second time.
The exact column order of each system's import was not found in public documentation; the
header row is there so the user maps it once (check against the utility's system).

Aggregation: one line per (journal entry, GL account), the net of that entry's postings on
the account. An accountant reconciles the GL voucher by voucher, so a line per voucher keeps
the trail; the customer detail stays in heatbill's subledger (one receivables line per payment
rather than one per cleared open item). A net of 0,00 (e.g. a move between two open items of
the same entry) is left out: it changes no GL balance.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from heatbill.domain.ledger import Account, JournalEntry
from heatbill.domain.ledger.accounts import GlAccount
from heatbill.domain.ledger.journal import BookedEntry
from heatbill.domain.money import ORE_PER_KRONE, Money
from heatbill.wording import say

HEADER: Final = ("Dato", "Bilag", "Tekst", "Konto", "Beløb", "Momskode")
BOM: Final = "\ufeff"


@dataclass(frozen=True, slots=True)
class GlLine:
    """One line of the export: the net of one entry's postings on one GL account."""

    booking_date: date
    voucher: int
    text: str
    gl: GlAccount
    amount: Money


def gl_lines(entries: Sequence[BookedEntry], chart: Mapping[Account, GlAccount]) -> list[GlLine]:
    """The journal mapped through the chart, netted per (entry, GL account), entry order kept."""
    lines: list[GlLine] = []
    for booked in entries:
        entry_id, entry = booked.entry_id, booked.entry
        nets: dict[str, int] = {}
        accounts: dict[str, GlAccount] = {}
        for p in entry.postings:
            gl = chart[p.account]
            nets[gl.number] = nets.get(gl.number, 0) + p.amount.ore
            accounts.setdefault(gl.number, gl)
        text = _text(entry)
        lines += [
            GlLine(entry.booking_date, entry_id, text, accounts[number], Money(ore))
            for number, ore in nets.items()
            if ore != 0
        ]
    return lines


def _text(entry: JournalEntry) -> str:
    if entry.reverses_entry_id is None:
        return entry.description
    return say("accounting.gl.reverses", text=entry.description, entry_id=entry.reverses_entry_id)


def amount_da(amount: Money) -> str:
    """`-1234,56`: decimal comma, no thousands separator, a leading minus for credit."""
    whole, frac = divmod(abs(amount.ore), ORE_PER_KRONE)
    return f"{'-' if amount.ore < 0 else ''}{whole},{frac:02d}"


def write_gl_csv(lines: Sequence[GlLine]) -> bytes:
    """The file's bytes: BOM, header row, one row per line."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for line in lines:
        writer.writerow(
            (
                f"{line.booking_date:%d-%m-%Y}",
                str(line.voucher),
                line.text,
                line.gl.number,
                amount_da(line.amount),
                "",
            )
        )
    return (BOM + out.getvalue()).encode("utf-8")
