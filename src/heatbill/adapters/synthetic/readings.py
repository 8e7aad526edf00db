"""Meter readings for a synthetic utility: month-end registers shaped by the weather.

Each installation's space heating follows a normal year's degree days (Dansk Fjernvarme's,
base 17 °C) and its hot water runs evenly by days; a year's use differs from the one before by
a few per cent, each month by up to ±10 %. Remote meters are read by the head-end each month
(a file a month, `2026-02-01 00:00` for the end of January, with temperatures); self-read
meters send a card for 31 December. History: the year before `year` as it was billed (clean),
so the import has last year's use to expect from. In `year` a small share of the head-end's
readings is implausible — a jump of several months' use, a use far too low, a register gone
down — for the import to hold (`vestervig 5.9`). Registers are kept as integer kWh and litres;
the files carry MWh and m³ with a decimal comma.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.synthetic.utility import Site, SyntheticUtility

NORMAL_YEAR_DD = (519, 486, 444, 311, 154, 58, 22, 18, 91, 207, 341, 461)
JUMP_SHARE, LOW_SHARE, DECREASING_SHARE = 0.0015, 0.001, 0.001
"""Shares of the head-end's readings in `year` that are implausible, by kind."""
HEAD_END_COLUMNS = "maaler;tidspunkt;energi_mwh;volumen_m3;frem_c;retur_c"
CARD_COLUMNS = "maaler;tidspunkt;energi_mwh;volumen_m3"


@dataclass(frozen=True, slots=True)
class ReadingsFile:
    name: str
    data: bytes
    card: bool
    """Self-reading cards; otherwise a remote-reading head-end export."""
    received_on: date
    rows: int


class Registers:
    """Each installation's true energy register (kWh): at the end of `year - 2` and at the end
    of each month of `year - 1` and `year`."""

    def __init__(self, utility: SyntheticUtility) -> None:
        rng = random.Random(utility.seed + 1)  # noqa: S311 - synthetic data, seeded on purpose
        self.year = utility.year
        self._kwh: dict[str, list[int]] = {}
        for site in utility.sites:
            ends = [rng.randint(2000, 25 * site.normal_year_kwh + 2000)]
            for year, spread in ((self.year - 1, 0.07), (self.year, 0.10)):
                year_kwh = site.normal_year_kwh * rng.uniform(1 - spread, 1 + spread)
                for month in range(1, 13):
                    use = year_kwh * _share(site, year, month) * rng.uniform(0.9, 1.1)
                    ends.append(ends[-1] + round(use))
            self._kwh[site.serial] = ends

    def month_end(self, site: Site, year: int, month: int) -> int:
        """At the end of `month` (0: the end of the year before)."""
        return self._kwh[site.serial][(year - self.year + 1) * 12 + month]

    def on(self, site: Site, day: date) -> tuple[Decimal, Decimal]:
        """(MWh, m³) at the end of `day`: within a month, evenly by days."""
        before = self.month_end(site, day.year, day.month - 1)
        after = self.month_end(site, day.year, day.month)
        kwh = before + (after - before) * day.day // calendar.monthrange(day.year, day.month)[1]
        return Decimal(kwh).scaleb(-3), Decimal(_litres(site, kwh)).scaleb(-3)


def _share(site: Site, year: int, month: int) -> float:
    days = calendar.monthrange(year, month)[1] / (366 if calendar.isleap(year) else 365)
    h = site.hot_water_share
    return h * days + (1 - h) * NORMAL_YEAR_DD[month - 1] / sum(NORMAL_YEAR_DD)


def _litres(site: Site, kwh: int) -> int:
    return round(kwh * site.m3_per_mwh)  # m³ per MWh is litres per kWh


def _register(kwh: int) -> str:
    return f"{kwh // 1000},{kwh % 1000:03d}"


def history_files(utility: SyntheticUtility, registers: Registers) -> list[ReadingsFile]:
    """The year before `utility.year`, as clean as it was billed: the registers at its start,
    a head-end file a month, and the year-end cards."""
    rng = random.Random(utility.seed + 3)  # noqa: S311 - synthetic data, seeded on purpose
    year = utility.year - 1
    opening = {s: registers.month_end(s, year, 0) for s in utility.sites}
    files = _year_end_files(year - 1, opening, rng)
    remote = [s for s in utility.sites if s.remote]
    for month in range(1, 13):
        rows = {s: registers.month_end(s, year, month) for s in remote}
        files.append(_head_end(_month_end(year, month), rows, rng))
    cards = {s: registers.month_end(s, year, 12) for s in utility.sites if not s.remote}
    return [*files, _cards(date(year, 12, 31), cards)]


def year_files(utility: SyntheticUtility, registers: Registers) -> list[ReadingsFile]:
    """A head-end file for each month of `utility.year`, now and then implausible, then the
    year-end cards."""
    rng = random.Random(utility.seed + 2)  # noqa: S311 - synthetic data, seeded on purpose
    year = utility.year
    files = []
    remote = [s for s in utility.sites if s.remote]
    for month in range(1, 13):
        rows = {s: _reported(registers, s, month, rng) for s in remote}
        files.append(_head_end(_month_end(year, month), rows, rng))
    cards = {s: registers.month_end(s, year, 12) for s in utility.sites if not s.remote}
    return [*files, _cards(date(year, 12, 31), cards)]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _reported(registers: Registers, site: Site, month: int, rng: random.Random) -> int:
    """The register the head-end reports: the true one, or now and then an implausible one."""
    year = registers.year
    before, true = (
        registers.month_end(site, year, month - 1),
        registers.month_end(site, year, month),
    )
    draw = rng.random()
    if draw < JUMP_SHARE:
        return before + round((true - before) * rng.uniform(3, 6))
    if draw < JUMP_SHARE + LOW_SHARE:
        return before + round((true - before) * rng.uniform(0, 0.2))
    if draw < JUMP_SHARE + LOW_SHARE + DECREASING_SHARE:
        return before - rng.randint(100, 2000)
    return true


def _year_end_files(year: int, rows: dict[Site, int], rng: random.Random) -> list[ReadingsFile]:
    day = date(year, 12, 31)
    remote = {s: kwh for s, kwh in rows.items() if s.remote}
    cards = {s: kwh for s, kwh in rows.items() if not s.remote}
    return [_head_end(day, remote, rng), _cards(day, cards)]


def _head_end(day: date, rows: dict[Site, int], rng: random.Random) -> ReadingsFile:
    """A head-end export: the register at the end of `day`, stamped 00:00 the day after."""
    stamp = f"{day + timedelta(days=1):%Y-%m-%d} 00:00"
    lines = [HEAD_END_COLUMNS]
    for site, kwh in rows.items():
        forward = rng.randint(6500, 7800)
        back = rng.randint(3200, 4500)
        lines.append(
            f"{site.serial};{stamp};{_register(kwh)};{_register(_litres(site, kwh))};"
            f"{forward // 100},{forward % 100:02d};{back // 100},{back % 100:02d}"
        )
    name = f"fjernaflaesning-{day:%Y-%m}.csv"
    return ReadingsFile(name, _bytes(lines), False, day + timedelta(days=2), len(rows))


def _cards(day: date, rows: dict[Site, int]) -> ReadingsFile:
    lines = [CARD_COLUMNS]
    lines += [
        f"{site.serial};{day:%d-%m-%Y};{_register(kwh)};{_register(_litres(site, kwh))}"
        for site, kwh in rows.items()
    ]
    name = f"selvaflaesning-{day:%Y}.csv"
    return ReadingsFile(name, _bytes(lines), True, day + timedelta(days=15), len(rows))


def _bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()
