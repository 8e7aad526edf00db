"""The demo's headings and summary."""

MESSAGES: dict[str, str] = {
    "demo.title": "heatbill demo — {name}",
    "demo.database": "Demo-databasen er SQLite-filen {path}",
    "demo.utility_created": "Demoværket '{code}' er oprettet med Solrøds regler og takster.",
    "demo.rulebook_heading": "Regelsæt: {title}",
    "demo.ledger_heading": "Eksempel på debitorbogholderi for {year}",
    "demo.customers_heading": "Kunderne i eksemplet",
    "demo.customer_line": "{customer_id}  {name}: {story}",
    "demo.story.full": "betaler raten til tiden",
    "demo.story.part": "betaler halvdelen",
    "demo.story.over": "betaler 250 kr. for meget (tilgodehavende)",
    "demo.story.charged_back": "betaler via Betalingsservice; betalingen tilbageføres",
    "demo.story.none": "betaler ikke og får en rykker med gebyr",
    "demo.done": "Færdig. Kør igen når som helst: demoen starter forfra i en ny database.",
}
