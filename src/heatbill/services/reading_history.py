"""The part of each meter's history that checking a batch of new readings needs.

A new reading is checked (`domain.reading_checks`) against the meter's readings of the same
day, its previous accepted reading, and last year's use: from its last accepted real reading
before the day (the start) back to the last one a year or more before that (`domain.last_year`).
For a meter with one new reading that is all the check reads — the reference reading and the
readings from the start's day on, two rows for a meter read monthly however long its history
— and the repository finds them in two short windows, one query for all meters read on a day
(`adapters.db.reading_history`). A meter with several new readings (each accepted one is the
next one's start), or one the windows do not settle, gets its whole history, in one more query.
Either way the check finds in the rows it is given exactly what it would find in the whole
history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from heatbill.adapters.db.reading_repository import SqlReadings
from heatbill.domain.register.readings import HistoryRow, ScaledReading


def history_for(
    repository: SqlReadings, new: Sequence[ScaledReading]
) -> dict[int, list[HistoryRow]]:
    """Per meter of `new`, the readings its check needs (all statuses, by day and id)."""
    count = Counter(r[0] for r in new)
    history = repository.for_checks({r[0]: r[1] for r in new if count[r[0]] == 1})
    history.update(repository.histories([m for m in count if m not in history]))
    return history
