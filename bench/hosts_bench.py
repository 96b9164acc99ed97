"""Many hosts at once: `govarchive crawl all` on a multi-host replica, beside Scrapy, in one run.

The replica (tests/replica/hosts.py) serves N Anhui-platform hosts on 127.0.0.2 ...
127.0.0.(N+1), rps 2 each, every 4th host with two columns (sharing the host's pace),
the first host asking robots.txt for a Crawl-delay of 1 s. It runs in this process; each
crawler runs in its own process. Reported per N, from the server's own request log:

- wall time against the ideal, the slowest host's requests / its rate (goal: within 1.2x);
  the crawl's span (first to last request the server saw) and the process's wall time
  (with Prefect's temporary API start-up) are both shown;
- the most requests any host saw in any 1 s window, against that host's limit;
- peak memory (PSS) of the crawler's process (with its parse worker process);
- where the wall time beyond the span goes: before the first request, after the last.

The replica's server thread runs with real-time round-robin scheduling where allowed
(else at a higher priority): its log is the measuring instrument, and on a loaded machine
a server scheduled like the crawlers stamped some requests 100-280 ms late.

Scrapy crawls the same replica with CONCURRENT_REQUESTS_PER_DOMAIN = 2,
DOWNLOAD_DELAY = 0.5 (RANDOMIZE_DOWNLOAD_DELAY off, so its nominal rate is 2/s), AUTOTHROTTLE
off, ROBOTSTXT_OBEY on, storing each article's body (no parsing, no database).

    .venv/bin/python -m bench.hosts_bench                 # N = 4, 16, 64
    .venv/bin/python -m bench.hosts_bench --hosts 4 --articles 10
    .venv/bin/python -m bench.hosts_bench --hosts 64 --only govarchive --timeline /tmp/t
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.replica.hosts import HostsServer, max_in_window, plan_hosts  # noqa: E402

RPS = 2.0
CRAWL_DELAY = 1.0
TIMELINE: Path | None = None  # --timeline FILE
PREFECT_API: str | None = None  # --prefect-server: the API of the server started for the run


class PssSampler:
    """Peak PSS of one process (and its children unless told otherwise), sampled every 0.2 s."""

    def __init__(self, pid: int, children: bool = False, workers: str | None = None) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.children = children
        self.workers = workers  # children whose command line holds this count too (not all)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                total = _pss(self.proc.pid)
                if self.children or self.workers:
                    for c in self.proc.children(recursive=True):
                        if self.children or self.workers in " ".join(c.cmdline()):
                            total += _pss(c.pid)
                self.peak = max(self.peak, total)
            except (psutil.NoSuchProcess, psutil.AccessDenied, OSError):
                pass
            self._stop.wait(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(2)
        return self.peak


def _pss(pid: int) -> int:
    """A process's PSS from /proc/PID/smaps_rollup: a few lines, where psutil's full memory
    info parsed all of smaps in Python, holding this process's GIL (which the replica's
    server thread needs to stamp requests on time) for tens of milliseconds."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
        for line in f:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _limits(hs: HostsServer) -> dict[str, float]:
    """Requests per second each host allows: rps, or 1/Crawl-delay when slower."""
    return {p.address: min(RPS, 1 / p.crawl_delay) if p.crawl_delay else RPS for p in hs.plans}


def _measure(hs: HostsServer, wall: float, peak: int, label: str) -> dict:
    by_host = hs.requests_by_host()
    if TIMELINE is not None:  # --timeline: every host's request times, to see where a crawl waits
        TIMELINE.with_suffix(f".{label.split()[0]}.json").write_text(json.dumps(by_host))
    limits = _limits(hs)
    requests = {h: len(t) for h, t in by_host.items()}
    ideal = max(requests[h] / limits[h] for h in requests)
    first = min(min(t) for t in by_host.values() if t)
    last = max(max(t) for t in by_host.values() if t)
    worst = max(by_host, key=lambda h: max_in_window(by_host[h]) / limits[h])
    statuses: dict[str, int] = {}
    for e in hs.log.snapshot():
        statuses[str(e["status"])] = statuses.get(str(e["status"]), 0) + 1
    return {
        "crawler": label, "hosts": len(hs.plans), "sources": sum(len(p.columns) for p in hs.plans),
        "requests": sum(requests.values()), "ideal_s": round(ideal, 1),
        "span_s": round(last - first, 1), "span_ratio": round((last - first) / ideal, 2),
        "wall_s": round(wall, 1), "wall_ratio": round(wall / ideal, 2),
        "max_in_1s": max_in_window(by_host[worst]), "its_limit": limits[worst], "worst_host": worst,
        "delayed_host_max_in_1s": max_in_window(by_host[hs.plans[0].address]),
        "peak_pss_mb": round(peak / 2**20), "statuses": statuses,
    }  # fmt: skip


