"""Listing pages → article URLs in the frontier, following the source's pagination.

Pagination styles are data (sources.toml), not code paths per site: TRS `index_N.html`
and a counting query parameter cover the platforms in SITES.md. The walk stops at
the first page whose articles are all known (incremental), at `--since`, at
`--max-pages`, or at the last page; `full` walks to the end.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from flows.archive_writer import RECORD, run_db
from flows.politeness import PoliteFetcher
from flows.sources import Source
from parsers import ParseError
from parsers.listing import parse_listing
from warehouse.archive import Archive
from warehouse.exchange import FetchResult
from warehouse.frontier import Discovered, Frontier


@dataclass(slots=True)
class Discovery:
    listing_pages: int = 0
    listing_failures: int = 0
    new: int = 0
    robots_skipped: int = 0
    stop_reason: str = ""
    warnings: list[str] = field(default_factory=list)
    # Whether the walk saw every listing page it had to (see warehouse.crawl_runs.last_walk),
    # and per start URL why it stopped; both go into crawl_runs.
    complete: bool = True
    stops: list[str] = field(default_factory=list)
    # A walk that does not wait for its records (`discover(land=False)`, a `crawl all`):
    # its first new links, to be fetched while the records land, and the writes in flight;
    # `landed()` waits for them and sets `new`.
    first_links: list[Discovered] = field(default_factory=list)
    writing: list[asyncio.Future[int]] = field(default_factory=list, repr=False)

    async def landed(self) -> None:
        """Wait for the walk's records to be in the archive (re-raising a failed write)."""
        while self.writing:
            self.new += await self.writing.pop(0)


def listing_url(source: Source, start: str, k: int) -> str:
    """The k-th listing page (k = 0 is the start URL itself)."""
    pg = source.pagination
    if k == 0:
        return start
    if pg.style == "trs":
        assert pg.template, "trs pagination needs a template"
        return urljoin(start, pg.template.format(n=pg.first + k - 1))
    if pg.style == "query":
        assert pg.param, "query pagination needs a param"
        parts = urlsplit(start)
        query = [(key, v) for key, v in parse_qsl(parts.query, keep_blank_values=True) if key != pg.param]
        query.append((pg.param, str(pg.first + k)))
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    raise ValueError(f"source {source.name}: unknown pagination style {pg.style!r}")


FLUSH_SECONDS = 1.0


class _Ledger:
    """Listing fetches and discovered links, written to the archive in groups.

    Opening the archive file costs tens of milliseconds (a checkpoint on close), so a
    fast walk of a hundred listing pages would spend most of its time there. Writes are
    grouped at most FLUSH_SECONDS apart; a kill loses at most one group, which the next
    run walks again (a walk that never finished is not trusted to stop early).

    The writes go through `run_db` (in a `crawl all`, the archive's writer thread), not
    waited for by the walk: the next listing request is not held up by the last one's
    record. The groups land in order (one writer, first in first out); the walk waits for
    all of them at its end, before the articles are read from the frontier, or (a `crawl
    all`: `discover(land=False)`) hands them over to the crawl, which fetches its first
    new links meanwhile (`hand_over`, `Discovery.landed`).
    """

    def __init__(self, archive: Archive, frontier: Frontier, source: str, run_id: str,
                 keep_first: int = 0) -> None:  # fmt: skip
        self.archive, self.frontier, self.source, self.run_id = archive, frontier, source, run_id
        self.keep_first = keep_first
        self.first_links: list[Discovered] = []  # the walk's first `keep_first` new links
        self.known: set[str] = set()
        self.new = 0
        self._listings: list[FetchResult] = []
        self._links: list[Discovered] = []
        self._last = time.monotonic()
        self._writing: list[asyncio.Future[int]] = []

    async def load(self) -> None:
        self.known = await run_db(self.archive.path, self.frontier.urls)

    async def record(self, listing: FetchResult, fresh: list[Discovered]) -> None:
        self._listings.append(listing)
        self._links.extend(fresh)
        self.known.update(d.url for d in fresh)
        room = self.keep_first - len(self.first_links)
        if room > 0:
            self.first_links.extend(fresh[:room])
        if time.monotonic() - self._last >= FLUSH_SECONDS:
            await self._start_flush()

    async def _start_flush(self) -> None:
        if self._listings or self._links:
            listings, links = self._listings, self._links
            self._writing.append(asyncio.ensure_future(
                run_db(self.archive.path, self._write, listings, links, atomic=True,
                       priority=RECORD)
            ))  # fmt: skip
            await asyncio.sleep(0)  # queued now, in the order of the walk
        self._listings, self._links = [], []
        self._last = time.monotonic()

    async def _landed(self) -> None:
        while self._writing:
            self.new += await self._writing.pop(0)

    def _write(self, listings: list[FetchResult], links: list[Discovered]) -> int:
        with self.archive.holding():
            self.archive.store_fetches(listings, run_id=self.run_id, source=self.source, kind="listing")
            return self.frontier.add(links, self.run_id)

    async def flush(self) -> None:
        """Write what is left and wait for it (the walk is over)."""
        await self._start_flush()
        await self._landed()

    async def hand_over(self, found: Discovery) -> None:
        """Write what is left without waiting: `found.landed()` waits (the walk is over)."""
        await self._start_flush()
        found.new, found.writing, self._writing = self.new, self._writing, []


