"""Per-utility id allocation in blocks: one UPDATE … RETURNING reserves n ids at once.

Composite keys (utility_id, x_id) cannot use autoincrement on SQLite, and a batch of a million
postings should not ask the database a million times; so ids come from a counter row per
utility and sequence name. The row lock also serialises concurrent writers of one utility.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, update
from sqlalchemy.dialects import postgresql, sqlite

from heatbill.adapters.db.tables import id_counter


class IdAllocator:
    def __init__(self, connection: Connection, utility_id: int) -> None:
        self._connection = connection
        self._utility_id = utility_id

    def reserve(self, sequence: str, count: int = 1) -> int:
        """Reserve `count` consecutive ids of `sequence`; returns the first."""
        if count < 1:
            raise ValueError("reserve at least one id")
        self._ensure(sequence)
        statement = (
            update(id_counter)
            .where(id_counter.c.utility_id == self._utility_id, id_counter.c.name == sequence)
            .values(next_value=id_counter.c.next_value + count)
            .returning(id_counter.c.next_value)
        )
        after = self._connection.execute(statement).scalar_one()
        return int(after) - count

    def _ensure(self, sequence: str) -> None:
        values = {"utility_id": self._utility_id, "name": sequence, "next_value": 1}
        dialect = self._connection.dialect.name
        statement = (
            postgresql.insert(id_counter).values(values).on_conflict_do_nothing()
            if dialect == "postgresql"
            else sqlite.insert(id_counter).values(values).on_conflict_do_nothing()
            if dialect == "sqlite"
            else insert(id_counter).values(values)
        )
        self._connection.execute(statement)