def run_govarchive(hs: HostsServer, tmp: Path) -> dict:
    conf = tmp / "sources.toml"
    conf.write_text(hs.sources_toml(rps=RPS, concurrency=2), encoding="utf-8")
    env = dict(os.environ, GOVARCHIVE_SOURCES=str(conf), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING")  # fmt: skip
    env.pop("PREFECT_API_URL", None)
    if PREFECT_API is not None:  # --prefect-server: a running server, as `serve` and workers have
        env["PREFECT_API_URL"] = PREFECT_API
    hs.log.clear()
    started, started_at = time.monotonic(), time.time()
    proc = subprocess.Popen([str(ROOT / ".venv/bin/govarchive"), "--db", str(tmp / "archive.duckdb"),
                             "crawl", "all", "--no-progress"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    # the crawl and its parse worker, not Prefect's temporary API (also its child)
    sampler = PssSampler(proc.pid, workers="flows.parse_worker")
    out, err = proc.communicate()
    wall = time.monotonic() - started
    peak = sampler.stop()
    finished = out.count(": finished")
    result = _measure(hs, wall, peak, "govarchive crawl all")
    result["finished_sources"] = finished
    times = [e["t"] for e in hs.log.snapshot()]
    if times:  # where the wall time beyond the span goes: before the first request, after the last
        result["before_first_s"] = round(min(times) - started_at, 1)
        result["after_last_s"] = round(started_at + wall - max(times), 1)
    if proc.returncode != 0:
        result["error"] = (err or out)[-400:]
    return result


def run_scrapy_child(listings: list[str], out: str) -> None:
    import scrapy
    from scrapy.crawler import CrawlerProcess

    article = re.compile(r"^/public/\d+/\d+\.html$")

    class Spider(scrapy.Spider):
        name = "hosts"
        start_urls = listings

        def parse(self, response):  # listing pages: article links, then the next page
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                path = url.split("://", 1)[1].split("/", 1)[1] if "://" in url else url
                if article.match("/" + path.split("?")[0]):
                    yield scrapy.Request(url, callback=self.store)
            nxt = response.css("a.next::attr(href)").get()
            if nxt:
                yield scrapy.Request(response.urljoin(nxt), callback=self.parse)

        def store(self, response):
            sink.write(json.dumps({"url": response.url, "len": len(response.body)}).encode() + b"\n")
            sink.write(response.body)

    sink = gzip.open(out, "wb", compresslevel=6)  # noqa: SIM115 - written by the spider callbacks
    settings = {
        "CONCURRENT_REQUESTS": 1000, "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "DOWNLOAD_DELAY": 1 / RPS,
        "RANDOMIZE_DOWNLOAD_DELAY": False, "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
        "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False, "COOKIES_ENABLED": False,
        "RETRY_ENABLED": True, "USER_AGENT": "bench-scrapy",
    }  # fmt: skip
    process = CrawlerProcess(settings)
    process.crawl(Spider)
    process.start()
    sink.close()


def run_scrapy(hs: HostsServer, tmp: Path) -> dict:
    listings = [hs.listing_url(p.address, c.listing_id) for p in hs.plans for c in p.columns]
    hs.log.clear()
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "bench.hosts_bench", "--child-scrapy", str(tmp / "pages.gz"),
                             "--listings", json.dumps(listings)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    sampler = PssSampler(proc.pid, children=True)
    out, err = proc.communicate()
    wall = time.monotonic() - started
    result = _measure(hs, wall, sampler.stop(), "Scrapy 2.19")
    if proc.returncode != 0:
        result["error"] = (err or out)[-400:]
    return result


COLUMNS = ["crawler", "hosts", "sources", "requests", "ideal_s", "span_s", "span_ratio", "wall_s",
           "wall_ratio", "max_in_1s", "its_limit", "delayed_host_max_in_1s", "peak_pss_mb"]  # fmt: skip


def _prefect_server(home: Path) -> subprocess.Popen[bytes]:
    """A `prefect server start` for the run (flows/serve.py's), its API in PREFECT_API."""
    global PREFECT_API
    import socket

    from flows.serve import start_server, wait_healthy

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = home / "server.log"
    proc = start_server(port, log)
    PREFECT_API = f"http://127.0.0.1:{port}/api"
    wait_healthy(proc, PREFECT_API, log)
    return proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hosts", type=int, action="append", help="N (repeatable; default 4, 16, 64)")
    ap.add_argument("--articles", type=int, default=20, help="articles per column")
    ap.add_argument("--only", choices=["govarchive", "scrapy"], action="append")
    ap.add_argument("--timeline", help="write each host's request times (server log) to FILE.<crawler>.json")
    ap.add_argument("--prefect-server", action="store_true",
                    help="crawl through a running Prefect server (started here), not a temporary API")  # fmt: skip
    ap.add_argument("--child-scrapy", help=argparse.SUPPRESS)
    ap.add_argument("--listings", help=argparse.SUPPRESS)
    args = ap.parse_args()
    global TIMELINE
    TIMELINE = Path(args.timeline) if args.timeline else None
    if args.child_scrapy:
        run_scrapy_child(json.loads(args.listings), args.child_scrapy)
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)  # fmt: skip
    rows = []
    home = tempfile.TemporaryDirectory(prefix="govarchive-bench-prefect-")
    os.environ["PREFECT_HOME"] = home.name  # one Prefect home: its database is migrated once
    server = _prefect_server(Path(home.name)) if args.prefect_server else None
    if "govarchive" in (args.only or ["govarchive"]):
        with HostsServer(plan_hosts(1, 2, delayed=0), realtime=True) as hs, tempfile.TemporaryDirectory() as tmp:
            run_govarchive(hs, Path(tmp))  # warm-up, not reported: the first start migrates it
    for n in args.hosts or [4, 16, 64]:
        plans = plan_hosts(n, args.articles, shared_every=4, delayed=1, crawl_delay=CRAWL_DELAY)
        with HostsServer(plans, realtime=True) as hs, tempfile.TemporaryDirectory(prefix="govarchive-hosts-") as tmp:
            for who in args.only or ["govarchive", "scrapy"]:
                run = run_govarchive if who == "govarchive" else run_scrapy
                sub = Path(tmp) / who
                sub.mkdir()
                row = run(hs, sub)
                print(json.dumps(row, ensure_ascii=False), flush=True)
                rows.append(row)
    if server is not None:
        server.terminate()
        server.wait(30)
    print("\n| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "")) for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()