async def discover(
    source: Source,
    fetcher: PoliteFetcher,
    archive: Archive,
    frontier: Frontier,
    *,
    run_id: str,
    full: bool = False,
    max_pages: int | None = None,
    since: dt.date | None = None,
    land: bool = True,
    first: int = 0,
) -> Discovery:
    """Walk the source's listings, recording them and their new article links.

    `land=False`: return once the walk is over without waiting for the last records to
    land (`Discovery.landed()` does), keeping the first `first` new links in
    `Discovery.first_links` so the articles can start meanwhile. A walk that fails
    waits for its records either way.
    """
    found = Discovery()
    ledger = _Ledger(archive, frontier, source.name, run_id, keep_first=0 if land else first)
    await ledger.load()
    limit = max_pages or source.max_listing_pages  # an explicit --max-pages beats the config
    try:
        for start in source.start_urls:
            k = 0
            page_count: int | None = None
            while True:
                if k >= limit:
                    found.stop_reason = f"max pages ({limit})"
                    # --max-pages cuts the walk short; the source's own cap is its depth
                    found.complete = found.complete and max_pages is None
                    break
                if page_count is not None and k >= page_count:
                    found.stop_reason = "last page"
                    break
                result = await fetcher.fetch(listing_url(source, start, k))
                found.listing_pages += 1
                page = await _take_listing(source, fetcher, ledger, found, result, k, since)
                if page.stop:
                    found.complete = found.complete and page.end
                    break
                if not full and page.allowed and not page.fresh:
                    found.stop_reason = "reached known articles"
                    break
                page_count = page.page_count or page_count
                k += 1
            found.stops.append(f"{found.stop_reason} after {found.listing_pages} listing page(s)"
                               if len(source.start_urls) == 1 else f"{start}: {found.stop_reason}")
    except BaseException:
        await ledger.flush()
        found.new = ledger.new
        raise
    if land:
        await ledger.flush()
        found.new = ledger.new
    else:
        found.first_links = ledger.first_links
        await ledger.hand_over(found)
    return found


@dataclass(slots=True)
class _Page:
    stop: bool = False
    allowed: int = 0
    fresh: int = 0
    page_count: int | None = None
    end: bool = False  # stopped because the listing ended, not cut short


async def _take_listing(
    source: Source, fetcher: PoliteFetcher, ledger: _Ledger, found: Discovery,
    result: FetchResult, k: int, since: dt.date | None,
) -> _Page:  # fmt: skip
    """Record one listing page and its new article links; say whether to go on."""
    url = result.url
    if not result.ok:
        await ledger.record(result, [])
        found.listing_failures += 1
        if k == 0:
            found.warnings.append(f"listing {url} failed: {result.error or result.status}")
        found.stop_reason = f"listing page failed ({result.error or result.status})"
        return _Page(stop=True)
    try:
        listing = parse_listing(result.content, result.final_url, result.content_type)
    except ParseError as exc:
        await ledger.record(result, [])
        found.listing_failures += 1
        found.warnings.append(f"listing {url} unreadable: {exc}")
        return _Page(stop=True)
    articles = [link for link in listing.links if source.is_article(link.url)]
    if not articles:
        await ledger.record(result, [])
        if k == 0:
            found.warnings.append(
                f"listing {url} has no article links: the site may have been redesigned"
            )
        found.stop_reason = "page without article links"
        return _Page(stop=True, end=k > 0)  # past the last page; on the first, a redesign
    too_old = False
    if since is not None:
        dated = [a for a in articles if a.date is None or a.date >= since]
        too_old = len(dated) < len(articles)
        articles = dated
    allowed = []
    for a in articles:
        if await fetcher.allowed(a.url):
            allowed.append(a)
        else:
            found.robots_skipped += 1
    # the frontier knows pages by the source's own URLs, also when read from a mirror
    fresh = [
        Discovered(source.to_origin(a.url), "article", a.title, a.date, referrer=source.to_origin(url))
        for a in allowed
        if source.to_origin(a.url) not in ledger.known
    ]
    await ledger.record(result, fresh)
    if too_old:
        found.stop_reason = f"reached articles listed before {since}"
    return _Page(too_old, len(allowed), len(fresh), listing.page_count)
