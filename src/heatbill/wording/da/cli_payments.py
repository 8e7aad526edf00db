"""The command line for payments and mandates."""

MESSAGES: dict[str, str] = {
    "cli.import.payments": (
        "Indlæs en betalingsfil: Betalingsservice 0602, FI-indbetalinger eller camt.053."
    ),
    "cli.import.mandates": "Indlæs en Betalingsservice 0603-leverance med betalingsaftaler.",
    "cli.import.payments_done": (
        "{file}: {paid} indbetalinger på i alt {total} indlæst (import {import_id}); "
        "{matched} placeret, {unmatched} til afklaring, {credits} til gode; "
        "{charged_back} tilbageført, {not_paid} ikke betalt."
    ),
    "cli.import.unmatched_line": "  linje {line}: {amount} til afklaring — {why}",
    "cli.import.mandates_done": (
        "{file}: {registered} aftaler tilmeldt, {cancelled} afmeldt (import {import_id})."
    ),
    "cli.payments.app": "Indbetalinger: afklaringslisten og placering.",
    "cli.payments.unmatched": "Vis indbetalinger der venter på afklaring.",
    "cli.payments.unmatched_title": "Indbetalinger til afklaring",
    "cli.payments.list": "Vis en kundes indbetalinger.",
    "cli.payments.list_title": "Indbetalinger for kunde {customer}",
    "cli.payments.assign": "Placer en uafklaret indbetaling hos en kunde.",
    "cli.payments.assigned": (
        "Indbetaling {payment} er placeret hos kunde {customer} (postering {entry})."
    ),
    "cli.payments.none": "Ingen indbetalinger.",
    "cli.payments.opt.customer": "Kundens id (som heatbill customers show viser det).",
    "cli.payments.opt.payment": "Indbetalingens id.",
    "cli.payments.opt.reason": "Hvorfor indbetalingen hører til kunden.",
    "cli.payments.opt.by": "Dine initialer.",
    "cli.payments.col.id": "Id",
    "cli.payments.col.date": "Bogført",
    "cli.payments.col.amount": "Beløb",
    "cli.payments.col.source": "Kilde",
    "cli.payments.col.reference": "Reference",
    "cli.payments.col.customer": "Kunde",
    "cli.payments.col.note": "Bemærkning",
    "cli.payments.source.betalingsservice": "Betalingsservice",
    "cli.payments.source.fi": "Indbetalingskort",
    "cli.payments.source.bank": "Bank",
    "cli.payments.kind.payment": "indbetaling",
    "cli.payments.kind.charge_back": "tilbageført",
    "cli.payments.kind.not_paid": "ikke betalt",
    "cli.mandates.app": "Betalingsservice-aftaler.",
    "cli.mandates.list": "Vis betalingsaftalerne og deres seneste hændelse.",
    "cli.mandates.cancellations": "Vis aftaler afmeldt ved fraflytning, som skal sendes til Nets.",
    "cli.mandates.opt.since": "Fra denne dag, fx 01-03-2026.",
    "cli.mandates.title": "Betalingsaftaler",
    "cli.mandates.col.mandate": "Aftale",
    "cli.mandates.col.customer": "Kunde",
    "cli.mandates.col.state": "Status",
    "cli.mandates.col.date": "Dato",
    "cli.mandates.event.registered": "tilmeldt",
    "cli.mandates.event.active": "aktiv",
    "cli.mandates.event.cancelled_by_bank": "afmeldt af pengeinstituttet",
    "cli.mandates.event.cancelled_by_creditor": "afmeldt af værket",
    "cli.mandates.event.cancelled_by_betalingsservice": "afmeldt af Betalingsservice",
    "cli.mandates.event.cancelled_by_move": "afmeldt ved fraflytning",
}
