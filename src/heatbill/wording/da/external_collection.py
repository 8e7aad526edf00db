"""External collection, tenants and landlords, reconstruction and bankruptcy (issue 6, 7–9)."""

_RULEBOOK: dict[str, str] = {
    "rulebook.section.external_collection": "Ekstern inkasso",
    "rulebook.external.no_notice": (
        "kan ikke være collection_notice, når regelsættet ikke bruger inkassomeddelelse "
        "(collection_notice.used = false)"
    ),
}

_EXTERNAL: dict[str, str] = {
    "collections.step.external_recall": "Kaldt tilbage fra ekstern inkasso",
    "register.letter.external_collection": "Meddelelse om overdragelse til inkasso",
    "register.letter.landlord_notice": "Brev til ejeren om mulig afbrydelse hos lejer",
    "external.cost_above_cap": (
        "inkassoomkostninger på {costs} overstiger lovens loft på {cap} for et krav på "
        "{claim} ({clause})"
    ),
    "external.already_with_agency": "{claim} er allerede overdraget til ekstern inkasso",
    "external.fee_twice": (
        "kravet bærer allerede et inkassogebyr; det opkræves kun én gang ({clause})"
    ),
    "external.fee_too_high": "inkassogebyret {fee} er over lovens højst {max} ({clause})",
    "external.not_used": "regelsættet overdrager ikke krav til ekstern inkasso ({clause})",
    "external.nothing_owed": "krav {claim} er betalt; der er intet at overdrage",
    "external.not_with_agency": "krav {claim} er ikke hos ekstern inkasso",
    "external.payment_text": "Indbetaling via {partner}: {reference}",
    "external.file.again": "filen {name} er allerede indlæst (samme indhold)",
    "external.file.claim": "{got} er ikke et kravnummer (kun cifre)",
    "external.file.unknown_claim": "krav {claim} findes ikke",
    "external.file.not_handed_over": "krav {claim} er aldrig overdraget til ekstern inkasso",
    "external.write_off.amount": (
        "der kan afskrives mere end 0,00 kr. og højst det resterende {left} (ikke {amount})"
    ),
    "external.write_off.text": "Afskrevet som tab: {reference} – {reason}",
    "external.write_off.unknown": "afskrivning {write_off} findes ikke",
    "external.write_off.reversed": "afskrivning {write_off} er allerede tilbageført",
    "external.write_off.reversal": "Tilbageførsel af afskrivning {write_off} – {reason}",
    "external.tenants_right": (
        "Lejerne på {address} kan efter lejeloven kræve, at kommunen genopretter "
        "varmeforsyningen for udlejerens regning."
    ),
    "external.rental.again": "ejendommen med målested {number} er allerede udlejningsejendom",
    "external.landlord_notice": (
        "Varmeforsyningen til lejeren på {address} kan blive afbrudt på grund af restance."
    ),
}

_CUT_OFF: dict[str, str] = {
    "external.cut_off.by": "angiv hvem der registrerer skæringsdatoen (initialer)",
    "external.cut_off.unknown": "kunde {customer} findes ikke",
    "external.cut_off.nothing": "kunde {customer} har ingen åbne krav fra før {day}",
    "external.cut_off.reason.reconstruction": "Rekonstruktion pr. {day} (aalborg 3.5)",
    "external.cut_off.reason.bankruptcy": "Konkurs pr. {day} (aalborg 3.5)",
}

_CLI: dict[str, str] = {
    "cli.external.hand_over": "Overdrag et krav til ekstern inkasso nu (med brev og evt. gebyr).",
    "cli.external.recall": "Kald et krav tilbage fra ekstern inkasso, med begrundelse.",
    "cli.external.agency_file": (
        "Indlæs inkassopartnerens fil med indbetalinger (hele filen, én gang)."
    ),
    "cli.external.write_off": "Afskriv et krav som tab, helt eller delvist, med begrundelse.",
    "cli.external.write_off_reverse": "Tilbagefør en afskrivning (kravet er åbent igen).",
    "cli.external.rental": "Markér at ejeren af målestedets ejendom leverer varmen til lejerne.",
    "cli.external.cut_off": (
        "Skæringsdato ved rekonstruktion eller konkurs: kundens tidligere krav fryses, "
        "og der udskrives en opgørelse til boet."
    ),
    "cli.external.opt.file": "Filen fra inkassopartneren (CSV).",
    "cli.external.opt.amount": "Beløb der afskrives, fx 250,00 (uden: hele restbeløbet).",
    "cli.external.opt.write_off": "Afskrivningens nummer.",
    "cli.external.opt.installation": "Målestedets nummer.",
    "cli.external.opt.customer": "Kundens id (kundeforholdet).",
    "cli.external.opt.kind": "reconstruction (rekonstruktion) eller bankruptcy (konkurs).",
    "cli.external.opt.csv": "Skriv opgørelsen til boet som CSV i denne fil.",
    "cli.external.handed": "Krav {claim} er overdraget til ekstern inkasso.",
    "cli.external.recalled": "Krav {claim} er kaldt tilbage fra ekstern inkasso.",
    "cli.external.imported": (
        "Fil {file} indlæst: {count} indbetalinger, i alt {total} (partnerens omkostninger "
        "{costs}, ikke bogført)."
    ),
    "cli.external.written_off": "Afskrivning {write_off}: {amount} af krav {claim} afskrevet.",
    "cli.external.reversed": "Afskrivning {write_off} på {amount} er tilbageført.",
    "cli.external.rental_marked": "Ejendommen med målested {number} er markeret som udlejet.",
    "cli.external.bad_amount": "{got} er ikke et beløb (fx 250,00)",
    "cli.external.total": "I alt",
    "cli.external.estate.reconstruction": (
        "Opgørelse til rekonstruktion: kunde {customer} pr. {day}"
    ),
    "cli.external.estate.bankruptcy": "Opgørelse til konkursbo: kunde {customer} pr. {day}",
    "cli.external.col.claim": "Krav",
    "cli.external.col.reference": "Reference",
    "cli.external.col.due": "Forfald",
    "cli.external.col.principal": "Hovedstol",
    "cli.external.col.fees": "Gebyrer",
    "cli.external.col.interest": "Renter",
    "cli.external.col.total": "I alt",
}

MESSAGES: dict[str, str] = _RULEBOOK | _EXTERNAL | _CUT_OFF | _CLI
