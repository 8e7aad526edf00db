"""Load tool (not a timed test): the staff customer page and the arrears list under concurrent
users, against the real web app on PostgreSQL with N installations (default 1 M).

A throw-away PostgreSQL database is created and the state built fast and untimed
(`web_state`: N installations of a `4rater` utility with five installment bills each, 5 % of
the customers in arrears with their collection steps and letters, monthly readings and a
welcome letter for every 10th installation, degree days, a staff user). The real app
(`heatbill.entrypoints.web.app:create_app`) is served by uvicorn in a process of its own, on
localhost, with the business date fixed to the state's day; this process signs in once
(`POST /api/session`) and drives it with `--users` concurrent clients (asyncio, httpx, the
session cookie on every request) for `--duration` seconds after a warm-up:

- the customer page, `GET /maalested/{number}` (HTML) and `GET /api/installations/{number}`
  (JSON): 40 % of the installations asked for have a claim, 30 % are from the sample with
  monthly readings, 30 % any installation;
- the arrears list, `GET /restancer` and `GET /api/arrears`: pages 1-20 mostly, now and then
  a deep page, with the filters (days past due, minimum amount, former customers) varied.

Each user waits `--think` seconds (uniform 0 to twice the mean) between its requests; 0 drives
the server as hard as 20 clients can. Printed per endpoint: count, p50, p95, p99, max (ms),
errors; the load average before, during and after. `--keep` leaves the database (its name
printed), `--reuse NAME` runs against a database kept earlier without building it again.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import socket
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from collections_state import COLLECTED_ON, EVERY
from heatbill.adapters.db.engine import make_engine
from heatbill.adapters.db.migrate import upgrade
from heatbill.adapters.db.register_tables import installation
from heatbill.adapters.db.tables import utility
from throwaway_database import throwaway_engine
from web_state import PASSWORD, SAMPLE, USERNAME, WebState, build_web

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TARGET_MS = 100.0


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, str] = field(default_factory=dict)
    loads: list[float] = field(default_factory=list)


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def served(database_url: str, port: int, workers: int) -> Iterator[subprocess.Popen[bytes]]:
    """uvicorn with the real app in a process of its own; stopped (by its pid) afterwards."""
    env = dict(os.environ)
    env.update(
        HEATBILL_DATABASE_URL=database_url,
        HEATBILL_TODAY=COLLECTED_ON.isoformat(),
        HEATBILL_ENV="development",
        HEATBILL_SECRET_KEY=secrets.token_hex(24),
    )
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "heatbill.entrypoints.web.app:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def customer_number(rng: random.Random, state: WebState) -> str:
    roll = rng.random()
    n = state.installations
    if roll < 0.4:
        number = EVERY * rng.randint(1, n // EVERY)
    elif roll < 0.7:
        number = SAMPLE * rng.randint(1, n // SAMPLE)
    else:
        number = rng.randint(1, n)
    return f"{number:08d}"


def arrears_query(rng: random.Random, api: bool, pages: int) -> str:
    page = rng.randint(1, 20) if rng.random() < 0.9 else rng.randint(1, max(pages, 1))
    days = rng.choice([1, 1, 1, 15, 30, 60, 90])
    former = rng.choice([None, None, None, True, False])
    minimum = rng.choice([0, 0, 0, 50_000, 200_000])
    if api:
        query = f"/api/arrears?page={page}&min_days={days}&min_ore={minimum}"
        return query + ("" if former is None else f"&former={str(former).lower()}")
    query = f"/restancer?side={page}&dage={days}"
    if minimum:
        query += f"&mindst={minimum // 100}"
    return query + ("" if former is None else f"&tidligere={'ja' if former else 'nej'}")


async def drive(base: str, state: WebState, args: argparse.Namespace, results: Results) -> None:
    limits = httpx.Limits(max_connections=args.users, max_keepalive_connections=args.users)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        answer = await client.post(
            "/api/session",
            json={"username": USERNAME, "password": PASSWORD, "utility": state.code},
        )
        answer.raise_for_status()
        first = await client.get("/api/arrears?page=1")
        first.raise_for_status()
        pages = (int(first.json()["count"]) + 49) // 50
        warm_until = time.monotonic() + args.warmup
        stop_at = warm_until + args.duration

        async def user(k: int) -> None:
            rng = random.Random(args.seed * 1000 + k)
            while time.monotonic() < stop_at:
                roll = rng.random()
                if roll < 0.4:
                    name, path = "GET /maalested/{n}", f"/maalested/{customer_number(rng, state)}"
                elif roll < 0.5:
                    name = "GET /api/installations/{n}"
                    path = f"/api/installations/{customer_number(rng, state)}"
                elif roll < 0.9:
                    name, path = "GET /restancer", arrears_query(rng, False, pages)
                else:
                    name, path = "GET /api/arrears", arrears_query(rng, True, pages)
                started = time.monotonic()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                ended = time.monotonic()
                if started >= warm_until and ended <= stop_at:
                    results.times[name].append((ended - started) * 1000)
                    if not ok:
                        results.errors[name] += 1
                        results.samples.setdefault(name, f"{path} -> {response.status_code}")
                if args.think > 0:
                    await asyncio.sleep(rng.uniform(0, 2 * args.think))

        async def watch() -> None:
            while time.monotonic() < stop_at:
                await asyncio.sleep(5)
                results.loads.append(load_average()[0])

        await asyncio.gather(watch(), *(user(k) for k in range(args.users)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(results: Results, args: argparse.Namespace) -> None:
    print(f"\n  {args.users} users, think {args.think} s, {args.duration} s measured "
          f"(after {args.warmup} s warm-up), {args.workers} uvicorn worker(s)")  # fmt: skip
    print(f"  {'endpoint':30} {'count':>7} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7}"
          f" {'max':>7} {'errors':>6}  (ms)")  # fmt: skip
    met = True
    for name in sorted(results.times):
        t = results.times[name]
        p95 = percentile(t, 95)
        met = met and p95 < TARGET_MS
        p50, p99, rate = percentile(t, 50), percentile(t, 99), len(t) / args.duration
        print(f"  {name:30} {len(t):7} {rate:7.1f} {p50:7.1f} {p95:7.1f} {p99:7.1f}"
              f" {max(t):7.1f} {results.errors[name]:6}")  # fmt: skip
    for name, sample in results.samples.items():
        print(f"  ! {name}: e.g. {sample}")
    if results.loads:
        loads = results.loads
        print(f"  load average (1 min) during the run: {min(loads):.2f}-{max(loads):.2f}"
              f", mean {sum(loads) / len(loads):.2f}")  # fmt: skip
    print(f"  target p95 < {TARGET_MS:.0f} ms on every endpoint: {'met' if met else 'MISSED'}")


def state_of(engine: Engine) -> WebState:
    """The state of a database kept by an earlier run (`--reuse`)."""
    with engine.connect() as connection:
        u, code = connection.execute(
            select(utility.c.utility_id, utility.c.code).order_by(utility.c.utility_id)
        ).one()
        n = connection.execute(
            select(func.count()).select_from(installation).where(installation.c.utility_id == u)
        ).scalar_one()
    return WebState(int(u), code, int(n), int(n) // EVERY, COLLECTED_ON)


def prepare(engine: Engine) -> None:
    """The schema at the newest revision (a kept database may be older than the code), and
    the planner's statistics and visibility map fresh: the server here runs without
    autovacuum, and the arrears list reads the unsettled residuals from their index alone."""
    at = time.perf_counter()
    upgrade(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE open_item_residual"))
        connection.execute(text("ANALYZE"))
    print(f"  migrated, vacuumed and analysed in {time.perf_counter() - at:.0f} s", flush=True)


def run(engine: Engine, state: WebState | None, args: argparse.Namespace) -> None:
    if state is None:
        print(f"postgresql: building {args.installations} installations (untimed)", flush=True)
        at = time.perf_counter()
        state = build_web(engine, args.installations, args.seed)
        print(f"  built in {time.perf_counter() - at:.0f} s: {state.claims} claims", flush=True)
    prepare(engine)
    url = engine.url.render_as_string(hide_password=False)
    port = free_port()
    print(f"  load average before: {'/'.join(f'{x:.2f}' for x in load_average())}", flush=True)
    results = Results()
    with served(url, port, args.workers):
        asyncio.run(drive(f"http://127.0.0.1:{port}", state, args, results))
    report(results, args)
    print(f"  load average after: {'/'.join(f'{x:.2f}' for x in load_average())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--installations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default=DEFAULT_URL, help="a PostgreSQL server URL")
    parser.add_argument("--users", type=int, default=20, help="concurrent clients")
    parser.add_argument("--duration", type=float, default=60, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=5, help="seconds not measured first")
    parser.add_argument("--think", type=float, default=0, help="mean seconds between requests")
    parser.add_argument(
        "--workers", type=int, default=4, help="uvicorn worker processes (two per core)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", metavar="NAME", help="a database kept by an earlier run")
    args = parser.parse_args()
    if args.reuse:
        url = make_url(args.database_url).set(database=args.reuse)
        engine = make_engine(url.render_as_string(hide_password=False))
        try:
            run(engine, state_of(engine), args)
        finally:
            engine.dispose()
        return
    with throwaway_engine(args.database_url, keep=args.keep) as engine:
        run(engine, None, args)


if __name__ == "__main__":
    main()
