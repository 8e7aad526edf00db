"""A synthetic district heating utility: installations, customers and a year's moves, seeded.

For benchmarks and the demo: N installations with BBR areas and use like a Danish town's
(houses 80–250 m², flats 50–110 m², a few businesses 300–5 000 m²; 0.10–0.16 MWh/m² a year
with noise), 5 % tenants whose flats belong to landlords owning several, ~90 % remote-read
meters, and moves through the year (a few % of tenants move out; some have a successor, the
rest leave the owner liable in the gap). The same seed gives the same utility, byte for byte.
The customer export is written in the documented format (docs/import-formats.md);
`readings` makes the meter readings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

FIRST_NAMES = ("Jens", "Mette", "Lars", "Anne", "Søren", "Hanne", "Peter", "Kirsten", "Mads")
LAST_NAMES = ("Hansen", "Jensen", "Nielsen", "Pedersen", "Sørensen", "Larsen", "Kristensen")
STREETS = ("Solrød Byvej", "Strandvejen", "Karlslunde Mosevej", "Lerbækvej", "Havdrupvej")
TOWNS = (("2680", "Solrød Strand"), ("2690", "Karlslunde"), ("4622", "Havdrup"))
TENANT_SHARE = 0.05
REMOTE_SHARE = 0.90
BUSINESS_SHARE = 0.03
FLAT_SHARE = 0.30
MOVE_OUT_SHARE = 0.05
"""Of the tenants, those who move out during the year."""
SUCCESSOR_SHARE = 0.6
"""Of those moving out, those with a known successor; for the rest the owner is liable."""
CUSTOMERS_AS_OF = date(2024, 12, 31)


@dataclass(frozen=True, slots=True)
class PartyRow:
    """A person (CPR `DDMMÅÅ-XXXX`) or a company (CVR), as the old system has them."""

    name: str
    cpr: str | None = None
    cvr: str | None = None
    email: str | None = None

    @property
    def kind(self) -> str:
        return "virksomhed" if self.cvr else "person"


@dataclass(frozen=True, slots=True)
class Site:
    """One installation (målested): its property, main meter, customer and use."""

    number: str
    serial: str
    address: str
    town: tuple[str, str]
    area_m2: int
    business: bool

    @property
    def volume_m3(self) -> int:
        """The building's volume: the heated area times a storey's height (3 m for business)."""
        return self.area_m2 * 3 if self.business else self.area_m2 * 28 // 10

    remote: bool
    meter_installed: date
    customer: PartyRow
    customer_since: date
    owner: PartyRow | None
    """The landlord, for a tenant; the customer between two tenants (`aalborg 1.7`)."""
    normal_year_kwh: int
    m3_per_mwh: float
    hot_water_share: float


@dataclass(frozen=True, slots=True)
class SyntheticMove:
    """A tenant moving out on `move_date`; `successor` None leaves the owner liable."""

    site: Site
    move_date: date
    notified_on: date
    successor: PartyRow | None


@dataclass(frozen=True, slots=True)
class SyntheticUtility:
    sites: tuple[Site, ...]
    moves: tuple[SyntheticMove, ...]
    year: int
    """The year of the moves (and of the readings made for it)."""
    seed: int


def generate(installations: int, *, year: int = 2026, seed: int = 2026) -> SyntheticUtility:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, seeded on purpose
    people = _People(rng)
    tenants = round(installations * TENANT_SHARE)
    landlords = [people.company("Boligselskab") for _ in range(max(1, tenants // 40))]
    landlords += [people.person() for _ in range(max(1, tenants // 60))]
    sites = [_site(i, i < tenants, rng, people, landlords) for i in range(installations)]
    rng.shuffle(sites)
    moving = rng.sample([s for s in sites if s.owner], round(tenants * MOVE_OUT_SHARE))
    moves = [_move(site, year, rng, people) for site in moving]
    return SyntheticUtility(tuple(sites), tuple(sorted(moves, key=_move_day)), year, seed)


def _site(
    i: int, tenant: bool, rng: random.Random, people: _People, landlords: list[PartyRow]
) -> Site:
    business = not tenant and rng.random() < BUSINESS_SHARE / (1 - TENANT_SHARE)
    flat = tenant or (not business and rng.random() < FLAT_SHARE)
    if business:
        area = round(300 * (5000 / 300) ** rng.random())  # log-uniform 300–5 000 m²
    else:
        area = rng.randint(50, 110) if flat else rng.randint(80, 250)
    street = f"{rng.choice(STREETS)} {rng.randint(1, 180)}"
    if flat:
        street += f", {rng.randint(0, 4)}. {rng.choice(('th', 'tv', 'mf'))}"
    use_per_m2 = rng.uniform(0.10, 0.16) * max(0.8, rng.gauss(1, 0.05))
    return Site(
        number=f"{100000 + i}",
        serial=f"{65000000 + i}",
        address=street,
        town=rng.choice(TOWNS),
        area_m2=area,
        business=business,
        remote=rng.random() < REMOTE_SHARE,
        meter_installed=CUSTOMERS_AS_OF - timedelta(days=rng.randint(30, 3000)),
        customer=people.company("Erhverv") if business else people.person(),
        customer_since=CUSTOMERS_AS_OF - timedelta(days=rng.randint(1, 10000)),
        owner=rng.choices(landlords, weights=range(len(landlords), 0, -1))[0] if tenant else None,
        normal_year_kwh=round(area * use_per_m2 * 1000),
        m3_per_mwh=rng.uniform(18, 32),
        hot_water_share=rng.uniform(0.20, 0.30),
    )


def _move(site: Site, year: int, rng: random.Random, people: _People) -> SyntheticMove:
    """A move on day 5–28 of a month, so the move reading never falls on a month's end."""
    move_date = date(year, rng.randint(1, 12), rng.randint(5, 28))
    notified_on = move_date - timedelta(days=rng.randint(0, 30))
    successor = people.person() if rng.random() < SUCCESSOR_SHARE else None
    return SyntheticMove(site, move_date, notified_on, successor)


