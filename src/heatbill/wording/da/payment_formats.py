"""Payment formats bills carry or send: FI payment ids and lines, Betalingsservice 0601
deliveries, OIOUBL e-invoices. A refused delivery reads "{source}: {message}"
(formats.problem.file), each message naming the collection and the field.
"""

_PAYMENT_ID: dict[str, str] = {
    "payment.id.payload": (
        "et betalings-id bygger på et helt tal med højst {digits} cifre (0 eller større), "
        "fik {payload}"
    ),
    "payment.id.format": 'et betalings-id er 15 cifre, fik "{got}"',
    "payment.id.check_digit": (
        'betalings-id "{got}" har forkert kontrolciffer; det er sikkert skrevet forkert'
    ),
    "payment.id.open_item": (
        "en åben post skal have et id fra 1 til 99.999.999.999.999 for at få et betalings-id, "
        "fik {open_item_id}"
    ),
    "payment.creditor.format": (
        'FI-kreditornummeret skal være 8 cifre og begynde med 8, fik "{got}"'
    ),
}

_BETALINGSSERVICE: dict[str, str] = {
    "bs0601.source": "Betalingsservice-leverance 0601 nr. {number}",
    "bs0601.creditor": "kreditor, felt {field}: {message}",
    "bs0601.collection": "opkrævning {index} (kundenr. {customer}), felt {field}: {message}",
    "bs0601.empty": "leverancen har ingen opkrævninger",
    "bs0601.digits": "skal være et helt tal med {low} til {high} cifre, fik {got}",
    "bs0601.exact_digits": 'skal være {width} cifre, fik "{got}"',
    "bs0601.range": "skal være et helt tal fra {low} til {high}, fik {got}",
    "bs0601.too_long": '"{text}" er {length} tegn, men feltet har kun plads til {width}',
    "bs0601.charset": (
        '"{text}" indeholder tegn, som ikke kan skrives i leverancen (ISO-8859-1, ingen '
        "linjeskift eller tabulatorer)"
    ),
    "bs0601.blank": "må ikke være tomt",
    "bs0601.amount": "beløbet skal være større end 0 og højst {high}, fik {got}",
    "bs0601.due_date": "forfaldsdatoen {due} ligger før leverancens dato {created}",
    "bs0601.address_lines": "højst {high} adresselinjer, fik {got}",
    "bs0601.postcode": 'forventede et postnummer med 4 cifre, fik "{got}"',
    "bs0601.field.data_supplier": "dataleverandørnummer",
    "bs0601.field.subsystem": "delsystem",
    "bs0601.field.pbs_number": "PBS-nummer",
    "bs0601.field.debtor_group": "debitorgruppe",
    "bs0601.field.user_id": "brugeridentifikation",
    "bs0601.field.reg_number": "reg.nr.",
    "bs0601.field.account_number": "kontonr.",
    "bs0601.field.heading": "overskrift",
    "bs0601.field.delivery_number": "leverancenummer",
    "bs0601.field.customer_number": "kundenummer",
    "bs0601.field.mandate_number": "aftalenummer",
    "bs0601.field.amount": "beløb",
    "bs0601.field.due_date": "forfaldsdato",
    "bs0601.field.reference": "reference",
    "bs0601.field.text_line": "tekstlinje {number}",
    "bs0601.field.name": "navn",
    "bs0601.field.address": "adresse",
    "bs0601.field.postcode": "postnummer",
    "bs0601.field.country": "landekode",
}

_OIOUBL: dict[str, str] = {
    "oioubl.no_lines": "en e-faktura skal have mindst én linje",
    "oioubl.line_amount": (
        "linje {number} ({description}): beløbet {amount} er ikke mængden {quantity} gange "
        "prisen {price} kr. afrundet til øre ({expected})"
    ),
    "oioubl.credit_note_reference": ("en kreditnota skal henvise til den faktura, den krediterer"),
    "oioubl.invoice_reference": "kun en kreditnota henviser til en faktura, den krediterer",
    "oioubl.payment_on_credit_note": (
        "en kreditnota har ingen betalingsoplysninger (FI-kort): kunden skal ikke betale"
    ),
    "oioubl.due_date": "forfaldsdatoen {due} ligger før fakturadatoen {issued}",
}

MESSAGES: dict[str, str] = _PAYMENT_ID | _BETALINGSSERVICE | _OIOUBL
