"""HTTP for the archive: one async httpx client, redirects walked by hand, bodies size-capped.

Redirects are followed here rather than by httpx so that each hop is recorded (the
archive keeps the chain) and checked (scheme, private addresses, allowed hosts) before
it is requested. Every failure becomes a FetchResult with `error` set, never an
exception, so one bad page cannot stop a batch.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import certifi
import httpx

from flows.hosts import on_sent
from flows.safety import UnsafeURL, check_url, is_public_address
from warehouse.exchange import FetchResult, Redirect, utcnow
from warehouse.fetch_failure import FailureKind, FetchFailure

USER_AGENT = (
    "govarchive/0.1 (archival crawler of public government pages; "
    "+https://github.com/govarchive/govarchive)"
)


@dataclass(slots=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0  # cuts off servers that trickle bytes forever
    max_bytes: int = 32 * 1024 * 1024
    max_redirects: int = 10
    allow_private: bool = False
    check_addresses: bool = True  # resolve and refuse private addresses (ingest's door)
    allowed_hosts: frozenset[str] | None = None  # None: any host
    user_agent: str = USER_AGENT
    extra_headers: dict[str, str] = field(default_factory=dict)


# A 200 that is really an error page: Chinese government CMSs answer overload this way.
# Only short pages count (a real article may quote such words); both UTF-8 and GBK bytes.
BUSY_MARKERS = ("系统繁忙", "服务器繁忙", "访问过于频繁", "访问人数过多", "请稍后再试", "请稍后重试")
BUSY_MAX_BYTES = 8192
_BUSY_BYTES = tuple(
    (m, m.encode(enc)) for m in BUSY_MARKERS for enc in ("utf-8", "gb18030")
)


def soft_error(status: int | None, content: bytes) -> FetchFailure | None:
    """Why a 2xx response is an error page in disguise ("系统繁忙"), or None.

    Such a page must never become (or replace) a document: the fetch is marked as
    failed with a retryable `busy` failure, while its bytes are still archived.
    """
    if status is None or not 200 <= status < 300 or not content or len(content) > BUSY_MAX_BYTES:
        return None
    for marker, raw in _BUSY_BYTES:
        if raw in content:
            return FetchFailure.because(
                FailureKind.BUSY, f"the server answered {status} with an error page ({marker})", status
            )
    return None


def _host_allowed(url: str, allowed: frozenset[str] | None) -> bool:
    if allowed is None:
        return True
    host = (urlsplit(url).hostname or "").lower()
    netloc = urlsplit(url).netloc.lower()
    return host in allowed or netloc in allowed


class Fetcher:
    """Use as `async with Fetcher(policy) as f: result = await f.fetch(url)`."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        max_connections: int = 32,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._transport = transport
        self._max_connections = max_connections
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        p = self.policy
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            headers={"User-Agent": p.user_agent, **p.extra_headers},
            limits=httpx.Limits(
                max_connections=self._max_connections,
                max_keepalive_connections=self._max_connections,
            ),
            transport=self._transport,
            trust_env=False,
            verify=_ssl_context(),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        started = time.monotonic()
        fetched_at = utcnow()
        try:
            async with asyncio.timeout(self.policy.total_timeout):
                result = await self._walk(url, etag=etag, last_modified=last_modified)
        except TimeoutError:
            result = FetchResult(
                url=url,
                final_url=url,
                status=None,
                recorded_failure=FetchFailure.because(
                    FailureKind.TIMEOUT, f"no complete response within {self.policy.total_timeout:g}s"
                ),
            )
        result.fetched_at = fetched_at
        result.elapsed_ms = (time.monotonic() - started) * 1000
        return result

    async def _walk(self, url: str, *, etag: str | None, last_modified: str | None) -> FetchResult:
        assert self._client is not None, "use Fetcher as an async context manager"
        redirects: list[Redirect] = []
        current = url
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        while True:
            refusal = self._refusal(current, first=not redirects)
            if refusal:
                return FetchResult(
                    url=url, final_url=current, status=None, redirects=redirects, recorded_failure=refusal
                )
            try:
                result = await self._one(current, headers)
            except httpx.TimeoutException as exc:
                return self._failed(url, current, redirects, FailureKind.TIMEOUT, type(exc).__name__)
            except httpx.ConnectError as exc:
                return self._failed(url, current, redirects, FailureKind.CONNECT, _why(exc))
            except httpx.DecodingError as exc:
                return self._failed(url, current, redirects, FailureKind.DECODING, _why(exc))
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                return self._failed(url, current, redirects, FailureKind.PROTOCOL, _why(exc))
            except httpx.HTTPError as exc:
                return self._failed(url, current, redirects, FailureKind.HTTP, _why(exc))
            except _PeerRefused as exc:
                return self._failed(url, current, redirects, FailureKind.REFUSED, str(exc))
            location = result.header("location")
            if result.status in (301, 302, 303, 307, 308) and location:
                redirects.append(Redirect(url=current, status=result.status))
                if len(redirects) > self.policy.max_redirects:
                    return self._failed(
                        url, current, redirects, FailureKind.REDIRECTS,
                        f"more than {self.policy.max_redirects}",
                    )
                nxt = urljoin(current, location)
                if any(r.url == nxt for r in redirects):
                    return self._failed(url, nxt, redirects, FailureKind.REDIRECTS, f"loop back to {nxt}")
                current = nxt
                continue
            result.url = url
            result.redirects = redirects
            return result

    def _refusal(self, url: str, *, first: bool) -> FetchFailure | None:
        p = self.policy
        if not _host_allowed(url, p.allowed_hosts):
            what = "host" if first else "redirect to host"
            return FetchFailure.because(
                FailureKind.OFFSITE,
                f"{what} {urlsplit(url).netloc} is not among the source's allowed hosts",
            )
        try:
            if p.check_addresses:
                check_url(url, allow_private=p.allow_private)
            elif urlsplit(url).scheme not in ("http", "https"):
                return FetchFailure.because(FailureKind.REFUSED, f"{url!r} is not http(s)")
        except UnsafeURL as exc:
            return FetchFailure.because(FailureKind.REFUSED, str(exc))
        return None

    @staticmethod
    def _failed(
        url: str, current: str, redirects: list[Redirect], kind: FailureKind, detail: str
    ) -> FetchResult:
        return FetchResult(
            url=url, final_url=current, status=None, redirects=redirects,
            recorded_failure=FetchFailure.because(kind, detail),
        )  # fmt: skip

    def _check_peer(self, response: httpx.Response) -> None:
        """The address actually connected to must pass the same test as the resolved one.

        `check_url` resolves the name before the request, httpx resolves it again to
        connect: a DNS answer that changes in between (rebinding) is caught here,
        before a byte of the body is read.
        """
        p = self.policy
        if not p.check_addresses or p.allow_private:
            return
        stream = response.extensions.get("network_stream")
        addr = stream.get_extra_info("server_addr") if stream is not None else None
        if addr and not is_public_address(str(addr[0])):
            raise _PeerRefused(
                f"connected to {addr[0]}, a loopback/private/link-local address; "
                "use --allow-private or GOVARCHIVE_ALLOW_PRIVATE=1 to allow it"
            )

    async def _one(self, url: str, headers: dict[str, str]) -> FetchResult:
        assert self._client is not None
        sent = on_sent()  # the host's pace counts from when the request leaves (flows/hosts.py)
        request = self._client.build_request(
            "GET", url, headers=headers, extensions={"trace": _trace_sent(sent)} if sent else None
        )
        response = await self._client.send(request, stream=True)
        try:
            self._check_peer(response)
            chunks: list[bytes] = []
            size = 0
            truncated = False
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.policy.max_bytes:
                    chunks.append(chunk[: len(chunk) - (size - self.policy.max_bytes)])
                    truncated = True
                    break
                chunks.append(chunk)
        finally:
            await response.aclose()
        content = b"".join(chunks)
        return FetchResult(
            url=url,
            final_url=str(response.url),
            status=response.status_code,
            headers=[(k, v) for k, v in response.headers.multi_items()],
            content=content,
            request_headers=[(k, v) for k, v in request.headers.multi_items()],
            http_version=response.http_version,
            reason=response.reason_phrase,
            truncated=truncated,
            recorded_failure=(
                FetchFailure.because(
                    FailureKind.TOO_LARGE,
                    f"body over {self.policy.max_bytes} bytes, cut and recorded",
                    response.status_code,
                )
                if truncated
                else soft_error(response.status_code, content)
            ),
        )


def _trace_sent(sent: Callable[[], None]) -> Callable[[str, dict], Awaitable[None]]:
    async def trace(event: str, info: dict) -> None:  # httpcore's async interface awaits it
        if event.endswith("send_request_headers.complete"):
            sent()

    return trace


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One TLS context for every client: building one (loading the CA bundle) costs ~50-100 ms,
    which a crawl of many sources, one client each, would spend on the event loop."""
    return ssl.create_default_context(cafile=certifi.where())


class _PeerRefused(Exception):
    """The connection went to an address the policy refuses (see `_check_peer`)."""


def _why(exc: Exception) -> str:
    """An exception as a message: some httpx errors have an empty text (a TCP reset)."""
    return str(exc) or type(exc).__name__
