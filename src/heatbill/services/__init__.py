"""Use cases: functions of (command, unit of work, clock). The transaction boundary lives here."""
