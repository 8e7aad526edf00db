"""Payment files that come in or go out: Betalingsservice 0602/0603 from Nets, FI payments and
camt.053 statements from the bank, pain.001 refunds to the bank. A problem reads
"{source}: linje {line}, felt {field}: {message}" (formats.problem.field); below are the
`{field}` names and the `{message}` parts.
"""

_BS_MESSAGES: dict[str, str] = {
    "bs.file.empty": "filen er tom; en Betalingsservice-leverance begynder med en BS002-record",
    "bs.file.truncated": (
        "leverancen slutter uden leveranceslut (BS992); filen er sikkert ikke kommet helt med"
    ),
    "bs.record.length": "recorden er {got} tegn; en Betalingsservice-record er højst 128 tegn",
    "bs.record.blank": "tom linje midt i leverancen",
    "bs.record.kind": (
        'ukendt recordtype "{got}"; forventede BS002, BS012, BS022, BS042, BS052, BS062, '
        "BS092 eller BS992"
    ),
    "bs.record.order": "{kind} kan ikke stå her; forventede {expected}",
    "bs.expected.nothing": "ingenting efter leveranceslut (BS992)",
    "bs.expected.in_section": "en record i sektionen eller sektionsslut (BS092)",
    "bs.expected.between": "sektionsstart (BS012) eller leveranceslut (BS992)",
    "bs.section.unknown": 'ukendt sektion "{got}"; forventede en af {known}',
    "bs.section.mismatch": (
        'sektionsslut for sektion "{got}", men sektion {section} blev startet i linje {start}'
    ),
    "bs.section.unclosed": "sektion {section} slutter ikke med sektionsslut (BS092)",
    "bs.section.record": "{kind} hører ikke hjemme i sektion {section}",
    "bs.section.pbs_number": ('PBS-nummer "{got}" er ikke sektionens PBS-nummer "{section}"'),
    "bs.delivery.creditors": (
        "leverancen har sektioner for flere PBS-numre ({numbers}); heatbill læser én kreditor "
        "pr. leverance"
    ),
    "bs.transaction.unknown": (
        'ukendt transaktionskode "{got}" i sektion {section}; forventede en af {known}'
    ),
    "bs.value.digits": 'forventede {width} cifre, fik "{got}"',
    "bs.value.date": 'forventede en dato som DDMMÅÅ, fik "{got}"',
    "bs.value.expected": 'forventede "{expected}", fik "{got}"',
    "bs.value.sign": 'forventede fortegnskode 0, 1 eller 2, fik "{got}"',
    "bs.value.card_type": 'forventede en kortartkode med 2 cifre, fik "{got}"',
    "bs.trailer.count": "{trailer} siger {stated} {what}, men der er {found}",
    "bs.trailer.net": ("{trailer} siger nettobeløb {stated}, men beløbsrecordene giver {found}"),
    "bs.trailer.section_end": "sektionsslut",
    "bs.trailer.delivery_end": "leveranceslut",
    "bs.what.count_042": "beløbsrecords (BS042)",
    "bs.what.count_052": "tekstrecords (BS052/BS062)",
    "bs.what.count_022": "navn/adresse-records (BS022)",
    "bs.what.sections": "sektioner",
    "bs.mandate.dates": "aftalens slutdato {end} ligger før dens startdato {start}",
}

_BS_FIELDS: dict[str, str] = {
    "bs.field.record_type": "recordtype",
    "bs.field.delivery_type": "leverancetype",
    "bs.field.delivery_id": "leveranceidentifikation",
    "bs.field.created": "dannelsesdato",
    "bs.field.data_supplier": "dataleverandørnr.",
    "bs.field.pbs_number": "PBS-nr.",
    "bs.field.section": "sektionsnr.",
    "bs.field.transaction_code": "transaktionskode",
    "bs.field.debtor_group": "debitorgruppenr.",
    "bs.field.customer_number": "kundenr.",
    "bs.field.mandate_number": "aftalenr.",
    "bs.field.payment_date": "betalingsdato",
    "bs.field.sign": "fortegnskode",
    "bs.field.amount": "beløb",
    "bs.field.reference": "reference",
    "bs.field.paid_on": "indbetalingsdato",
    "bs.field.booked_on": "bogføringsdato",
    "bs.field.paid_amount": "indbetalt beløb",
    "bs.field.card_type": "kortartkode",
    "bs.field.payer_id": "betaleridentifikation",
    "bs.field.sections": "antal sektioner",
    "bs.field.count_042": "antal BS042",
    "bs.field.count_052": "antal BS052/BS062",
    "bs.field.count_022": "antal BS022",
    "bs.field.net": "nettobeløb",
    "bs.field.start_date": "startdato",
    "bs.field.end_date": "slutdato",
}

