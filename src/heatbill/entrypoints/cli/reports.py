"""`heatbill report statement|debtors`: a customer's statement and the debtor list.

    heatbill report statement 1004 --from 01-01-2026 --to 31-03-2026 -u demo
    heatbill report statement --installation 10001 --from 01-01-2026 --to 31-03-2026 -u solrod
    heatbill report debtors --date 31-03-2026 -u demo [--csv debitorer.csv] [--xlsx …] [--json]

CUSTOMER is the customer id (the id `heatbill customers show` lists for each customer of an
installation, and `heatbill bills list CUSTOMER` takes); `--installation` names the
installation's customer on the period's last day instead. Registered on `heatbill report` by
the accounting module. Danish tables for people; with --json, amounts in øre and ISO dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.formats.report_words import kind_word, movement_text, payment_word, who
from heatbill.adapters.formats.reports_csv import write_debtors_csv, write_statement_csv
from heatbill.adapters.formats.reports_xlsx import debtors_workbook, statement_workbook
from heatbill.domain.errors import ValidationError
from heatbill.domain.ledger.debtors import DebtorLine, debtor_totals
from heatbill.domain.money import Money
from heatbill.entrypoints.cli.arguments import day, dk, iso, print_json
from heatbill.entrypoints.cli.context import (
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.reports import (
    CustomerStatement,
    customer_by_installation,
    debtors_report,
    statement_report,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

console = Console()
CSV_OPTION = typer.Option(None, "--csv", help="Skriv også en CSV-fil.")
XLSX_OPTION = typer.Option(None, "--xlsx", help="Skriv også et Excel-regneark (.xlsx).")


def report_statement(
    customer: int | None = typer.Argument(None, help="Kundenummer.", show_default=False),
    installation: str | None = typer.Option(
        None, "--installation", help="Målestedets kunde på periodens sidste dag."
    ),
    first: str = typer.Option(..., "--from", help="Første dag i perioden, fx 01-01-2026."),
    last: str = typer.Option(..., "--to", help="Sidste dag i perioden, fx 31-12-2026."),
    csv_file: Path | None = CSV_OPTION,
    xlsx_file: Path | None = XLSX_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """A customer's statement: opening balance, movements, closing balance and open items."""
    if (customer is None) == (installation is None):
        raise ValidationError(say("reports.cli.customer_or_installation"))
    start, end = day(first, "--from"), day(last, "--to")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            if customer is None:
                customer = customer_by_installation(uow, u, str(installation), end)
            found = statement_report(uow, u, customer, start, end)
    rows = len(found.statement.movements)
    _write(csv_file, lambda: write_statement_csv(found.statement), "statement", rows)
    _write(xlsx_file, lambda: statement_workbook(found.statement), "statement", rows)
    if as_json:
        print_json(_statement_json(found))
    else:
        _print_statement(found)
    if not found.statement.reconciles:
        raise typer.Exit(1)


