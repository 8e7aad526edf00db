"""Security deposits and guarantees (sikkerhedsstillelse): assessment, demand, record, release."""

_DOMAIN: dict[str, str] = {
    "securities.note_required": (
        "skriv den individuelle bedømmelse af kundens forhold (--note); den kræves før der "
        "stilles krav om sikkerhed ({clause})"
    ),
    "securities.not_eligible": (
        "der kan ikke kræves sikkerhed: kunden har {count} betalinger mindst {days} dage for "
        "sent inden for {months} måneder (kræver {needed}) og ingen gammel gæld ({clause})"
    ),
    "securities.amount_not_positive": "sikkerhedens beløb skal være større end 0,00 kr.",
    "securities.form_not_allowed": (
        "sikkerhedsformen {form} er ikke tilladt efter regelsættet ({clause}); tilladt: {allowed}"
    ),
    "securities.expired": "garantien er udløbet ({day}); angiv en udløbsdato efter i dag",
    "securities.step_note": "Krav om sikkerhed nr. {demand}: {amount}",
    "securities.form.cash_deposit": "kontant depositum",
    "securities.form.bank_guarantee": "bankgaranti",
    "securities.form.surety_insurance": "kautionsforsikring",
    "securities.form.social_services_guarantee": "garanti fra den sociale forvaltning",
    "securities.form.prepayment": "forudbetaling",
    "securities.form.other_sufficient": "anden tilstrækkelig sikkerhed",
    "securities.ground.late_payments": "gentagne væsentlige overskridelser af betalingsfristerne",
    "securities.ground.old_debt": "ubetalt gæld fra et tidligere kundeforhold",
    "securities.consequence": (
        "Stilles sikkerheden ikke inden fristen, kan forsyningen blive afbrudt, efter at du "
        "skriftligt er varslet om afbrydelsen."
    ),
    "securities.entry.deposit": "Depositum {security} indbetalt, kunde {customer}",
    "securities.entry.release": "Depositum {security} frigivet, kunde {customer}",
    "securities.event.provided": "Sikkerhed {security} stillet: {form}, {amount}",
    "securities.event.released.on_time": "Sikkerhed {security} frigivet efter rettidig betaling",
    "securities.event.released.lapsed": "Sikkerhed {security} bortfaldet ved udløb",
    "securities.release.on_time": "du har betalt til tiden i den fastsatte periode",
    "securities.release.lapsed": "garantien er udløbet",
}

_CLI: dict[str, str] = {
    "cli.security.app": "Sikkerhedsstillelse: vurdering, krav, depositum og garantier.",
    "cli.security.opt.customer": "Kundenummer (kundeforholdets id).",
    "cli.security.opt.date": "Dato, fx 01-06-2026 (standard: i dag).",
    "cli.security.opt.by": "Hvem der registrerer (initialer).",
    "cli.security.opt.note": "Den individuelle bedømmelse af kundens forhold.",
    "cli.security.opt.amount": "Beløb i kr., fx 5.000,00 (standard: efter regelsættet).",
    "cli.security.opt.form": (
        "Form: cash_deposit, bank_guarantee, surety_insurance, social_services_guarantee, "
        "prepayment, other_sufficient."
    ),
    "cli.security.opt.provider": "Hvem der stiller garantien (bank, forsikring, kommune).",
    "cli.security.opt.ref": "Garantiens nummer hos udstederen.",
    "cli.security.opt.expires": "Garantiens udløbsdato, fx 31-12-2026.",
    "cli.security.opt.dry_run": "Vis hvad der ville ske, uden at bogføre.",
    "cli.security.assess": "Vurder om der kan kræves sikkerhed: sene betalinger, gæld, beløb.",
    "cli.security.demand": "Kræv sikkerhed efter individuel bedømmelse (brev med frist).",
    "cli.security.record": "Registrér stillet sikkerhed: depositum eller garanti.",
    "cli.security.list": "Alle krav om sikkerhed og alle stillede sikkerheder.",
    "cli.security.run": "Frigiv sikkerheder efter rettidig betaling, og garantier der udløber.",
    "cli.security.heading": "Kunde {customer}: betalinger fra {since} til {on}",
    "cli.security.late_title": "Betalinger for sent",
    "cli.security.col.reference": "Regning",
    "cli.security.col.due": "Forfald",
    "cli.security.col.paid": "Betalt",
    "cli.security.col.days": "Dage for sent",
    "cli.security.col.amount": "Beløb",
    "cli.security.col.security": "Nr.",
    "cli.security.col.customer": "Kunde",
    "cli.security.col.form": "Form",
    "cli.security.col.provider": "Udsteder",
    "cli.security.col.given": "Stillet",
    "cli.security.col.expires": "Udløber",
    "cli.security.col.released": "Frigivet",
    "cli.security.unpaid": "ikke betalt",
    "cli.security.old_debt": "Gammel gæld fra tidligere kundeforhold: {amount}",
    "cli.security.eligible": "Grundlag for krav om sikkerhed: {grounds} ({clause})",
    "cli.security.not_eligible": "Intet grundlag for krav om sikkerhed ({clause})",
    "cli.security.amount": (
        "Beløb efter regelsættet: {months}/12 af forventet år {year} ({mwh} MWh) = {amount}"
    ),
    "cli.security.demanded": (
        "Krav {demand} om sikkerhed på {amount} med frist {deadline} (registreret på {claims} "
        "krav i inddrivelse)"
    ),
    "cli.security.refused": "Ikke registreret: {reason}",
    "cli.security.recorded": "Sikkerhed {security} registreret: {form}, {amount}",
    "cli.security.list_title": "Sikkerhedsstillelser",
    "cli.security.released.on_time": "frigivet {day}",
    "cli.security.released.lapsed": "udløbet {day}",
    "cli.security.demands": "{count} krav om sikkerhed",
    "cli.security.run_title": "Sikkerheder {day}: {count} frigivet, {held} holdes fortsat",
    "cli.security.run_title_dry": (
        "Prøvekørsel {day}: {count} ville blive frigivet, {held} holdes fortsat"
    ),
    "cli.security.release_line.on_time": (
        "Sikkerhed {security} (kunde {customer}): modregnet {set_off}, tilbagebetales {refund}"
    ),
    "cli.security.release_line.lapsed": "Sikkerhed {security} (kunde {customer}): udløbet",
    "cli.security.amount_arg": "{option}: {got} er ikke et beløb (fx 5.000,00)",
}

MESSAGES: dict[str, str] = _DOMAIN | _CLI
