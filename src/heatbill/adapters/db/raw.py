"""Raw queries for batch paths: plain tuples from the driver, thousands of keys in one value.

A batch asks about a whole utility's meters at once. Through SQLAlchemy each row becomes a
`Row` and each value goes through its column type; here the driver's tuples come back as they
are (scaled integers, texts, a day as ISO text on SQLite and a `date` on PostgreSQL — see
`DayCache`), inside the connection's transaction. Keys go as one parameter, never as a huge IN
list: an array compared with `= ANY(…)` on PostgreSQL, a JSON array read by `json_each` on
SQLite. Statements are written with `:name` parameters and the `in_keys` fragment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Final

from sqlalchemy import Connection

_NAMED: Final = re.compile(r"(?<![:\w]):(\w+)")


def in_keys(connection: Connection, column: str, name: str) -> str:
    """The condition `column` is one of the integers passed as parameter `name` (`keys`).

    On PostgreSQL the array is cast to bigint[]: psycopg sends a list of small integers as
    smallint[], and `bigint = ANY(smallint[])` is a cross-type comparison the executor cannot
    hash — a filter of a 2 000-meter array over 36 000 rows took 270 ms, not 3."""
    if connection.dialect.name == "postgresql":
        return f"{column} = ANY(CAST(:{name} AS bigint[]))"
    return f"{column} IN (SELECT value FROM json_each(:{name}))"  # noqa: S608 - names, no data


def keys(connection: Connection, values: Sequence[int]) -> Any:
    """The parameter for `in_keys`."""
    if connection.dialect.name == "postgresql":
        return list(values)
    return json.dumps(list(values))


def day_param(connection: Connection, day: date) -> Any:
    """A day as the driver binds a Date column's value (ISO text on SQLite)."""
    return day if connection.dialect.name == "postgresql" else day.isoformat()


def fetch(connection: Connection, statement: str, params: Mapping[str, Any]) -> list[Any]:
    """The rows of `statement` as the driver gives them."""
    if connection.dialect.name == "postgresql":
        statement = _NAMED.sub(r"%(\1)s", statement)
    cursor: Any = connection.connection.cursor()
    try:
        cursor.execute(statement, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


class DayCache:
    """`date`s of the days a driver returns, each text parsed once (a batch has few days)."""

    def __init__(self) -> None:
        self._days: dict[Any, date] = {}

    def __call__(self, value: Any) -> date:
        day = self._days.get(value)
        if day is None:
            day = self._days[value] = as_day(value)
        return day


def as_day(value: Any) -> date:
    """A day as the driver gives it (ISO text on SQLite) as a `date`."""
    return value if type(value) is date else date.fromisoformat(value)
