"""Many sources at once, in one process: each host at its own polite pace, one archive writer.

Politeness is owed per host, so sources on different hosts can be crawled side by side:
40 columns on 40 hosts take about as long as the slowest host needs, not 40 times that.

- Pace: every source's fetcher draws on one `HostLimiters` (flows/hosts.py); sources on
  one host share its limiter (the stricter rps and concurrency of theirs wins), and a
  robots.txt Crawl-delay slows that host for all of them.
- One archive writer: the sources share one `Archive` (one WARC file) and the file is held
  by this runner, let go every `hold_seconds` (settings) for readers; each source's batches are stored
  on the event loop between fetches (no per-source store worker: one writer per file).
- Memory: a batch is a few seconds of its host's pace (not 100 pages), and at most
  `crawl_sources` (settings) sources are in flight; the rest wait their turn.

Each source is the same per-source crawl as `govarchive crawl SOURCE` (flows/crawl.py:
`crawl`), with its own `crawl_runs` row, frontier and summary.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
import time
import uuid
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from prefect import flow, get_run_logger
from rich.console import Console
from rich.live import Live
from rich.table import Table

import settings
from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from flows.crawl_steps import PLAIN, PREFECT, Steps
from flows.crawl_summary import CrawlNotRun, CrawlSummary
from flows.disk_full import storage_problem
from flows.hosts import HostLimiters, SharedCrawl
from flows.sources import Source, load_sources
from warehouse import db as dbmod
from warehouse.archive import Archive
from warehouse.crawl_runs import RunCounts
from warehouse.db import ArchiveBusy

RELEASE_GAP = 0.5  # how long the file is let go each time, for readers of other processes
BATCH_SECONDS = 5.0  # a source's batch: about this long of its host's pace
MIN_BATCH = 4



def hosts_of(source: Source) -> list[str]:
    """The hosts a source's requests go to (its listings' hosts; netloc, as the limiter keys them)."""
    return sorted({urlsplit(u).netloc.lower() for u in source.start_urls})


def pace_of(source: Source, opts: CrawlOptions) -> tuple[float, int]:
    rps = opts.rps if opts.rps is not None else source.rps
    return rps, opts.concurrency or source.concurrency


def batch_size(rps: float, largest: int) -> int:
    """A batch is BATCH_SECONDS of the host's pace: what a paced source holds in memory."""
    if rps <= 0:
        return largest
    return max(MIN_BATCH, min(largest, math.ceil(rps * BATCH_SECONDS)))


def shared_hosts(sources: Sequence[Source], opts: CrawlOptions) -> HostLimiters:
    hosts = HostLimiters()
    for src in sources:
        rps, concurrency = pace_of(src, opts)
        for host in hosts_of(src):
            hosts.register(host, rps, concurrency)
    return hosts


async def crawl_many(
    names: Sequence[str] | None = None,
    db: str | None = None,
    options: CrawlOptions | None = None,
    *,
    steps: Steps = PLAIN,
) -> list[CrawlSummary]:
    """Crawl the named sources (default: all configured) at the same time; one summary each."""
    opts = options or CrawlOptions()
    configured = load_sources()
    chosen = [configured[n] for n in (names if names is not None else list(configured))]
    shared = SharedCrawl(hosts=shared_hosts(chosen, opts), archive=Archive(db),
                         store_archive=Archive(db))  # fmt: skip
    # its own WARC file (two writers in one process could pick the same name in one second)
    shared.store_archive.warc.prefix = "govarchive-pages"
    board = _HostBoard(shared.hosts, chosen)
    gate = asyncio.Semaphore(max(1, settings.current().crawl_sources))

    async def one(src: Source) -> CrawlSummary:
        rps = min(shared.hosts.get(h, *pace_of(src, opts)).rps for h in hosts_of(src))
        mine = dataclasses.replace(opts, progress=False, batch_size=batch_size(rps, opts.batch_size))
        async with gate:
            board.started(src.name)
            try:
                summary = await crawl(src.name, db, mine, steps=steps, shared=shared)
            except Exception as exc:
                if storage_problem(exc):  # a full disk stops every source: the CLI says so
                    raise
                summary = CrawlSummary(str(uuid.uuid4()), src.name, "failed", RunCounts(),
                                       [f"stopped by {type(exc).__name__}: {exc}"])  # fmt: skip
            board.finished(src.name, summary.status)
            return summary

    holder = _Holder(shared)
    holder.hold()
    keeper = asyncio.ensure_future(holder.run())
    try:
        with _live(opts.progress, board):
            return list(await asyncio.gather(*(one(s) for s in chosen)))
    finally:
        keeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await keeper
        for archive in (shared.archive, shared.store_archive):
            if archive is not None:
                archive.close()


