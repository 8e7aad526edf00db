"""The daily run: its steps, its summary and what stops it."""

MESSAGES: dict[str, str] = {
    "daily.locked": (
        "en daglig kørsel for værket (id {utility}) er allerede i gang; vent til den er færdig"
    ),
    "daily.step.payments": "{day}: indbetalinger",
    "daily.step.interest": "{day}: renter",
    "daily.step.collections": "{day}: restancer",
    "daily.step.letters": "{day}: breve",
    "daily.step.securities": "{day}: sikkerhedsstillelser",
    "daily.letters_failed": "{count} breve kunne ikke leveres på den første kanal",
    "daily.cli.letters": (
        "Mappen til brevenes batchfiler (digital post, print); ellers venter brevene."
    ),
    "daily.cli.name.letters": "Breve",
    "daily.cli.name.securities": "Frigivne sikkerhedsstillelser",
    "daily.step.billing": "{day}: budgetter, flytninger og acontorater",
    "daily.step.settlement": "{day}: årsafregning",
    "daily.unmatched": "{file} linje {line}: {amount} til afklaring — {why}",
    "daily.file_refused": "{file} er afvist og lagt i mappen afvist: {message}",
    "daily.cli.help": (
        "Kør værkets dag: indbetalinger, renter, restancer, budgetter, acontorater og "
        "årsafregning — én gang, i fast rækkefølge, og kan genoptages efter et nedbrud."
    ),
    "daily.cli.date": "Dagen der køres, fx 02-03-2026.",
    "daily.cli.until": "Indhent alle dage til og med denne dag.",
    "daily.cli.inbox": "Mappen med indkomne betalingsfiler (indlæste flyttes til indlæst/).",
    "daily.cli.dry_run": "Beregn uden at bogføre.",
    "daily.cli.need_date": "angiv --date eller --until",
    "daily.cli.title": "Daglig kørsel {day}",
    "daily.cli.title_dry": "Prøvekørsel {day}: intet er bogført",
    "daily.cli.col.step": "Trin",
    "daily.cli.col.done": "Nye",
    "daily.cli.col.already": "Fandtes",
    "daily.cli.col.total": "Beløb",
    "daily.cli.col.problems": "Problemer",
    "daily.cli.skipped": "(gennemført tidligere)",
    "daily.cli.name.payments": "Indbetalinger",
    "daily.cli.name.interest": "Renter",
    "daily.cli.name.collections": "Restancer",
    "daily.cli.name.billing": "Budgetter, flytninger og acontorater",
    "daily.cli.name.settlement": "Årsafregning",
}
