"""`heatbill bills …`, `heatbill charge …` and `heatbill connection …`: help and messages.

Plain text printed as is (no rich markup). Dates dd-mm-åååå; amounts already formatted
(`1.234,56 kr.`).
"""

_BILLS: dict[str, str] = {
    "cli.bills.app": "Regninger: vis, rettelser, OIOUBL og Betalingsservice.",
    "cli.bills.list": (
        "Vis regninger: for én kunde (kunde-id), ét målested, én slags eller én dato."
    ),
    "cli.bills.show": (
        "Vis en regning med linjer, moms, forfaldsdato, indbetalingslinje og rettelser."
    ),
    "cli.bills.oioubl": (
        "Skriv OIOUBL-fakturaen (eller kreditnotaen) for en kunde med EAN-nummer."
    ),
    "cli.bills.betalingsservice": (
        "Skriv Betalingsservice-leverancen 0601 for regningerne udstedt på en dato til kunder "
        "med en gældende betalingsaftale (indlæst med heatbill import mandates)."
    ),
    "cli.bills.correct": (
        "Ret en års- eller flytteafregning ud fra aflæsningerne, som de er nu: en kreditnota "
        "og en ny regning, knyttet til hinanden."
    ),
    "cli.opt.customer": "Kundens id (kolonnen Id i `heatbill customers show`).",
    "cli.opt.bill_installation": "Kun regninger på dette målested.",
    "cli.opt.bill_kind": (
        "Kun denne slags: rate, aarsafregning, flytteafregning, gebyr, kreditnota, "
        "tilslutning, udtraedelse."
    ),
    "cli.opt.issued_on": "Kun regninger udstedt på denne dato.",
    "cli.opt.bill_number": "Regningens nummer, som det står på regningen.",
    "cli.opt.output": "Skriv til denne fil (ellers til standard output).",
    "cli.opt.bs_date": "Udstedelsesdatoen for regningerne der opkræves.",
    "cli.opt.debtor_group": "Debitorgruppenummer i Betalingsservice-aftalen.",
    "cli.opt.reg_no": "Værkets registreringsnummer (4 cifre).",
    "cli.opt.account_no": "Værkets kontonummer (op til 10 cifre).",
    "cli.opt.delivery_number": "Leverancens løbenummer (standard: datoen som ÅÅÅÅMMDD).",
    "cli.opt.correct_reason": "Hvorfor afregningen rettes; står på kreditnotaen.",
    "cli.opt.correct_by": "Hvem der retter (navn eller initialer).",
    "cli.opt.correct_date": "Rettelsens dato (standard: i dag).",
    "cli.opt.dry_run": "Beregn det samme, men bogfør intet.",
    "bills.not_found": "regning {number} findes ikke",
    "bills.no_ean": (
        "regning {number} går til {name}, som ikke har et EAN-nummer; OIOUBL sendes kun til "
        "kunder med EAN-nummer"
    ),
    "bills.bs.no_pbs": (
        "værket {code} har intet PBS-nummer; opret værket med --pbs for at bruge Betalingsservice"
    ),
    "bills.bs.nothing": (
        "ingen regninger udstedt {day} til kunder med betalingsaftale har et beløb at opkræve"
    ),
    "bills.kind.installment": "Acontorate",
    "bills.kind.annual_settlement": "Årsafregning",
    "bills.kind.move_settlement": "Flytteafregning",
    "bills.kind.charge": "Gebyr",
    "bills.kind.credit_note": "Kreditnota",
    "bills.kind.connection": "Tilslutningsbidrag",
    "bills.kind.exit": "Udtrædelse",
    "bills.col.number": "Nummer",
    "bills.col.kind": "Slags",
    "bills.col.customer": "Kunde",
    "bills.col.installation": "Målested",
    "bills.col.period": "Periode",
    "bills.col.issued": "Udstedt",
    "bills.col.due": "Forfald",
    "bills.col.total": "I alt",
    "bills.col.corrects": "Retter",
    "bills.col.text": "Tekst",
    "bills.col.quantity": "Mængde",
    "bills.col.rate": "Sats",
    "bills.col.amount": "Beløb",
    "bills.col.vat": "Moms",
    "bills.col.clause": "Hjemmel",
    "bills.list_title": "Regninger",
    "bills.none": "Ingen regninger.",
    "bills.show.head": "{kind} {number}",
    "bills.show.revision": "{kind} {number} (revision {revision})",
    "bills.show.customer": "Kunde: {name} (kunde {customer_id}), målested {installation}",
    "bills.show.dates": "Periode {start} – {end} · udstedt {issued} · forfalder {due}",
    "bills.show.net": "Beløb uden moms: {amount}",
    "bills.show.vat": "Moms: {amount}",
    "bills.show.total": "I alt: {amount}",
    "bills.show.fi_line": "Indbetalingslinje: {line}",
    "bills.show.nothing_to_pay": "Intet at betale: beløbet står til kundens gode.",
    "bills.show.no_fi_line": "Ingen indbetalingslinje: {reason}",
    "bills.show.corrects": "Retter regning {number}",
    "bills.show.corrected_by": "Rettet af {kind} {number}",
    "bills.show.ean": "Sendes som OIOUBL-faktura til EAN {ean}",
    "bills.oioubl.written": "OIOUBL for regning {number} er skrevet til {path}",
    "bills.bs.written": (
        "Betalingsservice-leverance {delivery} ({day}) er skrevet til {path}: "
        "{count} opkrævninger, i alt {amount}"
    ),
    "bills.bs.left_out": "Ikke opkrævet (intet at betale): {numbers}",
    "bills.correct.done": (
        "Regning {original} er rettet: kreditnota {note} ({note_total}) og ny regning {new} "
        "({new_total}); forskel {difference}"
    ),
    "bills.correct.dry": (
        "Prøvekørsel, intet er bogført: regning {original} ville få en kreditnota på "
        "{note_total} og en ny regning på {new_total}; forskel {difference}"
    ),
    "bills.correct.reason": "{reason} ({by})",
}

