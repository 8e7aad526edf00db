"""Letters rendered to text from their templates — the one place for the wording of letters.

Each letter kind has a Jinja2 template `templates/<lang>/<kind>.txt` that extends `base.txt`
(the utility's letterhead, the recipient, date and numbers, the clause that caused the letter,
the greeting) and may opt into a complaints footer (`solrod 7`: Ankenævnet på Energiområdet for
a customer's own bill or arrears, Energitilsynet and Energiklagenævnet for prices and
conditions). Danish is the only language today; an English variant is a `templates/en/` folder.

The text carries two marks the PDF layout reads: the title line (stored apart as the title)
and rows `text … amount` whose amount stands right-aligned.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateNotFound

ROW_WIDTH = 72
"""Characters per text row: a description, at least two spaces, the amount right-aligned."""


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The utility as it signs its letters."""

    name: str
    address: str
    cvr: str
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    logo_path: str | None = None
    """A PNG or JPEG printed at the top right of the PDF; optional."""


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    address: tuple[str, ...]
    """Street, then postcode and city: the installation's address."""
    customer_number: str | None = None
    installation: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentView:
    amount: str
    due_date: str
    fi_line: str


@dataclass(frozen=True, slots=True)
class BillView:
    """A bill as printed: Danish amounts already formatted."""

    number: str
    period: str
    issue_date: str
    lines: tuple[tuple[str, str], ...]
    net: str
    vat: str
    total: str
    payment: PaymentView | None
    to_your_good: str | None = None
    credit: bool = False


@dataclass(frozen=True, slots=True)
class LetterToRender:
    letter_id: int
    kind: str
    on: date
    clause: str | None
    facts: Mapping[str, str]
    recipient: Recipient
    bill: BillView | None = None


@dataclass(frozen=True, slots=True)
class RenderedText:
    title: str
    text: str


def row(text: str, amount: str) -> str:
    """`Rykkergebyr      100,00 kr.`: the amount right-aligned at `ROW_WIDTH`."""
    gap = max(2, ROW_WIDTH - len(text) - len(amount))
    return f"{text}{' ' * gap}{amount}"


@cache
def _environment(lang: str) -> Environment:
    environment = Environment(  # noqa: S701 - plain-text letters, never HTML
        loader=PackageLoader("heatbill.adapters.letters", f"templates/{lang}"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["row"] = row
    environment.filters["clause"] = str
    return environment


def has_template(kind: str, lang: str = "da") -> bool:
    try:
        _environment(lang).get_template(f"{kind}.txt")
    except TemplateNotFound:
        return False
    return True


def render_text(letter: LetterToRender, head: Letterhead, lang: str = "da") -> RenderedText:
    """The letter's title and full text, exactly as it will be sent."""
    template = _environment(lang).get_template(f"{letter.kind}.txt")
    raw = template.render(
        utility=head,
        recipient=letter.recipient,
        letter={
            "number": str(letter.letter_id),
            "date": f"{letter.on:%d-%m-%Y}",
            "clause": letter.clause,
        },
        facts=letter.facts,
        bill=letter.bill,
    )
    lines = raw.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("# "))
    title = lines[at][2:].strip()
    lines[at] = title
    return RenderedText(title, _tidy("\n".join(lines)))


def _tidy(text: str) -> str:
    """No trailing spaces, at most one empty line in a row, one newline at the end."""
    out: list[str] = []
    for line in (raw.rstrip() for raw in text.splitlines()):
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
