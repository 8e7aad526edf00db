"""The letter queue: letters decided by the domain, waiting to be rendered and sent."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.register_tables import letter
from heatbill.domain.letters import LetterKind, LetterRequest

_COLUMNS = tuple(c.name for c in letter.columns)


@dataclass(frozen=True, slots=True)
class QueuedLetter:
    letter_id: int
    status: str
    request: LetterRequest


class SqlLetters:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._u = utility_id
        self._ids = ids

    def queue(self, requests: Sequence[LetterRequest], created_at: datetime) -> list[int]:
        if not requests:
            return []
        first = self._ids.reserve("letter", len(requests))
        rows = [
            (self._u, first + n, r.party_id, r.relationship_id, r.kind.value, r.clause,
             "queued", json.dumps(r.facts, ensure_ascii=False, sort_keys=True), r.on,
             created_at)
            for n, r in enumerate(requests)
        ]  # fmt: skip
        insert_rows(self._db, letter, _COLUMNS, rows)  # COPY / raw executemany: a daily pass
        return [first + n for n in range(len(requests))]

    def of_party(self, party_id: int) -> list[QueuedLetter]:
        rows = self._db.execute(
            select(letter)
            .where(letter.c.utility_id == self._u, letter.c.party_id == party_id)
            .order_by(letter.c.letter_id)
        )
        return [
            QueuedLetter(
                int(r.letter_id),
                r.status,
                LetterRequest(
                    kind=LetterKind(r.kind),
                    party_id=int(r.party_id),
                    on=r.created_on,
                    clause=r.clause,
                    relationship_id=r.relationship_id,
                    facts=json.loads(r.facts),
                ),
            )
            for r in rows
        ]
