"""What a registered move did, in Danish lines: what ended and began, the owner's interim
liability with its clause, whether the notice came late, the move reading's verdict, and the
letters queued."""

from __future__ import annotations

from datetime import date

from heatbill.domain.consumption import format_m3, format_mwh
from heatbill.domain.register.moves import MoveRules
from heatbill.entrypoints.cli.arguments import dk
from heatbill.entrypoints.cli.customer_view import last_day, role_word
from heatbill.entrypoints.cli.reading_view import reason_lines
from heatbill.services.moves import MoveResult, RegisterMove
from heatbill.services.register_queries import CustomerPeriod
from heatbill.wording import say


def move_story(
    command: RegisterMove, result: MoveResult, periods: dict[int, CustomerPeriod], rules: MoveRules
) -> list[str]:
    """The lines `heatbill move` prints after the move is registered."""
    lines = _ended(result, periods) + _began(result, periods, rules)
    lines.append(_notice(command.move_date, command.notified_on, result.late_notice, rules))
    return lines + _reading(result) + _letters(result, periods)


def _ended(result: MoveResult, periods: dict[int, CustomerPeriod]) -> list[str]:
    return [
        say(
            "cli.move.ended",
            party=periods[relationship_id].party.name,
            role=role_word(periods[relationship_id].relationship),
            relationship_id=relationship_id,
            last_day=dk(last_day(end)),
        )
        for relationship_id, end in result.ended
    ]


def _began(result: MoveResult, periods: dict[int, CustomerPeriod], rules: MoveRules) -> list[str]:
    """Who is the customer now; an owner in the interim is told liable, with the clause."""
    lines = []
    for started in result.started:
        party = periods[started.relationship_id].party.name
        lines.append(
            say(
                "cli.move.began",
                party=party,
                role=role_word(started),
                relationship_id=started.relationship_id,
                day=dk(started.start),
            )
        )
        if started.interim:
            lines.append(say("cli.move.interim", party=party, clause=rules.interim_clause))
    return lines


def _letters(result: MoveResult, periods: dict[int, CustomerPeriod]) -> list[str]:
    names = {p.party.party_id: p.party.name for p in periods.values()}
    lines = [say("cli.move.letters") if result.letters else say("cli.move.no_letters")]
    return lines + [
        say(
            "cli.move.letter_line",
            letter=say(f"register.letter.{x.kind.value}"),
            party=names.get(x.party_id, str(x.party_id)),
            clause=x.clause or "-",
        )
        for x in result.letters
    ]


def _notice(move_date: date, notified_on: date, late: bool, rules: MoveRules) -> str:
    return say(
        "cli.move.late" if late else "cli.move.on_time",
        notified=dk(notified_on),
        day=dk(move_date),
        required=rules.notice_days,
        clause=rules.notice_clause,
    )


def _reading(result: MoveResult) -> list[str]:
    outcome = result.reading
    if outcome is None:
        return []
    reading = outcome.reading
    values = {
        "day": dk(reading.read_on),
        "energy": format_mwh(reading.energy_mwh),
        "volume": format_m3(reading.volume_m3),
    }
    if outcome.status is None:
        return [say("cli.move.reading_repeat", **values)]
    status = say(f"register.status.{outcome.status.value}")
    lines = [say("cli.move.reading", reading_id=outcome.reading_id, status=status, **values)]
    return lines + reason_lines((r.text, str(r.clause)) for r in outcome.reasons)