def _move_day(move: SyntheticMove) -> date:
    return move.move_date


class _People:
    """Parties with unique CPR and CVR numbers."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._cprs: set[str] = set()
        self._companies = 0

    def person(self) -> PartyRow:
        rng = self._rng
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        cpr = ""
        while not cpr or cpr in self._cprs:
            born = date(1940, 1, 1) + timedelta(days=rng.randint(0, 22000))
            cpr = f"{born:%d%m%y}-{rng.randint(0, 9999):04d}"
        self._cprs.add(cpr)
        email = f"kunde{len(self._cprs)}@example.dk" if rng.random() < 0.8 else None
        return PartyRow(name, cpr=cpr, email=email)

    def company(self, kind: str) -> PartyRow:
        self._companies += 1
        cvr = f"{30000000 + self._companies * 7:08d}"
        return PartyRow(f"{kind} {self._companies} ApS", cvr=cvr, email=f"adm@{cvr}.example.dk")


CUSTOMER_COLUMNS = (
    "maalested;adresse;postnr;by;bbr_areal_m2;rumfang_m3;anvendelse;maaler;maaler_opsat;aflaesning;"
    "kunde_type;navn;cpr;cvr;email;digital_post;fritaget_digital_post;rolle;kunde_fra;"
    "ejer_navn;ejer_cpr;ejer_cvr;ejer_email"
)


def customers_csv(utility: SyntheticUtility) -> bytes:
    """The customer export (one row per installation), as of `CUSTOMERS_AS_OF`; the building's
    volume (rumfang) as BBR would have it for a tariff that charges by m³ (Solrød)."""
    lines = [CUSTOMER_COLUMNS]
    for s in utility.sites:
        c, o = s.customer, s.owner
        role = "lejer" if o else "ejer"
        fields = (
            *(s.number, s.address, *s.town, str(s.area_m2), str(s.volume_m3)),
            "erhverv" if s.business else "bolig",
            *(s.serial, f"{s.meter_installed:%d-%m-%Y}", "fjern" if s.remote else "selv"),
            *(c.kind, c.name, c.cpr or "", c.cvr or "", c.email or "", "ja", "nej", role),
            f"{s.customer_since:%d-%m-%Y}",
            *((o.name, o.cpr or "", o.cvr or "", o.email or "") if o else ("",) * 4),
        )
        lines.append(";".join(fields))
    return ("\n".join(lines) + "\n").encode()
