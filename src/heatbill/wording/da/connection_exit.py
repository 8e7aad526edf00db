"""Connection contributions, exit statements and one-off charges: bill texts and problems."""

_CONNECTION: dict[str, str] = {
    "connection.investment": "Investeringsbidrag",
    "connection.service_pipe_fixed": "Stikledningsbidrag",
    "connection.service_pipe_fixed_up_to": "Stikledningsbidrag for op til {included} m",
    "connection.service_pipe_per_m": "Stikledning ud over {included} m: {metres} m",
    "connection.fee": "Tilslutningsbidrag",
    "connection.development": "Byggemodningsbidrag",
    "connection.negative_trace": "stikledningens tracé kan ikke være negativ: {metres} m",
    "connection.no_volume": (
        "investeringsbidraget beregnes pr. m³, men {address} har intet rumfang i registret"
    ),
    "connection.no_development_price": (
        "ejendommen ligger i et byggemodningsområde, men takstbladet fastsætter intet "
        "byggemodningsbidrag"
    ),
    "connection.no_prices": (
        "takstbladet {name} fastsætter ingen tilslutningsbidrag den {day:%d-%m-%Y}"
    ),
    "connection.too_late": (
        "stikledningen lægges {laid_on:%d-%m-%Y}, så bidraget skal være betalt senest "
        "{latest:%d-%m-%Y}; det er ikke efter regningsdatoen {issue:%d-%m-%Y}"
    ),
    "connection.already_billed": (
        "målestedet har allerede fået regning {number} for tilslutningsbidrag ({day:%d-%m-%Y})"
    ),
    "connection.no_owner": (
        "målested {installation} har ingen ejer som kunde den {day:%d-%m-%Y} eller senere"
    ),
}

_EXIT: dict[str, str] = {
    "exit.no_notice_rule": (
        "regelsættet {rulebook} har ingen udtrædelsesregel for medlemmer indtrådt {joined:%d-%m-%Y}"
    ),
    "exit.notice_before_membership": (
        "opsigelsen {notice:%d-%m-%Y} ligger før indtrædelsen {joined:%d-%m-%Y}"
    ),
    "exit.bad_depreciation": "afskrivningerne skal ligge mellem 0 og anlægsudgifterne",
    "exit.bad_connection_value": (
        "målestedets tilslutningsværdi skal være over 0 og højst værkets samlede"
    ),
    "exit.no_plant_figures": (
        "andelen af anlægsudgifterne ({clause} e) kræver anlægsudgifter, afskrivninger og "
        "tilslutningsværdier"
    ),
    "exit.negative_amount": "punkt {item} i udtrædelsesopgørelsen kan ikke være negativt",
    "exit.item.a": "a. Bidrag i henhold til årsopgørelse",
    "exit.item.b": "b. Skyldige bidrag",
    "exit.item.c": "c. Afbrydelse af stikledningen ved hoved-/fordelingsledningen",
    "exit.item.c_meter": "c. Nedtagning af måler",
    "exit.item.d": "d. Fjernelse af værkets ledninger på ejendommen",
    "exit.item.e": (
        "e. Andel af anlægsudgifter efter afskrivninger ({unamortised}): "
        "tilslutningsværdi {own} af {all}"
    ),
    "exit.no_owner": "målested {installation} har ingen ejer som kunde den {day:%d-%m-%Y}",
    "exit.already_billed": (
        "målestedet har allerede fået udtrædelsesregning {number} ({day:%d-%m-%Y})"
    ),
}

_CHARGES: dict[str, str] = {
    "charge.not_one_off": "{fee} opkræves ikke som et enkeltstående gebyr",
    "charge.not_on_sheet": "takstbladet har intet gebyr for {fee}",
    "charge.cost_not_allowed": (
        "{fee} opkræves efter takstbladet; kun arbejder for ejerens regning kan opkræves "
        "til faktisk pris (over 0 kr.)"
    ),
    "charge.no_works_clause": (
        "takstbladet har intet gebyr for {fee}, og {document} har ingen bestemmelse om "
        "arbejdet for ejerens regning"
    ),
    "charge.not_refundable": (
        "regning {number} er ikke en målerafprøvning eller måleraflæsning, der kan tilbageføres"
    ),
    "charge.refund_reason": (
        "Måleren viste uden for tilladt afvigelse; værket betaler afprøvning og aflæsning"
    ),
    "charge.no_customer": "målested {installation} har ingen kunde den {day:%d-%m-%Y}",
    "charge.other_on_day": (
        "målestedet har allerede et gebyr den {day:%d-%m-%Y} (regning {number}); "
        "opkræv dette en anden dag"
    ),
    "charge.no_charge_on": "målested {installation} har intet gebyr den {day:%d-%m-%Y}",
    "bills.period_taken": (
        "målestedet har allerede en regning af denne slags for {day:%d-%m-%Y} til en anden kunde"
    ),
    "rulebook.fee.meter_test": "Målerafprøvning efter ønske",
    "rulebook.fee.pipe_relocation": "Flytning af hovedhaner og måler ved tilbygning",
    "rulebook.fee.pipe_enlargement": "Omlægning af stikledning ved øget varmebehov",
}

MESSAGES: dict[str, str] = _CONNECTION | _EXIT | _CHARGES
