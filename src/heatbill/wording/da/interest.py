"""Late interest (morarente): the reference-rate table, the interest run and its postings."""

MESSAGES: dict[str, str] = {
    "interest.half_year": "{half}. halvår {year}",
    "interest.rate.missing": (
        "Nationalbankens udlånsrente for {half} mangler; tilføj den med "
        "'heatbill interest add-rate --from {start} --rate … --by …'"
    ),
    "interest.rate.not_half_year_start": (
        "en referencerente gælder fra 1. januar eller 1. juli, ikke fra {day}"
    ),
    "interest.rate.duplicate": "referencerenten for {half} er allerede registreret ({rate} %)",
    "interest.rate.gap": (
        "{half} ligger ikke op til de kendte halvår; næste halvår der kan tilføjes er {next}"
    ),
    "interest.rate.by": "angiv hvem der tilføjer renten (initialer, højst 40 tegn)",
    "interest.rate.bad": "renten skal være et tal i procent, fx 1.60 eller -0.35, ikke {got}",
    "interest.rate.added": "Udlånsrente {rate} % fra {start} ({half}) tilføjet af {by}",
    "interest.rates.title": "Nationalbankens udlånsrente (referencerente for morarente)",
    "interest.rates.col.from": "Fra",
    "interest.rates.col.half": "Halvår",
    "interest.rates.col.rate": "Udlånsrente %",
    "interest.rates.col.late": "Morarente % (+8)",
    "interest.rates.col.by": "Tilføjet af",
    "interest.part": "{start}–{end}: {days} dage à {rate} % af {principal}",
    "interest.parts_summed": "{start}–{end}: {days} dage i {count} perioder (se grundlaget)",
    "interest.reference": "Morarente af {reference}",
    "interest.entry": "Morarente af {reference}, {parts} ({day_count}, {clause})",
    "interest.problem": "Åben post {item} ({reference}): {problem}",
    "interest.cli.app": "Morarente: Nationalbankens udlånsrente som data.",
    "interest.cli.step": "Morarente pr. {day}",
}
