"""Rulebooks and tariff sheets on screen: headings, columns and labels of `rulebook show/diff`."""

_SECTIONS: dict[str, str] = {
    "rulebook.section.general": "Generelt",
    "rulebook.section.installments": "Aconto-rater",
    "rulebook.section.due_dates": "Betalingsfrister",
    "rulebook.section.settlement": "Årsafregning og flytteafregning",
    "rulebook.section.reminders": "Rykkere",
    "rulebook.section.payment_plans": "Betalingsordninger",
    "rulebook.section.collection_notice": "Inkassomeddelelse",
    "rulebook.section.closing": "Lukning",
    "rulebook.section.reopening": "Genoplukning",
    "rulebook.section.securities": "Sikkerhedsstillelse",
    "rulebook.section.moves": "Ejer- og lejerskifte",
    "rulebook.section.exit": "Udtræden",
    "rulebook.section.interest": "Morarenter",
    "rulebook.section.clearing": "Betalingsrækkefølge",
    "rulebook.section.letters": "Breve og kanaler",
    "rulebook.section.fee_caps": "Gebyrlofter",
}

_BASIS: dict[str, str] = {
    "rulebook.basis.document": "dokumentet",
    "rulebook.basis.tariff-sheet": "takstbladet",
    "rulebook.basis.dansk-fjernvarme-6.13": "Dansk Fjernvarme (vestervig 6.13)",
    "rulebook.basis.guidance": "vejledning",
    "rulebook.basis.law": "lov",
    "rulebook.basis.setting": "indstilling",
    "rulebook.basis.illustrative": "illustrativ – skal kontrolleres",
}

_VIEW: dict[str, str] = {
    "rulebook.view.title": "Regelsæt {name}: {title}",
    "rulebook.view.subtitle": "Dokument: {document} · gyldigt fra {valid_from}",
    "rulebook.view.col.parameter": "Parameter",
    "rulebook.view.col.value": "Værdi",
    "rulebook.view.col.clause": "Hjemmel",
    "rulebook.view.col.basis": "Grundlag",
    "rulebook.view.absent": "—",
    "rulebook.view.exit_rule": "{months} mdr. varsel til {until}",
    "rulebook.view.exit.financial_year_end": "regnskabsårets udløb",
    "rulebook.view.exit.month_end": "udgangen af en måned",
    "rulebook.view.exit.members_from": "medlemmer fra {day}",
    "rulebook.view.exit.members_before": "medlemmer før {day}",
    "rulebook.view.exit.after": "tidligst efter {months} mdr. medlemskab",
    "rulebook.diff.title": "Forskelle mellem {a} og {b}",
    "rulebook.diff.none": "Ingen forskelle mellem {a} og {b}.",
    "rulebook.diff.count": "{count} parametre er forskellige.",
    "rulebook.list.title": "Indbyggede regelsæt",
    "rulebook.list.col.name": "Navn",
    "rulebook.list.col.title": "Titel",
    "rulebook.list.col.valid_from": "Gyldigt fra",
    "rulebook.list.col.tariffs": "Takstblad",
}

_TARIFF: dict[str, str] = {
    "rulebook.tariff.title": "Takstblad {name}: {title}",
    "rulebook.tariff.source": "Kilde: {source}",
    "rulebook.tariff.period": "Priser fra {valid_from} ({clause}, {basis})",
    "rulebook.tariff.fees": "Gebyrer fra {valid_from}",
    "rulebook.tariff.col.item": "Post",
    "rulebook.tariff.col.ex_vat": "Ekskl. moms",
    "rulebook.tariff.col.incl_vat": "Inkl. moms",
    "rulebook.tariff.col.vat": "Moms",
    "rulebook.tariff.energy": "Forbrugsbidrag, kr./MWh",
    "rulebook.tariff.subscription": "Abonnement, kr./år",
    "rulebook.tariff.capacity.area_m2": "Effektbidrag, kr./m² BBR-areal pr. år",
    "rulebook.tariff.capacity.building_m3": "Fast bidrag, kr./m³ rumfang pr. år",
    "rulebook.tariff.capacity.installation": "Effektbidrag, kr. pr. installation pr. år",
    "rulebook.tariff.water_volume": "Vandmængde, kr./m³",
    "rulebook.tariff.meter_rent": "Målerleje ({size}), kr./år",
    "rulebook.tariff.cooling.cooling": "Afkølingstarif pr. °C afkøling under {target} °C, {unit}",
    "rulebook.tariff.cooling.return_temperature": (
        "Afkølingstarif pr. °C returtemperatur over {target} °C, {unit}"
    ),
    "rulebook.tariff.cooling.kr_per_mwh": "kr./MWh",
    "rulebook.tariff.cooling.percent_of_energy": "% af forbrugsbidraget",
    "rulebook.tariff.vat.outside": "uden for momsområdet",
    "rulebook.tariff.vat.exempt": "momsfritaget",
    "rulebook.tariff.vat.standard": "25 % moms",
}

_FEES: dict[str, str] = {
    "rulebook.fee.reminder": "Rykkerskrivelse",
    "rulebook.fee.collection_notice": "Inkassomeddelelse",
    "rulebook.fee.closing_visit": "Lukkebesøg",
    "rulebook.fee.reopening": "Genoplukning inden for normal åbningstid",
    "rulebook.fee.payment_plan": "Betalingsordning",
    "rulebook.fee.bailiff_visit": "Fogedforretning, udkørende",
    "rulebook.fee.move_statement_self_reading": "Flytteopgørelse ved selvaflæsning",
    "rulebook.fee.move_statement_reading_visit": "Flytteopgørelse ved aflæsningsbesøg",
    "rulebook.fee.meter_removal": "Nedtagning af måler",
    "rulebook.fee.meter_refitting": "Genetablering af måler",
    "rulebook.fee.extra_reading": "Ekstraordinær måleraflæsning",
    "rulebook.fee.missing_annual_reading": "Måleraflæsning ved manglende årsaflæsning",
    "rulebook.fee.self_reading_card_reminder": "Rykker for selvaflæsningskort",
    "rulebook.fee.bill_copy": "Udskrift af regningskopi",
    "rulebook.fee.pipe_location": "Påvisning af ledning/stik på stedet",
    "rulebook.fee.missed_appointment": "Forgæves fremmøde",
}

MESSAGES: dict[str, str] = _SECTIONS | _BASIS | _VIEW | _TARIFF | _FEES
