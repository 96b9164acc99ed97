"""Two crawls in two processes, two sources on one host: the host's pace holds between them.

What scheduled runs do (`govarchive serve`, Prefect workers: one process per due source),
with the crawl entry point their flow runs (`flows.crawl.crawl`), started at the same
moment; the rate is read from the replica server's own request log.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.archive_rows import rows as _sql
from tests.replica.hosts import ColumnPlan, HostPlan, HostsServer, max_in_window

RPS = 2
ARTICLES = 4
# 127.0.0.2: two sources crawled by two processes sharing the pace ledger; 127.0.0.3: the
# same, each process pacing alone (`off`), the control, crawled at the same time
PLANS = [
    HostPlan("127.0.0.2", (ColumnPlan("2655050", ARTICLES), ColumnPlan("2655051", ARTICLES))),
    HostPlan("127.0.0.3", (ColumnPlan("2655060", ARTICLES), ColumnPlan("2655061", ARTICLES))),
]
SHARED = ("h2-2655050", "h2-2655051")
ALONE = ("h3-2655060", "h3-2655061")
REPO = Path(__file__).resolve().parents[2]

# imports first (seconds), then wait for the go, so all crawls start together
CRAWL = """
import asyncio, pathlib, sys, time
from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
pathlib.Path(sys.argv[3]).touch()
while not pathlib.Path(sys.argv[4]).exists():
    time.sleep(0.005)
summary = asyncio.run(crawl(sys.argv[1], sys.argv[2], CrawlOptions()))
print(summary.line(), flush=True)
sys.exit(0 if summary.status == "finished" else 1)
"""


def _crawl_at_once(hs: HostsServer, tmp: Path, runs: dict[str, str]) -> list[str]:
    """One process per source (name -> its GOVARCHIVE_PACE_DIR), all let go at one moment."""
    conf = tmp / "sources.toml"
    conf.write_text(hs.sources_toml(rps=RPS, concurrency=2), encoding="utf-8")
    go = tmp / "go"
    procs = []
    for name, pace_dir in runs.items():  # an archive each: what is shared here is the host
        env = {**os.environ, "GOVARCHIVE_SOURCES": str(conf), "GOVARCHIVE_PACE_DIR": pace_dir}
        args = [sys.executable, "-c", CRAWL, name, str(tmp / name / "archive.duckdb"), str(tmp / f"{name}.ready"), str(go)]
        procs.append(subprocess.Popen(args, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      stdin=subprocess.DEVNULL, text=True))  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while not all((tmp / f"{n}.ready").exists() for n in runs):
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            assert time.monotonic() < deadline, "the crawl processes did not start"
            time.sleep(0.02)
        go.touch()
        outs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert [p.returncode for p in procs] == [0] * len(procs), outs
    for name in runs:
        assert _sql(tmp / name / "archive.duckdb", "SELECT count(*) FROM documents") == [(ARTICLES,)]
    return [out for out, _ in outs]


def _spans(hs: HostsServer, names: tuple[str, ...]) -> list[tuple[float, float]]:
    """First and last request the server saw of each source (its column id is in every path)."""
    spans = []
    for name in names:
        column = name.split("-")[1]
        times = [e["t"] for e in hs.log.snapshot() if column in e["path"]]
        spans.append((min(times), max(times)))
    return spans


def test_two_processes_crawling_one_host_keep_its_pace_together(tmp_path: Path) -> None:
    pace_dir = tmp_path / "pace"
    with HostsServer(PLANS) as hs:
        lines = _crawl_at_once(hs, tmp_path, {**dict.fromkeys(SHARED, str(pace_dir)), **dict.fromkeys(ALONE, "off")})
        times = hs.requests_by_host()
        assert all(": finished" in line for line in lines), lines
        shared = times["127.0.0.2"]
        assert len(shared) >= 2 * (ARTICLES + 2)  # robots.txt, a listing, the articles, each
        assert max_in_window(shared) <= RPS, sorted(round(t - min(shared), 3) for t in shared)
        # at the same time, not one after the other
        (a0, a1), (b0, b1) = _spans(hs, SHARED)
        assert a0 < b1 and b0 < a1
        assert [p.name for p in pace_dir.iterdir()] == [f"127.0.0.2_{hs.port}"]
        # the control: two processes pacing alone send their host twice its rate
        assert max_in_window(times["127.0.0.3"]) > RPS
