"""One installation's story for `customers show`: on screen and as JSON.

Periods are shown by their first and last day (a relationship ending at a move ends the day
before the move date, the next customer's first day). CPR numbers are masked.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from heatbill.domain.register.relationships import Relationship
from heatbill.entrypoints.cli.arguments import dk, exact, identity, iso, party_json
from heatbill.entrypoints.cli.reading_view import reading_json, readings_table
from heatbill.services.register_queries import CustomerPeriod, InstallationFile, LetterLine
from heatbill.wording import say


def role_word(relationship: Relationship) -> str:
    if relationship.interim:
        return say("register.role.interim")
    return say(f"register.role.{relationship.role.value}")


def last_day(end: date | None) -> date | None:
    return None if end is None else end - timedelta(days=1)


def file_json(found: InstallationFile, clause: str, recent: int) -> dict[str, object]:
    prop = found.property
    return {
        "installation": found.installation.number,
        "address": prop.full_address,
        "property": {
            "use": prop.use.value,
            "heated_area_m2": exact(prop.heated_area_m2),
            "volume_m3": exact(prop.volume_m3),
        },
        "owners": [
            {**party_json(o.party), "start": iso(o.start), "last_day": iso(last_day(o.end))}
            for o in found.owners
        ],
        "meters": [
            {
                "serial": m.serial,
                "method": m.method.value,
                "size": m.size.value,
                "installed_on": iso(m.installed_on),
                "removed_on": iso(m.removed_on),
            }
            for m in found.meters
        ],
        "relationships": [_period_json(p) for p in found.customers],
        "readings": [reading_json(line, clause) for line in found.readings[-recent:]],
        "letters": [_letter_json(x) for x in found.letters],
    }


def print_file(found: InstallationFile, clause: str, recent: int) -> None:
    prop = found.property
    lines = [
        say("cli.show.title", number=found.installation.number, address=prop.full_address),
        say(
            "cli.show.property",
            use=say(f"register.use.{prop.use.value}"),
            area=f"{prop.heated_area_m2:f}".replace(".", ","),
        ),
    ]
    for owner in found.owners:
        until = say("cli.show.until", day=dk(last_day(owner.end))) if owner.end else ""
        who = _who(owner.party.name, identity(owner.party))
        lines.append(say("cli.show.owner", party=who, start=dk(owner.start), until=until))
    for m in found.meters:
        removed = say("cli.show.removed", day=dk(m.removed_on)) if m.removed_on else ""
        lines.append(
            say(
                "cli.show.meter",
                serial=m.serial,
                method=say(f"register.method.{m.method.value}"),
                size=say(f"register.size.{m.size.value}"),
                installed=dk(m.installed_on),
                removed=removed,
            )
        )
    parts: list[RenderableType] = [Text("\n".join(lines)), _periods_table(found.customers)]
    title = say("cli.show.readings_title", count=min(recent, len(found.readings)))
    parts.append(readings_table(found.readings[-recent:], clause, title))
    parts.append(_letters_table(found.letters))
    Console().print(Group(*parts))


def _who(name: str, ident: str) -> str:
    return f"{name} ({ident})" if ident else name


def _period_json(period: CustomerPeriod) -> dict[str, object]:
    r = period.relationship
    return {
        "relationship_id": r.relationship_id,
        "customer": party_json(period.party),
        "role": r.role.value,
        "interim": r.interim,
        "start": iso(r.start),
        "last_day": iso(last_day(r.end)),
        "notified_on": iso(period.notified_on),
        "late_notice": period.late_notice,
    }


def _letter_json(line: LetterLine) -> dict[str, object]:
    request = line.request
    return {
        "id": line.letter_id,
        "kind": request.kind.value,
        "to": line.party.name,
        "on": iso(request.on),
        "clause": request.clause,
        "status": line.status,
        "relationship_id": request.relationship_id,
        "facts": request.facts,
    }


def _periods_table(periods: list[CustomerPeriod]) -> Table:
    table = Table(title=say("cli.show.customers_title"), title_justify="left")
    for key in ("id", "customer", "identity", "role", "from", "to", "notified"):
        table.add_column(say(f"cli.col.{key}"))
    for period in periods:
        r = period.relationship
        notified = dk(period.notified_on)
        if period.late_notice:
            notified = say("cli.show.late", day=notified)
        table.add_row(
            str(r.relationship_id),
            Text(period.party.name),
            identity(period.party),
            role_word(r),
            dk(r.start),
            dk(last_day(r.end)),
            notified,
        )
    return table


def _letters_table(letters: list[LetterLine]) -> Table:
    table = Table(title=say("cli.show.letters_title"), title_justify="left")
    for key in ("id", "letter", "to_party", "date", "clause", "status"):
        table.add_column(say(f"cli.col.{key}"))
    for line in letters:
        request = line.request
        table.add_row(
            str(line.letter_id),
            say(f"register.letter.{request.kind.value}"),
            Text(line.party.name),
            dk(request.on),
            Text(request.clause or ""),
            _status_word(line.status),
        )
    return table


def _status_word(status: str) -> str:
    known = {"queued", "sent"}
    return say(f"register.letter_status.{status}") if status in known else status
