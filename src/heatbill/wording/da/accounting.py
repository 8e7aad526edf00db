"""Accounting: GL and SAF-T exports, the reconciliation, statements and ageing."""

MESSAGES: dict[str, str] = {
    "accounting.gl.reverses": "{text} (tilbagefører bilag {entry_id})",
    "accounting.saft.vat": "Moms",
    "accounting.saft.vat_standard": "Udgående moms 25 %",
    "accounting.customer_unknown": "Kunde {customer_id}",
    "accounting.reason.installment": "Acontorater",
    "accounting.reason.annual_settlement": "Årsafregninger",
    "accounting.reason.move_settlement": "Flytteafregninger",
    "accounting.reason.charge": "Øvrige opkrævninger",
    "accounting.reason.fee": "Gebyrer",
    "accounting.reason.interest": "Morarenter",
    "accounting.reason.payment": "Indbetalinger",
    "accounting.reason.clearing": "Udligninger",
    "accounting.reason.refund": "Tilbagebetalinger",
    "accounting.reason.deposit": "Depositum",
    "accounting.reason.write_off": "Afskrivninger",
    "accounting.reason.reversal": "Tilbageførsler",
    "accounting.reason.opening_balance": "Primosaldi",
    # CLI
    "accounting.cli.bad_period": "--to ({end}) ligger før --from ({start})",
    "accounting.cli.written": "{what} skrevet til {path}: {count} linjer",
    "accounting.cli.saft_written": (
        "SAF-T skrevet til {path}: {entries} posteringer, debet {debit} = kredit {credit}"
    ),
    "accounting.what.gl": "Finanseksport",
    "accounting.recon.title": "Afstemning af debitorer pr. {on}",
    "accounting.recon.subledger": "Debitorsaldo (posteringer på debitorer)",
    "accounting.recon.open_items": "Åbne poster i alt (restbeløb)",
    "accounting.recon.control": "Samlekonto {number} {name} i finans",
    "accounting.recon.balanced": "Afstemt: debitorer = åbne poster = samlekonto ✓",
    "accounting.recon.unbalanced": "IKKE AFSTEMT: forskellene står nedenfor",
    "accounting.recon.differences_title": "Forskelle pr. kunde",
    "accounting.recon.control_difference": (
        "Samlekontoen afviger fra debitorsaldoen med {difference}"
    ),
    "accounting.col.figure": "Opgørelse",
    "accounting.col.amount": "Beløb",
    "accounting.col.customer": "Kunde",
    "accounting.col.subledger": "Debitorsaldo",
    "accounting.col.open_items": "Åbne poster",
    "accounting.col.difference": "Forskel",
}
