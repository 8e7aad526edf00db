"""Benchmark: the daily collections pass (`run_collections`) over N installations with 5 % of
them in arrears.

A throw-away database (a temporary SQLite file, or a fresh PostgreSQL database with
--database-url) is migrated and a utility in arrears is built fast and untimed
(`collections_state`: N installations, five installment bills each, all paid but one item of
every 20th customer, those claims at various points of the timeline). Then, as the daily run
does, the planner's statistics are refreshed (`refresh_statistics`, timed apart), and timed:
the real `run_collections` for one day in its unit of work, with its commit — the payment plan
checks, the claims loaded, each claim's next step and the law guard, the fees posted as open
items, the letters queued, the steps recorded. Printed: claims/s, the steps by kind, the peak
memory of the process (ru_maxrss); --explain prints the database's plan of the overdue query.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import resource
import sys
import time
from typing import Any

from sqlalchemy import Engine, event

from collections_state import COLLECTED_ON, build_arrears
from heatbill.adapters.db.collection_repository import SqlClaims
from heatbill.adapters.db.statistics import refresh_statistics
from heatbill.services.collections import run_collections
from heatbill.services.unit_of_work import UnitOfWork
from throwaway_database import throwaway_engine


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def step(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"  {label:48} {now - started:8.2f} s", flush=True)
    return now


def run(engine: Engine, args: argparse.Namespace) -> None:
    print(f"{engine.dialect.name}: {args.installations} installations, collections on "
          f"{COLLECTED_ON:%d-%m-%Y}")  # fmt: skip
    at = time.perf_counter()
    state = build_arrears(engine, args.installations, args.seed)
    at = step(f"build the state, {state.claims} claims (untimed)", at)
    refresh_statistics(engine)
    at = step("refresh_statistics (as the daily run, first)", at)
    if args.explain:
        explain(engine, state.utility_id)
    gc.collect()
    before = peak_rss_mib()
    profile = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profile:
        profile.enable()
    with UnitOfWork(engine) as uow:
        report = run_collections(state.utility_id, COLLECTED_ON, uow, state.clock)
    if profile:
        profile.disable()
    seconds = time.perf_counter() - started
    peak = peak_rss_mib()
    step("run_collections (timed)", at)
    taken = sum(report.taken.values())
    print(f"  claims: {report.claims}  steps taken: {taken}  waiting: {report.waiting}"
          f"  held: {report.held}  refused: {len(report.refused)}"
          f"  awaiting assessment: {report.awaiting_assessment}")  # fmt: skip
    print("  steps: " + ", ".join(f"{k.value} {v}" for k, v in sorted(report.taken.items())))
    print(f"  fees: {report.fees.format_da()}")
    print(f"  run_collections: {seconds:8.2f} s  {report.claims / seconds:9.0f} claims/s"
          f"  ({args.installations / seconds:9.0f} installations/s)")  # fmt: skip
    print(f"  peak memory (ru_maxrss): {peak:.0f} MiB (before the run: {before:.0f} MiB)")
    for refused in report.refused[:5]:
        print(f"  ! {refused}")
    if profile:
        stats = pstats.Stats(profile, stream=sys.stderr)
        stats.sort_stats(args.profile).print_stats(25)


def explain(engine: Engine, utility_id: int) -> None:
    """The plan of the overdue query (the first statement `SqlClaims.overdue` runs), as the
    database will run it."""
    with engine.connect() as connection:
        seen: list[tuple[str, Any]] = []

        def capture(*args: Any) -> None:
            statement, parameters = args[2], args[3]
            if not seen and statement.lstrip().upper().startswith("SELECT"):
                seen.append((statement, parameters))

        event.listen(connection, "before_cursor_execute", capture)
        SqlClaims(connection, utility_id).overdue(COLLECTED_ON)
        event.remove(connection, "before_cursor_execute", capture)
        statement, parameters = seen[0]
        prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
        for row in connection.exec_driver_sql(prefix + statement, parameters):
            print(f"    {row[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--installations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite")
    parser.add_argument("--explain", action="store_true", help="print the overdue query's plan")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        help="cProfile the timed run: the top 25 to stderr, by tottime or as given",
    )
    args = parser.parse_args()
    with throwaway_engine(args.database_url) as engine:
        run(engine, args)


if __name__ == "__main__":
    main()
