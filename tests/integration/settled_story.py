"""A `4rater` utility with a settled year 2026, for the tests of corrections and bill documents.

The customers of `register_story`, but the bakery (a company with a CVR) has an EAN for
e-invoices, and the utility's address is complete (an e-invoice needs its postcode and town).
Budgets and four installments in 2026, the year-end readings, installment 2 of 2027 and the
annual settlement with it on 1 March 2027 (as `test_settlement_runs`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.billing_runs import bill_installments, set_budgets
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility
from tests.integration.register_story import ANNUAL_MWH, clock_on, month_ends, monthly_use

EAN = "5798000012349"  # GS1 check digit 9
CUSTOMERS_CSV = f"""\
maalested;adresse;postnr;by;bbr_areal_m2;rumfang_m3;anvendelse;maaler;maaler_opsat;aflaesning;kunde_type;navn;cpr;cvr;ean;email;digital_post;fritaget_digital_post;rolle;kunde_fra;ejer_navn;ejer_cpr;ejer_cvr
10001;Solrød Byvej 12;2680;Solrød Strand;142,5;420;bolig;M1;15-03-2019;fjern;person;Jens Hansen;010190-1234;;;jens@example.dk;ja;nej;ejer;01-06-2015;;;
10002;Strandvejen 3, 1. tv;2680;Solrød Strand;68;190;bolig;M2;10-01-2020;fjern;person;Mette Sørensen;020285-2345;;;mette@example.dk;ja;nej;lejer;01-08-2024;Boligselskabet Strandparken;;12345678
10003;Industrivej 7;2680;Solrød Strand;1250;4800;erhverv;M3;01-05-2018;selv;virksomhed;Bageriet Ølby ApS;;87654321;{EAN};bager@example.dk;ja;nej;ejer;01-05-2018;;;
"""  # noqa: E501 - a CSV line is as long as the export makes it

SHARE_2026 = {"M1": Decimal("0.6"), "M2": Decimal("0.9"), "M3": Decimal("1.25")}
"""How much of last year's use each customer uses in 2026: M3 owes, M1 and M2 get money back."""
CHARGE_DATES_2026 = [date(2026, 1, 2), date(2026, 3, 2), date(2026, 6, 1), date(2026, 9, 1)]
SETTLED_ON = date(2027, 3, 1)  # the first bank day of March 2027: installment 2 (4rater)


@dataclass
class SettledYear:
    utility_id: int
    clock: FixedClock
    registers: dict[str, Decimal]
    """Each meter's register at 31-12-2026, MWh."""


def _readings(
    registers: dict[str, Decimal], first: date, months: int, share: dict[str, Decimal]
) -> bytes:
    lines = ["maaler;tidspunkt;energi_mwh;volumen_m3"]
    for day in month_ends(first, months):
        for meter, annual in ANNUAL_MWH.items():
            use = (monthly_use(annual, day.month) * share[meter]).quantize(Decimal("0.001"))
            registers[meter] += use
            energy = str(registers[meter]).replace(".", ",")
            volume = str(registers[meter] * 20).replace(".", ",")
            lines.append(f"{meter};{day.isoformat()};{energy};{volume}")
    return ("\n".join(lines) + "\n").encode()


def _import(engine: Engine, utility_id: int, clock: FixedClock, name: str, data: bytes) -> None:
    with UnitOfWork(engine) as uow:
        import_readings(ImportFile(utility_id, name, data), ReadingSource.REMOTE, uow, clock)


def settled_year(engine: Engine) -> SettledYear:
    clock = clock_on(date(2026, 1, 2))
    command = CreateUtility(
        code=f"4rater-{uuid.uuid4().hex[:8]}",
        name="Solrød Fjernvarme",
        cvr="11223344",
        address="Lerbækvej 17, 2680 Solrød Strand",
        fi_creditor_number="81234567",
        pbs_number="01234567",
        rulebook=RuleText(preset_source("4rater"), preset_text("4rater")),
        tariffs=RuleText(
            preset_source("4rater", tariffs=True), preset_text("4rater", tariffs=True)
        ),
    )
    with UnitOfWork(engine) as uow:
        utility_id = create_utility(command, uow, clock).utility_id
    with UnitOfWork(engine) as uow:
        customers = ImportFile(utility_id, "kunder.csv", CUSTOMERS_CSV.encode())
        import_customers(customers, clock.today(), uow, clock)
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    start = dict.fromkeys(ANNUAL_MWH, Decimal(0))
    _import(
        engine, utility_id, clock, "start.csv", _readings(registers, date(2024, 12, 1), 1, start)
    )
    one = dict.fromkeys(ANNUAL_MWH, Decimal(1))
    _import(engine, utility_id, clock, "2025.csv", _readings(registers, date(2025, 1, 1), 12, one))
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2026, uow, clock)
    for day in CHARGE_DATES_2026:
        clock.advance_to(day)
        with UnitOfWork(engine) as uow:
            bill_installments(utility_id, day, uow, clock)
    clock.advance_to(date(2027, 1, 4))
    data = _readings(registers, date(2026, 1, 1), 12, SHARE_2026)
    _import(engine, utility_id, clock, "2026.csv", data)
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, 2027, uow, clock)
    clock.advance_to(SETTLED_ON)
    with UnitOfWork(engine) as uow:
        bill_installments(utility_id, SETTLED_ON, uow, clock)
    with UnitOfWork(engine) as uow:
        report = settle_year_run(utility_id, 2026, uow, clock)
    assert (report.done, report.problems) == (3, [])
    return SettledYear(utility_id, clock, registers)


def customer_of(engine: Engine, utility_id: int, number: str) -> int:
    """The relationship (customer account) of installation `number`."""
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        found = installations.installation_by_number(number)
        [customer] = installations.relationships_of(found.installation_id)
    return customer.relationship_id


def settlement_of(engine: Engine, utility_id: int, customer_id: int) -> Bill:
    with UnitOfWork(engine, write=False) as uow:
        bills = uow.bills(utility_id).of_customer(customer_id)
    [settlement] = [b for b in bills if b.kind is BillKind.ANNUAL_SETTLEMENT and not b.revision]
    return settlement
