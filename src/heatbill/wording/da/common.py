"""Words shared by every screen and report."""

MESSAGES: dict[str, str] = {
    "common.error": "Fejl",
    "common.yes": "ja",
    "common.no": "nej",
    "common.total": "I alt",
}
