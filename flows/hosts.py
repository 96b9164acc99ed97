"""Per-host pacing shared by every source on a host, and what sources crawled together share.

Politeness is owed to a host, not to a source: two columns on kjj.ahsz.gov.cn crawled at
the same time must together stay within the host's pace. A `HostLimiter` is that pace:
a minimum interval between request starts (1/rps, or a robots.txt Crawl-delay when it is
longer) and a cap on requests in flight. `HostLimiters` hands out one per host, so
fetchers of different sources that ask for the same host get the same limiter.

Each request is scheduled at max(previous send + interval, now), the previous send
being the moment its headers were written to the socket (httpcore's trace hook), never a
reserved slot: a request delayed by a busy event loop cannot be followed by one sooner
than the interval. On top of that no `ceil(rps)` consecutive sends span less than
1 s + `WINDOW_SLACK`, so however the server's clock jitters against ours (it stamps a
request when its own loop gets to it), no 1 s window of its log holds more than rps
requests. The slack costs WINDOW_SLACK per second of pace (5% at 50 ms), where the
old 3% wider spacing covered only 30 ms of jitter at 2 requests/s (and a 16-host
benchmark run saw 3 requests in one second of a 2/s host).

A host's pace also holds across processes: scheduled runs (`govarchive serve`, Prefect
workers) crawl each source in a process of its own, so each limiter also asks the host's
`HostLedger` (flows/host_ledger.py), a file of the recent starts of every process on the
machine, and lets a request go only when that agrees too. The cap on requests in flight
stays per process (see there why).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from flows.archive_writer import STORE, ArchiveWriter
from flows.host_ledger import HostLedger, ledger_for, per_window, window_bound

if TYPE_CHECKING:
    from flows.parse_worker import ParseWorker
    from flows.store.batch import ParseOutcome
    from warehouse.archive import Archive
    from warehouse.exchange import FetchResult

T = TypeVar("T")
MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more is capped (one page a minute)


class HostLimiter:
    """One host's pace: at most one request start per `interval` s, `concurrency` in flight."""

    def __init__(self, host: str, rps: float, concurrency: int, ledger: HostLedger | None = None) -> None:
        self.host = host
        self.ledger = ledger  # the host's starts by every process on the machine (flows/host_ledger.py)
        self.rps = rps
        self.concurrency = max(1, concurrency)
        self.interval = 1.0 / rps if rps > 0 else 0.0
        self.crawl_delay: float | None = None
        self.requests = 0  # let through so far (the progress display reads it)
        self.in_flight = 0
        self._slots: asyncio.Semaphore | None = None
        self._turn: asyncio.Lock | None = None
        self._last = -1e9
        self._unsent: asyncio.Event | None = None  # the last request let through, until it is sent
        self._sent: deque[float] = deque(maxlen=64)  # recent send times (monotonic)

    def tighten(self, rps: float, concurrency: int) -> None:
        """A second source on this host: the slower pace and the smaller cap win."""
        if rps > 0:
            self.interval = max(self.interval, 1.0 / rps)
            self.rps = min(self.rps, rps) if self.rps > 0 else rps
        self.concurrency = min(self.concurrency, max(1, concurrency))

    def slow_to(self, seconds: float | None) -> None:
        """robots.txt's Crawl-delay (or Request-rate): the larger interval wins."""
        if seconds is None or seconds <= 0:
            return
        seconds = min(float(seconds), MAX_CRAWL_DELAY)
        self.crawl_delay = seconds
        self.interval = max(self.interval, seconds)

    @property
    def per_window(self) -> int:
        """How many sends may fall in one WINDOW: ceil(rps), at least 1 (0 unpaced)."""
        return per_window(self.interval) if self.interval > 0 else 0

    def next_start(self) -> float:
        """When the next request may start: max(last send + interval, the window's first
        send + WINDOW + WINDOW_SLACK); `now` is the caller's."""
        at = self._last + self.interval
        if self.interval > 0:
            at = max(at, window_bound(self._sent, self.interval))
        return at

    async def _wait_for_start(self) -> int | None:
        """Sleep until this host's next start, by our own sends and (through the ledger, in
        line with their waiting requests) every other process's; the ledger's ticket."""
        ticket: int | None = None
        try:
            while True:
                wait = self.next_start() - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                if self.ledger is None:
                    return None
                if ticket is None:
                    ticket = self.ledger.ticket()
                go, at = self.ledger.reserve(self.interval, ticket)
                if go:
                    return ticket
                await asyncio.sleep(max(0.0, at - time.monotonic()))
        except BaseException:
            if ticket is not None and self.ledger is not None:
                self.ledger.withdraw(ticket)  # cancelled while waiting: out of the line
            raise

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for a slot and this host's next start time; hold the slot for the request.

        The schedule counts from when the previous request actually went out (see
        `on_sent`), not from when it was let through: a request let through while the
        event loop was busy elsewhere may leave late, and the next must not follow it
        closer than the interval. Requests are let through one at a time, each only once
        its predecessor is on the wire.
        """
        if self.interval <= 0:  # unpaced: only the cap on requests in flight
            if self._slots is None:
                self._slots = asyncio.Semaphore(self.concurrency)
            async with self._slots:
                self.requests += 1
                self.in_flight += 1
                try:
                    yield
                finally:
                    self.in_flight -= 1
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
            self._turn = asyncio.Lock()
        assert self._turn is not None
        async with self._slots:
            async with self._turn:  # one waiter at a time, in arrival order
                if self._unsent is not None:
                    await self._unsent.wait()
                ticket = await self._wait_for_start()
                self._last = time.monotonic()  # provisional: the send time replaces it
                sent = self._unsent = asyncio.Event()

            def mark_sent() -> None:
                if not sent.is_set():
                    self._last = max(self._last, time.monotonic())
                    self._sent.append(self._last)
                    sent.set()
                    if ticket is not None and self.ledger is not None:
                        self.ledger.sent(ticket, self._last)

            self.requests += 1
            self.in_flight += 1
            token = _ON_SENT.set(mark_sent)
            try:
                yield
            finally:
                _ON_SENT.reset(token)
                mark_sent()  # never sent (refused, no connection): it ends here
                self.in_flight -= 1


_ON_SENT: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar(
    "govarchive_on_sent", default=None
)


def on_sent() -> Callable[[], None] | None:
    """What the fetcher calls once the current request's headers are on the wire, if paced."""
    return _ON_SENT.get()


