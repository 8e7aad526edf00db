"""A `4rater` year settled through the `heatbill` command, as staff would do it.

The customers of `tests.integration.settled_story` (the bakery on 10003 has an EAN), but a year
earlier so that every reading lies in the past of the machine running the tests: readings to
31-12-2024 give the budgets of 2025, four installments are billed in 2025, the readings of
2025 come in, and on 02-03-2026 (the first bank day of March) installment 2 of 2026 is billed
and the year 2025 settled. The bakery uses more than last year (owes), 10001 and 10002 less.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.e2e.conftest import Heatbill
from tests.integration.register_story import ANNUAL_MWH, month_ends, monthly_use
from tests.integration.settled_story import CUSTOMERS_CSV
from tests.unit.bs_files import PBS

UTILITY = "solrod"
FI_CREDITOR = "81234567"
SETTLED_ON = "02-03-2026"
INSTALLMENT_DAYS_2025 = ("02-01-2025", "03-03-2025", "02-06-2025", "01-09-2025")
SHARE_2025 = {"M1": Decimal("0.6"), "M2": Decimal("0.9"), "M3": Decimal("1.25")}


def readings_file(registers: dict[str, Decimal], year: int, share: dict[str, Decimal]) -> str:
    """Monthly readings of `year`, each meter's use scaled by `share`; advances `registers`."""
    lines = ["maaler;tidspunkt;energi_mwh;volumen_m3"]
    for day in month_ends(date(year, 1, 1), 12):
        for meter, annual in ANNUAL_MWH.items():
            registers[meter] += (monthly_use(annual, day.month) * share[meter]).quantize(
                Decimal("0.001")
            )
            lines.append(line(meter, day, registers[meter]))
    return "\n".join(lines) + "\n"


def line(meter: str, day: date, energy: Decimal) -> str:
    return f"{meter};{day.isoformat()};{danish(energy)};{danish(energy * 20)}"


def danish(number: Decimal) -> str:
    return str(number).replace(".", ",")


def settle_a_year(heatbill: Heatbill) -> dict[str, Decimal]:
    """The story up to the settlement; each meter's register at 31-12-2025 (MWh)."""
    heatbill(
        "utility", "create", "--code", UTILITY, "--name", "Solrød Fjernvarme",
        "--cvr", "11223344", "--address", "Lerbækvej 17, 2680 Solrød Strand",
        "--rulebook", "4rater", "--tariffs", "4rater",
        "--fi-creditor", FI_CREDITOR, "--pbs", PBS,
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", UTILITY, "--as-of", "01-01-2025")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    start = [line(m, date(2023, 12, 31), v) for m, v in registers.items()]
    history = readings_file(registers, 2024, dict.fromkeys(ANNUAL_MWH, Decimal(1)))
    heatbill.write("historik.csv", history.replace("\n", "\n" + "\n".join(start) + "\n", 1))
    heatbill("import", "readings", "historik.csv", "-u", UTILITY)
    heatbill("run", "budgets", "--year", "2025", "-u", UTILITY)
    for day in INSTALLMENT_DAYS_2025:
        heatbill("run", "billing", "--date", day, "-u", UTILITY)
    heatbill.write("2025.csv", readings_file(registers, 2025, SHARE_2025))
    heatbill("import", "readings", "2025.csv", "-u", UTILITY)
    heatbill("run", "budgets", "--year", "2026", "-u", UTILITY)
    heatbill("run", "billing", "--date", SETTLED_ON, "-u", UTILITY)
    settled = heatbill("run", "settlement", "--year", "2025", "--date", SETTLED_ON, "-u", UTILITY)
    assert "Kørslen er gennemført" in settled, settled
    return registers
