"""`heatbill readings …` and `heatbill move …`: help and messages.

Plain text printed as is (no rich markup). Dates dd-mm-åååå; MWh and m³ already formatted.
"""

_READINGS: dict[str, str] = {
    "cli.readings.app": "Måleraflæsninger: vis, kontrollér, beregn, og send aflæsningskort.",
    "cli.readings.list": "Vis aflæsninger med status, evt. kun for ét målested eller én status.",
    "cli.readings.held": (
        "Vis de tilbageholdte aflæsninger med begrundelse og hjemmel (vestervig 5.9)."
    ),
    "cli.readings.accept": "Godkend en tilbageholdt aflæsning som den er.",
    "cli.readings.reject": "Afvis en tilbageholdt aflæsning; den faktureres aldrig.",
    "cli.readings.correct": "Ret en tilbageholdt aflæsning: en ny aflæsning erstatter den.",
    "cli.readings.estimate": (
        "Beregn forbruget for hver måler uden aflæsning på datoen (vestervig 5.7)."
    ),
    "cli.readings.request_cards": "Send aflæsningskort til alle selvaflæste målere for datoen.",
    "cli.readings.follow_up": (
        "Følg op på aflæsningskort: afslut besvarede, send rykker, beregn forbrug efter fristen."
    ),
    "cli.readings.list_title": "Aflæsninger",
    "cli.readings.none_held": "Ingen aflæsninger er tilbageholdt.",
    "cli.readings.held_line": (
        "Aflæsning {reading_id}: målested {installation}, måler {meter}, {day}: "
        "{energy}, {volume} ({source})"
    ),
    "cli.readings.reason_line": "  – {reason} ({clause})",
    "cli.readings.decided": "{note} ({by})",
    "cli.readings.replaces": "erstatter aflæsning {reading_id}",
    "cli.readings.accepted": (
        "Aflæsning {reading_id} (målested {installation}, måler {meter}, {day}) er godkendt "
        "af {by}: {reason}"
    ),
    "cli.readings.rejected": (
        "Aflæsning {reading_id} (målested {installation}, måler {meter}, {day}) er afvist "
        "af {by}: {reason}"
    ),
    "cli.readings.corrected": (
        "Aflæsning {reading_id} er afvist og erstattet af aflæsning {new_id}: {energy}, "
        "{volume} (rettet af {by}: {reason})"
    ),
    "cli.readings.estimated": "Beregnet forbrug for {count} måler(e) uden aflæsning den {day}:",
    "cli.readings.estimate_line": (
        "  Aflæsning {reading_id}: målested {installation}, måler {meter}: {energy} "
        "({use} siden {since}, {method})"
    ),
    "cli.readings.none_estimated": (
        "Ingen målere at beregne den {day}: alle har en aflæsning den dag, eller der er ingen "
        "aflæsning at beregne ud fra. Intet er ændret."
    ),
    "cli.readings.cards_sent": "{count} aflæsningskort sendt for {day} med svarfrist {deadline}.",
    "cli.readings.no_cards": (
        "Ingen nye aflæsningskort for {day}: ingen selvaflæste målere, eller kortene er sendt før."
    ),
    "cli.readings.followed_up": (
        "Aflæsningskort: {answered} besvaret, {reminded} rykket, {estimated} beregnet."
    ),
}

_MOVES: dict[str, str] = {
    "cli.move.app": "Flytninger og ejerskifte.",
    "cli.move.out": (
        "Registrér at en lejer eller andelshaver flytter; uden ny lejer bliver ejeren kunde "
        "i mellemperioden."
    ),
    "cli.move.in": "Registrér at en ny lejer eller andelshaver flytter ind.",
    "cli.move.owner": "Registrér et ejerskifte.",
    "cli.opt.move_date": "Flyttedatoen: den nye kundes første dag (31-12-2026 eller 2026-12-31).",
    "cli.opt.notified": "Datoen værket fik meddelelse om flytningen.",
    "cli.opt.name": "Den nye kundes navn.",
    "cli.opt.new_tenant_name": "Den nye lejers navn, hvis en ny lejer overtager straks.",
    "cli.opt.cpr": "CPR-nummer (DDMMÅÅ-XXXX); gemmes krypteret og vises kun maskeret.",
    "cli.opt.cvr": "CVR-nummer, når den nye ejer er en virksomhed.",
    "cli.opt.email": "E-mailadresse.",
    "cli.opt.role": "Den nye kundes rolle: lejer eller andelshaver.",
    "cli.opt.move_energy": (
        "Flytteaflæsning: energiregistret i MWh ved udgangen af dagen før flyttedatoen."
    ),
    "cli.opt.move_volume": "Flytteaflæsning: volumenregistret i m³.",
    "cli.opt.read_by": "Hvordan flytteaflæsningen er taget: fjern, kort, tekniker eller manuel.",
    "cli.move.done.move_out": "Fraflytning fra målested {number} den {day} er registreret.",
    "cli.move.done.move_in": "Indflytning på målested {number} den {day} er registreret.",
    "cli.move.done.change_of_owner": "Ejerskifte på målested {number} den {day} er registreret.",
    "cli.move.ended": (
        "Sluttet: {party} ({role}), kundeforhold {relationship_id}, sidste dag {last_day}."
    ),
    "cli.move.began": "Begyndt: {party} ({role}), kundeforhold {relationship_id}, fra {day}.",
    "cli.move.interim": (
        "Ejeren {party} er nu kunde og hæfter i mellemperioden, til en ny lejer flytter ind "
        "({clause})."
    ),
    "cli.move.late": (
        "Meddelelsen kom for sent: meddelt {notified}, flyttedato {day}; der skal meddeles "
        "mindst {required} dage før ({clause}). Flytningen er registreret og markeret."
    ),
    "cli.move.on_time": (
        "Meddelelsen kom rettidigt: meddelt {notified}, mindst {required} dage før ({clause})."
    ),
    "cli.move.reading": "Flytteaflæsning {reading_id} for {day}: {energy}, {volume} – {status}.",
    "cli.move.reading_repeat": (
        "Flytteaflæsningen for {day} ({energy}, {volume}) var allerede registreret."
    ),
    "cli.move.letters": "Breve i kø:",
    "cli.move.letter_line": "  {letter} til {party} ({clause})",
    "cli.move.no_letters": "Ingen breve i kø.",
}

MESSAGES: dict[str, str] = _READINGS | _MOVES
