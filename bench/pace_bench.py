"""One host, several crawl processes: does its pace hold across them, and at what cost?

What scheduled runs do when sources on one host fall due together: P processes, each
sending K requests to one replica host as fast as its limiter lets it, all let go at the
same moment, with

- `govarchive`: each process's `PoliteFetcher` (flows/politeness.py), its host's pace kept
  across processes by the pace ledger (flows/host_ledger.py);
- `govarchive-alone`: the same with `GOVARCHIVE_PACE_DIR=off` (before the ledger);
- `pyrate-limiter`: the peer a user would pick for a rate limit shared by processes,
  its SQLite bucket with its file lock (`create_sqlite_limiter(..., use_file_lock=True)`),
  one file for all processes, `try_acquire_async` before each request (httpx).

Reported from the replica server's own request log (its thread scheduled real-time when
allowed, as in bench/hosts_bench.py): the most requests in any 1 s window against the
limit, the span of all P×K requests against the ideal (P×K-1)/rps, and, apart from HTTP,
the limiter's own cost per request (µs, one process, a 2 rps host's state).

    python -m bench.pace_bench [--processes 4] [--requests 10] [--rps 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.replica.hosts import ColumnPlan, HostPlan, HostsServer, max_in_window

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.2"
CRAWLERS = ("govarchive", "govarchive-alone", "pyrate-limiter")


async def _send_govarchive(url: str, n: int, rps: float) -> None:
    from flows.fetch import Fetcher, FetchPolicy
    from flows.politeness import PoliteFetcher, Politeness

    async with Fetcher(FetchPolicy(allow_private=True, check_addresses=False)) as base:
        polite = PoliteFetcher(base, Politeness(rps=rps, concurrency=1, respect_robots=False, attempts=1))
        for _ in range(n):
            res = await polite.fetch(url)
            assert res.status == 200, res.error


async def _send_pyrate(url: str, n: int, rps: float, db: str) -> None:
    import httpx
    from pyrate_limiter.limiter_factory import create_sqlite_limiter

    limiter = create_sqlite_limiter(rate_per_duration=int(rps), db_path=db, use_file_lock=True)
    async with httpx.AsyncClient() as client:
        for _ in range(n):
            await limiter.try_acquire_async("host")
            res = await client.get(url)
            assert res.status_code == 200


def child(args: argparse.Namespace) -> None:
    """One process: import, wait for the common start, send."""
    if args.child == "pyrate-limiter":
        import pyrate_limiter  # noqa: F401 - its import, before the start
        send = _send_pyrate(args.url, args.requests, args.rps, args.db)
    else:
        import flows.politeness  # noqa: F401
        send = _send_govarchive(args.url, args.requests, args.rps)
    Path(args.ready).touch()
    while not Path(args.go).exists():
        time.sleep(0.002)
    asyncio.run(send)


def run(crawler: str, hs: HostsServer, tmp: Path, procs: int, requests: int, rps: float) -> dict:
    hs.log.clear()
    url = hs.origin(HOST) + "/robots.txt"
    run_dir = Path(tempfile.mkdtemp(dir=tmp, prefix=crawler + "-"))
    env = dict(os.environ, GOVARCHIVE_PACE_DIR="off" if crawler == "govarchive-alone" else str(run_dir / "pace"))
    go = run_dir / "go"
    children = [
        subprocess.Popen([sys.executable, "-m", "bench.pace_bench", "--child", crawler, "--url", url,
                          "--requests", str(requests), "--rps", str(rps), "--db", str(run_dir / "pyrate.sqlite"),
                          "--ready", str(run_dir / f"ready{k}"), "--go", str(go)],
                         cwd=ROOT, env=env, stdin=subprocess.DEVNULL)  # fmt: skip
        for k in range(procs)
    ]
    while not all((run_dir / f"ready{k}").exists() for k in range(procs)):
        if any(c.poll() is not None for c in children):
            raise SystemExit(f"{crawler}: a child exited before the start")
        time.sleep(0.01)
    go.touch()
    codes = [c.wait(timeout=600) for c in children]
    times = sorted(e["t"] for e in hs.log.snapshot() if e["host"] == HOST)
    ideal = (procs * requests - 1) / rps
    span = times[-1] - times[0]
    return {"crawler": crawler, "processes": procs, "requests": len(times), "exit_codes": codes,
            "max_in_1s": max_in_window(times), "its_limit": rps, "span_s": round(span, 2),
            "ideal_s": round(ideal, 2), "span_ratio": round(span / ideal, 2),
            "limiter_us": limiter_cost(crawler, run_dir, rps)}  # fmt: skip


def limiter_cost(crawler: str, tmp: Path, rps: float, n: int = 2000) -> float | None:
    """Median µs of the limiter's own work for one request that may go, outside HTTP, on a
    host whose last two requests (at its pace) are recorded."""
    import statistics

    from flows.host_ledger import Entry, HostLedger

    if crawler == "govarchive-alone":
        return None
    costs = []
    if crawler == "govarchive":
        ledger, path = HostLedger(tmp / "cost"), tmp / "cost"
        for _ in range(n):
            now = time.monotonic()
            path.write_text(Entry(now - 2.4 / rps, 1 / rps, 1, 1).line() + Entry(now - 1.2 / rps, 1 / rps, 1, 2).line())
            t = time.perf_counter()
            ticket = ledger.ticket()
            go, at = ledger.reserve(1 / rps, ticket)
            assert go  # the slot is free: the cost of taking it, not of waiting
            ledger.sent(ticket, at)
            costs.append(time.perf_counter() - t)
        return round(statistics.median(costs) * 1e6)
    from pyrate_limiter.limiter_factory import create_sqlite_limiter

    # a rate it never reaches (the cost of asking, not of waiting), on its own file
    limiter = create_sqlite_limiter(rate_per_duration=10**6, db_path=str(tmp / "cost.sqlite"), use_file_lock=True)
    for _ in range(n):
        t = time.perf_counter()
        limiter.try_acquire("host")
        costs.append(time.perf_counter() - t)
    return round(statistics.median(costs) * 1e6)


COLUMNS = ["crawler", "processes", "requests", "max_in_1s", "its_limit", "span_s", "ideal_s", "span_ratio", "limiter_us"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.pace_bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--processes", type=int, default=4)
    ap.add_argument("--requests", type=int, default=10, help="requests per process")
    ap.add_argument("--rps", type=float, default=2.0)
    ap.add_argument("--only", choices=CRAWLERS, action="append")
    for hidden in ("--child", "--url", "--db", "--ready", "--go"):
        ap.add_argument(hidden, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory() as tmp, HostsServer([HostPlan(HOST, (ColumnPlan("2655070", 1),))],
                                                           realtime=True) as hs:  # fmt: skip
        for crawler in args.only or CRAWLERS:
            row = run(crawler, hs, Path(tmp), args.processes, args.requests, args.rps)
            rows.append(row)
            print(json.dumps(row), flush=True)
    print("\n| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "")) for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()