def report_debtors(
    on: str = typer.Option(..., "--date", help="Datoen, fx 31-12-2026."),
    csv_file: Path | None = CSV_OPTION,
    xlsx_file: Path | None = XLSX_OPTION,
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Every customer with a balance: name, installation, balance, overdue, oldest due date."""
    when = day(on, "--date")
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            lines = debtors_report(uow, u, when)
    _write(csv_file, lambda: write_debtors_csv(lines), "debtors", len(lines))
    _write(xlsx_file, lambda: debtors_workbook(lines), "debtors", len(lines))
    if as_json:
        print_json(_debtors_json(lines, when))
        return
    _print_debtors(lines, when)


def _write(path: Path | None, content: Callable[[], bytes], what: str, count: int) -> None:
    """Write a report file when asked (the message on stderr keeps --json output clean)."""
    if path is None:
        return
    path.write_bytes(content())
    message = say(
        "accounting.cli.written", what=say(f"reports.what.{what}"), path=path, count=count
    )
    Console(stderr=True).print(message)


def _print_statement(found: CustomerStatement) -> None:
    s = found.statement
    title = say(
        "reports.statement.title",
        customer=s.customer_id,
        who=who(found.card),
        first=dk(s.first),
        last=dk(s.last),
    )
    table = Table(title=title, title_justify="left")
    for key in ("date", "entry", "kind", "text", "reference", "due", "payment"):
        table.add_column(say(f"reports.col.{key}"))
    for key in ("amount", "balance"):
        table.add_column(say(f"reports.col.{key}"), justify="right")
    opening = say("reports.statement.opening")
    table.add_row(dk(s.first), "", "", opening, "", "", "", "", _da(s.opening))
    for m in s.movements:
        table.add_row(
            dk(m.booking_date),
            str(m.entry_id),
            kind_word(m),
            movement_text(m),
            m.reference or "",
            dk(m.due_date),
            payment_word(m),
            _da(m.amount),
            _da(m.balance),
        )
    table.add_section()
    closing = say("reports.statement.closing")
    table.add_row(dk(s.last), "", "", closing, "", "", "", _da(s.movement_total), _da(s.closing))
    console.print(table)
    items = Table(title=say("reports.statement.open_title", on=dk(s.last)), title_justify="left")
    for key in ("reference", "kind", "due"):
        items.add_column(say(f"reports.col.{key}"))
    items.add_column(say("reports.col.residual"), justify="right")
    for item, residual in s.open_items:
        kind = say(f"reports.item.{item.kind.value}")
        items.add_row(item.reference, kind, dk(item.due_date), _da(residual))
    items.add_section()
    items.add_row(say("reports.statement.open_total"), "", "", _da(s.open_total))
    console.print(items)
    figures = {
        "opening": s.opening.format_da(),
        "movements": s.movement_total.format_da(),
        "closing": s.closing.format_da(),
        "open": s.open_total.format_da(),
    }
    key = "reconciled" if s.reconciles else "unreconciled"
    console.print(say(f"reports.statement.{key}", **figures))


def _print_debtors(lines: list[DebtorLine], when: date) -> None:
    on = dk(when)
    if not lines:
        console.print(say("reports.debtors.none", on=on))
        return
    table = Table(title=say("reports.debtors.title", on=on), title_justify="left")
    for key in ("customer", "name", "installation", "address"):
        table.add_column(say(f"reports.col.{key}"))
    for key in ("balance", "overdue", "oldest_due", "claims", "credit"):
        table.add_column(say(f"reports.col.{key}"), justify="right")
    for line in lines:
        card = line.card
        table.add_row(
            str(line.customer_id),
            "" if card is None else card.name,
            "" if card is None else card.installation,
            "" if card is None else card.address,
            _da(line.balance),
            _da(line.overdue),
            dk(line.oldest_due),
            _da(line.claims),
            _da(line.credit),
        )
    t = debtor_totals(lines)
    table.add_section()
    table.add_row(
        say("reports.debtors.all", count=t.customers),
        "",
        "",
        "",
        _da(t.balance),
        _da(t.overdue),
        "",
        _da(t.claims),
        _da(t.credit),
    )
    console.print(table)
    key = "reconciled" if t.balance == t.claims + t.credit else "unreconciled"
    figures = {"balance": t.balance, "claims": t.claims, "credit": t.credit}
    console.print(say(f"reports.debtors.{key}", **{k: v.format_da() for k, v in figures.items()}))


def _da(amount: Money) -> str:
    return amount.format_da(unit=False)


def _statement_json(found: CustomerStatement) -> dict[str, object]:
    s, card = found.statement, found.card
    return {
        "customer_id": s.customer_id,
        "name": None if card is None else card.name,
        "installation": None if card is None else card.installation,
        "address": None if card is None else card.address,
        "from": s.first.isoformat(),
        "to": s.last.isoformat(),
        "opening_ore": s.opening.ore,
        "movements_ore": s.movement_total.ore,
        "closing_ore": s.closing.ore,
        "open_items_ore": s.open_total.ore,
        "reconciles": s.reconciles,
        "movements": [
            {
                "entry_id": m.entry_id,
                "date": m.booking_date.isoformat(),
                "kind": m.kind.value,
                "text": m.text,
                "reference": m.reference,
                "due_date": iso(m.due_date),
                "payment": None
                if m.payment is None
                else {
                    "source": m.payment.source,
                    "matched_by": m.payment.matched_by,
                    "charge_back": m.payment.charge_back,
                },
                "reverses_entry_id": m.reverses_entry_id,
                "amount_ore": m.amount.ore,
                "balance_ore": m.balance.ore,
                "items": [{"reference": r, "amount_ore": a.ore} for r, a in m.items],
            }
            for m in s.movements
        ],
        "open_items": [
            {
                "open_item_id": item.open_item_id,
                "kind": item.kind.value,
                "reference": item.reference,
                "due_date": item.due_date.isoformat(),
                "residual_ore": residual.ore,
            }
            for item, residual in s.open_items
        ],
    }


def _debtors_json(lines: list[DebtorLine], when: date) -> dict[str, object]:
    t = debtor_totals(lines)
    return {
        "date": when.isoformat(),
        "customers": [
            {
                "customer_id": line.customer_id,
                "name": None if line.card is None else line.card.name,
                "installation": None if line.card is None else line.card.installation,
                "address": None if line.card is None else line.card.address,
                "balance_ore": line.balance.ore,
                "overdue_ore": line.overdue.ore,
                "oldest_due_date": iso(line.oldest_due),
                "claims_ore": line.claims.ore,
                "credit_ore": line.credit.ore,
            }
            for line in lines
        ],
        "totals": {
            "customers": t.customers,
            "balance_ore": t.balance.ore,
            "overdue_ore": t.overdue.ore,
            "claims_ore": t.claims.ore,
            "credit_ore": t.credit.ore,
        },
    }
