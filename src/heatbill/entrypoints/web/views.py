"""Values as the API writes them (amounts in øre as `*_ore`, ISO dates, decimal strings) and
as the pages show them (1.234,56 kr., 31-12-2025, 12,345 MWh)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from heatbill.adapters.db.screen_queries import ArrearsLine, Hit
from heatbill.domain.access import Role, allows
from heatbill.domain.billing.forecast import UseInterval
from heatbill.domain.ledger.statement import Statement
from heatbill.domain.money import Money
from heatbill.domain.plain_values import plain
from heatbill.entrypoints.cli.arguments import iso
from heatbill.services.payment_plans import GrantedPlan
from heatbill.services.staff_views import Visit
from heatbill.services.utilities import rulebook_of
from heatbill.wording import catalog, say

_CPR = re.compile(r"^\s*\d{6}-?\d{4}\s*$")


def looks_like_cpr(text: str) -> bool:
    return bool(_CPR.match(text))


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "installation": hit.installation_number,
        "address": hit.address,
        "customer_id": hit.customer_id,
        "party_id": hit.party_id,
        "name": hit.name,
        "start": iso(hit.start),
        "end": iso(hit.end),
    }


def statement_json(statement: Statement) -> dict[str, Any]:
    return {
        "customer_id": statement.customer_id,
        "first": iso(statement.first),
        "last": iso(statement.last),
        "opening_ore": statement.opening.ore,
        "closing_ore": statement.closing.ore,
        "movements": [
            {
                "entry_id": m.entry_id,
                "booking_date": iso(m.booking_date),
                "kind": m.kind.value,
                "text": m.text,
                "amount_ore": m.amount.ore,
                "balance_ore": m.balance.ore,
                "reference": m.reference,
                "due_date": iso(m.due_date),
            }
            for m in statement.movements
        ],
        "open_items": [
            {
                "open_item_id": item.open_item_id,
                "kind": item.kind.value,
                "reference": item.reference,
                "due_date": iso(item.due_date),
                "residual_ore": residual.ore,
                "clause": item.clause,
            }
            for item, residual in statement.open_items
        ],
        "reconciles": statement.reconciles,
    }


def use_json(use: UseInterval) -> dict[str, Any]:
    return {
        "start": iso(use.start),
        "end": iso(use.end),
        "used_mwh": str(use.used_mwh),
        "expected_mwh": None if use.expected_mwh is None else str(round(use.expected_mwh, 3)),
    }


def arrears_json(line: ArrearsLine) -> dict[str, Any]:
    return {
        "customer_id": line.customer_id,
        "name": line.name,
        "installation": line.installation_number,
        "address": line.address,
        "ended_on": iso(line.ended_on),
        "overdue_ore": line.overdue.ore,
        "by_age_ore": {
            "0-30": line.by_age[0].ore,
            "31-60": line.by_age[1].ore,
            "61-90": line.by_age[2].ore,
            "90+": line.by_age[3].ore,
        },
        "oldest_due": iso(line.oldest_due),
        "claims": line.claims,
    }


def visit_json(visit: Visit) -> dict[str, Any]:
    return plain(visit)  # type: ignore[no-any-return]


def plan_json(granted: GrantedPlan) -> dict[str, Any]:
    g = granted.grant
    return {
        "plan_id": granted.plan_id,
        "customer_id": g.customer_id,
        "claim_ids": list(g.claim_ids),
        "owed_ore": g.owed.ore,
        "fee_ore": 0 if g.fee is None else g.fee.amount_incl_vat.ore,
        "total_ore": g.total.ore,
        "clause": g.clause,
        "installments": [
            {"number": i.number, "due": iso(i.due), "amount_ore": i.amount.ore}
            for i in g.installments
        ],
    }


def rulebook_json(web: Any, utility_id: int) -> dict[str, Any]:
    with web.read() as uow:
        book = rulebook_of(uow, utility_id, web.clock.today())
    return {"rulebook": plain(book)}


# --- for the pages ------------------------------------------------------------------------
def kr(amount: Money | int | None) -> str:
    if amount is None:
        return ""
    return (amount if isinstance(amount, Money) else Money(amount)).format_da()


def dk(day: date | None) -> str:
    return "" if day is None else f"{day:%d-%m-%Y}"


def number(value: Decimal | None, places: int) -> str:
    """Danish notation: 1.234,50 (thousands with a point, decimals with a comma)."""
    if value is None:
        return ""
    return f"{value:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def can(staff: Any, role: str) -> bool:
    """Whether the signed-in staff member's role allows what `role` may do (forms shown)."""
    return staff is not None and allows(staff.user.role, Role(role))


def mwh(value: Decimal | None) -> str:
    return number(value, 3)


def use_chart(intervals: list[UseInterval], width: int = 720, height: int = 200) -> Markup:
    """The use between readings as bars, the budget's expected use as a line of marks: an
    inline SVG (no script), with each bar's figures in its title."""
    shown = intervals[-24:]
    if not shown:
        return Markup("")
    top = max(
        [float(u.used_mwh) for u in shown] + [float(u.expected_mwh or 0) for u in shown] + [0.001]
    )
    step = width / len(shown)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height + 30}" role="img" '
        f'aria-label="{escape(say("web.chart.label"))}">'
    ]
    for n, u in enumerate(shown):
        x = n * step
        h = float(u.used_mwh) / top * height
        title = say(
            "web.chart.bar",
            start=dk(u.start),
            end=dk(date.fromordinal(u.end.toordinal() - 1)),
            used=mwh(u.used_mwh),
            expected="–" if u.expected_mwh is None else mwh(round(u.expected_mwh, 3)),
        )
        parts.append(
            f'<rect class="used" x="{x + step * 0.15:.1f}" y="{height - h:.1f}" '
            f'width="{step * 0.7:.1f}" height="{h:.1f}"><title>{escape(title)}</title></rect>'
        )
        if u.expected_mwh is not None:
            e = float(u.expected_mwh) / top * height
            parts.append(
                f'<line class="expected" x1="{x + step * 0.05:.1f}" x2="{x + step * 0.95:.1f}" '
                f'y1="{height - e:.1f}" y2="{height - e:.1f}"/>'
            )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height + 18}" text-anchor="middle">'
            f"{u.end:%m}/{u.end:%y}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - built from numbers and escaped text only


@dataclass(frozen=True, slots=True)
class RunStep:
    """One step of a day's run as the run report shows it (the stored JSON summary)."""

    step: str
    done: int = 0
    already: int = 0
    total: Money = field(default_factory=lambda: Money(0))
    problems: list[str] = field(default_factory=list)


def run_step(step: str, summary: str) -> RunStep:
    try:
        found = json.loads(summary)
    except ValueError:
        return RunStep(step, problems=[summary])
    return RunStep(
        step,
        int(found.get("done", 0)),
        int(found.get("already", 0)),
        Money(int(found.get("total_ore", 0))),
        [str(p) for p in found.get("problems", [])],
    )


def word(prefix: str, value: str) -> str:
    """The Danish word for an enum value (`register.letter.` + `welcome`), else the value."""
    template = catalog().get(f"{prefix}{value}")
    return value if template is None else template.format_map(_Blank())


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""
