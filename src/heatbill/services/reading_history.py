"""The part of each meter's history that checking a batch of new readings needs.

A new reading is checked (`services.readings`) against the meter's readings of the same day,
its previous accepted reading, and last year's use: from its last accepted real reading before
the day (the start) back to the last one a year or more before that (`domain.last_year`). For
a meter with one new reading that is all the check reads — the reference reading and the
readings from the start's day on, two rows for a meter read monthly however long its history
— and the repository finds them in two short windows (`adapters.db.reading_history`). A meter
with several new readings (each accepted one is the next one's start), or one the windows do
not settle, gets its whole history. Either way the check finds in the rows it is given exactly
what it would find in the whole history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from heatbill.adapters.db.reading_repository import SqlReadings
from heatbill.domain.register.readings import Reading, RecordedReading


def history_for(
    repository: SqlReadings, new: Sequence[Reading]
) -> dict[int, list[RecordedReading]]:
    """Per meter of `new`, the readings its check needs (all statuses, by day and id)."""
    count = Counter(r.meter_id for r in new)
    history = repository.for_checks({r.meter_id: r.read_on for r in new if count[r.meter_id] == 1})
    history.update(repository.of_meters([m for m in count if m not in history]))
    return history
