"""The register's words on screen: reading statuses and sources, roles, meters, letter kinds.

Keys end in the enum value they name (`register.status.held`), so a screen looks them up by
value; JSON output keeps the English values themselves.
"""

_READINGS: dict[str, str] = {
    "register.status.accepted": "godkendt",
    "register.status.held": "tilbageholdt",
    "register.status.rejected": "afvist",
    "register.status.superseded": "erstattet",
    "register.source.remote": "fjernaflæsning",
    "register.source.card": "aflæsningskort",
    "register.source.technician": "tekniker",
    "register.source.manual": "indtastet",
    "register.source.estimated": "beregnet",
    "register.source.correction": "rettelse",
    "register.estimate.between_readings": "fordelt mellem to aflæsninger efter graddage",
    "register.estimate.last_year": "sidste års forbrug efter graddage",
    "register.estimate.area": "ejendommens areal (under et års aflæsninger)",
    "register.not_found.reading": "aflæsning {reading_id} findes ikke",
}

_PARTIES: dict[str, str] = {
    "register.role.owner": "ejer",
    "register.role.tenant": "lejer",
    "register.role.cooperative_member": "andelshaver",
    "register.role.interim": "ejer i mellemperiode",
    "register.use.housing": "bolig",
    "register.use.business": "erhverv",
    "register.method.remote": "fjernaflæsning",
    "register.method.self": "selvaflæsning",
    "register.size.lt30kw": "<30kW",
    "register.size.lt100kw": "<100kW",
    "register.size.gt100kw": ">100kW",
}

_LETTERS: dict[str, str] = {
    "register.letter.welcome": "Velkomstbrev",
    "register.letter.interim_liability": "Brev til ejeren om hæftelse i mellemperioden",
    "register.letter.late_move_notice": "Brev om for sent meddelt flytning",
    "register.letter.self_reading_request": "Aflæsningskort",
    "register.letter.self_reading_reminder": "Rykker for aflæsningskort",
    "register.letter.estimate_notice": "Meddelelse om beregnet forbrug",
    "register.letter.reminder": "Rykker",
    "register.letter.collection_notice": "Inkassomeddelelse",
    "register.letter.security_demand": "Krav om sikkerhedsstillelse",
    "register.letter.security_release": "Frigivelse af sikkerhedsstillelse",
    "register.letter.closing_notice": "Varsel om lukning for varmen",
    "register.letter.closing_order": "Arbejdsordre: lukkebesøg",
    "register.letter.reopening_order": "Arbejdsordre: genåbning",
    "register.letter.closing_letter": "Brev ved lukning for varmen",
    "register.letter.budget": "Budget (acontobeløb)",
    "register.letter.installment_bill": "Acontoregning",
    "register.letter.annual_statement": "Årsopgørelse",
    "register.letter.move_statement": "Flytteopgørelse",
    "register.letter.bill": "Regning",
    "register.letter.tariff_change_notice": "Meddelelse om ændrede priser eller vilkår",
    "register.letter.supply_interruption": "Varsel om afbrydelse af forsyningen",
    "register.letter_status.queued": "i kø",
    "register.letter_status.sent": "sendt",
}

MESSAGES: dict[str, str] = _READINGS | _PARTIES | _LETTERS
