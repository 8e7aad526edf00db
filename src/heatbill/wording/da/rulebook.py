"""Rulebooks and tariff sheets: validation messages, CLI help and the `rulebook show/diff` view.

Validation messages are the `{text}` of "{source}: {key}: {text}". Square brackets around a
word are avoided: the CLI prints errors through rich, which would take them for markup.
"""

_EXAMPLE = '{{ value = …, clause = "vestervig 6.5", basis = "document" }}'

_PROBLEMS: dict[str, str] = {
    "rulebook.problem": "{source}: {key}: {text}",
    "rulebook.problem.file": "{source}: {text}",
    "rulebook.syntax": "ugyldig TOML i linje {line}, kolonne {column}: {detail}",
    "rulebook.syntax.end": "ugyldig TOML ved filens slutning: {detail}",
    "rulebook.encoding": "filen er ikke UTF-8-tekst (ugyldig byte ved position {position})",
    "rulebook.missing": "mangler; forventede {expected}",
    "rulebook.missing_section": "mangler; hele sektionen skal være der",
    "rulebook.missing_value": "mangler value; forventede {expected}",
    "rulebook.missing_basis": "mangler basis; forventede {expected}",
    "rulebook.no_clause": f"mangler hjemmel; hver parameter skrives {_EXAMPLE}",
    "rulebook.unknown_key": "ukendt nøgle; kendte nøgler her: {known}",
    "rulebook.unknown_key.close": 'ukendt nøgle; mente du "{close}"?',
    "rulebook.expected": "forventede {expected}, fik {got}",
    "rulebook.got.table": "en tabel",
    "rulebook.above_legal_cap": "{value} er over lovens grænse på {limit} ({clause})",
    "rulebook.below_legal_minimum": "{value} er under lovens minimum på {limit} ({clause})",
    "rulebook.must_be": "{value} er ikke tilladt; skal være {limit} ({clause})",
}

_EXPECTED: dict[str, str] = {
    "rulebook.expect.whole": "et helt tal fra {lo} til {hi}",
    "rulebook.expect.flag": "true eller false",
    "rulebook.expect.amount": 'et beløb i kroner som tekst med højst to decimaler, fx "187.50"',
    "rulebook.expect.rate": 'et ikke-negativt tal som tekst, fx "13.60"',
    "rulebook.expect.rate_up_to": 'et tal fra 0 til {hi} som tekst, fx "25"',
    "rulebook.expect.choice": "en af {choices}",
    "rulebook.expect.choices": "en liste uden gentagelser med en eller flere af {choices}",
    "rulebook.expect.all_choices": "en liste med alle af {choices} i den ønskede rækkefølge",
    "rulebook.expect.text": "en tekst",
    "rulebook.expect.name": 'et navn af små bogstaver, tal, - og _, fx "vestervig"',
    "rulebook.expect.document": "et af dokumenterne {known}",
    "rulebook.expect.clause": 'en hjemmel som tekst, fx "vestervig 6.5"',
    "rulebook.expect.date": "en dato som 2024-06-01",
    "rulebook.expect.month_day": 'måned-dag som "03-01", en dag der findes hvert år',
    "rulebook.expect.month_days": (
        'en liste af måned-dage i kalenderorden uden gentagelser, fx ["01-02", "03-01"]'
    ),
    "rulebook.expect.table": "en tabel",
    "rulebook.expect.records": "en eller flere tabeller (TOML array of tables)",
}