_CHARGE_CLI: dict[str, str] = {
    "cli.charge.app": "Enkeltstående gebyrer efter takstbladet, og tilbageførsel af dem.",
    "cli.charge.one_off": (
        "Opkræv et gebyr efter takstbladet hos målestedets kunde på datoen "
        "(ekstra aflæsning, målerafprøvning, arbejder for ejerens regning …)."
    ),
    "cli.charge.meter_test_refund": (
        "Tilbagefør målerafprøvningen (eller aflæsningen), når måleren viste uden for tilladt "
        "afvigelse (vestervig 5.11)."
    ),
    "cli.opt.fee_kind": (
        "Gebyret: ekstra-aflaesning, maalerafproevning, flytning-af-stik, omlaegning-af-stik, "
        "nedtagning-af-maaler, genetablering-af-maaler, regningskopi, paavisning, "
        "forgaeves-fremmoede."
    ),
    "cli.opt.charge_date": "Gebyrets dato.",
    "cli.opt.charge_reason": "Hvorfor eller hvad der er udført; står på regningen.",
    "cli.opt.cost": "Faktisk pris uden moms for arbejder for ejerens regning, fx 9.000,00.",
    "cli.opt.charged_on": "Datoen gebyret blev opkrævet.",
    "cli.opt.refund_date": "Tilbageførslens dato (standard: i dag).",
    "cli.arg.amount": '{option}: forventede et beløb som 1.234,56, fik "{got}"',
    "charge.cli.done": ("{kind} {number}: {text}, {total} hos {installation}, forfalder {due}"),
    "charge.cli.already": "Findes allerede (intet nyt bogført): ",
}

_CONNECTION_CLI: dict[str, str] = {
    "cli.connection.app": "Tilslutningsbidrag og udtrædelse (vestervig 2.6–2.19).",
    "cli.connection.bill": (
        "Opkræv tilslutningsbidraget hos ejeren; forfalder før stikledningen lægges."
    ),
    "cli.connection.exit": (
        "Udtrædelse: tidligste udtrædelsesdato for opsigelsen, opgørelsen a–e og regningen for c–e."
    ),
    "cli.opt.trace_m": "Stikledningens tracé i meter fra hovedledning til sokkel.",
    "cli.opt.development_area": "Ejendommen ligger i et byggemodningsområde.",
    "cli.opt.pipe_laid_on": "Datoen stikledningen lægges.",
    "cli.opt.bill_date": "Regningens dato (standard: i dag).",
    "cli.opt.notice_date": "Datoen ejerens skriftlige opsigelse er modtaget.",
    "cli.opt.annual_statement": "a. Bidrag i henhold til årsopgørelse (kr.).",
    "cli.opt.owed": "b. Skyldige bidrag (kr.).",
    "cli.opt.disconnection": "c. Afbrydelse af stikledningen, uden moms (kr.).",
    "cli.opt.pipe_removal": "d. Fjernelse af ledninger på ejendommen, uden moms (kr.).",
    "cli.opt.plant_cost": "e. Anlægsudgifter i regnskabet (kr.).",
    "cli.opt.depreciation": "e. Afskrivninger indtil nu (kr.).",
    "cli.opt.connection_value": "e. Målestedets tilslutningsværdi.",
    "cli.opt.total_connection_value": "e. Værkets samlede tilslutningsværdi.",
    "cli.opt.capacity_transferred": "Kapaciteten overtages af en anden (intet punkt e).",
    "cli.opt.compensation_vat": "Moms på punkt e: udenfor, fritaget eller standard.",
    "cli.opt.membership_date": "Hvornår ejeren blev medlem (standard: kundeforholdets start).",
    "cli.arg.plant_figures": (
        "punkt e kræver alle fire: --plant-cost, --depreciation, --connection-value og "
        "--total-connection-value"
    ),
    "connection.cli.done": (
        "Tilslutningsbidrag {number} hos {installation}: {total} (heraf moms {vat}), "
        "forfalder {due}"
    ),
    "exit.cli.date": "Tidligste udtrædelsesdato: {day} ({clause})",
    "exit.cli.item": "{text}: {amount}{vat}",
    "exit.cli.item_vat": " + moms {vat}",
    "exit.cli.to_pay": "At betale i alt: {amount}",
    "exit.cli.bill": "Udtrædelsesregning {number}: {total}, forfalder {due}",
    "exit.cli.no_bill": "Ingen udtrædelsesregning: punkt c–e er 0 kr.",
}

MESSAGES: dict[str, str] = _BILLS | _CHARGE_CLI | _CONNECTION_CLI
