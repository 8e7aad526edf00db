"""Corrections of bills (credit note and new bill), corrected billed readings, and what a bill
carries for payment: the FI payment line, the e-invoice, the Betalingsservice collection."""

MESSAGES: dict[str, str] = {
    # credit notes and new revisions
    "corrections.credit_note_reference": "Kreditnota {number}",
    "corrections.credit_note_entry": "Kreditnota {number} til regning {original}: {reason}",
    "corrections.credit_note_booking": (
        "en kreditnota bogføres mod den regning, den krediterer (dens postering og åbne post)"
    ),
    "corrections.credit_note_of_credit_note": (
        "{number} er en kreditnota; ret den regning, den hører til"
    ),
    "corrections.not_issued": "regningen er ikke udstedt; der er intet at kreditere",
    "corrections.no_reason": "en rettelse af en regning skal have en begrundelse",
    "corrections.not_a_settlement": (
        "regning {number} er ikke en afregning; kun års- og flytteafregninger genberegnes "
        "ud fra aflæsningerne"
    ),
    "corrections.nothing_changed": (
        "regning {number} bliver den samme med aflæsningerne, som de er nu; der er intet at rette"
    ),
    "corrections.already_corrected": (
        "regning {number} er allerede rettet af regning {new} (kreditnota {note}); "
        "ret regning {new} i stedet"
    ),
    "corrections.bill_not_found": "regning {bill_id} findes ikke",
    # billed readings
    "corrections.reading_not_accepted": (
        "aflæsning {reading_id} er ikke godkendt (status: {status}); "
        "en tilbageholdt aflæsning rettes under gennemgang"
    ),
    "corrections.reading_unchanged": "aflæsning {reading_id} har allerede disse tællerstande",
    # what a bill carries for payment
    "documents.no_fi_creditor": (
        "værket har intet FI-kreditornummer; regningen kan ikke få en indbetalingslinje"
    ),
    "documents.address": (
        "adressen '{address}' kan ikke deles i vejnavn, husnummer, postnummer og by"
    ),
    "documents.collection_not_positive": (
        "regning {number} på {amount} kan ikke opkræves via Betalingsservice"
    ),
    "documents.no_utility": "værk {utility_id} findes ikke",
    "documents.replaces": "Erstatter regning {number}",
    "documents.collection_line": "Regning {number}",
    "documents.collection_period": "Periode {start} - {end}",
    # e-invoices with the VAT as booked on the bill
    "oioubl.given_vat_zero_rated": (
        "linje {number} ({description}) er momsfri, men har moms {vat}"
    ),
    "oioubl.given_vat_off": (
        "momsen {vat} på {what} ligger 1 kr. eller mere fra {rate} % af {amount}"
    ),
}
