"""The files a utility brings, written by the tests: a customer export, monthly degree days,
and monthly readings — 31-12-2023, then 2024 and 2025 — with three that must be held.

Use follows the weather: each month is a hot-water share by days and space heating by the
month's degree days (25 % hot water, Solrød's rulebook), so every reading is plausible except:
M1 on 31-07-2025 (almost no use: below expected), M3 on 31-03-2025 (60 MWh too many: above
expected) and M4 on 31-08-2025 (its registers went down). M5 lacks its 31-12-2025 reading;
M6 is read by the customer on a card and is not in the remote file.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from heatbill.domain.degree_days import DANSK_FJERNVARME_NORMAL_YEAR_DD

YEAR = 2025
YEAR_END = date(YEAR, 12, 31)
HOT_WATER = Decimal("0.25")
M3_PER_MWH = 20
CPRS = ("010190-1234", "020285-2345", "020270-1357", "150345-2468", "121180-4321")
"""Every CPR number the tests give heatbill; none may ever be printed in full."""

CUSTOMERS_CSV = """\
maalested;adresse;postnr;by;bbr_areal_m2;anvendelse;maaler;maaler_opsat;aflaesning;kunde_type;navn;cpr;cvr;email;digital_post;fritaget_digital_post;rolle;kunde_fra;ejer_navn;ejer_cpr;ejer_cvr
10001;Solrød Byvej 12;2680;Solrød Strand;142,5;bolig;M1;15-03-2019;fjern;person;Jens Hansen;010190-1234;;jens@example.dk;ja;nej;ejer;01-06-2015;;;
10002;Strandvejen 3, 1. tv;2680;Solrød Strand;68;bolig;M2;10-01-2020;fjern;person;Mette Sørensen;020285-2345;;mette@example.dk;ja;nej;lejer;01-08-2022;Karen Mikkelsen;020270-1357;
10003;Industrivej 7;2680;Solrød Strand;1250;erhverv;M3;01-05-2018;fjern;virksomhed;Bageriet Ølby ApS;;87654321;bager@example.dk;ja;nej;ejer;01-05-2018;;;
10004;Højagervej 21;2690;Karlslunde;96,4;bolig;M4;12-11-2012;fjern;person;Åse Kjærgaard;150345-2468;;;nej;ja;ejer;01-01-1998;;;
10005;Bøgeparken 14;2680;Solrød Strand;85;bolig;M5;20-06-2021;fjern;person;Lars Østergaard;;;lars@example.dk;ja;nej;ejer;2021-09-01;;;
10006;Jersie Strandvej 40;2680;Solrød Strand;74,25;bolig;M6;03-02-2016;selv;person;Ida Mikkelsen;;;ida@example.dk;ja;nej;ejer;2016-02-03;;;
"""  # noqa: E501 - a CSV line is as long as the export makes it

ANNUAL_MWH = {
    "M1": Decimal(18),
    "M2": Decimal(8),
    "M3": Decimal(120),
    "M4": Decimal(15),
    "M5": Decimal(12),
}
START_MWH = {"M1": Decimal(100), "M2": Decimal(40), "M3": Decimal(900), "M4": Decimal(70)}
START_MWH["M5"] = Decimal(30)
Row = tuple[str, date, Decimal, Decimal]


def degree_days(year: int, month: int) -> Decimal:
    """A normal year, except a cold first quarter of 2025."""
    normal = DANSK_FJERNVARME_NORMAL_YEAR_DD[month - 1]
    return normal * Decimal("1.1") if year == YEAR and month <= 3 else normal


def degree_days_csv() -> str:
    lines = ["aar;maaned;graddage"]
    lines += [
        f"{y};{m};{danish(degree_days(y, m))}" for y in (YEAR - 1, YEAR) for m in range(1, 13)
    ]
    return "\n".join(lines) + "\n"


def month_use(meter: str, year: int, month: int) -> Decimal:
    days = calendar.monthrange(year, month)[1] / Decimal(365 + calendar.isleap(year))
    weather = degree_days(year, month) / sum(degree_days(year, m) for m in range(1, 13))
    use = ANNUAL_MWH[meter] * (HOT_WATER * days + (1 - HOT_WATER) * weather)
    return use.quantize(Decimal("0.001"))


def month_ends() -> list[date]:
    ends = [date(YEAR - 2, 12, 31)]
    for year in (YEAR - 1, YEAR):
        ends += [date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)]
    return ends


def true_registers() -> dict[tuple[str, date], Decimal]:
    """What each meter really showed at each month end (MWh)."""
    found: dict[tuple[str, date], Decimal] = {}
    for meter, start in START_MWH.items():
        energy = start
        for day in month_ends():
            if day.year >= YEAR - 1:
                energy += month_use(meter, day.year, day.month)
            found[meter, day] = energy
    return found


def readings_rows() -> list[Row]:
    true = true_registers()
    rows = []
    for meter, day in true:
        energy = true[meter, day]
        volume = energy * M3_PER_MWH
        if (meter, day) == ("M1", date(YEAR, 7, 31)):
            energy = true[meter, date(YEAR, 6, 30)] + Decimal("0.001")
        elif (meter, day) == ("M3", date(YEAR, 3, 31)):
            energy += 60
        elif (meter, day) == ("M4", date(YEAR, 8, 31)):
            energy, volume = true[meter, date(YEAR, 7, 31)] - Decimal("0.5"), volume - 40
        if (meter, day) != ("M5", YEAR_END):
            rows.append((meter, day, energy, volume))
    return rows


def mid_month(meter: str, month_end: date, days: int) -> tuple[Decimal, Decimal]:
    """A plausible register `days` into the month ending `month_end` (a move reading)."""
    true = true_registers()
    before = true[meter, _previous_month_end(month_end)]
    energy = before + (true[meter, month_end] - before) * days / month_end.day
    energy = energy.quantize(Decimal("0.001"))
    return energy, energy * M3_PER_MWH


def _previous_month_end(day: date) -> date:
    return date.fromordinal(day.replace(day=1).toordinal() - 1)


def readings_csv(rows: list[Row], separator: str = ";") -> str:
    lines = [separator.join(("maaler", "tidspunkt", "energi_mwh", "volumen_m3"))]
    lines += [
        separator.join((m, d.isoformat(), _cell(danish(e), separator), _cell(danish(v), separator)))
        for m, d, e, v in rows
    ]
    return "\n".join(lines) + "\n"


def danish(number: Decimal) -> str:
    return f"{number:f}".replace(".", ",")


def _cell(text: str, separator: str) -> str:
    return f'"{text}"' if separator == "," else text