_CLAUSES: dict[str, str] = {
    "rulebook.clause.malformed": (
        'forventede en hjemmel som "vestervig 6.5", "4rater" eller '
        '"renteloven § 9 b, stk. 1", fik {got}'
    ),
    "rulebook.clause.unknown_document": 'ukendt dokument "{document}"; kendte dokumenter: {known}',
    "rulebook.clause.bare_document": (
        '{document} har ingen nummererede punkter; skriv blot "{document}"'
    ),
    "rulebook.clause.needs_paragraph": (
        'forventede en paragraf i {document}, fx "{document} § 9 b, stk. 1"'
    ),
    "rulebook.clause.needs_section": 'forventede et punkt i {document}, fx "{document} 6.5"',
    "rulebook.clause.no_such_chapter": "{document} {section} findes ikke; kapitlerne er {chapters}",
    "rulebook.clause.no_such_item": (
        "{document} {section} findes ikke; kapitel {chapter} har punkt {chapter}.1–{chapter}.{last}"
    ),
    "rulebook.clause.chapter_only": (
        "{document} {section} findes ikke; kapitel {chapter} har ingen underpunkter, "
        'skriv "{document} {chapter}"'
    ),
    "rulebook.basis.needs.document": (
        'basis "document" kræver en hjemmel i filens eget dokument ({own}), fik "{clause}"'
    ),
    "rulebook.basis.needs.tariff-sheet": (
        'basis "tariff-sheet" kræver en hjemmel i {own}, der henviser til takstbladet, '
        'fik "{clause}"'
    ),
    "rulebook.basis.needs.dansk-fjernvarme-6.13": (
        'basis "dansk-fjernvarme-6.13" kræver en hjemmel i Dansk Fjernvarmes standardvilkår '
        'som trykt i vestervig, fx "vestervig 6.13", fik "{clause}"'
    ),
    "rulebook.basis.needs.guidance": (
        'basis "guidance" kræver en hjemmel i en vejledning (webinar), fik "{clause}"'
    ),
    "rulebook.basis.needs.law": (
        'basis "law" kræver en hjemmel i en lov (renteloven), fik "{clause}"'
    ),
    "rulebook.basis.needs.setting": (
        'basis "setting" kræver en hjemmel i en lov, danish-rules eller spec, fik "{clause}"'
    ),
}

_INCONSISTENT: dict[str, str] = {
    "rulebook.inconsistent.count": "{count} datoer passer ikke med {other} = {expected}",
    "rulebook.inconsistent.required_when": "mangler; kræves når {other} = {value}",
    "rulebook.inconsistent.not_allowed_when": "må ikke angives når {other} = {value}",
    "rulebook.inconsistent.one_of": "angiv præcis én af {first} og {second}",
    "rulebook.inconsistent.at_most": "{value} er større end {other} = {limit}",
    "rulebook.inconsistent.after": "dag {value} ligger ikke efter {other} = dag {limit}",
    "rulebook.inconsistent.not_below": "{value} er mindre end {other} = {limit}",
    "rulebook.inconsistent.date_order": "{value} ligger ikke efter {other} = {limit}",
}

_FILES: dict[str, str] = {
    "rulebook.not_found": (
        'intet indbygget regelsæt hedder "{name}", og der er ingen sådan fil; indbyggede: {presets}'
    ),
    "rulebook.tariff.not_found": (
        'intet indbygget takstblad hedder "{name}", og der er ingen sådan fil; '
        "indbyggede: {presets}"
    ),
    "rulebook.file_not_found": "filen {path} findes ikke",
    "rulebook.file_unreadable": "filen {path} kan ikke læses: {reason}",
    "rulebook.tariff.no_period": (
        "takstbladet {name} har ingen priser for {day}; første periode begynder {first}"
    ),
    "rulebook.validate.ok.rulebook": (
        "OK: {source} er et gyldigt regelsæt ({title}, gyldigt fra {valid_from})."
    ),
    "rulebook.validate.ok.tariff": (
        "OK: {source} er et gyldigt takstblad ({title}, {periods} prisperiode(r))."
    ),
}

_CLI: dict[str, str] = {
    "rulebook.cli.app": "Regelsæt (rulebooks): vis, valider og sammenlign.",
    "rulebook.cli.list": "Vis de indbyggede regelsæt.",
    "rulebook.cli.show": "Vis et regelsæt: hver parameter med værdi, hjemmel og grundlag.",
    "rulebook.cli.show.name": "Et indbygget regelsæt (fx vestervig) eller en TOML-fil.",
    "rulebook.cli.show.tariffs": "Vis også et takstblad: et indbygget (fx vestervig) eller en fil.",
    "rulebook.cli.validate": "Kontroller en regelsæt- eller takstbladsfil; intet ændres.",
    "rulebook.cli.validate.file": "TOML-filen der skal kontrolleres.",
    "rulebook.cli.diff": "Vis de parametre, der er forskellige i to regelsæt, med begges hjemmel.",
    "rulebook.cli.diff.a": "Første regelsæt: navn eller fil.",
    "rulebook.cli.diff.b": "Andet regelsæt: navn eller fil.",
    "rulebook.cli.diff.provenance": (
        "Medtag også parametre, hvor kun hjemmel eller grundlag er ændret."
    ),
}

MESSAGES: dict[str, str] = _PROBLEMS | _EXPECTED | _CLAUSES | _INCONSISTENT | _FILES | _CLI
