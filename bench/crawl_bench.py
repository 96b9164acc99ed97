"""Crawl benchmark: pages/s end to end, peak memory, Prefect's overhead, and Scrapy side by side.

Each contender runs in its own process against the same replica (its own process too,
politeness off), so RSS and CPU are the contender's alone:

    .venv/bin/python -m bench.crawl_bench --articles 2000
    .venv/bin/python -m bench.crawl_bench --articles 20000 --only prefect   # the memory run

- prefect: `crawl_source` as a Prefect flow (ephemeral API), fetch → WARC → parse → DuckDB.
- plain:   the same crawl code with the Prefect tasks replaced by direct calls.
- scrapy:  a Scrapy spider doing the same walk (listing pages, article links) and storing
           each response body to a gzip file: fetch-and-store only, no parsing, no database.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class RssSampler:
    """Peak memory of this process plus its worker process (the store worker), sampled.

    Measured as the sum of PSS (proportional set size): RSS summed over processes
    counts the shared libraries both map (DuckDB, Python) twice. For one process PSS
    and RSS differ by little. `peak_rss` is kept too, this process alone. Prefect's
    ephemeral API server, a child too, is left out: a deployment runs against a server
    that is already up.
    """

    def __init__(self, every: float = 0.2) -> None:
        import psutil

        self._proc = psutil.Process()
        self.peak = 0
        self.peak_rss = 0
        self.peak_parts: list[int] = []  # at the peak: this process, then its workers
        self._stop = threading.Event()
        self._every = every
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self) -> int:
        self.peak_rss = max(self.peak_rss, self._proc.memory_info().rss)
        parts = [self._proc.memory_full_info().pss]
        for child in self._proc.children(recursive=True):
            try:
                if "flows." in " ".join(child.cmdline()):
                    parts.append(child.memory_full_info().pss)
            except Exception:  # exited between listing and reading
                continue
        if sum(parts) > self.peak:
            self.peak_parts = parts
        return sum(parts)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            self._stop.wait(self._every)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def run_ours(mode: str, base_url: str, db: str, concurrency: int) -> dict:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.crawl import crawl, crawl_source
    from flows.crawl_options import CrawlOptions

    batch = int(os.environ.get("GOVARCHIVE_BENCH_BATCH", "200"))  # bigger: less Prefect, more RSS
    opts = CrawlOptions(base_url=base_url, rps=0, concurrency=concurrency, batch_size=batch,
                        max_pages=100_000)  # fmt: skip
    startup = 0.0
    with contextlib.ExitStack() as api:
        if mode == "prefect":
            # The temporary API starts once per run (a deployment's server is already up):
            # timed apart, so the crawl's own overhead is what is compared. Started as the
            # CLI starts it (`flows.prefect_api`), or by Prefect with --api prefect-ephemeral.
            from prefect import flow

            from flows.prefect_api import ephemeral_api

            started = time.perf_counter()
            api.enter_context(ephemeral_api())
            flow(name="warm-up")(lambda: None)()
            startup = time.perf_counter() - started
        with RssSampler() as rss:
            started = time.perf_counter()
            if mode == "prefect":
                summary = asyncio.run(crawl_source("nxzx-tagz", db, opts))
            else:
                summary = asyncio.run(crawl("nxzx-tagz", db, opts))
            wall = time.perf_counter() - started
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "mode": mode,
        "children_cpu_s": round(kids.ru_utime + kids.ru_stime, 1),
        "pages": summary.counts.fetched,
        "new": summary.counts.new,
        "failed": summary.counts.failed,
        "wall_s": round(wall, 2),
        "pages_per_s": round(summary.counts.fetched / wall, 1),
        "peak_mb": round(rss.peak / 2**20, 1),
        "peak_rss_main_mb": round(rss.peak_rss / 2**20, 1),
        "peak_parts_mb": [round(p / 2**20, 1) for p in rss.peak_parts],
        "cpu_s": round(cpu.ru_utime + cpu.ru_stime, 1),
        "startup_s": round(startup, 1),
    }


def run_scrapy(base_url: str, out: str, concurrency: int) -> dict:
    import re

    import scrapy
    from scrapy.crawler import CrawlerProcess

    article = re.compile(r"/zxgz/tagz/\d{6}/t\d{8}_\d+\.html$")
    sink = gzip.open(out, "ab")  # noqa: SIM115 - closed after the reactor stops
    counts = {"pages": 0}

    class Spider(scrapy.Spider):
        name = "replica"
        start_urls = [base_url + "zxgz/tagz/index.html"]

        def parse(self, response):  # listing pages
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                if article.search(url):
                    yield scrapy.Request(url, callback=self.store)
                elif re.search(r"/zxgz/tagz/index_\d+\.html$", url):
                    yield scrapy.Request(url, callback=self.parse)
            m = re.search(r"createPageHTML\((\d+)", response.text)
            if m and response.url.endswith("/index.html"):
                for n in range(1, int(m.group(1))):
                    yield scrapy.Request(base_url + f"zxgz/tagz/index_{n}.html", callback=self.parse)

        def store(self, response):
            sink.write(response.url.encode() + b"\n" + response.body + b"\n")
            counts["pages"] += 1

    process = CrawlerProcess(
        settings={
            "LOG_LEVEL": "ERROR",
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "ROBOTSTXT_OBEY": True,
            "TELNETCONSOLE_ENABLED": False,
            "HTTPCACHE_ENABLED": False,
        }
    )
    with RssSampler() as rss:
        started = time.perf_counter()
        process.crawl(Spider)
        process.start()
        wall = time.perf_counter() - started
    sink.close()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "mode": "scrapy",
        "pages": counts["pages"],
        "new": counts["pages"],
        "failed": 0,
        "wall_s": round(wall, 2),
        "pages_per_s": round(counts["pages"] / wall, 1),
        "peak_mb": round(rss.peak / 2**20, 1),
        "peak_rss_main_mb": round(rss.peak_rss / 2**20, 1),
        "peak_parts_mb": [round(p / 2**20, 1) for p in rss.peak_parts],
        "cpu_s": round(cpu.ru_utime + cpu.ru_stime, 1),
    }


def child(args: argparse.Namespace) -> None:
    if args.child == "scrapy":
        result = run_scrapy(args.base_url, args.out, args.concurrency)
    else:
        result = run_ours(args.child, args.base_url, args.out, args.concurrency)
    print("RESULT " + json.dumps(result), flush=True)


@contextlib.contextmanager
def prefect_api(kind: str, home: Path) -> Iterator[dict[str, str]]:
    """Environment for the children: how their Prefect API comes to be.

    ephemeral: a temporary server started as the CLI starts it (`flows.prefect_api`);
    prefect-ephemeral: Prefect's own ephemeral mode, which imports Prefect's whole server
    package into the flow's process to start it (~77 MB RSS, measured); server: a
    `prefect server` already up, as deployments run.
    """
    if kind == "ephemeral":
        yield {}
        return
    if kind == "prefect-ephemeral":
        yield {"GOVARCHIVE_EPHEMERAL_API": "prefect"}
        return
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url + "/health", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("prefect server did not start") from None
                time.sleep(0.5)
        yield {"PREFECT_API_URL": url}
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--only", choices=["prefect", "plain", "scrapy"], action="append")
    ap.add_argument("--api", choices=["ephemeral", "prefect-ephemeral", "server"], default="ephemeral",
                    help="Prefect API: ephemeral (a temporary server, started as the CLI starts it), "
                         "prefect-ephemeral (started by Prefect inside the flow's process) or a "
                         "`prefect server` started beforehand, as deployments use")  # fmt: skip
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--base-url", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    from tests.replica.server import ReplicaServer

    modes = args.only or ["plain", "prefect", "scrapy"]
    results = []
    with tempfile.TemporaryDirectory() as tmp, ReplicaServer(
        articles={"nxzx": args.articles}, mode="process"
    ) as rs, prefect_api(args.api, Path(tmp) / "prefect-home") as api_env:
        import psutil

        server = psutil.Process(rs._proc.pid) if rs._proc else None
        for mode in modes:
            server_cpu = sum(server.cpu_times()[:2]) if server else 0.0
            out = str(Path(tmp) / mode / ("archive.duckdb" if mode != "scrapy" else "pages.gz"))
            Path(out).parent.mkdir(parents=True)
            env = dict(os.environ, PREFECT_HOME=str(Path(tmp) / "prefect-home"), **api_env)
            proc = subprocess.run(
                [sys.executable, "-m", "bench.crawl_bench", "--child", mode, "--base-url",
                 rs.base_url("www.nxzx.gov.cn"), "--out", out, "--concurrency", str(args.concurrency)],
                cwd=ROOT, env=env, capture_output=True, text=True, check=False,
            )  # fmt: skip
            line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if line is None:
                print(f"{mode} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}", file=sys.stderr)
                continue
            result = json.loads(line[len("RESULT "):])
            if server:  # the replica shares the 2 cores: what serving these pages cost it
                result["server_cpu_s"] = round(sum(server.cpu_times()[:2]) - server_cpu, 1)
            results.append(result)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nCrawl of {args.articles} replica articles (+{-(-args.articles // 20)} listing pages), "
          f"concurrency {args.concurrency}, politeness off, Prefect API {args.api} — {machine}\n")  # fmt: skip
    print("| contender | articles stored | wall s | pages/s | peak MB (PSS, with worker) "
          "| peak RSS MB, main process | CPU s (children) | replica server CPU s | Prefect API start s |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['mode']} | {r['new']} | {r['wall_s']} | {r['pages_per_s']} | {r['peak_mb']} "
              f"| {r['peak_rss_main_mb']} (PSS at peak: {' + '.join(map(str, r['peak_parts_mb']))}) "
              f"| {r['cpu_s']} ({r.get('children_cpu_s', 0)}) | {r.get('server_cpu_s', '')} "
              f"| {r.get('startup_s', '')} |")  # fmt: skip
    by = {r["mode"]: r for r in results}
    if "prefect" in by and "plain" in by:
        overhead = by["prefect"]["wall_s"] / by["plain"]["wall_s"] - 1
        print(f"\nPrefect overhead (wall, prefect vs plain): {overhead:+.1%}")
    if "scrapy" in by and "prefect" in by:
        print(f"govarchive (prefect) / scrapy pages per second: {by['prefect']['pages_per_s'] / by['scrapy']['pages_per_s']:.2f}")


if __name__ == "__main__":
    main()
