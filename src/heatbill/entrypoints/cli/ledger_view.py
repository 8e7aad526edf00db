"""Rich renderings of the ledger for the terminal: journal, trial balance, open items."""

from __future__ import annotations

from rich.table import Table

from heatbill.domain.ledger import JournalEntry, OpenItem
from heatbill.domain.money import Money, total
from heatbill.services.ledger import TrialBalanceLine
from heatbill.wording import say


def _amount(money: Money) -> str:
    return money.format_da(unit=False) if money.ore else ""


def journal_table(entries: list[tuple[int, JournalEntry]]) -> Table:
    table = Table(title=say("ledger.journal_title"), show_lines=False)
    for key in ("entry", "date", "text", "account", "customer"):
        table.add_column(say(f"ledger.col.{key}"))
    table.add_column(say("ledger.col.debit"), justify="right")
    table.add_column(say("ledger.col.credit"), justify="right")
    table.add_column(say("ledger.col.clause"))
    for entry_id, entry in entries:
        text = entry.description
        if entry.reverses_entry_id is not None:
            text += f" ({say('ledger.reverses', entry_id=entry.reverses_entry_id)})"
        for n, posting in enumerate(entry.postings):
            first = n == 0
            table.add_row(
                str(entry_id) if first else "",
                entry.booking_date.strftime("%d-%m-%Y") if first else "",
                text if first else "",
                say(f"ledger.account.{posting.account.value}"),
                "" if posting.customer_id is None else str(posting.customer_id),
                _amount(posting.debit),
                _amount(posting.credit),
                (entry.clause or "") if first else "",
                end_section=n == len(entry.postings) - 1,
            )
    return table


def trial_balance_table(lines: list[TrialBalanceLine]) -> tuple[Table, str]:
    """The trial balance and the line that proves debit equals credit."""
    table = Table(title=say("ledger.trial_balance_title"))
    table.add_column(say("ledger.col.gl_number"))
    table.add_column(say("ledger.col.account"))
    table.add_column(say("ledger.col.debit"), justify="right")
    table.add_column(say("ledger.col.credit"), justify="right")
    for line in lines:
        table.add_row(line.gl.number, line.gl.name, _amount(line.debit), _amount(line.credit))
    debit = total(line.debit for line in lines)
    credit = total(line.credit for line in lines)
    table.add_section()
    table.add_row(
        "", say("common.total"), debit.format_da(unit=False), credit.format_da(unit=False)
    )
    key = "ledger.balanced" if debit == credit else "ledger.unbalanced"
    return table, say(key, debit=debit.format_da(), credit=credit.format_da())


def open_items_table(items: list[tuple[OpenItem, Money]]) -> Table:
    table = Table(title=say("ledger.open_items_title"))
    for key in ("customer", "kind", "reference", "due"):
        table.add_column(say(f"ledger.col.{key}"))
    table.add_column(say("ledger.col.residual"), justify="right")
    table.add_column(say("ledger.col.clause"))
    for item, residual in sorted(items, key=lambda pair: (pair[0].customer_id, pair[0].due_date)):
        table.add_row(
            str(item.customer_id),
            say(f"ledger.kind.{item.kind.value}"),
            item.reference,
            item.due_date.strftime("%d-%m-%Y"),
            residual.format_da(unit=False),
            item.clause or "",
        )
    return table
