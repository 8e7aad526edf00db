"""Danish wording of the web app, the API's messages, the portal and web access."""

MESSAGES = {
    "web.api.description": (
        "heatbills REST-API til værkets medarbejdere: kunder, målesteder, aflæsninger, "
        "regninger, konto, indbetalinger, restancesager, afdragsordninger, sikkerheder, "
        "kørsler og regelsæt. Log ind med POST /api/session; skrivninger kræver "
        "X-CSRF-Token. Beløb er i øre (*_ore), datoer ISO 8601."
    ),
    "web.role.read_only": "kun læse",
    "web.role.customer_service": "kundeservice",
    "web.role.collections": "restancer",
    "web.role.admin": "administrator",
    "web.forbidden": "din rolle ({role}) må ikke dette; det kræver {needed}",
    "web.csrf": "formularen er udløbet eller kom ikke fra heatbill (CSRF); prøv igen",
    "web.login.wrong": "forkert brugernavn eller adgangskode",
    "web.login.needed": "log ind først",
    "web.login.expired": "du er logget ud; log ind igen",
    "web.login.throttled": "for mange forkerte forsøg; prøv igen om {minutes} minutter",
    "web.staff.bad_username": (
        "ugyldigt brugernavn: {username!r} (bogstaver og tal, ingen mellemrum)"
    ),
    "web.staff.short_password": "adgangskoden skal være mindst {minimum} tegn",
    "web.staff.added": "Medarbejder {username} ({role}) er oprettet.",
    "web.staff.pins": "Nye pinkoder til {count} målesteder (vises kun nu):",
    "web.utility.unknown": "værket {code!r} findes ikke",
    "web.utility.choose": "vælg et værk",
    "web.settings.https": "HEATBILL_BASE_URL skal være https uden for udvikling (er {url})",
    "web.settings.secret": "{name} skal være sat (mindst 32 tegn) uden for udvikling",
    "web.settings.fixed_day": "HEATBILL_TODAY (fast dato) er kun til demo og udvikling",
    "web.settings.database": "uden for udvikling skal HEATBILL_DATABASE_URL pege på PostgreSQL",
    "web.error.input": "ugyldigt input: {problems}",
    "web.error.http.bad_request": "forkert forespørgsel",
    "web.error.http.not_signed_in": "log ind først",
    "web.error.http.forbidden": "ingen adgang",
    "web.error.http.not_found": "siden findes ikke",
    "web.error.http.method_not_allowed": "metoden er ikke tilladt her",
    "web.error.http.invalid_input": "ugyldigt input",
    "web.error.http.too_many_attempts": "for mange forsøg",
    "web.cpr.none": "part {party} har intet CPR-nummer",
    "web.anonymised_name": "Anonymiseret kunde {party}",
    "web.audit.plan": "{months} måneder fra {start}: {reason}",
    "web.audit.visit_closed": "lukket",
    "web.audit.visit_avoided": "afværget på stedet",
    "web.done.disputed": (
        "Indsigelsen er registreret; ingen gebyrer eller nye trin, før den er afgjort."
    ),
    "web.done.lifted": "Indsigelsen er ophævet; sagen fortsætter, hvor den stod.",
    "web.done.plan": "Afdragsordning bevilget: {count} rater, den første på {amount} den {first}.",
    "web.done.visit": "Besøget er meldt.",
    "web.done.reopening": "Genåbning bestilt ({clause}).",
    "web.done.security": "Sikkerhedsstillelsen er registreret.",
    "web.done.move": "Flytningen er registreret.",
    "web.done.move_late": "Flytningen er registreret — meddelt for sent; det er noteret.",
    "web.done.reading_godkend": "Aflæsningen er godkendt.",
    "web.done.reading_afvis": "Aflæsningen er afvist.",
    "web.done.reading_ret": "Aflæsningen er rettet.",
    "web.done.cpr": "CPR-nummer: {cpr} (visningen er logget)",
    "web.form.date": "{field}: {got!r} er ikke en dato (dd-mm-åååå)",
    "web.form.number": "{field}: {got!r} er ikke et gyldigt tal",
    "web.form.amount": "beløb: {got!r} er ikke et beløb (fx 1.234,56)",
    "web.form.choice": "ukendt valg: {got!r}",
    "web.field.start": "første rate",
    "web.field.months": "antal måneder",
    "web.field.on": "dato",
    "web.field.reading": "målerstand",
    "web.field.energy": "MWh",
    "web.field.volume": "m³",
    "web.field.move_date": "flyttedato",
    "web.field.notified_on": "meddelt",
    "web.event.disputed": "indsigelse",
    "web.event.dispute_lifted": "indsigelse ophævet",
    "web.event.plan_agreed": "afdragsordning aftalt",
    "web.event.plan_breached": "afdragsordning misligholdt",
    "web.event.plan_completed": "afdragsordning gennemført",
    "web.event.security_provided": "sikkerhed stillet",
    "web.event.security_released": "sikkerhed frigivet",
    "web.event.frozen": "standset",
    "web.move.move_out": "fraflytning",
    "web.move.move_in": "indflytning",
    "web.move.change_of_owner": "ejerskifte",
    "web.security.cash_deposit": "kontant depositum",
    "web.security.bank_guarantee": "bankgaranti",
    "web.security.surety_insurance": "kautionsforsikring",
    "web.security.social_services_guarantee": "garanti fra kommunen",
    "web.security.prepayment": "forudbetaling",
    "web.security.other_sufficient": "anden tilstrækkelig sikkerhed",
    "web.bill.installment": "aconto",
    "web.bill.annual_settlement": "årsafregning",
    "web.bill.move_settlement": "flytteafregning",
    "web.bill.charge": "gebyr",
    "web.bill.credit_note": "kreditnota",
    "web.bill.connection": "tilslutning",
    "web.bill.exit": "udtræden",
    "web.item.principal": "regning",
    "web.item.fee": "gebyr",
    "web.item.interest": "renter",
    "web.item.credit": "tilgodehavende",
    "web.run.payments": "Indbetalinger",
    "web.run.interest": "Renter",
    "web.run.collections": "Restancer",
    "web.run.letters": "Breve",
    "web.run.securities": "Sikkerhedsstillelser",
    "web.run.billing": "Budgetter, flytninger og acontorater",
    "web.run.settlement": "Årsafregning",
    "web.chart.label": "Forbrug mellem aflæsninger mod forventet forbrug",
    "web.chart.bar": "{start} – {end}: målt {used} MWh, forventet {expected} MWh",
    "web.portal.wrong_pin": "forkert målestedsnummer eller pinkode",
    "web.portal.link_expired": "linket er brugt eller udløbet; bed om et nyt",
    "web.portal.link_subject": "Dit link til selvbetjeningen",
    "web.portal.link_body": (
        "Hej\n\nHer er dit link til selvbetjeningen. Det virker én gang og i {minutes} "
        "minutter:\n\n{link}\n\nHar du ikke bedt om linket, kan du se bort fra denne mail.\n"
    ),
    "web.portal.link_failed": "linket kunne ikke sendes; prøv igen senere",
    "web.portal.link_sent": (
        "Hvis e-mailadressen er den, vi har på målestedet, er et link på vej. Det virker én "
        "gang og i 30 minutter."
    ),
    "web.portal.link_dev": "Udviklingstilstand: linket vises her i stedet for at blive sendt.",
    "web.portal.no_customer": "målestedet har ingen kunde",
    "web.portal.no_letter": "brev {letter} findes ikke",
    "web.portal.nothing_overdue": "der er intet forfaldent at lave en afdragsordning for",
    "web.portal.move_ok": (
        "Tak, flytningen er meldt. Vi aflæser måleren og sender en flytteafregning."
    ),
    "web.portal.move_late": (
        "Tak, flytningen er meldt — men senere end 8 dage før; det er noteret. Vi aflæser "
        "måleren og sender en flytteafregning."
    ),
    "web.portal.plan_asked": (
        "Tak, vi har modtaget din anmodning om en afdragsordning og svarer snarest."
    ),
    "web.portal.contact_saved": "Dine kontaktoplysninger er gemt.",
    "collections.case.not_closed": "krav {claim} er ikke lukket for varmen",
    "collections.case.no_reopening": "genåbning kan ikke bestilles for krav {claim}: {reason}",
    "collections.case.reopening_not_due": "betingelserne for genåbning er ikke opfyldt endnu",
    "collections.case.step_today": "krav {claim} har allerede fået et trin i dag",
}

