"""Metering: degree days, use, estimates, plausibility holds and the degree-day file import.

Hold texts (`metering.hold.<code>`) are shown to staff and quoted in the letter to the
customer; a reading is held for review and not billed (`vestervig 5.9`). Dates are written
dd-mm-åååå, MWh with 3 decimals and m³ with 3, in Danish notation.
"""

_RULEBOOK: dict[str, str] = {
    "rulebook.section.metering": "Måling, skøn og aflæsning",
    "metering.expect.mwh_per_m2": 'et tal over 0 og højst {hi} som tekst, fx "0.13"',
}

_QUANTITIES: dict[str, str] = {
    "metering.period.empty": "en periode skal slutte efter den begynder, fik {start} – {end}",
    "metering.dd.normal_months": "et normalår har graddage for 12 måneder, fik {got}",
    "metering.dd.month": "måneden {year}-{month} findes ikke; forventede måned 1–12",
    "metering.dd.negative": "graddage for {month} skal være et tal på mindst 0, fik {dd}",
    "metering.normalise.no_dd": (
        "forbruget kan ikke normaliseres uden graddage i perioden, fik {actual_dd}"
    ),
    "metering.hot_water_share": "varmtvandsandelen skal være fra 0 til 100 %, fik {got}",
    "metering.split.no_parts": "et forbrug kan kun fordeles på mindst én delperiode",
    "metering.split.gap": (
        "delperioderne skal følge lige efter hinanden; én slutter før {end}, "
        "den næste begynder {start}"
    ),
    "metering.split.total": (
        "et forbrug der fordeles skal være mindst 0 og i hele kWh (0,001 MWh), fik {total}"
    ),
    "metering.split.weights": "fordelingsnøglerne skal være mindst 0 og ikke alle 0",
}

_ESTIMATES: dict[str, str] = {
    "metering.estimate.real_exists": (
        "der findes en rigtig aflæsning den {day}; den går forud for et beregnet forbrug"
    ),
    "metering.estimate.no_start": (
        "måler {meter} har ingen aflæsning før {day} at beregne forbruget fra"
    ),
    "metering.estimate.no_area": (
        "måler {meter} har aflæsninger for mindre end et år; beregningen kræver ejendommens "
        "opvarmede areal"
    ),
    "metering.estimate.decreasing": (
        "målerstanden faldt mellem aflæsningerne {first} og {last}; de kan ikke bruges til "
        "at beregne forbruget"
    ),
    "metering.use.order": "perioden slutter {end}, før den begynder {start}",
    "metering.use.gap": "ingen måler var sat op fra {start} til {end}",
    "metering.use.overlap": "to målere var sat op samtidig fra {start} til {end}",
    "metering.use.missing": "måler {meter} mangler en aflæsning den {day}",
}

_HOLDS: dict[str, str] = {
    "metering.register.energy": "Energiregistret",
    "metering.register.volume": "Volumenregistret",
    "metering.hold.decreasing_register": (
        "{register} er faldet fra {was} til {now} siden aflæsningen den {previous_on}"
    ),
    "metering.hold.above_expected": (
        "Forbruget siden {since} er {use}, mere end {tolerance} % over det forventede {expected}"
    ),
    "metering.hold.below_expected": (
        "Forbruget siden {since} er {use}, mere end {tolerance} % under det forventede {expected}"
    ),
    "metering.hold.before_previous": (
        "Aflæsningen er dateret {day}, før den forrige aflæsning den {previous_on}"
    ),
    "metering.hold.conflicting_reading": (
        "Der findes allerede en anden aflæsning den {day} ({was}); denne siger {now}"
    ),
    "metering.hold.future_date": "Aflæsningen er dateret {day}, senere end {latest}",
}

_IMPORT: dict[str, str] = {
    "metering.dd.file.year": 'forventede et årstal fra {lo} til {hi}, fik "{got}"',
    "metering.dd.file.month": 'forventede en måned fra 1 til 12, fik "{got}"',
    "metering.dd.file.value": (
        'forventede graddage fra 0 til {hi} med højst én decimal, fx 519 eller 519,5, fik "{got}"'
    ),
    "metering.dd.file.twice": "{year}-{month:02d} står allerede i {first}",
    "metering.dd.file.line": "linje {line}",
    "metering.dd.file.feature": "objekt {n}",
    "metering.dd.json.syntax": "ugyldig JSON i kolonne {column}: {detail}",
    "metering.dd.json.shape": (
        "forventede en GeoJSON FeatureCollection fra DMI's climateData med en liste features, "
        "fik {got}"
    ),
    "metering.dd.json.problem": "objekt {n}, felt {field}: {message}",
    "metering.dd.json.missing": "mangler",
    "metering.dd.json.feature": "forventede et objekt med properties, fik {got}",
    "metering.dd.json.exact": 'forventede "{expected}", fik {got}',
    "metering.dd.json.time": (
        'forventede et tidspunkt med tidszone som "2024-01-01T00:00:00+01:00", fik {got}'
    ),
    "metering.dd.json.span": "forventede en hel kalendermåned fra from til to, fik {start} – {end}",
    "metering.dd.json.value": "forventede graddage som et tal fra 0 til {hi}, fik {got}",
    "metering.dd.json.empty": "filen har ingen måneder (features er tom)",
}

MESSAGES: dict[str, str] = _RULEBOOK | _QUANTITIES | _ESTIMATES | _HOLDS | _IMPORT