class _Holder:
    """Hold the archive file for the sources' writes, letting go now and then for readers.

    Opening the file costs tens of milliseconds (a checkpoint on close): with dozens of
    sources each recording listings and progress, that would stall the event loop every
    host's pace depends on (a request let through by its limiter but sent 0.25 s late
    arrives right before the next one). Held, a write is a statement on an open
    connection; the store thread writes through a cursor of it (warehouse/db.py). The
    file is let go only between two store cycles (under the store lock), so none is cut
    off mid-batch, and it is taken before the first source starts.
    """

    def __init__(self, shared: SharedCrawl) -> None:
        assert shared.archive is not None
        self.shared, self.path = shared, shared.archive.path
        self.stack = contextlib.ExitStack()

    def hold(self) -> None:
        with contextlib.suppress(ArchiveBusy):  # another writer: each write waits its turn
            self.stack.enter_context(dbmod.hold(self.path, threads=True))

    async def run(self) -> None:
        lock = self.shared.store_lock
        try:
            while True:
                await asyncio.sleep(settings.current().hold_seconds)
                while not lock.acquire(blocking=False):
                    await asyncio.sleep(0.02)
                try:
                    self.stack.close()
                    await asyncio.sleep(RELEASE_GAP)
                    self.hold()
                finally:
                    lock.release()
        finally:
            self.stack.close()


class _HostBoard:
    """The progress display: one row per host (sources on it, requests, pace, state)."""

    def __init__(self, hosts: HostLimiters, sources: Sequence[Source]) -> None:
        self.hosts = hosts
        self.by_host: dict[str, list[str]] = {}
        for src in sources:
            for h in hosts_of(src):
                self.by_host.setdefault(h, []).append(src.name)
        self.state: dict[str, str] = {s.name: "waiting" for s in sources}
        self.t0 = time.monotonic()

    def started(self, name: str) -> None:
        self.state[name] = "crawling"

    def finished(self, name: str, status: str) -> None:
        self.state[name] = status

    def __rich__(self) -> Table:
        elapsed = max(time.monotonic() - self.t0, 1e-6)
        table = Table(title=f"crawl all: {len(self.state)} sources on {len(self.by_host)} hosts, "
                            f"{elapsed:.0f} s", title_justify="left")  # fmt: skip
        for col in ("host", "sources", "requests", "req/s", "pace", "in flight", "state"):
            table.add_column(col)
        for limiter in self.hosts:
            names = self.by_host.get(limiter.host, [])
            states = sorted({self.state[n] for n in names})
            pace = f"1/{limiter.interval:.2g}s" if limiter.interval else "unpaced"
            if limiter.crawl_delay:
                pace += " (Crawl-delay)"
            table.add_row(limiter.host, ", ".join(names), str(limiter.requests),
                          f"{limiter.requests / elapsed:.2f}", pace, str(limiter.in_flight),
                          ", ".join(states))  # fmt: skip
        return table


@contextlib.contextmanager
def _live(enabled: bool, board: _HostBoard) -> Iterator[None]:
    if not enabled:
        yield
        return
    with Live(board, console=Console(stderr=True), refresh_per_second=2, transient=False):
        yield


@flow(name="crawl-all")
async def crawl_all(db: str | None = None, options: CrawlOptions | None = None) -> list[CrawlSummary]:
    """Every configured source at the same time, each host at its own pace (flows/crawl_many.py).

    One flow run with the sources' steps as its tasks: a flow run per source costs
    Prefect seconds each to start (8 sources: starts spread over 15 s, measured), which
    would spoil a crawl whose point is that every host starts at once.
    """
    with settings.edge():
        summaries = await crawl_many(None, db, options, steps=PREFECT)
    for s in summaries:
        get_run_logger().info(s.line())
    if any(s.status == "failed" for s in summaries):
        raise CrawlNotRun(*summaries)  # the flow run ends Failed; the CLI exits 1
    return summaries
