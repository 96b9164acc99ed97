"""Politeness as small pieces around `Fetcher`: robots.txt, a per-host pace, retries.

- robots.txt is read with Protego (Scrapy's parser) once per origin; RFC 9309 rules
  for unavailable files: 4xx means no restrictions, 5xx or no answer means "disallow
  all" for this run. Ignoring robots.txt takes `respect_robots = false` in the config.
- the pace is one `HostLimiter` per host (flows/hosts.py): a minimum interval between
  request starts plus a cap on requests in flight, shared by every fetcher given the
  same `HostLimiters`. robots.txt's Crawl-delay (or Request-rate) slows a host further:
  the larger of it and 1/rps wins. Other crawl processes' requests to the host count too
  (each limiter asks the host's file in flows/host_ledger.py), so a host's pace holds
  however many scheduled runs fall due together.
- retries use tenacity: exponential backoff with jitter on timeouts, connection
  errors, 429 and 5xx, and never sooner than a Retry-After header asks.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_result,
    stop_after_attempt,
    wait_exponential_jitter,
)

from flows.fetch import Fetcher
from flows.hosts import HostLimiter, HostLimiters
from warehouse.exchange import FetchResult
from warehouse.fetch_failure import FailureKind, FetchFailure

MAX_RETRY_AFTER = 300.0


@dataclass(slots=True)
class Politeness:
    rps: float = 1.0  # requests per second per host; 0 or less: no pacing
    concurrency: int = 2  # requests in flight per host
    respect_robots: bool = True
    attempts: int = 4
    backoff_initial: float = 0.5
    backoff_max: float = 60.0


def should_retry(result: FetchResult) -> bool:
    """Transient trouble: 429/5xx, no response (timeout, refused, reset), a 200 "系统繁忙" page
    (the kinds `warehouse.fetch_failure` calls retryable)."""
    failure = result.failure
    return failure is not None and failure.retryable


def retry_after_seconds(result: FetchResult, now: dt.datetime | None = None) -> float | None:
    """Retry-After as seconds, from either of its forms (delta-seconds or an HTTP date)."""
    value = result.header("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, min((when - now).total_seconds(), MAX_RETRY_AFTER))


class _WaitRespectingRetryAfter:
    """Exponential backoff with jitter, but never shorter than the server asked."""

    def __init__(self, initial: float, maximum: float) -> None:
        self._backoff = wait_exponential_jitter(multiplier=initial, max=maximum)

    def __call__(self, state: RetryCallState) -> float:
        backoff = self._backoff(state)
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            asked = retry_after_seconds(outcome.result())
            if asked is not None:
                return max(asked, backoff)
        return backoff


def _last_result(state: RetryCallState) -> FetchResult:
    """After the last attempt, its response (a failure the caller records), not an exception."""
    assert state.outcome is not None
    return state.outcome.result()


class Robots:
    """robots.txt per origin, fetched once through the same polite path as pages."""

    def __init__(self, fetch: Callable[..., Awaitable[FetchResult]], user_agent: str) -> None:
        self._fetch = fetch
        self._ua = user_agent
        self._rules: dict[str, Protego | None] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.responses: list[FetchResult] = []  # for the raw archive
        self.unreachable: dict[str, str] = {}  # origin -> why its robots.txt could not be read

    async def _rules_for(self, origin: str) -> Protego | None:
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._rules:
                res = await self._fetch(origin + "/robots.txt")
                self.responses.append(res)
                if res.success_status:
                    text = res.content.decode("utf-8", errors="replace")
                    self._rules[origin] = Protego.parse(text)
                elif res.status is not None and 400 <= res.status < 500:
                    self._rules[origin] = Protego.parse("")
                else:  # unreachable: RFC 9309 says assume everything is disallowed
                    self._rules[origin] = None
                    self.unreachable[origin] = res.error or f"status {res.status}"
            return self._rules[origin]

    async def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        rules = await self._rules_for(f"{parts.scheme}://{parts.netloc}")
        return rules is not None and rules.can_fetch(url, self._ua)

    def crawl_delay(self, url: str) -> float | None:
        """The interval robots.txt asks for: Crawl-delay, or Request-rate as seconds per request."""
        parts = urlsplit(url)
        rules = self._rules.get(f"{parts.scheme}://{parts.netloc}")
        if not rules:
            return None
        delays = [rules.crawl_delay(self._ua)]
        rate = rules.request_rate(self._ua)
        if rate is not None and rate.requests:
            delays.append(rate.seconds / rate.requests)
        found = [float(d) for d in delays if d]
        return max(found) if found else None


class PoliteFetcher:
    """A Fetcher that waits its turn per host, retries what is worth retrying, and asks robots.txt."""

    def __init__(
        self, fetcher: Fetcher, politeness: Politeness, hosts: HostLimiters | None = None
    ) -> None:
        self.fetcher = fetcher
        self.p = politeness
        # shared with the other sources of a `crawl all` (one pace per host), else our own
        self.hosts = hosts if hosts is not None else HostLimiters()
        self.robots = Robots(self._paced, fetcher.policy.user_agent)

    def _limiter(self, host: str) -> HostLimiter:
        return self.hosts.get(host, self.p.rps, self.p.concurrency)

    async def _paced(self, url: str, **conditional: str | None) -> FetchResult:
        async with self._limiter(urlsplit(url).netloc).turn():
            return await self.fetcher.fetch(url, **conditional)

    def _honour_crawl_delay(self, url: str) -> None:
        """Once robots.txt is read, its Crawl-delay slows the host (the larger interval wins)."""
        self._limiter(urlsplit(url).netloc).slow_to(self.robots.crawl_delay(url))

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        if self.p.respect_robots and not await self.robots.allowed(url):
            parts = urlsplit(url)
            why = self.robots.unreachable.get(f"{parts.scheme}://{parts.netloc}")
            # An unreachable robots.txt disallows all for this run only (RFC 9309): not a
            # verdict on the URL, so not `robots` (final) but `unavailable`.
            failure = (
                FetchFailure.because(
                    FailureKind.UNAVAILABLE,
                    f"robots.txt unreachable ({why}), nothing fetched this run",
                )
                if why
                else FetchFailure.because(FailureKind.ROBOTS, "disallowed by robots.txt")
            )
            return FetchResult(url=url, final_url=url, status=None, recorded_failure=failure)
        if self.p.respect_robots:
            self._honour_crawl_delay(url)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(max(1, self.p.attempts)),
            wait=_WaitRespectingRetryAfter(self.p.backoff_initial, self.p.backoff_max),
            retry=retry_if_result(should_retry),
            retry_error_callback=_last_result,
            reraise=False,
        )
        return await retrying(self._paced, url, etag=etag, last_modified=last_modified)

    async def allowed(self, url: str) -> bool:
        if not self.p.respect_robots:
            return True
        ok = await self.robots.allowed(url)
        self._honour_crawl_delay(url)
        return ok
