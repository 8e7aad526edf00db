"""Refunds out: proposals, staff decisions, the payout file and the accounts paid to."""

MESSAGES: dict[str, str] = {
    "rulebook.section.refunds": "Tilbagebetalinger",
    "refunds.account.bban": (
        "en dansk konto er et registreringsnummer på 4 cifre og et kontonummer på 1-10 cifre"
    ),
    "refunds.account.iban": "IBAN {got} er ikke gyldigt (forkert form eller kontrolciffer)",
    "refunds.account.bic": "BIC {got} er ikke gyldig (8 eller 11 tegn)",
    "refunds.account.nemkonto": "NemKonto",
    "refunds.account.one_kind": (
        "angiv enten --reg-no og --account-no, --iban eller --nemkonto (præcis én slags konto)"
    ),
    "refunds.account.set": "Udbetalingskonto for {name} (kunde {customer}): {account}",
    "refunds.utility_account.set": (
        "Værkets konto til tilbagebetalinger: {iban} ({bic}); NemKonto-aftale: {nemkonto}"
    ),
    "refunds.utility_account.missing": (
        "værket har ingen konto at betale tilbage fra; angiv den med "
        "'heatbill utility set-account --iban … --bic …'"
    ),
    "refunds.source.settlement": "Årsafregning",
    "refunds.source.move_settlement": "Flytteafregning",
    "refunds.source.credit": "Tilgodehavende",
    "refunds.source.deposit": "Depositum",
    "refunds.status.proposed": "foreslået",
    "refunds.status.approved": "godkendt",
    "refunds.status.rejected": "afvist",
    "refunds.status.paid": "udbetalt",
    "refunds.credit_changed": (
        "kundens tilgodehavende dækker ikke længere forslag {proposal} (en regning har brugt "
        "det); afvis forslaget og foreslå igen"
    ),
    "refunds.decided": "forslag {proposal} er allerede {status}",
    "refunds.unknown": "forslag {proposal} findes ikke",
    "refunds.unknown_customer": "kunde {customer} findes ikke",
    "refunds.by": "angiv hvem der beslutter (initialer, højst 40 tegn)",
    "refunds.reason": "skriv hvorfor forslaget afvises",
    "refunds.entry.approved": "Tilbagebetaling {proposal} godkendt af {by}: {reference}",
    "refunds.entry.paid": "Tilbagebetaling {proposal} udbetalt (fil {message_id})",
    "refunds.remittance": "Tilbagebetaling fra {utility}: {reference}",
    "refunds.nothing_to_pay": "ingen godkendte tilbagebetalinger venter på udbetaling",
    "refunds.proposed": (
        "{count} forslag til tilbagebetaling den {date}, i alt {total} (mindstebeløb {minimum}, "
        "{clause})"
    ),
    "refunds.approved": "Forslag {proposal} godkendt af {by}: {amount} til {account}",
    "refunds.rejected": "Forslag {proposal} afvist af {by}: {reason}",
    "refunds.paid": (
        "Udbetalingsfil {message_id}: {count} tilbagebetalinger, i alt {total}, "
        "udføres {date} — skrevet til {path}"
    ),
    "refunds.list_title": "Tilbagebetalinger",
    "refunds.col.id": "Id",
    "refunds.col.customer": "Kunde",
    "refunds.col.name": "Navn",
    "refunds.col.amount": "Beløb",
    "refunds.col.source": "Kilde",
    "refunds.col.reference": "Reference",
    "refunds.col.account": "Konto",
    "refunds.col.status": "Status",
    "refunds.col.decided": "Besluttet",
    "cli.refunds.help": "Tilbagebetalinger: forslag, godkendelse og udbetalingsfil (pain.001).",
    "cli.refunds.propose": "Foreslå tilbagebetalinger for værket på en dato.",
    "cli.refunds.list": "Vis forslagene til tilbagebetaling med status.",
    "cli.refunds.approve": "Godkend et forslag (bogføres som tilbagebetaling).",
    "cli.refunds.reject": "Afvis et forslag med en begrundelse.",
    "cli.refunds.payout": "Lav udbetalingsfilen (pain.001) for de godkendte, ikke udbetalte.",
    "cli.refunds.account": "Sæt kundens udbetalingskonto (reg.nr.+konto, IBAN eller NemKonto).",
    "cli.refunds.opt.by": "Initialer på den der beslutter.",
    "cli.refunds.opt.reason": "Hvorfor forslaget afvises.",
    "cli.refunds.opt.out": "Filen der skrives (pain.001 XML).",
    "cli.refunds.opt.status": "Vis kun forslag med denne status.",
    "cli.utility.set_account": "Sæt værkets konto som tilbagebetalinger betales fra.",
    "cli.utility.opt.nemkonto_agreed": (
        "Værket har bankens NemKonto-aftale (først da kan der betales til NemKonto)."
    ),
}
