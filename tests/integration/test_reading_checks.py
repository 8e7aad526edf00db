"""The batch path of the reading checks agrees with the reading-by-reading path, verdict for
verdict: same status, same reasons with the same Danish text, same estimates superseded.

A few hundred generated readings of 24 meters over two years, imported as a utility gets them
— a year of history in one file, an estimate, then a head-end file a month — with what real
files bring: plausible months, jumps, registers gone down, months missing, late and repeated
readings, a second reading of a day with other values, two readings of one meter in a file, a
date in the future, a meter under a year old, and 29 February. Each file's readings are first
judged by the reference (`per_reading_checks`) on the whole history, then imported for real.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.domain.plausibility import HoldCode
from heatbill.domain.register.readings import Reading, ReadingSource, ReadingStatus
from heatbill.services.customer_import import import_customers
from heatbill.services.estimates import estimate_missing
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.reading_review import ReviewReading, accept_reading
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.per_reading_checks import Verdict, per_reading_verdicts
from tests.integration.register_story import (
    clock_on,
    month_ends,
    monthly_use,
    new_solrod_utility,
    readings_csv,
)

METERS = [f"T{i}" for i in range(1, 25)]
YOUNG = {"T23", "T24"}
"""Meters installed in the summer of 2024: under a year of history in 2025."""
HEADER = (
    "maalested;adresse;postnr;by;bbr_areal_m2;anvendelse;maaler;maaler_opsat;aflaesning;"
    "kunde_type;navn;digital_post;fritaget_digital_post;rolle;kunde_fra"
)
Row = tuple[str, date, Decimal, Decimal]


def customers() -> bytes:
    lines = [HEADER] + [
        f"{20000 + i};Prøvevej {i};2680;Solrød Strand;{80 + 7 * i};bolig;{serial};"
        "01-01-2020;fjern;person;Kunde {i};ja;nej;ejer;01-01-2020"
        for i, serial in enumerate(METERS)
    ]
    return ("\n".join(lines) + "\n").encode()


class Meters:
    """Each meter's true energy register (MWh) and what it reported; volume is 20 m³/MWh."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.annual = {m: Decimal(rng.randint(5, 40)) for m in METERS}
        self.register = {m: Decimal(rng.randint(10, 900)) for m in METERS}
        self.sent: dict[str, Row] = {}
        self.late: list[Row] = []
        """Year-end readings not sent in time (estimated), to come with January's file."""

    def advance(self, meter: str, day: date) -> Row:
        self.register[meter] += monthly_use(self.annual[meter], day.month)
        return self.row(meter, day, self.register[meter])

    def row(self, meter: str, day: date, energy: Decimal) -> Row:
        self.sent[meter] = (meter, day, energy, energy * 20)
        return self.sent[meter]


def history(meters: Meters) -> list[Row]:
    rows = []
    for day in [date(2023, 12, 31), *month_ends(date(2024, 1, 1), 12)]:
        for meter in METERS:
            if meter in YOUNG and day < date(2024, 7, 1):
                continue
            if meters.rng.random() < 0.15:
                rows.append(meters.advance(meter, day - timedelta(days=14)))  # read mid-month too
            row = meters.advance(meter, day)
            if meters.rng.random() < 0.06:
                meters.late += [row] if day.month == 12 else []  # December's is estimated
                continue  # a month missing
            rows.append(row if meters.rng.random() > 0.04 else (*row[:2], row[2] * 3, row[3] * 3))
    return rows


def a_month(meters: Meters, day: date) -> list[Row]:
    rows, meters.late = meters.late, []
    late = {row[0] for row in rows}
    for meter in METERS:
        draw = 1 if meter in late else meters.rng.random()
        earlier = meters.sent[meter]
        if draw < 0.05:
            meters.advance(meter, day)  # not read this month
        elif draw < 0.09:
            rows.append(earlier)  # the last reading again
        elif draw < 0.12:
            rows.append((*earlier[:2], earlier[2] + Decimal("0.5"), earlier[3] + 10))
        elif draw < 0.15:
            rows.append(meters.row(meter, day, meters.register[meter] - 2))
        elif draw < 0.19:
            rows.append(meters.row(meter, day, meters.advance(meter, day)[2] * 3))
        elif draw < 0.22:
            rows += [meters.advance(meter, day - timedelta(days=12)), meters.advance(meter, day)]
        elif draw < 0.24:
            rows.append(meters.advance(meter, day + timedelta(days=20)))  # future on import
        else:
            rows.append(meters.advance(meter, day))
    return rows


def second_file(meters: Meters, day: date) -> list[Row]:
    """A second export of the month: some meters again, half of them with other values."""
    sent = [row for row in meters.sent.values() if row[1] == day]
    again = meters.rng.sample(sent, len(sent) // 4)
    return [row if i % 2 else (*row[:2], row[2] + 5, row[3] + 100) for i, row in enumerate(again)]


def import_and_compare(
    engine: Engine, utility_id: int, month_end: date, rows: list[Row], name: str = ""
) -> None:
    clock = clock_on(month_end + timedelta(days=3))
    with UnitOfWork(engine) as uow:
        by_serial = uow.installations(utility_id).meters_by_serial(METERS)
        new = [
            Reading(by_serial[m][0].meter_id, d, e, v, ReadingSource.REMOTE) for m, d, e, v in rows
        ]
        expected = per_reading_verdicts(uow, utility_id, new, clock.today())
    with UnitOfWork(engine) as uow:
        file = ImportFile(utility_id, name or f"{month_end:%Y-%m}.csv", readings_csv(rows))
        report = import_readings(file, ReadingSource.REMOTE, uow, clock)
    assert [Verdict.of(o) for o in report.outcomes] == expected
    held = [o for o in report.outcomes if o.status is ReadingStatus.HELD]
    accepted = [o.reading_id for o in held if o.reasons[0].code is HoldCode.CONFLICTING_READING]
    for reading_id in dict.fromkeys(accepted + [o.reading_id for o in held[::3]]):
        with UnitOfWork(engine) as uow:  # then two accepted readings may share a day
            review = ReviewReading(utility_id, reading_id or 0, "kbh", "Kontrolleret")
            accept_reading(review, uow, clock)


def test_the_batch_checks_agree_with_the_checks_reading_by_reading(engine: Engine) -> None:
    clock = clock_on(date(2023, 12, 1))
    utility_id = new_solrod_utility(engine, clock)
    with UnitOfWork(engine) as uow:
        import_customers(
            ImportFile(utility_id, "kunder.csv", customers()), clock.today(), uow, clock
        )
    meters = Meters(random.Random(7))
    import_and_compare(engine, utility_id, date(2024, 12, 31), history(meters))
    with UnitOfWork(engine) as uow:
        estimate_missing(uow, clock_on(date(2025, 1, 10)), utility_id, date(2024, 12, 31))
        uow.commit()
    for day in month_ends(date(2025, 1, 1), 8):
        import_and_compare(engine, utility_id, day, a_month(meters, day))
        again = second_file(meters, day)
        import_and_compare(engine, utility_id, day, again, f"{day:%Y-%m}-igen.csv")
