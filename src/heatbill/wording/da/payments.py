"""Incoming payments: matching, booking, the clarification list and the import summary."""

MESSAGES: dict[str, str] = {
    "payments.match.bad_payment_id": "betalings-id {ref} har forkert kontrolciffer",
    "payments.match.unknown_payment_id": "betalings-id {ref} svarer ikke til nogen regning",
    "payments.match.unknown_customer": "kundenummer {number} findes ikke",
    "payments.match.no_reference": "betalingen har hverken betalings-id eller kundenummer",
    "payments.match.no_original": "tilbageførsel uden en betaling at tilbageføre",
    "payments.entry.betalingsservice": "Indbetaling via Betalingsservice {ref}",
    "payments.entry.fi": "Indbetaling med indbetalingskort {ref}",
    "payments.entry.bank": "Bankoverførsel {ref}",
    "payments.entry.customer": "kunde {number}",
    "payments.entry.unmatched": "Uafklaret indbetaling: {why}",
    "payments.entry.charge_back": "Tilbageført Betalingsservice-betaling {payment} af {paid_on}",
    "payments.entry.charge_back_unmatched": "Uafklaret tilbageførsel (linje {line})",
    "payments.entry.assigned": "Uafklaret indbetaling {payment} placeret hos kunden: {reason}",
    "payments.import.again": (
        "{name} er allerede indlæst (import {import_id}, {earlier}, {at}); intet er ændret"
    ),
    "payments.import.empty": "{name} indeholder ingen indbetalinger",
    "payments.assign.not_unmatched": "indbetaling {payment} venter ikke på afklaring",
    "payments.assign.unknown": "indbetaling {payment} findes ikke",
    "payments.assign.unknown_customer": "kunde {customer} findes ikke",
    "payments.assign.reason": "skriv hvorfor indbetalingen hører til kunden",
}

MESSAGES.update(
    {
        "mandates.field.customer": "kundenummer",
        "mandates.moved_out": "kunden er fraflyttet; aftalen afmeldes (4rater)",
    }
)
