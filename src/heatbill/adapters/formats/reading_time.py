"""When a reading was taken, and which day's register it is.

A reading is the meter's registers at the end of a day (`Reading.read_on`; the annual reading
is the one for 31 December, `solrod 5.4`, `4rater`). Files give a date, or a date and a time
of day in Danish local time, as the head-end or the card shows it:

- a date alone, `2026-12-31`, is the register at the end of that day;
- a time of exactly 00:00 on day D (also written 24:00 on D−1) is the register at the end of
  D−1: a head-end's "2027-01-01 00:00" is the year-end reading for 31 December 2026;
- any other time on day D belongs to the end of D: the consumption after it until midnight is
  left to the next period, as it is when a card is read during the day.

Times with a zone offset are refused rather than converted: the files this reads carry local
time, and a silent conversion would move readings across midnight.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from heatbill.adapters.formats.values import parse_date
from heatbill.domain.errors import ValidationError
from heatbill.wording import say

_DATE_AND_TIME = re.compile(r"^(\S+?)(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$")
_ZONE = re.compile(r"\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)$")


def reading_time(value: str) -> date | datetime:
    """The date, or the naive local date-time, written in `value`."""
    if _ZONE.search(value):
        raise ValidationError(say("formats.readings.time_zone", got=value))
    match = _DATE_AND_TIME.match(value)
    day = parse_date(match.group(1)) if match else None
    if match is None or day is None:
        raise ValidationError(say("formats.readings.time", got=value))
    if match.group(2) is None:
        return day
    hour, minute, second = (int(part or 0) for part in match.group(2, 3, 4))
    if (hour, minute, second) == (24, 0, 0):
        return datetime.combine(day + timedelta(days=1), time())
    try:
        return datetime.combine(day, time(hour, minute, second))
    except ValueError:
        raise ValidationError(say("formats.readings.time", got=value)) from None


def register_day(moment: date | datetime) -> date:
    """The day whose end-of-day register a reading taken at `moment` is (see module doc)."""
    if not isinstance(moment, datetime):
        return moment
    if moment.time() == time():
        return moment.date() - timedelta(days=1)
    return moment.date()
