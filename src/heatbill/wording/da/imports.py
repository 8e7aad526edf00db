"""File imports."""

MESSAGES: dict[str, str] = {
    "imports.already": (
        "{file} er allerede indlæst: samme indhold som import nr. {import_id} "
        "({earlier}, {at}). Intet er ændret."
    ),
    "imports.unknown_meter": "ukendt måler {serial} (ingen måler med det nummer den {day})",
    "imports.installation_exists": "målested {number} findes allerede",
    "imports.meter_exists": "måler {serial} findes allerede",
    "imports.readings_done": (
        "{file}: {total} aflæsninger indlæst (import nr. {import_id}): {accepted} godkendt, "
        "{held} tilbageholdt til kontrol, {repeats} gentagelser, {superseded} skøn erstattet."
    ),
    "imports.customers_done": (
        "{file}: {total} målesteder indlæst (import nr. {import_id}): {parties} parter, "
        "{tenants} lejere/andelshavere med direkte kundeforhold."
    ),
    "imports.degree_days_done": "{file}: graddage for {months} måneder indlæst ({first}–{last}).",
}