_FI: dict[str, str] = {
    "fi.card_type": ('forventede kortart 71 (indbetalingskort med betalings-id), fik "{got}"'),
    "fi.archive_twice": "samme arkivreference står allerede i linje {first}",
}

_XML: dict[str, str] = {
    "xml.syntax": "filen er ikke gyldig XML (XML-læserens besked: {reason})",
    "xml.doctype": (
        "filen har en dokumenttypeerklæring (DOCTYPE); en ISO 20022-meddelelse har ingen, "
        "og heatbill læser ikke filer med en"
    ),
}

_CAMT: dict[str, str] = {
    "camt.namespace": (
        "forventede et camt.053-kontoudtog (Document i urn:iso:std:iso:20022:tech:xsd:"
        'camt.053.001.NN, version {versions}), fik "{got}"'
    ),
    "camt.missing": "elementet {element} mangler",
    "camt.amount": 'forventede et beløb som 1234.56 (højst 2 decimaler), fik "{got}"',
    "camt.direction": 'forventede CRDT eller DBIT, fik "{got}"',
    "camt.date": 'forventede en dato som 2026-03-02, fik "{got}"',
    "camt.balance_missing": "kontoudtoget har ingen saldo af typen {codes}",
    "camt.unbalanced": (
        "primosaldo {opening} plus de bogførte posteringer {moved} giver {expected}, men "
        "slutsaldoen er {closing}"
    ),
    "camt.entry_parts": (
        "transaktionerne i posteringen giver {parts}, men posteringens beløb er {entry}"
    ),
    "camt.currency": "beløbet er i {got}; heatbill bogfører kun {expected}",
}

_PAIN: dict[str, str] = {
    "pain.source": "betalingsfil (pain.001) {message_id}",
    "pain.refund": "tilbagebetaling {index} ({id}): {message}",
    "pain.field": "felt {field}: {message}",
    "pain.empty": "filen har ingen tilbagebetalinger",
    "pain.naive_time": "dannelsestidspunktet skal have en tidszone",
    "pain.twice": "samme end-to-end-id som tilbagebetaling {first}",
    "pain.blank": "må ikke være tomt",
    "pain.too_long": "er {length} tegn, men feltet har kun plads til {width}",
    "pain.charset": (
        '"{text}" indeholder tegn, som banken ikke tager imod (ISO-8859-1, ingen linjeskift)'
    ),
    "pain.amount": "beløbet skal være større end 0, fik {got}",
    "pain.iban": '"{got}" er ikke et gyldigt IBAN (kontrolcifrene passer ikke)',
    "pain.bic": 'forventede en BIC med 8 eller 11 tegn, fik "{got}"',
    "pain.bban": 'forventede reg.nr. med 4 cifre og kontonr. med højst 10 cifre, fik "{got}"',
    "pain.nemkonto_agreement": (
        "udbetaling til NemKonto kræver en NemKonto-aftale med banken (kun for offentlige "
        "myndigheder); brug kundens kontonummer"
    ),
    "pain.nemkonto_id": (
        "NemKonto findes ud fra et CPR-nummer (10 cifre) eller CVR-nummer (8 cifre)"
    ),
    "pain.field.message_id": "meddelelses-id",
    "pain.field.debtor_name": "afsenders navn",
    "pain.field.debtor_iban": "afsenders IBAN",
    "pain.field.bic": "BIC",
    "pain.field.end_to_end_id": "end-to-end-id",
    "pain.field.creditor_name": "modtagers navn",
    "pain.field.remittance": "tekst til modtager",
    "pain.field.amount": "beløb",
    "pain.field.account": "modtagers konto",
}

MESSAGES: dict[str, str] = _BS_MESSAGES | _BS_FIELDS | _FI | _XML | _CAMT | _PAIN
