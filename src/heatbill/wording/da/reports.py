"""Customer reports: the statement (kontoudtog) and the debtor list (debitorliste)."""

MESSAGES: dict[str, str] = {
    "reports.customer_unknown": "kunde {customer} findes hverken i registret eller debitorbogen",
    "reports.installation_without_customer": "målested {number} har ingen kunde pr. {on}",
    "reports.cli.customer_or_installation": "angiv enten et kundenummer eller --installation",
    "reports.what.statement": "Kontoudtog",
    "reports.what.debtors": "Debitorliste",
    # the statement
    "reports.statement.title": "Kontoudtog for kunde {customer}{who}, {first} – {last}",
    "reports.statement.opening": "Saldo primo",
    "reports.statement.closing": "Saldo ultimo",
    "reports.statement.open_title": "Åbne poster pr. {on}",
    "reports.statement.open_total": "Åbne poster i alt",
    "reports.statement.reconciled": (
        "Afstemt: primo {opening} + bevægelser {movements} = ultimo {closing} = åbne poster ✓"
    ),
    "reports.statement.unreconciled": (
        "IKKE AFSTEMT: primo {opening} + bevægelser {movements}, ultimo {closing}, "
        "åbne poster {open}"
    ),
    "reports.col.date": "Dato",
    "reports.col.entry": "Bilag",
    "reports.col.kind": "Art",
    "reports.col.text": "Tekst",
    "reports.col.reference": "Reference",
    "reports.col.due": "Forfald",
    "reports.col.payment": "Betaling",
    "reports.col.amount": "Beløb",
    "reports.col.balance": "Saldo",
    "reports.col.residual": "Restbeløb",
    "reports.col.customer": "Kunde",
    "reports.col.name": "Navn",
    "reports.col.installation": "Målested",
    "reports.col.address": "Adresse",
    "reports.col.overdue": "Heraf forfaldent",
    "reports.col.oldest_due": "Ældste forfald",
    "reports.col.claims": "Krav",
    "reports.col.credit": "Tilgodehavende",
    "reports.total": "I alt",
    "reports.movement.opening": "Primo",
    "reports.movement.closing": "Ultimo",
    "reports.movement.bill": "Regning",
    "reports.movement.charge": "Opkrævning",
    "reports.movement.fee": "Gebyr",
    "reports.movement.interest": "Renter",
    "reports.movement.payment": "Indbetaling",
    "reports.movement.clearing": "Modregning",
    "reports.movement.charge_back": "Tilbageført betaling",
    "reports.movement.reversal": "Tilbageførsel",
    "reports.movement.refund": "Tilbagebetaling",
    "reports.movement.write_off": "Afskrivning",
    "reports.item.principal": "Varme",
    "reports.item.fee": "Gebyr",
    "reports.item.interest": "Renter",
    "reports.item.credit": "Tilgodehavende",
    "reports.source.betalingsservice": "Betalingsservice",
    "reports.source.fi": "FI-kort",
    "reports.source.bank": "Bankoverførsel",
    "reports.match.payment_id": "fundet ved betalings-id",
    "reports.match.bs_customer": "fundet ved kundenummer",
    "reports.match.assigned": "tildelt af medarbejder",
    "reports.match.charge_back": "tilbageført af betalers bank",
    "reports.reverses": "{text} (tilbagefører bilag {entry_id})",
    # the debtor list
    "reports.debtors.title": "Debitorliste pr. {on}",
    "reports.debtors.all": "I alt, {count} kunder",
    "reports.debtors.none": "Ingen kunder med saldo pr. {on}.",
    "reports.debtors.reconciled": (
        "Saldi i alt {balance} = krav {claims} + tilgodehavender {credit} = åbne poster ✓"
    ),
    "reports.debtors.unreconciled": (
        "IKKE AFSTEMT: saldi i alt {balance}, krav {claims} + tilgodehavender {credit}"
    ),
    # sheets
    "reports.sheet.statement": "Kontoudtog",
    "reports.sheet.open_items": "Åbne poster",
    "reports.sheet.debtors": "Debitorliste",
    "reports.sheet.ageing": "Aldersfordeling",
}
