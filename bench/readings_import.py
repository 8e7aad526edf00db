"""Benchmark: a year of meter readings of a synthetic utility through the real import service.

A throw-away database (a temporary SQLite file, or a fresh PostgreSQL database with
--database-url) is migrated; a Solrød utility is created and its customers are imported from a
generated customer export (`import_customers`); two year-end readings of history are imported.
Then the year's files — a head-end file a month and the year-end cards, cut at --readings rows
— go through `import_readings` (parse, match meters, plausibility, insert, commit), with the
year's moves registered between them as they happen. Timed: the year's imports only. In the
same run, the stored rows are bulk-inserted bare into a scratch copy of the reading table; both
times and their ratio are printed, and the held readings by reason.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
import uuid
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import Engine, text

from bare_insert import bare_insert_seconds, stored_rows
from heatbill.adapters.clock import FixedClock
from heatbill.adapters.cpr_vault import CprVault
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.adapters.synthetic.readings import ReadingsFile, Registers, history_files, year_files
from heatbill.adapters.synthetic.utility import (
    CUSTOMERS_AS_OF,
    SyntheticMove,
    customers_csv,
    generate,
)
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.parties import Contact, Cpr, Party, PartyKind
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.customer_import import import_customers
from heatbill.services.imports import ImportFile, ReadingsReport, import_readings
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility
from throwaway_database import throwaway_engine

VAULT = CprVault(b"heatbill benchmark secret, never a real one")


class Run:
    def __init__(self, engine: Engine, profile: cProfile.Profile | None) -> None:
        self.engine = engine
        self.profile = profile
        self.utility_id = 0
        self.import_seconds = 0.0
        self.import_ids: list[int] = []
        self.readings = 0
        self.held: Counter[str] = Counter()
        """Held readings, and under each reason code the readings held for it."""

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, vault=VAULT)

    def create_utility(self) -> None:
        def text(tariffs: bool) -> RuleText:
            return RuleText(
                preset_source("solrod", tariffs=tariffs), preset_text("solrod", tariffs=tariffs)
            )

        command = CreateUtility(
            f"bench-{uuid.uuid4().hex[:8]}", "Solrød Fjernvarme", "11223344", "Lerbækvej 17",
            "81234567", None, text(tariffs=False), text(tariffs=True),
        )  # fmt: skip
        with self.uow() as uow:
            self.utility_id = create_utility(
                command, uow, FixedClock.on(CUSTOMERS_AS_OF)
            ).utility_id

    def import_file(self, file: ReadingsFile, *, timed: bool) -> None:
        source = ReadingSource.CARD if file.card else ReadingSource.REMOTE
        command = ImportFile(self.utility_id, file.name, file.data)
        clock = FixedClock.on(file.received_on)
        started = time.perf_counter()
        if timed and self.profile:
            self.profile.enable()
        with self.uow() as uow:
            report = import_readings(command, source, uow, clock)
        if timed and self.profile:
            self.profile.disable()
        if timed:
            self.import_seconds += time.perf_counter() - started
            self.tally(report)

    def tally(self, report: ReadingsReport) -> None:
        self.import_ids.append(report.import_id)
        self.readings += len(report.readings)
        for outcome in report.held():
            self.held["held"] += 1
            self.held.update({reason.code.value for reason in outcome.reasons})

    def move(self, move: SyntheticMove, registers: Registers) -> None:
        site, successor = move.site, move.successor
        energy, volume = registers.on(site, move.move_date - timedelta(days=1))
        source = ReadingSource.REMOTE if site.remote else ReadingSource.CARD
        new_party = None
        if successor is not None and successor.cpr is not None:
            contact = Contact(email=successor.email)
            new_party = Party(
                0, PartyKind.PERSON, successor.name, contact, Cpr.parse(successor.cpr)
            )
        command = RegisterMove(
            self.utility_id, site.number, MoveKind.MOVE_OUT, move.move_date, move.notified_on,
            new_party=new_party, reading=MoveReading(energy, volume, source),
        )  # fmt: skip
        with self.uow() as uow:
            register_move(command, uow, FixedClock.on(move.move_date + timedelta(days=1)))


def capped(files: list[ReadingsFile], readings: int) -> list[ReadingsFile]:
    """The files in date order until `readings` rows, the last one cut short."""
    kept: list[ReadingsFile] = []
    left = readings
    for file in files:
        if left <= 0:
            break
        if file.rows > left:
            lines = file.data.decode().splitlines()[: left + 1]
            data = ("\n".join(lines) + "\n").encode()
            file = ReadingsFile(file.name, data, file.card, file.received_on, left)  # noqa: PLW2901
        kept.append(file)
        left -= file.rows
    return kept


def analyze(engine: Engine) -> None:
    """What autovacuum does on a normal PostgreSQL server (it is off on this machine's): fresh
    statistics after a bulk load, without which the planner takes the reading table for a few
    rows and answers `meter_id IN (…)` by scanning all of it."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))


def step(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"  {label:48} {now - started:8.2f} s")
    return now


def run(engine: Engine, args: argparse.Namespace) -> None:
    name = engine.dialect.name
    print(f"{name}: {args.installations} installations, up to {args.readings} readings")
    started = time.perf_counter()
    utility = generate(args.installations, seed=args.seed)
    registers = Registers(utility)
    customers = customers_csv(utility)
    history = history_files(utility, registers)
    files = capped(year_files(utility, registers), args.readings)
    gc.collect()
    gc.freeze()  # the generated utility lives on; a server would not hold it
    at = step("generate the utility and its files", started)
    bench = Run(engine, cProfile.Profile() if args.profile else None)
    bench.create_utility()
    with bench.uow() as uow:
        command = ImportFile(bench.utility_id, "kunder.csv", customers)
        import_customers(command, CUSTOMERS_AS_OF, uow, FixedClock.on(CUSTOMERS_AS_OF))
    at = step(f"import {len(utility.sites)} customers (customer export CSV)", at)
    for file in history:
        bench.import_file(file, timed=False)
        analyze(engine)
    at = step(f"import {sum(f.rows for f in history)} readings of history", at)
    events: list[tuple[date, int, ReadingsFile | SyntheticMove]] = [
        (f.received_on, 1, f) for f in files
    ]
    events += [(m.move_date + timedelta(days=1), 0, m) for m in utility.moves]
    for _, _, event in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(event, ReadingsFile):
            bench.import_file(event, timed=True)
        else:
            bench.move(event, registers)
    step(f"the year: {len(files)} files and {len(utility.moves)} moves", at)
    report(engine, bench)
    if bench.profile:
        stats = pstats.Stats(bench.profile, stream=sys.stderr)
        stats.sort_stats(args.profile).print_stats(20)


def report(engine: Engine, bench: Run) -> None:
    rows = stored_rows(engine, bench.utility_id, bench.import_ids)
    bare = bare_insert_seconds(engine, rows)
    seconds = bench.import_seconds
    print(f"  readings imported: {bench.readings}; stored: {len(rows)}")
    print(f"  import_readings:   {seconds:8.2f} s  {bench.readings / seconds:9.0f} readings/s")
    print(f"  bare bulk insert:  {bare:8.2f} s  {len(rows) / bare:9.0f} rows/s")
    print(f"  ratio import / bare insert: {seconds / bare:.1f}")
    held = bench.held.pop("held", 0)
    print(f"  held: {held}  " + ", ".join(f"{k} {v}" for k, v in sorted(bench.held.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--installations", type=int, default=92000)
    parser.add_argument("--readings", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        help="cProfile the timed imports: the top 20 to stderr, by tottime or as given",
    )
    args = parser.parse_args()
    with throwaway_engine(args.database_url) as engine:
        run(engine, args)


if __name__ == "__main__":
    main()
