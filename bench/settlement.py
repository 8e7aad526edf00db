"""Benchmark: the annual settlement (`heatbill run settlement --year 2026`) of N installations.

A throw-away database (a temporary SQLite file, or a fresh PostgreSQL database with
--database-url) is migrated and a settled-year `4rater` state of N installations is built fast
and untimed (`settlement_state`). Timed: the real `settle_year_run` in its unit of work, with
its commit — every settlement bill, its lines, journal entry, postings and open item, and the
set-offs and pay-outs of the refunds. Then, in the same run, the rows it wrote are bulk-inserted
bare into scratch copies of their tables (`settlement_bare`); both times, their ratio and the
peak memory of the process (ru_maxrss) are printed.

--check builds a small state twice — once with the installments billed by the generator, once
by the real `bill_installments` run — settles both and compares every installation's bills,
ledger lines and open items.
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

from sqlalchemy import Engine, func, select, text

from heatbill.adapters.db.billing_tables import bill
from heatbill.domain.billing.bill import BillKind
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from settlement_bare import bare_insert, first_ids
from settlement_check import check
from settlement_stages import timed_stages
from settlement_state import YEAR, build
from throwaway_database import throwaway_engine


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def step(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"  {label:48} {now - started:8.2f} s", flush=True)
    return now


class Progress:
    """Installations settled so far, on one line of stderr."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        seconds = time.perf_counter() - self.started
        print(f"\r  settled {done:>9} / {total}  {seconds:7.1f} s", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)


def run(engine: Engine, args: argparse.Namespace) -> None:
    name = engine.dialect.name
    print(f"{name}: {args.installations} installations, settlement of {YEAR}")
    started = time.perf_counter()
    state = build(engine, args.installations, args.seed)
    at = step("build the settled-year state (untimed)", started)
    with engine.connect() as connection:
        written = first_ids(connection, state.utility_id)
    gc.collect()
    before = peak_rss_mib()
    profile = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profile:
        profile.enable()
    timer = timed_stages() if args.stages else nullcontext(Counter[str]())
    with timer as stages, UnitOfWork(engine) as uow:
        report = settle_year_run(state.utility_id, YEAR, uow, state.clock, progress=Progress())
    if profile:
        profile.disable()
    seconds = time.perf_counter() - started
    peak = peak_rss_mib()
    at = step("settle_year_run (timed)", at)
    mix = dispositions(engine, state.utility_id)
    bare, counts = bare_insert(engine, written)
    rows = sum(counts.values())
    print(f"  settled: {report.done}  already: {report.already}  problems: {len(report.problems)}")
    print("  results: " + ", ".join(f"{k} {v}" for k, v in sorted(mix.items())))
    print("  rows written: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({rows})")
    per_second = args.installations / seconds
    print(f"  settle_year_run:  {seconds:8.2f} s  {per_second:9.0f} installations/s"
          f"  {rows / seconds:9.0f} rows/s")  # fmt: skip
    print(f"  bare bulk insert: {bare:8.2f} s  {rows / bare:9.0f} rows/s")
    print(f"  ratio run / bare insert: {seconds / bare:.1f}")
    print(f"  peak memory (ru_maxrss): {peak:.0f} MiB (before the run: {before:.0f} MiB)")
    for label, spent in stages.items():
        print(f"    {label:54} {spent:8.2f} s  {spent * 1e6 / args.installations:7.1f} µs each")
    for problem in report.problems[:5]:
        print(f"  ! {problem}")
    if profile:
        stats = pstats.Stats(profile, stream=sys.stderr)
        stats.sort_stats(args.profile).print_stats(25)


def dispositions(engine: Engine, utility_id: int) -> Counter[str]:
    """How the settlements came out: owed, set off, paid out (by their journal entries)."""
    with engine.connect() as connection:
        owed = connection.execute(
            select(func.count()).where(
                bill.c.utility_id == utility_id,
                bill.c.kind == BillKind.ANNUAL_SETTLEMENT.value,
                bill.c.net_ore + bill.c.vat_ore > 0,
            )
        ).scalar_one()
        rows = connection.execute(
            text(
                "SELECT reason, count(*) FROM journal_entry WHERE utility_id = :u "
                "AND idempotency_key LIKE 'settlement-disposition:%' GROUP BY reason"
            ),
            {"u": utility_id},
        ).all()
    found = Counter({"owed": int(owed)})
    names = {"clearing": "set off", "refund": "paid out"}
    found.update({names.get(reason, reason): int(n) for reason, n in rows})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--installations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        help="cProfile the timed run: the top 25 to stderr, by tottime or as given",
    )
    parser.add_argument("--stages", action="store_true", help="time the run's steps")
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare the generated state with the real billing run at --installations (50)",
    )
    args = parser.parse_args()
    with throwaway_engine(args.database_url) as engine:
        if args.check:
            check(engine, args.installations, args.seed)
        else:
            run(engine, args)


if __name__ == "__main__":
    main()
