"""Utility administration."""

MESSAGES: dict[str, str] = {
    "utility.created": (
        "Værket '{code}' er oprettet (nr. {utility_id}) med regelsæt {rulebook} "
        "og takstblad {tariffs}."
    ),
    "utility.list_title": "Værker",
    "utility.col.code": "Kode",
    "utility.col.name": "Navn",
    "utility.col.cvr": "CVR",
    "utility.col.address": "Adresse",
}
