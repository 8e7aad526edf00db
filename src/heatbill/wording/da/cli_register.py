"""The register commands (`heatbill import`, `customers`): help, columns, messages.

Plain text printed as is (no rich markup): square brackets are safe. Dates dd-mm-åååå.
"""

_ARGUMENTS: dict[str, str] = {
    "cli.arg.date": '{option}: forventede en dato som 31-12-2026 eller 2026-12-31, fik "{got}"',
    "cli.arg.problem": "{option}: {message}",
    "cli.arg.choice": '{option}: forventede en af {choices}, fik "{got}"',
    "cli.arg.file_missing": "filen {path} findes ikke",
    "cli.arg.both_registers": (
        "angiv både --energy-mwh og --volume-m3 for flytteaflæsningen, eller ingen af dem"
    ),
    "cli.arg.cpr_and_cvr": "angiv enten --cpr (person) eller --cvr (virksomhed), ikke begge",
    "cli.arg.new_tenant_name": "--new-tenant-cpr og --new-tenant-email kræver --new-tenant-name",
}

_OPTIONS: dict[str, str] = {
    "cli.opt.file": "Filen der skal indlæses.",
    "cli.opt.as_of": (
        "Importdatoen (31-12-2026 eller 2026-12-31); ingen dato i filen må ligge senere. "
        "Standard: i dag."
    ),
    "cli.opt.source": "Hvor filen kommer fra: fjern (fjernaflæsning) eller kort (aflæsningskort).",
    "cli.opt.number": "Målestedets nummer.",
    "cli.opt.on": "Vis kunderne på denne dato (31-12-2026 eller 2026-12-31). Standard: i dag.",
    "cli.opt.recent": "Antal seneste aflæsninger der vises.",
    "cli.opt.installation": "Kun aflæsninger på dette målested.",
    "cli.opt.status": (
        "Kun aflæsninger med denne status: godkendt, tilbageholdt, afvist, erstattet "
        "(eller accepted, held, rejected, superseded)."
    ),
    "cli.opt.reading_id": "Aflæsningens nummer (se heatbill readings held).",
    "cli.opt.reason": "Begrundelsen; gemmes på aflæsningen.",
    "cli.opt.by": "Hvem der træffer beslutningen (navn eller initialer).",
    "cli.opt.energy": "Energiregistret i MWh, fx 18,412 (decimalkomma eller -punktum).",
    "cli.opt.volume": "Volumenregistret i m³, fx 402,117.",
    "cli.opt.date": "Datoen (31-12-2026 eller 2026-12-31).",
}

_COLUMNS: dict[str, str] = {
    "cli.col.id": "Nr.",
    "cli.col.installation": "Målested",
    "cli.col.address": "Adresse",
    "cli.col.customer": "Kunde",
    "cli.col.identity": "CPR/CVR",
    "cli.col.role": "Rolle",
    "cli.col.since": "Kunde fra",
    "cli.col.meter": "Måler",
    "cli.col.date": "Dato",
    "cli.col.energy": "Energi",
    "cli.col.volume": "Volumen",
    "cli.col.source": "Kilde",
    "cli.col.status": "Status",
    "cli.col.remark": "Begrundelse og bemærkning",
    "cli.col.from": "Fra",
    "cli.col.to": "Til og med",
    "cli.col.notified": "Meddelt",
    "cli.col.letter": "Brev",
    "cli.col.to_party": "Til",
    "cli.col.clause": "Hjemmel",
}

_IMPORT: dict[str, str] = {
    "cli.import.app": (
        "Indlæs filer: kunder, aflæsninger og graddage. Hele filen eller intet, og kun én gang."
    ),
    "cli.import.customers": (
        "Indlæs ejendomme, målesteder, målere og kunder fra det gamle systems eksport (CSV)."
    ),
    "cli.import.readings": (
        "Indlæs måleraflæsninger (CSV); usandsynlige aflæsninger tilbageholdes til kontrol."
    ),
    "cli.import.degree_days": "Indlæs graddage pr. måned (CSV eller DMI's climateData-JSON).",
    "cli.import.held_heading": "Tilbageholdt til kontrol (se heatbill readings held):",
    "cli.import.held_line": "Aflæsning {reading_id}: målested {installation}, måler {meter}, {day}",
}

_CUSTOMERS: dict[str, str] = {
    "cli.customers.app": "Kunder og målesteder.",
    "cli.customers.list": "Vis alle målesteder med deres kunde (CPR vises kun maskeret).",
    "cli.customers.show": (
        "Vis et målested: ejendom, ejere, målere, kundeforhold, aflæsninger og breve."
    ),
    "cli.customers.list_title": "Målesteder og kunder den {day}",
    "cli.customers.nobody": "(ingen kunde)",
    "cli.show.title": "Målested {number}: {address}",
    "cli.show.property": "Ejendom: {use}, {area} m² BBR-areal",
    "cli.show.owner": "Ejer: {party} fra {start}{until}",
    "cli.show.until": " til og med {day}",
    "cli.show.meter": "Måler {serial}: {method}, {size}, opsat {installed}{removed}",
    "cli.show.removed": ", nedtaget {day}",
    "cli.show.customers_title": "Kundeforhold",
    "cli.show.late": "{day} (for sent)",
    "cli.show.readings_title": "Seneste {count} aflæsninger",
    "cli.show.letters_title": "Breve",
}

MESSAGES: dict[str, str] = _ARGUMENTS | _OPTIONS | _COLUMNS | _IMPORT | _CUSTOMERS