class HostLimiters:
    """host → its one limiter; the first source to name a host creates it, later ones tighten it."""

    def __init__(self) -> None:
        self._by_host: dict[str, HostLimiter] = {}

    def get(self, host: str, rps: float, concurrency: int) -> HostLimiter:
        host = host.lower()
        limiter = self._by_host.get(host)
        if limiter is None:
            # asked only when paced (a later source or a Crawl-delay may pace an unpaced host)
            limiter = self._by_host[host] = HostLimiter(host, rps, concurrency, ledger_for(host))
        return limiter

    def register(self, host: str, rps: float, concurrency: int) -> HostLimiter:
        """Declare a source on `host` before the crawl starts (the stricter pace wins)."""
        host = host.lower()
        if host in self._by_host:
            self._by_host[host].tighten(rps, concurrency)
            return self._by_host[host]
        return self.get(host, rps, concurrency)

    def __iter__(self):  # noqa: ANN204 - an iterator of HostLimiter
        return iter(self._by_host.values())

    def __len__(self) -> int:
        return len(self._by_host)


@dataclass(slots=True)
class SharedCrawl:
    """What the sources of one `crawl all` share: host limiters and the one archive writer.

    A crawl given one of these paces its hosts with these limiters and writes through
    these archives: `archive` (listings, robots.txt, attachments, progress) and
    `store_archive` (pages: WARC, parse, load), each with its own WARC file, both through
    the one DuckDB file. `writer` is the thread every DuckDB call of the crawl goes to
    (flows/archive_writer.py), so the event loop only fetches and paces; it runs the
    sources' store cycles one at a time. Without it (a caller of its own), `store_lock`
    makes them take turns. `parser` (flows/parse_worker.py) parses each batch in a child
    process before its store cycle is queued, so the writer only archives and loads.
    """

    hosts: HostLimiters = field(default_factory=HostLimiters)
    archive: Archive | None = None
    store_archive: Archive | None = None
    store_lock: threading.Lock = field(default_factory=threading.Lock)
    writer: ArchiveWriter | None = None
    parser: ParseWorker | None = None

    async def parse_ahead(self, results: Sequence[FetchResult]) -> list[ParseOutcome] | None:
        """The batch parsed by the parse worker; None when there is none (the store cycle parses)."""
        if self.parser is None:
            return None
        return await asyncio.to_thread(self.parser.parse, results)

    def in_turn(self, fn: Callable[..., T], *args: object) -> T:
        """Run `fn` (a store cycle, from a worker thread) when no other source's is running."""
        if self.writer is not None:
            return self.writer.call_blocking(fn, *args, priority=STORE)
        with self.store_lock:
            return fn(*args)
