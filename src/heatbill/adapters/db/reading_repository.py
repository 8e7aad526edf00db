"""Readings, file imports, self-reading requests and degree days in the database."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, insert, select, update

from heatbill.adapters.db import reading_history
from heatbill.adapters.db.bulk import binder, insert_rows, streamed
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.reading_rows import COLUMNS, recorded, recorded_columns, row_values
from heatbill.adapters.db.register_tables import degree_day, file_import, reading, reading_request
from heatbill.domain.errors import NotFoundError
from heatbill.domain.register.readings import (
    HistoryRow,
    ReadingStatus,
    RecordedReading,
    ScaledReading,
)

NewReading = tuple[int, ScaledReading, str, str | None]
"""A new reading for `adding`: (reading_id, the reading, its status's value, its hold
reasons' texts one a line or None)."""


@dataclass(frozen=True, slots=True)
class ReadingRequest:
    """A self-reading card sent for `read_on`, with its deadline and what happened since."""

    meter_id: int
    read_on: date
    sent_on: date
    deadline: date
    reminded_on: date | None = None
    estimated_on: date | None = None
    answered_on: date | None = None


class SqlReadings:
    def __init__(self, connection: Connection, utility_id: int, ids: IdAllocator) -> None:
        self._db = connection
        self._u = utility_id
        self._ids = ids

    def new_ids(self, count: int) -> list[int]:
        first = self._ids.reserve("reading", count) if count else 0
        return list(range(first, first + count))

    def add(
        self, items: Sequence[RecordedReading], created_at: datetime, import_id: int | None = None
    ) -> None:
        rows = (row_values(self._u, item, created_at, import_id) for item in items)
        insert_rows(self._db, reading, COLUMNS, rows)

    def of_meters(
        self, meter_ids: Sequence[int], statuses: Sequence[ReadingStatus] | None = None
    ) -> dict[int, list[RecordedReading]]:
        """Readings per meter, oldest first (all statuses unless given)."""
        found: dict[int, list[RecordedReading]] = {m: [] for m in meter_ids}
        unique = sorted(set(meter_ids))
        for start in range(0, len(unique), 500):
            query = (
                select(*recorded_columns())
                .where(
                    reading.c.utility_id == self._u,
                    reading.c.meter_id.in_(unique[start : start + 500]),
                )
                .order_by(reading.c.meter_id, reading.c.read_on, reading.c.reading_id)
            )
            if statuses is not None:
                query = query.where(reading.c.status.in_([s.value for s in statuses]))
            for row in self._db.execute(query):
                item = recorded(row)
                found[item.reading.meter_id].append(item)
        return found

    @contextmanager
    def adding(
        self, created_at: datetime, import_id: int | None
    ) -> Iterator[Callable[[Sequence[NewReading]], None]]:
        """New readings in integer units, written as they are (a batch path: no objects),
        chunk by chunk as they are handed over (`bulk.streamed`: on PostgreSQL a chunk is
        written while the caller checks the next). Nothing else may use the connection
        until the block ends."""
        connection, utility_id = self._db, self._u
        day = binder(connection, reading, "read_on")
        created = binder(connection, reading, "created_at")(created_at)

        def rows(items: Sequence[NewReading]) -> list[tuple[object, ...]]:
            return [
                (utility_id, reading_id, meter_id, day(read_on), energy, volume, forward, back,
                 source, status, reasons, import_id, None, None, created)
                for reading_id, (meter_id, read_on, energy, volume, source, forward, back),
                status, reasons in items
            ]  # fmt: skip

        with streamed(connection, reading, COLUMNS) as write:
            yield lambda items: write(rows(items))

    def for_checks(self, days: Mapping[int, date]) -> dict[int, list[HistoryRow]]:
        """Per meter with a new reading on its day: the readings checking it reads, when two
        recent windows hold them (`reading_history`); other meters are left out."""
        return reading_history.for_checks(self._db, self._u, days)

    def histories(self, meter_ids: Sequence[int]) -> dict[int, list[HistoryRow]]:
        """Every reading of each meter as the checks read it (by day and id)."""
        return reading_history.whole_histories(self._db, self._u, meter_ids)

    def get(self, reading_id: int) -> RecordedReading:
        row = self._db.execute(
            select(*recorded_columns()).where(
                reading.c.utility_id == self._u, reading.c.reading_id == reading_id
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"aflæsning {reading_id} findes ikke")
        return recorded(row)

    def held(self) -> list[RecordedReading]:
        rows = self._db.execute(
            select(*recorded_columns())
            .where(reading.c.utility_id == self._u, reading.c.status == ReadingStatus.HELD.value)
            .order_by(reading.c.read_on, reading.c.reading_id)
        )
        return [recorded(r) for r in rows]

    def set_status(
        self,
        reading_ids: Sequence[int],
        status: ReadingStatus,
        *,
        by: str,
        at: datetime,
        note: str | None = None,
    ) -> None:
        """Record a decision on readings (accepted, rejected, superseded) with who and why."""
        for start in range(0, len(reading_ids), 500):
            self._db.execute(
                update(reading)
                .where(
                    reading.c.utility_id == self._u,
                    reading.c.reading_id.in_(reading_ids[start : start + 500]),
                )
                .values(status=status.value, decided_by=by, decided_at=at, note=note)
            )

    # --- file imports -------------------------------------------------------------------
    def find_import(self, kind: str, sha256: str) -> tuple[int, str, datetime] | None:
        row = self._db.execute(
            select(file_import).where(
                file_import.c.utility_id == self._u,
                file_import.c.kind == kind,
                file_import.c.sha256 == sha256,
            )
        ).one_or_none()
        return None if row is None else (int(row.import_id), row.file_name, row.imported_at)

    def add_import(
        self, kind: str, file_name: str, sha256: str, row_count: int, at: datetime
    ) -> int:
        import_id = self._ids.reserve("import")
        self._db.execute(
            insert(file_import).values(
                utility_id=self._u,
                import_id=import_id,
                kind=kind,
                file_name=file_name,
                sha256=sha256,
                row_count=row_count,
                imported_at=at,
            )
        )
        return import_id

    # --- self-reading requests (`vestervig 5.6`) -----------------------------------------
    def add_requests(self, requests: Sequence[ReadingRequest]) -> list[ReadingRequest]:
        """Record requests not yet made (same meter and date); returns those added."""
        known = {(r.meter_id, r.read_on) for r in self.requests()}
        fresh = [r for r in requests if (r.meter_id, r.read_on) not in known]
        if fresh:
            self._db.execute(
                insert(reading_request),
                [
                    {
                        "utility_id": self._u,
                        "meter_id": r.meter_id,
                        "read_on": r.read_on,
                        "sent_on": r.sent_on,
                        "deadline": r.deadline,
                    }
                    for r in fresh
                ],
            )
        return fresh

    def requests(self, *, open_only: bool = False) -> list[ReadingRequest]:
        query = select(reading_request).where(reading_request.c.utility_id == self._u)
        if open_only:
            query = query.where(
                reading_request.c.answered_on.is_(None), reading_request.c.estimated_on.is_(None)
            )
        return [
            ReadingRequest(
                int(r.meter_id),
                r.read_on,
                r.sent_on,
                r.deadline,
                r.reminded_on,
                r.estimated_on,
                r.answered_on,
            )
            for r in self._db.execute(
                query.order_by(reading_request.c.read_on, reading_request.c.meter_id)
            )
        ]

    def update_request(self, request: ReadingRequest) -> None:
        self._db.execute(
            update(reading_request)
            .where(
                reading_request.c.utility_id == self._u,
                reading_request.c.meter_id == request.meter_id,
                reading_request.c.read_on == request.read_on,
            )
            .values(
                deadline=request.deadline,
                reminded_on=request.reminded_on,
                estimated_on=request.estimated_on,
                answered_on=request.answered_on,
            )
        )

    # --- degree days --------------------------------------------------------------------
    def degree_days(self) -> dict[tuple[int, int], Decimal]:
        rows = self._db.execute(select(degree_day).where(degree_day.c.utility_id == self._u))
        return {(int(r.year), int(r.month)): Decimal(r.degree_days) for r in rows}

    def set_degree_days(
        self, months: dict[tuple[int, int], Decimal], import_id: int | None
    ) -> None:
        """Replace the given months (a newer import of a month wins)."""
        known = self.degree_days()
        for (year, month), value in sorted(months.items()):
            where = (
                (degree_day.c.utility_id == self._u)
                & (degree_day.c.year == year)
                & (degree_day.c.month == month)
            )
            if (year, month) in known:
                self._db.execute(
                    update(degree_day).where(where).values(degree_days=value, import_id=import_id)
                )
            else:
                self._db.execute(
                    insert(degree_day).values(
                        utility_id=self._u,
                        year=year,
                        month=month,
                        degree_days=value,
                        import_id=import_id,
                    )
                )
