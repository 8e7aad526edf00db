"""Imported files (meter readings, customer exports): every problem names file, line and field.

A problem reads "{source}: linje {line}, felt {field}: {message}"; the messages below are the
`{message}` part. Values are quoted as the file has them, except CPR numbers, which are never
repeated in a message (they end up in logs). No square brackets: the CLI prints through rich.
"""

_PROBLEMS: dict[str, str] = {
    "formats.problem.file": "{source}: {message}",
    "formats.problem.line": "{source}: linje {line}: {message}",
    "formats.problem.field": "{source}: linje {line}, felt {field}: {message}",
}

_FILE: dict[str, str] = {
    "formats.encoding.utf16": (
        "filen er UTF-16; gem den som CSV (UTF-8) eller CSV (semikolonsepareret)"
    ),
    "formats.encoding.binary": "filen indeholder NUL-tegn og er ikke en tekstfil (CSV)",
    "formats.encoding.unknown": (
        "filen er hverken UTF-8 eller Windows-1252 (ugyldig byte ved position {position})"
    ),
    "formats.file.empty": "filen er tom; forventede en overskriftslinje og mindst én række",
    "formats.file.no_rows": "filen har ingen rækker under overskriftslinjen",
    "formats.file.syntax": (
        "kan ikke læses som CSV (et anførselstegn lukkes ikke eller står midt i et felt); "
        "resten af filen er ikke læst"
    ),
    "formats.file.too_many": "rækken har {got} felter, men overskriften kun {width}",
    "formats.file.comma_hint": (
        "; felterne adskilles med komma, så tal med decimalkomma skal stå i anførselstegn"
    ),
}

_HEADER: dict[str, str] = {
    "formats.header.none": (
        "første linje skal være en overskrift med kolonnenavnene; kendte kolonner: {known}"
    ),
    "formats.header.blank": "kolonne {position} har ingen overskrift",
    "formats.header.unknown": "ukendt kolonne; kendte kolonner: {known}",
    "formats.header.unknown.close": 'ukendt kolonne; mente du "{close}"?',
    "formats.header.twice": "kolonnen {column} står der allerede (kolonne {first})",
    "formats.header.missing": "kolonnen mangler i overskriftslinjen",
}

_VALUES: dict[str, str] = {
    "formats.value.missing": "mangler en værdi",
    "formats.value.number": 'forventede et tal med højst {places} decimaler, fik "{got}"',
    "formats.value.negative": 'må ikke være negativ, fik "{got}"',
    "formats.value.not_positive": 'skal være større end 0, fik "{got}"',
    "formats.value.date": 'forventede en dato som 2026-12-31 eller 31-12-2026, fik "{got}"',
    "formats.value.choice": 'forventede en af {choices}, fik "{got}"',
    "formats.value.future": "{day} ligger efter importdatoen {as_of}",
}

_READINGS: dict[str, str] = {
    "formats.readings.time": (
        "forventede en dato eller et tidspunkt i dansk tid som 2026-12-31, 2026-12-31T23:59 "
        'eller 31-12-2026 23:59, fik "{got}"'
    ),
    "formats.readings.time_zone": (
        'forventede dansk lokaltid uden tidszone, som 2026-12-31 23:59, fik "{got}"'
    ),
    "formats.readings.temperature": 'forventede en temperatur fra {lo} til {hi} °C, fik "{got}"',
    "formats.readings.return_above_forward": (
        "returtemperaturen {return_c} °C er højere end fremløbstemperaturen {forward_c} °C"
    ),
    "formats.readings.twice": "måler {meter} har allerede en aflæsning for {day} i linje {first}",
}

_CUSTOMERS: dict[str, str] = {
    "formats.customers.postcode": 'forventede et postnummer med 4 cifre, fik "{got}"',
    "formats.customers.installation_twice": "målested {number} står allerede i linje {first}",
    "formats.customers.meter_twice": "måler {serial} står allerede i linje {first}",
    "formats.customers.person_with_cvr": (
        "en person har ikke CVR-nummer; brug kunde_type virksomhed"
    ),
    "formats.customers.person_with_ean": (
        "en person har ikke EAN-nummer; brug kunde_type virksomhed"
    ),
    "formats.customers.company_with_cpr": (
        "en virksomhed har ikke CPR-nummer; brug kunde_type person"
    ),
    "formats.customers.company_without_cvr": "mangler; en virksomhed skal have et CVR-nummer",
    "formats.customers.exempt_but_digital": (
        "kunden er fritaget for digital post, så digital_post skal være nej"
    ),
    "formats.customers.owner_missing": (
        "mangler; for en {role} skal ejeren stå på rækken, da ejeren er kunde og hæfter "
        "mellem to lejere (aalborg 1.7)"
    ),
    "formats.customers.owner_not_allowed": (
        "udfyldes kun for lejere og andelshavere; på denne række er kunden selv ejer"
    ),
    "formats.customers.owner_both_ids": "angiv enten ejer_cpr (person) eller ejer_cvr (virksomhed)",
}

MESSAGES: dict[str, str] = _PROBLEMS | _FILE | _HEADER | _VALUES | _READINGS | _CUSTOMERS
