"""Collections: why a claim is held, what happens next, the law guard's refusals."""

MESSAGES: dict[str, str] = {
    "collections.hold.frozen": (
        "kravet er fra før skæringsdagen (rekonstruktion/konkurs) og står stille"
    ),
    "collections.hold.paid": "kravet er betalt",
    "collections.hold.principal_paid": (
        "regningen er betalt; resterende gebyrer og renter kommer med på næste regning"
    ),
    "collections.hold.disputed": (
        "kravet er gjort indsigelse mod: ingen gebyrer og intet videre skridt, før indsigelsen "
        "er afklaret"
    ),
    "collections.hold.plan": "en betalingsordning løber",
    "collections.hold.visit": "lukkebesøg er bestilt til {day}; afventer resultatet",
    "collections.hold.old_debt": (
        "gammel gæld alene giver ikke ret til at lukke for varmen, og regelsættet kræver ikke "
        "sikkerhed"
    ),
    "collections.hold.old_debt_no_supply": (
        "gammel gæld, og kunden får ikke varme fra os nu: der er intet at lukke, og sikkerhed "
        "for fremtidig levering kan ikke kræves"
    ),
    "collections.hold.secured": "der er stillet sikkerhed",
    "collections.hold.closed": "lukket for varmen; genåbnes ved {ways}",
    "collections.reopen.payment": "betaling af alt inkl. gebyrer og renter",
    "collections.reopen.security": "sikkerhedsstillelse",
    "collections.reopen.plan": "aftale om betalingsordning",
    "collections.fee_text": "{step}: {reference}",
    "collections.case.unknown": "krav {claim} findes ikke",
    "collections.case.already_disputed": "krav {claim} er allerede gjort indsigelse mod",
    "collections.case.not_disputed": "krav {claim} er ikke gjort indsigelse mod",
    "collections.case.reason": "skriv en begrundelse",
    "collections.case.no_visit": "der er ikke bestilt et lukkebesøg for krav {claim}",
    "collections.case.reading": "målerstand {mwh} MWh",
    "collections.step.closing_avoided": "Lukning afværget på stedet",
    "collections.step.reminder": "Rykker {number}",
    "collections.step.collection_notice": "Inkassomeddelelse",
    "collections.step.security_demand": "Krav om sikkerhedsstillelse",
    "collections.step.closing_notice": "Varsel om lukning",
    "collections.step.closing_visit": "Lukkebesøg",
    "collections.step.closed": "Lukket for varmen",
    "collections.step.reopening": "Genåbning",
    "collections.step.unauthorised_reopening": "Uautoriseret genåbning",
    "collections.step.external_collection": "Overdraget til ekstern inkasso",
    "collections.guard.fourth_fee": (
        "højst {max} rykkergebyrer for samme krav ({clause}); dette ville være nr. {number}"
    ),
    "collections.guard.too_soon": (
        "et gebyrbelagt rykkerbrev skal sendes mindst {days} dage efter det forrige "
        "({previous}; {clause})"
    ),
    "collections.guard.fee_too_high": "rykkergebyret må højst være {max} ({clause}); fik {fee}",
    "collections.guard.disputed": (
        "kravet er gjort indsigelse mod: ingen gebyrer eller videre skridt ({clause})"
    ),
    "collections.guard.fee_after_breach": (
        "ingen ekstra rykkergebyrer efter en misligholdt betalingsordning (Højesteret)"
    ),
    "collections.guard.old_debt": (
        "der må ikke lukkes for varmen alene på grund af gammel gæld ({clause}); kræv "
        "sikkerhedsstillelse"
    ),
    "collections.guard.no_supply": (
        "kunden får ikke varme fra os nu: lukning for gammel gæld kan kun ramme kundens "
        "nuværende forsyning ({clause})"
    ),
    "collections.guard.plan_after_breach": (
        "ingen ny betalingsordning efter en misligholdt ordning ({clause})"
    ),
    "collections.guard.compensation_consumer": (
        "kompensationen på {amount} må kun kræves af erhvervskunder, aldrig af forbrugere "
        "({clause})"
    ),
    "collections.guard.compensation_twice": (
        "kompensationen på {amount} er allerede krævet for denne restance ({clause})"
    ),
    "collections.guard.compensation_too_high": "kompensationen må højst være {max} ({clause})",
}
