"""Database messages."""

MESSAGES: dict[str, str] = {
    "db.sqlite_file": "Database: SQLite-filen {path}",
    "db.server": "Database: {url}",
    "db.up_to_date": "Skemaet er allerede nyeste version ({revision}).",
    "db.upgraded": "Skemaet er opgraderet fra version {before} til {after}.",
    "db.status": "Skemaversion: {current} (nyeste: {head})",
}
