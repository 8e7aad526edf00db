"""Tariff charges on a bill: the line texts and why a period cannot be priced.

A line names the charge, its period (dd-mm-åååå – dd-mm-åååå, both days included), the
quantity and the rate; amounts are shown next to it, excluding VAT. Fixed yearly charges state
the share of the year as days: "214/366 år" is 214 of the 366 days of 2024.
"""

_LINES: dict[str, str] = {
    "charges.subscription": "Abonnement {period}: {rate} kr./år × {days}/{year_days} år",
    "charges.capacity.area_m2": (
        "Effektbidrag {period}: {quantity} m² × {rate} kr./m² pr. år × {days}/{year_days} år"
    ),
    "charges.capacity.building_m3": (
        "Fast bidrag {period}: {quantity} m³ rumfang × {rate} kr./m³ pr. år × {days}/{year_days} år"
    ),
    "charges.capacity.installation": (
        "Fast bidrag pr. målested {period}: {rate} kr./år × {days}/{year_days} år"
    ),
    "charges.meter_rent": "Målerleje, {size}, {period}: {rate} kr./år × {days}/{year_days} år",
    "charges.energy": "Energi {period}: {quantity} × {rate} kr./MWh",
    "charges.water": "Vandmængde {period}: {quantity} × {rate} kr./m³",
    "charges.cooling.cooling": (
        "Afkølingstarif {period}: afkøling {measured} °C, {off} °C under målet på {target} °C; "
        "{charge}"
    ),
    "charges.cooling.return_temperature": (
        "Afkølingstarif {period}: returtemperatur {measured} °C, {off} °C over målet på "
        "{target} °C; {charge}"
    ),
    "charges.cooling.kr_per_mwh": "{rate} kr./MWh pr. °C af {mwh}",
    "charges.cooling.percent_of_energy": "{rate} % pr. °C af energibetalingen {energy}",
}

_METER_CLASSES: dict[str, str] = {
    "charges.meter_class.below_30_kw": "måler under 30 kW",
    "charges.meter_class.below_100_kw": "måler under 100 kW",
    "charges.meter_class.above_100_kw": "måler over 100 kW",
    "charges.meter_class.leak_monitoring": "måler med lækovervågning",
    "charges.meter_class.standard": "måler",
}

_REFUSALS: dict[str, str] = {
    "charges.capacity.no_volume": (
        "takstbladet opkræver fast bidrag pr. m³ rumfang, men ejendommen {address} har intet "
        "rumfang registreret"
    ),
    "charges.meter_rent.unknown": (
        'takstbladet har ingen målerleje for målerstørrelsen "{size}" i priserne fra {day}; '
        "kendte størrelser: {known}"
    ),
    "charges.use.energy": "energiforbruget i MWh",
    "charges.use.water": "vandmængden i m³",
    "charges.use.resolution": (
        "{name} skal være et tal på mindst 0 med højst 3 decimaler (målerens opløsning), fik {got}"
    ),
    "charges.use.reading_order": (
        "aflæsningerne passer ikke sammen: forbruget til og med {day} ({use}) er mindre end "
        "ved en tidligere aflæsning i perioden"
    ),
}

MESSAGES: dict[str, str] = _LINES | _METER_CLASSES | _REFUSALS
