"""Many sources at once, in one process: each host at its own polite pace, one archive writer.

Politeness is owed per host, so sources on different hosts can be crawled side by side:
40 columns on 40 hosts take about as long as the slowest host needs, not 40 times that.

- Pace: every source's fetcher draws on one `HostLimiters` (flows/hosts.py); sources on
  one host share its limiter (the stricter rps and concurrency of theirs wins), and a
  robots.txt Crawl-delay slows that host for all of them.
- One archive writer: the sources share one `Archive` (one WARC file for pages, one for
  listings and the rest) and one thread (flows/archive_writer.py) makes every DuckDB call
  of the crawl: it holds the file, lets go every `hold_seconds` (settings) for readers, and runs the
  sources' store cycles one at a time. The event loop only fetches and paces (no
  per-source store worker: one writer per file); a parse worker process
  (flows/parse_worker.py) parses each batch on the other core before its store cycle.
- Memory: a batch is a few seconds of its host's pace (not 100 pages), and at most
  `crawl_sources` (settings) sources are fetching; the rest wait their turn, the busiest hosts' sources
  going first (`busiest_first`). A source gives up its turn after its last article fetch
  (`_Turn`): only its last batch's store, queued for the writer, is left.
- The writer never keeps a host waiting: a source claims its next batch while one is
  fetched, and its first batch is the walk's own first links, fetched while the walk's
  records land (flows/crawl.py: `_articles`).

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
from collections import Counter
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from prefect import flow, get_run_logger
from rich.console import Console
from rich.live import Live
from rich.table import Table

import settings
from flows.archive_writer import ArchiveWriter
from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from flows.crawl_steps import PLAIN, PREFECT, Steps
from flows.crawl_summary import CrawlNotRun, CrawlSummary
from flows.disk_full import storage_problem
from flows.hosts import HostLimiters, SharedCrawl
from flows.parse_worker import ParseWorker
from flows.sources import Source, load_sources
from warehouse.archive import Archive
from warehouse.crawl_runs import RunCounts

RELEASE_GAP = 0.5  # how long the file is let go each time, for readers of other processes
# A source's batch: about this long of its host's pace. Each store cycle costs ~35 DuckDB
# statements whatever its size, and the sources' cycles share one writer thread: 10 s
# (20 pages at 2/s) halved what 64 sources' 5 s batches cost it (measured).
BATCH_SECONDS = 10.0
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


def busiest_first(sources: Sequence[Source], opts: CrawlOptions) -> list[Source]:
    """The order the sources take their turns: those whose hosts have the most to do first.

    With more sources than `crawl_sources` (settings) some wait for a turn; they should be the ones whose
    hosts finish soonest. A host's work is its sources (each a column to walk and fetch)
    over its pace; in the order given by the file, the 16 sources left waiting in the
    80-source benchmark were the last hosts' second columns, which then started 25 s late
    and took the crawl to 2.2x its slowest host's time (measured).
    """
    per_host = Counter(h for s in sources for h in hosts_of(s))

    def work(src: Source) -> float:
        rps = pace_of(src, opts)[0]
        return max((per_host[h] for h in hosts_of(src)), default=0) / rps if rps > 0 else 0.0

    return sorted(sources, key=work, reverse=True)  # stable: the file's order among equals


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
    archive = Archive(db)  # before any host starts: creating or upgrading it may take a while
    writer = ArchiveWriter(archive.path, hold_seconds=settings.current().hold_seconds, release_gap=RELEASE_GAP)
    pages = Archive(db)
    # its own WARC file (two writers in one process could pick the same name in one second)
    pages.warc.prefix = "govarchive-pages"
    shared = SharedCrawl(hosts=shared_hosts(chosen, opts), archive=archive, store_archive=pages,
                         writer=writer, parser=ParseWorker.if_worth_it())  # fmt: skip
    board = _HostBoard(shared.hosts, chosen)
    gate = asyncio.Semaphore(max(1, settings.current().crawl_sources))

    async def one(src: Source) -> CrawlSummary:
        rps = min(shared.hosts.get(h, *pace_of(src, opts)).rps for h in hosts_of(src))
        mine = dataclasses.replace(opts, progress=False, batch_size=batch_size(rps, opts.batch_size))
        await gate.acquire()
        turn = _Turn(gate)
        board.started(src.name)
        try:
            summary = await crawl(src.name, db, mine, steps=steps, shared=shared, on_fetched=turn.end)
        except Exception as exc:
            if storage_problem(exc):  # a full disk stops every source: the CLI says so
                raise
            summary = CrawlSummary(str(uuid.uuid4()), src.name, "failed", RunCounts(),
                                   [f"stopped by {type(exc).__name__}: {exc}"])  # fmt: skip
        finally:
            turn.end()
        board.finished(src.name, summary.status)
        return summary

    writer.start()
    try:
        with _live(opts.progress, board):
            order = busiest_first(chosen, opts)  # the gate lets them in in this order
            done = await asyncio.gather(*(one(s) for s in order))
            by_name = {s.name: summary for s, summary in zip(order, done, strict=True)}
            if shared.parser is not None and shared.parser.failure:  # slower from then on, nothing lost
                for summary in done:
                    summary.notes.append(shared.parser.failure)
            return [by_name[s.name] for s in chosen]
    finally:
        try:
            await asyncio.to_thread(writer.close)  # the queued writes land first
        finally:
            if shared.parser is not None:
                shared.parser.close()
            for each in (shared.archive, shared.store_archive):
                if each is not None:
                    each.close()


class _Turn:
    """A source's place among the `crawl_sources` in flight, given up once, at the earlier of
    its last article fetch and its end.

    What a source in flight holds is its fetching: batches of pages, connections. Past its
    last fetch only that batch's store is left, which waits its turn on the one writer (at
    64 hosts the sources waiting for a place started ~8 s after the first finished
    fetching, and the crawl took 1.5x its slowest host's time; measured).
    """

    def __init__(self, gate: asyncio.Semaphore) -> None:
        self._gate: asyncio.Semaphore | None = gate

    def end(self) -> None:
        gate, self._gate = self._gate, None
        if gate is not None:
            gate.release()


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
