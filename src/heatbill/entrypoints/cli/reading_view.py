"""Readings on screen and as JSON: status, source, hold reasons with their clause."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from heatbill.domain.consumption import format_m3, format_mwh
from heatbill.domain.register.readings import ReadingStatus
from heatbill.entrypoints.cli.arguments import dk, exact, iso
from heatbill.services.reading_queries import ReadingLine
from heatbill.wording import catalog, say


def reason_lines(reasons: Iterable[tuple[str, str]]) -> list[str]:
    """One indented line per hold reason: its text and the clause it rests on."""
    return [say("cli.readings.reason_line", reason=text, clause=clause) for text, clause in reasons]


def reading_json(line: ReadingLine, clause: str) -> dict[str, object]:
    recorded, reading = line.recorded, line.recorded.reading
    return {
        "id": recorded.reading_id,
        "installation": line.installation_number,
        "meter": line.meter_serial,
        "read_on": iso(reading.read_on),
        "energy_mwh": exact(reading.energy_mwh),
        "volume_m3": exact(reading.volume_m3),
        "source": reading.source.value,
        "status": recorded.status.value,
        "hold_reasons": [{"text": text, "clause": clause} for text in recorded.hold_reasons],
        "note": recorded.note,
        "decided_by": line.decided_by,
        "supersedes": recorded.supersedes_reading_id,
        "import_id": line.import_id,
    }


def readings_table(lines: list[ReadingLine], clause: str, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for key in ("id", "installation", "meter", "date"):
        table.add_column(say(f"cli.col.{key}"))
    table.add_column(say("cli.col.energy"), justify="right")
    table.add_column(say("cli.col.volume"), justify="right")
    for key in ("source", "status", "remark"):
        table.add_column(say(f"cli.col.{key}"))
    for line in lines:
        recorded, reading = line.recorded, line.recorded.reading
        table.add_row(
            str(recorded.reading_id),
            Text(line.installation_number),
            Text(line.meter_serial),
            dk(reading.read_on),
            format_mwh(reading.energy_mwh),
            format_m3(reading.volume_m3),
            say(f"register.source.{reading.source.value}"),
            say(f"register.status.{recorded.status.value}"),
            Text(_remark(line, clause)),
        )
    return table


def held_text(lines: list[ReadingLine], clause: str) -> list[str]:
    """Each held reading, then its reasons: the review list (`vestervig 5.9`)."""
    out: list[str] = []
    for line in lines:
        reading = line.recorded.reading
        out.append(
            say(
                "cli.readings.held_line",
                reading_id=line.recorded.reading_id,
                installation=line.installation_number,
                meter=line.meter_serial,
                day=dk(reading.read_on),
                energy=format_mwh(reading.energy_mwh),
                volume=format_m3(reading.volume_m3),
                source=say(f"register.source.{reading.source.value}"),
            )
        )
        out += reason_lines((text, clause) for text in line.recorded.hold_reasons)
    return out


def _remark(line: ReadingLine, clause: str) -> str:
    recorded = line.recorded
    parts = [f"{text} ({clause})" for text in recorded.hold_reasons]
    if recorded.status is not ReadingStatus.HELD and recorded.note:
        note = _note(recorded.note)
        by = line.decided_by
        parts.append(say("cli.readings.decided", note=note, by=by) if by else note)
    if recorded.supersedes_reading_id is not None:
        parts.append(say("cli.readings.replaces", reading_id=recorded.supersedes_reading_id))
    return "; ".join(parts)


def _note(note: str) -> str:
    """A note in Danish: an estimate's note is its method (`last_year`), said in words."""
    key = f"register.estimate.{note}"
    return say(key) if key in catalog() else note
