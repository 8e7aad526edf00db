"""Shared setup for register integration tests: a Solrød utility with three customers."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.degree_days import DANSK_FJERNVARME_NORMAL_YEAR_DD
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility

CUSTOMERS_CSV = """\
maalested;adresse;postnr;by;bbr_areal_m2;rumfang_m3;anvendelse;maaler;maaler_opsat;aflaesning;kunde_type;navn;cpr;cvr;email;digital_post;fritaget_digital_post;rolle;kunde_fra;ejer_navn;ejer_cpr;ejer_cvr
10001;Solrød Byvej 12;2680;Solrød Strand;142,5;420;bolig;M1;15-03-2019;fjern;person;Jens Hansen;010190-1234;;jens@example.dk;ja;nej;ejer;01-06-2015;;;
10002;Strandvejen 3, 1. tv;2680;Solrød Strand;68;190;bolig;M2;10-01-2020;fjern;person;Mette Sørensen;020285-2345;;mette@example.dk;ja;nej;lejer;01-08-2024;Boligselskabet Strandparken;;12345678
10003;Industrivej 7;2680;Solrød Strand;1250;4800;erhverv;M3;01-05-2018;selv;virksomhed;Bageriet Ølby ApS;;87654321;bager@example.dk;ja;nej;ejer;01-05-2018;;;
"""  # noqa: E501 - a CSV line is as long as the export makes it

ANNUAL_MWH = {"M1": Decimal("18"), "M2": Decimal("8"), "M3": Decimal("120")}
HOT_WATER_SHARE = Decimal("0.25")


def clock_on(day: date) -> FixedClock:
    return FixedClock(datetime(day.year, day.month, day.day, 12, tzinfo=UTC))


def new_solrod_utility(engine: Engine, clock: FixedClock, preset: str = "solrod") -> int:
    code = f"{preset}-{uuid.uuid4().hex[:8]}"
    command = CreateUtility(
        code=code,
        name="Solrød Fjernvarme",
        cvr="11223344",
        address="Lerbækvej 17",
        fi_creditor_number="81234567",
        pbs_number=None,
        rulebook=RuleText(preset_source(preset), preset_text(preset)),
        tariffs=RuleText(preset_source(preset, tariffs=True), preset_text(preset, tariffs=True)),
    )
    with UnitOfWork(engine) as uow:
        return create_utility(command, uow, clock).utility_id


def with_customers(engine: Engine, clock: FixedClock, preset: str = "solrod") -> int:
    utility_id = new_solrod_utility(engine, clock, preset)
    with UnitOfWork(engine) as uow:
        import_customers(
            ImportFile(utility_id, "kunder.csv", CUSTOMERS_CSV.encode()), clock.today(), uow, clock
        )
    return utility_id


def month_ends(first: date, count: int) -> list[date]:
    ends = []
    year, month = first.year, first.month
    for _ in range(count):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        ends.append(nxt - timedelta(days=1))
        year, month = nxt.year, nxt.month
    return ends


def monthly_use(annual: Decimal, month: int) -> Decimal:
    """A plausible month: space heating by normal degree days, hot water evenly."""
    dd = DANSK_FJERNVARME_NORMAL_YEAR_DD
    heating = annual * (1 - HOT_WATER_SHARE) * dd[month - 1] / sum(dd)
    return (heating + annual * HOT_WATER_SHARE / 12).quantize(Decimal("0.001"))


def readings_csv(rows: list[tuple[str, date, Decimal, Decimal]]) -> bytes:
    lines = ["maaler;tidspunkt;energi_mwh;volumen_m3"]
    lines += [
        f"{m};{d.isoformat()};{str(e).replace('.', ',')};{str(v).replace('.', ',')}"
        for m, d, e, v in rows
    ]
    return ("\n".join(lines) + "\n").encode()


def a_year_of_readings(
    start: date, months: int, registers: dict[str, Decimal]
) -> list[tuple[str, date, Decimal, Decimal]]:
    """Monthly end-of-month readings for each meter, advancing `registers` as it goes."""
    rows = []
    for day in month_ends(start, months):
        for meter, annual in ANNUAL_MWH.items():
            registers[meter] += monthly_use(annual, day.month)
            rows.append((meter, day, registers[meter], registers[meter] * 20))
    return rows
