"""Letters: sending, channels, supply interruptions and the `heatbill letters` command.

The letters' own wording lives in their templates (`adapters/letters/templates/da/`)."""

MESSAGES: dict[str, str] = {
    "letters.sms": "Du har fået et brev fra dit fjernvarmeværk: {title}",
    "letters.interruption.short": (
        "varslet er {days} dage, men regelsættet kræver mindst {required} dages varsel "
        "({clause}); brug --emergency ved havari"
    ),
    "letters.interruption.none": "ingen installationer med en kunde på de angivne adresser",
    "letters.cli.app": "Breve: se, send og hent breve som PDF.",
    "letters.cli.list": "Breve med status, kanal og det punkt, der udløste dem.",
    "letters.cli.show": "Et brev præcis som det blev sendt.",
    "letters.cli.send": "Send dagens breve: digital post, e-mail, papir (og SMS-besked).",
    "letters.cli.pdf": "Gem et sendt brevs PDF.",
    "letters.cli.profile": "Brevhovedets kontaktoplysninger (e-mail, telefon, web, logo).",
    "letters.cli.interruption": "Varsl en planlagt afbrydelse af forsyningen (vestervig 3.6).",
    "letters.cli.tariff": "Varsl nye priser eller vilkår til alle kunder (vestervig 8.3).",
    "letters.cli.opt.status": "Kun breve med denne status (queued, sent).",
    "letters.cli.opt.date": "Dagen, DD-MM-ÅÅÅÅ.",
    "letters.cli.opt.out": "Mappe til batchfilerne (digital post, papir, arbejdsordrer).",
    "letters.cli.opt.dry_run": "Vis hvad der ville blive sendt; intet gemmes.",
    "letters.cli.opt.file": "PDF-filen der skrives.",
    "letters.cli.col.id": "Nr.",
    "letters.cli.col.date": "Dato",
    "letters.cli.col.kind": "Brev",
    "letters.cli.col.status": "Status",
    "letters.cli.col.channel": "Kanal",
    "letters.cli.col.clause": "Punkt",
    "letters.cli.sent": (
        "{rendered} breve sendt ({queued} regninger og budgetter sat i kø); "
        "{channels}; {failed} mislykkede forsøg; {sms} SMS-beskeder"
    ),
    "letters.cli.file": "Skrevet: {path}",
    "letters.cli.written": "PDF skrevet: {path} ({size} bytes)",
    "letters.cli.queued": "{count} breve sat i kø",
    "letters.cli.profile_saved": "Brevhovedet er gemt",
    "letters.cli.deliveries": "Forsendelser:",
    "letters.cli.delivery": "  {attempt}. {channel}: {outcome}{where}",
}
