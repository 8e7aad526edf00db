"""Bills for people (a table, a printed bill) and for programs (JSON: ISO dates, øre as
integers, English kinds, quantities and rates as exact decimal strings)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from heatbill.domain.billing.bill import BillKind, BillLine
from heatbill.domain.money import Money
from heatbill.entrypoints.cli.arguments import dk, exact, iso
from heatbill.services.bill_queries import BillFile, BillHead
from heatbill.wording import say

ONE_DAY = timedelta(days=1)
KIND_WORDS = {k.value: k for k in BillKind} | {
    "rate": BillKind.INSTALLMENT,
    "aarsafregning": BillKind.ANNUAL_SETTLEMENT,
    "flytteafregning": BillKind.MOVE_SETTLEMENT,
    "gebyr": BillKind.CHARGE,
    "kreditnota": BillKind.CREDIT_NOTE,
    "tilslutning": BillKind.CONNECTION,
    "udtraedelse": BillKind.EXIT,
}


def kind_word(kind: BillKind) -> str:
    return say(f"bills.kind.{kind.value}")


def period(head: BillHead) -> str:
    return f"{dk(head.period_start)} – {dk(head.period_end - ONE_DAY)}"


def bills_table(heads: list[BillHead]) -> Table:
    table = Table(title=say("bills.list_title"), title_justify="left")
    for key in ("number", "kind", "customer", "installation", "period", "issued", "due"):
        table.add_column(say(f"bills.col.{key}"))
    table.add_column(say("bills.col.total"), justify="right")
    table.add_column(say("bills.col.corrects"))
    for head in heads:
        table.add_row(
            head.number,
            kind_word(head.kind),
            Text(f"{head.customer_name} ({head.customer_id})"),
            head.installation_number,
            period(head),
            dk(head.issue_date),
            dk(head.due_date),
            head.total.format_da(),
            head.corrects or "",
        )
    return table


def print_bill(found: BillFile) -> None:
    head = found.head
    key = "bills.show.revision" if head.revision else "bills.show.head"
    console = Console()
    console.print(
        Text(say(key, kind=kind_word(head.kind), number=head.number, revision=head.revision))
    )
    console.print(
        Text(
            say(
                "bills.show.customer",
                name=head.customer_name,
                customer_id=head.customer_id,
                installation=head.installation_number,
            )
        )
    )
    start, end = dk(head.period_start), dk(head.period_end - ONE_DAY)
    issued, due = dk(head.issue_date), dk(head.due_date)
    console.print(Text(say("bills.show.dates", start=start, end=end, issued=issued, due=due)))
    console.print(_lines_table(found.issued.bill.lines))
    for key, amount in (("net", head.net), ("vat", head.vat), ("total", head.total)):
        console.print(Text(say(f"bills.show.{key}", amount=amount.format_da())))
    for line in _payment_and_links(found):
        console.print(Text(line))


def _payment_and_links(found: BillFile) -> list[str]:
    head = found.head
    lines = []
    if found.payment is not None:
        lines.append(say("bills.show.fi_line", line=found.payment.fi_line))
    elif found.no_payment_line is not None:
        lines.append(say("bills.show.no_fi_line", reason=found.no_payment_line))
    else:
        lines.append(say("bills.show.nothing_to_pay"))
    if head.corrects is not None:
        lines.append(say("bills.show.corrects", number=head.corrects))
    lines += [
        say("bills.show.corrected_by", kind=kind_word(c.kind).lower(), number=c.number)
        for c in found.corrected_by
    ]
    if found.ean is not None:
        lines.append(say("bills.show.ean", ean=found.ean))
    return lines


def _lines_table(lines: tuple[BillLine, ...]) -> Table:
    table = Table()
    table.add_column(say("bills.col.text"))
    for key in ("quantity", "rate", "amount", "vat"):
        table.add_column(say(f"bills.col.{key}"), justify="right")
    table.add_column(say("bills.col.clause"))
    for line in lines:
        table.add_row(
            Text(line.text),
            _quantity(line),
            "" if line.rate is None else _decimal_da(line.rate),
            line.amount.format_da(),
            line.vat.format_da(),
            Text(line.clause or ""),
        )
    return table


def _quantity(line: BillLine) -> str:
    if line.quantity is None:
        return ""
    unit = f" {line.unit}" if line.unit else ""
    return _decimal_da(line.quantity) + unit


def _decimal_da(number: Decimal) -> str:
    """`1.234,5` for 1234.5: thousands with a point, decimals with a comma, as given."""
    return f"{number:,f}".replace(",", "_").replace(".", ",").replace("_", ".")


def head_json(head: BillHead) -> dict[str, object]:
    return {
        "number": head.number,
        "kind": head.kind.value,
        "revision": head.revision,
        "customer_id": head.customer_id,
        "customer": head.customer_name,
        "installation": head.installation_number,
        "period_first_day": iso(head.period_start),
        "period_last_day": iso(head.period_end - ONE_DAY),
        "issue_date": iso(head.issue_date),
        "due_date": iso(head.due_date),
        "net_ore": head.net.ore,
        "vat_ore": head.vat.ore,
        "total_ore": head.total.ore,
        "corrects": head.corrects,
    }


def file_json(found: BillFile) -> dict[str, object]:
    payment = found.payment
    return head_json(found.head) | {
        "lines": [_line_json(line) for line in found.issued.bill.lines],
        "payment": None
        if payment is None
        else {
            "fi_line": payment.fi_line,
            "payment_id": payment.payment_id,
            "creditor_number": payment.creditor_number,
            "amount_ore": payment.amount.ore,
            "due_date": iso(payment.due_date),
        },
        "corrected_by": [
            {"number": c.number, "kind": c.kind.value, "total_ore": c.total.ore}
            for c in found.corrected_by
        ],
        "ean": found.ean,
    }


def _line_json(line: BillLine) -> dict[str, object]:
    return {
        "text": line.text,
        "quantity": exact(line.quantity),
        "unit": line.unit,
        "rate": exact(line.rate),
        "amount_ore": line.amount.ore,
        "vat_ore": line.vat.ore,
        "clause": line.clause,
    }


def difference(old: Money, new: Money) -> str:
    """The change a correction makes to what the customer pays, signed: `+1.234,56 kr.`."""
    change = new - old
    return ("+" if change.is_positive else "") + change.format_da()
