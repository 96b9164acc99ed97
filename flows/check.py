"""`govarchive sources check`: probe a source live and write nothing.

The first thing to run on a connected machine: it tells a stale entry (listing gone,
host dead) from a redesigned site (listing read, no article links) from a working one
(an article fetched and parsed), and confirms the values `sources.toml` marks as guesses.
The probe goes through the same polite path as a crawl (robots.txt, the source's pace,
retries) but keeps nothing: no archive is opened.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flows.discover import listing_url
from flows.fetch import Fetcher, FetchPolicy
from flows.hosts import HostLimiters
from flows.politeness import PoliteFetcher, Politeness
from flows.sources import Source
from flows.store.batch import parse_result
from parsers import ParseError
from parsers.listing import parse_listing

LISTING_PAGES = 2  # the first listing page and the next: pagination works, not just page 1


@dataclass(slots=True)
class CheckResult:
    source: str
    robots: str = ""
    listing_pages: int = 0  # read and parsed
    listing_tried: int = 0
    links: int = 0  # article links on the first listing page
    doc_type: str | None = None
    title: str | None = None
    date: str | None = None
    fields: int = 0  # header label/value pairs the parser found
    column_title: str | None = None  # the listing page's <title> (for `sources add`)
    guesses: list[str] = field(default_factory=list)
    problem: str | None = None  # why the source fails the check; None: it works

    @property
    def ok(self) -> bool:
        return self.problem is None

    def row(self) -> tuple[str, ...]:
        return (
            self.source, self.robots, f"{self.listing_pages}/{self.listing_tried}", str(self.links),
            self.doc_type or "-", self.title or "-", self.date or "-", str(self.fields),
            "; ".join(self.guesses) or "-", "ok" if self.ok else f"FAIL: {self.problem}",
        )  # fmt: skip


COLUMNS = ("source", "robots.txt", "listing pages", "article links", "doc_type", "title",
           "date", "header fields", "guessed values", "verdict")  # fmt: skip


async def check_source(
    source: Source, *, allow_private: bool = True, hosts: HostLimiters | None = None
) -> CheckResult:
    """Probe one source: robots.txt, listing pages, article links, one article parsed."""
    out = CheckResult(source.name)
    policy = FetchPolicy(allowed_hosts=source.allowed_hosts, allow_private=allow_private,
                         check_addresses=not allow_private, connect_timeout=10, read_timeout=20,
                         total_timeout=60)  # fmt: skip
    politeness = Politeness(rps=source.rps, concurrency=1, respect_robots=source.respect_robots,
                            attempts=2, backoff_initial=0.5, backoff_max=5)  # fmt: skip
    async with Fetcher(policy, max_connections=2) as base:
        fetcher = PoliteFetcher(base, politeness, hosts=hosts)
        start = source.start_urls[0]
        out.robots = await _robots(fetcher, source, start)
        first = None
        for k in range(LISTING_PAGES):
            url = listing_url(source, start, k)
            out.listing_tried += 1
            res = await fetcher.fetch(url)
            problem = res.failure
            if problem:
                if k == 0:
                    out.problem = f"listing unreadable ({problem}): the column or host is gone"
                break
            try:
                listing = parse_listing(res.content, res.final_url or res.url, res.content_type)
            except ParseError as exc:
                if k == 0:
                    out.problem = f"listing unreadable ({exc})"
                break
            out.listing_pages += 1
            if k == 0:
                first = listing
                out.column_title = listing.title
                if listing.page_count is not None and listing.page_count <= 1:
                    break
        if first is not None:
            articles = [link for link in first.links if source.is_article(link.url)]
            out.links = len(articles)
            if not articles:
                out.problem = ("no article links on the first listing page: the site may have been "
                               "redesigned, or the column is wrong")  # fmt: skip
            else:
                await _article(fetcher, articles, out)
    out.guesses = [f"{key}: {'confirmed' if out.ok else 'unconfirmed'}" for key in source.guessed]
    return out


async def _robots(fetcher: PoliteFetcher, source: Source, start: str) -> str:
    parts = urlsplit(start)
    origin = f"{parts.scheme}://{parts.netloc}"
    allowed = await fetcher.robots.allowed(start)
    why = fetcher.robots.unreachable.get(origin)
    if why:
        return f"unreachable ({why})"
    res = fetcher.robots.responses[-1] if fetcher.robots.responses else None
    if res is not None and res.status is not None and 400 <= res.status < 500:
        verdict = f"none ({res.status}): all allowed"
    else:
        verdict = "allows the listing" if allowed else "DISALLOWS the listing"
    delay = fetcher.robots.crawl_delay(start)
    if delay:
        verdict += f", Crawl-delay {delay:g}s"
    if not source.respect_robots:
        verdict += " (ignored: respect_robots = false)"
    return verdict


async def _article(fetcher: PoliteFetcher, articles: list, out: CheckResult) -> None:
    for link in articles:
        if await fetcher.allowed(link.url):
            break
    else:
        out.problem = "every article link on the first listing page is disallowed by robots.txt"
        return
    res = await fetcher.fetch(link.url)
    problem = res.failure
    if problem:
        out.problem = f"article {link.url} unreadable ({problem})"
        return
    try:
        doc = parse_result(res)
    except ParseError as exc:
        out.problem = f"article {link.url} parsed to nothing ({exc.kind}: {exc})"
        return
    out.doc_type, out.title = doc.doc_type, doc.title
    out.date = doc.published_at.isoformat(sep=" ") if doc.published_at else None
    out.fields = len(doc.metadata or {})
    if not doc.title and not doc.body_text:
        out.problem = f"article {link.url} parsed to nothing (no title, no body)"


async def check_sources(sources: list[Source], *, allow_private: bool = True) -> list[CheckResult]:
    """Every source probed at once, sources on one host sharing its pace (as in `crawl all`)."""
    hosts = HostLimiters()
    return list(await asyncio.gather(
        *(check_source(s, allow_private=allow_private, hosts=hosts) for s in sources)
    ))  # fmt: skip
