"""Rulebooks on screen: every parameter with its value, clause and basis; and two compared.

`rulebook_overview(book)` is what `heatbill rulebook show` and the demo print. Cells are rich
`Text`, never markup, so a value such as `["01-02"]` is shown as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from heatbill.domain.money import Money
from heatbill.domain.rulebook import (
    Basis,
    Difference,
    ExitNoticeRule,
    MonthDay,
    Rulebook,
    Ruled,
    sections,
)
from heatbill.wording import say


def rulebook_overview(book: Rulebook) -> Group:
    """The rulebook's title, then one table per section: parameter, value, clause, basis."""
    heading = Text(say("rulebook.view.title", name=book.name, title=book.title), style="bold")
    subtitle = say(
        "rulebook.view.subtitle", document=book.document, valid_from=book.valid_from.value
    )
    tables = [_section_table(name, params) for name, params in sections(book).items()]
    return Group(heading, Text(subtitle), *tables)


def differences_table(a: Rulebook, b: Rulebook, differences: Sequence[Difference]) -> Table:
    """Only the parameters that differ: each side's value and clause."""
    table = Table(title=say("rulebook.diff.title", a=a.name, b=b.name), title_justify="left")
    table.add_column(say("rulebook.view.col.parameter"), overflow="fold")
    for name in (a.name, b.name):
        table.add_column(name)
        table.add_column(say("rulebook.view.col.clause"))
    for difference in differences:
        table.add_row(Text(difference.key), *_side(difference.a), *_side(difference.b))
    return table


def format_value(value: object) -> str:
    """A parameter value for people: amounts and decimals in Danish notation, yes/no in Danish."""
    if isinstance(value, tuple):
        return ", ".join(format_value(item) for item in value)
    if isinstance(value, bool):
        text = say("common.yes" if value else "common.no")
    elif isinstance(value, Money):
        text = value.format_da()
    elif isinstance(value, Decimal):
        text = format_decimal(value)
    elif isinstance(value, StrEnum):
        text = value.value
    elif isinstance(value, ExitNoticeRule):
        text = _exit_rule(value)
    elif isinstance(value, date | MonthDay | int | str):
        text = str(value)
    else:
        raise TypeError(f"no display for {type(value).__name__}")
    return text


def format_decimal(value: Decimal, *, places: int = 0) -> str:
    """`Decimal("12.504")` → `12,504`; padded to at least `places` decimals: `13,60`."""
    exact = value.normalize()
    exponent = exact.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -places:
        exact = exact.quantize(Decimal(1).scaleb(-places))
    return f"{exact:f}".replace(".", ",")


def basis_label(basis: Basis) -> str:
    return say(f"rulebook.basis.{basis.value}")


def _section_table(section: str, params: dict[str, Ruled[object]]) -> Table:
    title = say(f"rulebook.section.{section or 'general'}")
    table = Table(title=f"{title} ({section})" if section else title, title_justify="left")
    for column in ("parameter", "value", "clause", "basis"):
        table.add_column(say(f"rulebook.view.col.{column}"), overflow="fold")
    for name, ruled in params.items():
        table.add_row(
            Text(name),
            Text(format_value(ruled.value)),
            Text(str(ruled.clause)),
            Text(basis_label(ruled.basis)),
        )
    return table


def _side(ruled: Ruled[object] | None) -> tuple[RenderableType, RenderableType]:
    if ruled is None:
        absent = say("rulebook.view.absent")
        return Text(absent), Text(absent)
    return Text(format_value(ruled.value)), Text(str(ruled.clause))


def _exit_rule(rule: ExitNoticeRule) -> str:
    until = say(f"rulebook.view.exit.{rule.until.value}")
    parts = [say("rulebook.view.exit_rule", months=rule.notice_months, until=until)]
    if rule.members_from is not None:
        parts.append(say("rulebook.view.exit.members_from", day=rule.members_from))
    if rule.members_before is not None:
        parts.append(say("rulebook.view.exit.members_before", day=rule.members_before))
    if rule.after_membership_months:
        parts.append(say("rulebook.view.exit.after", months=rule.after_membership_months))
    return ", ".join(parts)
