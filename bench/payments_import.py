"""Benchmark: a million payments taken in and cleared through the real `import_payments`.

A throw-away database (a temporary SQLite file, or a fresh PostgreSQL database with
--database-url) is migrated and `settlement_state`'s billed `4rater` utility is built fast and
untimed, with --payments / 5 installations: five open installment items each. Payment files of
--per-file payments naming the items' FI payment ids are written (`payments_files`, untimed,
each just before its import). Timed: `import_payments` of each file in its own unit of work
(read, match, clear in the rulebook's order, book, commit). Then, in the same run, the rows the
imports wrote are bulk-inserted bare into scratch copies of their tables (`payments_bare`); both
times, their ratio and the peak memory of the process (ru_maxrss) are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import resource
import sys
import time
from collections import Counter
from contextlib import nullcontext

from sqlalchemy import Engine, text

from heatbill.adapters.clock import Clock
from heatbill.domain.money import Money
from heatbill.services.imports import ImportFile
from heatbill.services.payments import import_payments
from heatbill.services.unit_of_work import UnitOfWork
from payments_bare import bare_insert, first_ids
from payments_files import PaymentFile, files, items_to_pay, payments
from payments_stages import timed_stages
from settlement_state import BILLS_PER_CUSTOMER, build
from throwaway_database import throwaway_engine


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Imports:
    """The timed imports, file by file, and what they reported."""

    def __init__(self, profile: cProfile.Profile | None) -> None:
        self.profile = profile
        self.seconds = 0.0
        self.tally: Counter[str] = Counter()
        self.paid_total = Money(0)

    def take(self, engine: Engine, utility_id: int, file: PaymentFile, clock: Clock) -> None:
        command = ImportFile(utility_id, file.name, file.data)
        gc.collect()
        started = time.perf_counter()
        if self.profile:
            self.profile.enable()
        with UnitOfWork(engine) as uow:
            report = import_payments(command, uow, clock)
        if self.profile:
            self.profile.disable()
        spent = time.perf_counter() - started
        self.seconds += spent
        self.tally.update(paid=report.paid, matched=report.matched, unmatched=len(report.unmatched))
        self.tally["credits_ore"] += report.credits.ore
        self.paid_total += report.paid_total
        print(f"  {file.name}: {file.payments} payments {spent:7.2f} s", flush=True)


def run(engine: Engine, args: argparse.Namespace) -> None:
    installations = -(-args.payments // BILLS_PER_CUSTOMER)
    name = engine.dialect.name
    print(f"{name}: {args.payments} payments ({args.format}, {args.per_file} a file), "
          f"{installations} installations")  # fmt: skip
    started = time.perf_counter()
    state = build(engine, installations, args.seed)
    items = items_to_pay(engine, state.utility_id)
    paid = payments(items, args.payments, args.seed)
    del items
    print(f"  build the billed state, {len(paid)} payments (untimed) {_since(started):8.1f} s")
    with engine.connect() as connection:
        written = first_ids(connection, state.utility_id)
    gc.collect()
    before = peak_rss_mib()
    imports = Imports(cProfile.Profile() if args.profile else None)
    timer = timed_stages() if args.stages else nullcontext(Counter[str]())
    with timer as stages:
        for file in files(paid, args.per_file, args.format):
            imports.take(engine, state.utility_id, file, state.clock)
    peak = peak_rss_mib()
    del paid
    bare, counts = bare_insert(engine, written)
    rows = sum(counts.values())
    seconds, tally = imports.seconds, imports.tally
    credits = Money(tally["credits_ore"])
    print(f"  paid {tally['paid']} ({imports.paid_total}), matched {tally['matched']}, "
          f"unmatched {tally['unmatched']}, kept as credits {credits}")  # fmt: skip
    print("  rows written: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({rows})")
    print(f"  open items left: {_open_items(engine, state.utility_id)}")
    print(f"  import_payments:  {seconds:8.2f} s  {args.payments / seconds:9.0f} payments/s")
    print(f"  bare bulk insert: {bare:8.2f} s  {rows / bare:9.0f} rows/s")
    print(f"  ratio import / bare insert: {seconds / bare:.1f}")
    print(f"  peak memory (ru_maxrss): {peak:.0f} MiB (before the imports: {before:.0f} MiB)")
    for label, spent in stages.items():
        print(f"    {label:50} {spent:8.2f} s  {spent * 1e6 / args.payments:7.1f} µs each")
    if imports.profile:
        stats = pstats.Stats(imports.profile, stream=sys.stderr)
        stats.sort_stats(args.profile).print_stats(30)


def _since(started: float) -> float:
    return time.perf_counter() - started


def _open_items(engine: Engine, utility_id: int) -> int:
    query = text(
        "SELECT count(*) FROM (SELECT open_item_id FROM posting WHERE utility_id = :u "
        "AND open_item_id IS NOT NULL GROUP BY open_item_id HAVING sum(amount_ore) != 0) open"
    )
    with engine.connect() as connection:
        return int(connection.execute(query, {"u": utility_id}).scalar_one())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--payments", type=int, default=1_000_000)
    parser.add_argument("--per-file", type=int, default=100_000)
    parser.add_argument("--format", choices=("fi", "camt053"), default="fi")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        help="cProfile the timed imports: the top 30 to stderr, by tottime or as given",
    )
    parser.add_argument("--stages", action="store_true", help="time the import's steps")
    args = parser.parse_args()
    with throwaway_engine(args.database_url) as engine:
        run(engine, args)


if __name__ == "__main__":
    main()