MESSAGES.update(
    {
        "web.cli.staff": "Medarbejdere: brugere og roller til web-appen.",
        "web.cli.portal": "Selvbetjeningen: pinkoder til målestederne.",
        "web.cli.privacy": "Databeskyttelse: indsigt og anonymisering.",
        "web.settings.demo_users": (
            "medarbejdere med demoens kendte adgangskode må ikke findes uden for udvikling: {users}"
        ),
        "web.demo.doors": (
            "Web-appen: http://{host}:{port}/ — log ind som {users} med adgangskoden "
            "{password!r}. Selvbetjeningen: http://{host}:{port}/portal/login med "
            "målested og pinkode:"
        ),
        "web.demo.pin": "  målested {number}: pinkode {pin}",
        "web.demo.no_web": "Start web-appen på demoåret: .venv/bin/heatbill demo-web",
        "web.cli.demo_web": "Start web-appen igen på det sidste demoår (var/demo.sqlite3).",
        "web.cli.serve": "Start web-appen: medarbejdersider, selvbetjening og API.",
        "web.cli.host": "Adressen der lyttes på.",
        "web.cli.port": "Porten der lyttes på.",
        "web.cli.workers": (
            "Antal processer der svarer (i drift: to pr. processorkerne; hver har sine egne "
            "forbindelser til databasen)."
        ),
        "web.cli.serving": "heatbill kører på {url} (Ctrl-C stopper)",
        "web.cli.staff_add": "Opret eller erstat en medarbejder med en rolle.",
        "web.cli.staff_list": "Vis medarbejderne og deres roller.",
        "web.cli.username": "Brugernavn (fx initialer).",
        "web.cli.name": "Fulde navn.",
        "web.cli.password": "Adgangskode (mindst 10 tegn).",
        "web.cli.pins": (
            "Nye pinkoder til målestederne (alle, hvis ingen nævnes); vises kun én gang."
        ),
        "web.cli.numbers": "Målestedsnumre.",
        "web.cli.export": "Alt hvad værket har om en person (indsigtsret), som JSON.",
        "web.cli.party": "Partens nummer.",
        "web.cli.output": "Filen der skrives.",
        "web.cli.exported": "Skrevet: {path}",
        "web.cli.anonymise": "Anonymisér tidligere kunder, når bogføringslovens 5 år er gået.",
        "web.cli.anonymised": (
            "{count} tidligere kunder anonymiseret (kundeforhold ophørt før {before}){dry}."
        ),
    }
)

MESSAGES.update({"web.admin.anonymised": "{count} tidligere kunder er anonymiseret."})

MESSAGES.update(
    {
        "web.done.run": "Kørslen for {day} er kørt ({done} nye handlinger); se trinene nedenfor.",
        "web.done.run_preview": "Prøvekørsel for {day}: {done} nye handlinger; intet er bogført.",
    }
)
