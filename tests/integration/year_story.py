"""A synthetic year driven through the real services, for the worked examples per rulebook.

The customers of `register_story` (a house, a flat let to a tenant, a bakery); a year of
monthly remote readings before the billed year, the budgets, every installment charged on its
charge date, the billed year's readings and the settlement run — all as a utility would run
them, on whichever database the `engine` fixture gives.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.billing.bill import Bill
from heatbill.domain.billing.installments import installment_schedule
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.billing_runs import RunReport, bill_installments, set_budgets
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility, rulebook_of
from tests.integration.register_story import ANNUAL_MWH, CUSTOMERS_CSV, month_ends, monthly_use

METERS = {"10001": "M1", "10002": "M2", "10003": "M3"}


@dataclass(frozen=True, slots=True)
class Temperatures:
    """A meter's monthly averages, °C."""

    forward: Decimal
    back: Decimal


def new_utility(
    engine: Engine,
    clock: FixedClock,
    preset: str,
    *,
    rulebook: str | None = None,
    tariffs: str | None = None,
) -> int:
    command = CreateUtility(
        code=f"{preset}-{uuid.uuid4().hex[:8]}",
        name="Fjernvarmeværket",
        cvr="11223344",
        address="Lerbækvej 17",
        fi_creditor_number="81234567",
        pbs_number=None,
        rulebook=RuleText(preset_source(preset), rulebook or preset_text(preset)),
        tariffs=RuleText(
            preset_source(preset, tariffs=True), tariffs or preset_text(preset, tariffs=True)
        ),
    )
    with UnitOfWork(engine) as uow:
        utility_id = create_utility(command, uow, clock).utility_id
    with UnitOfWork(engine) as uow:
        import_customers(
            ImportFile(utility_id, "kunder.csv", CUSTOMERS_CSV.encode()), clock.today(), uow, clock
        )
    return utility_id


def readings_file(
    registers: dict[str, Decimal],
    days: list[date],
    share: dict[str, Decimal],
    temperatures: dict[str, Temperatures] | None = None,
) -> bytes:
    """Month-end readings advancing `registers` by each meter's share of its normal month."""
    lines = ["maaler;tidspunkt;energi_mwh;volumen_m3;frem_c;retur_c"]
    for day in days:
        for meter, annual in ANNUAL_MWH.items():
            registers[meter] += (monthly_use(annual, day.month) * share[meter]).quantize(
                Decimal("0.001")
            )
            temps = (temperatures or {}).get(meter)
            forward, back = ("", "") if temps is None else (_da(temps.forward), _da(temps.back))
            energy = registers[meter]
            lines.append(
                f"{meter};{day.isoformat()};{_da(energy)};{_da(energy * 20)};{forward};{back}"
            )
    return ("\n".join(lines) + "\n").encode()


def _da(value: Decimal) -> str:
    return str(value).replace(".", ",")


def import_file(engine: Engine, clock: FixedClock, utility_id: int, name: str, data: bytes) -> None:
    with UnitOfWork(engine) as uow:
        import_readings(ImportFile(utility_id, name, data), ReadingSource.REMOTE, uow, clock)


def a_year_before(
    engine: Engine, clock: FixedClock, utility_id: int, start: date, registers: dict[str, Decimal]
) -> None:
    """The registers at the end of `start` and the twelve month-end readings after it: the
    year before the billed one (`start`: 31 December, or 31 May for a year from 1 June)."""
    lines = ["maaler;tidspunkt;energi_mwh;volumen_m3"]
    lines += [f"{m};{start.isoformat()};{_da(v)};{_da(v * 20)}" for m, v in registers.items()]
    import_file(engine, clock, utility_id, "start.csv", ("\n".join(lines) + "\n").encode())
    one = dict.fromkeys(ANNUAL_MWH, Decimal(1))
    data = readings_file(registers, month_ends(start + timedelta(days=1), 12), one)
    import_file(engine, clock, utility_id, "year-before.csv", data)


def charge_the_year(
    engine: Engine, clock: FixedClock, utility_id: int, year: int
) -> list[RunReport]:
    """Set the year's budgets and charge every installment on its charge date."""
    with UnitOfWork(engine) as uow:
        set_budgets(utility_id, year, uow, clock)
        rulebook = rulebook_of(uow, utility_id, clock.today())
    reports = []
    for item in installment_schedule(year, rulebook, danish_bank_calendar()):
        clock.advance_to(max(clock.today(), item.charge_date))
        with UnitOfWork(engine) as uow:
            reports.append(bill_installments(utility_id, item.charge_date, uow, clock))
    return reports


def bills_of(engine: Engine, utility_id: int, number: str) -> list[Bill]:
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        found = installations.installation_by_number(number)
        bills = uow.bills(utility_id)
        return [
            b
            for customer in installations.relationships_of(found.installation_id)
            for b in bills.of_customer(customer.relationship_id)
        ]
