"""Network faults met by the fetcher over real sockets: each ends as a recorded result, fast.

Every failure is a `FetchResult` with `error` set (never an exception), transient ones
are retried (honouring Retry-After), and nothing a hostile server sends is held in
memory beyond the size cap or waited on beyond the total-time limit.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator

import pytest

from tests.replica.server import ReplicaServer
from tests.resilience.helpers import fetch, free_port, politeness

NX = "www.nxzx.gov.cn"


@pytest.fixture(scope="module")
def rs() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={"nxzx": 3, "ahsz-zxta": 3}, mode="thread") as server:
        yield server


def _hits(rs: ReplicaServer, fragment: str, since: float) -> list[dict]:
    return [e for e in rs.control.log(since=since) if fragment in e["path"]]


def test_connection_refused() -> None:
    res = fetch(f"http://127.0.0.1:{free_port()}/a.html", polite=politeness(attempts=2))
    assert res.status is None and res.error.startswith("connect:")


@pytest.mark.parametrize(
    ("where", "path", "expect"),
    [
        ("raw", "/_fault/reset?at=100", "protocol:"),  # TCP RST mid-body
        ("site", "/_fault/drop?at=500", "protocol:"),  # close mid-body
        ("raw", "/_fault/long-length", "protocol:"),  # Content-Length longer than the body
        ("raw", "/_fault/gzip-truncated", "protocol:"),
        ("raw", "/_fault/not-http", "protocol:"),
        ("site", "/_fault/bad-gzip", "decoding:"),  # gzip that does not decompress
        ("site", "/_fault/hang", "timeout:"),  # read timeout
        ("raw", "/_fault/hang", "timeout:"),
    ],
)
def test_broken_responses_become_errors(rs: ReplicaServer, where: str, path: str, expect: str) -> None:
    url = (rs.raw_base_url.rstrip("/") + path) if where == "raw" else rs.url(NX, path)
    started = time.monotonic()
    res = fetch(url)
    assert res.status is None and res.content == b""
    assert res.error.startswith(expect) and len(res.error) > len(expect) + 1, res.error
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("where", ["site", "raw"])
def test_trickle_is_cut_by_the_total_time_limit(rs: ReplicaServer, where: str) -> None:
    """One byte a second never trips a read timeout; the total limit stops it."""
    path = "/_fault/trickle?interval=0.2"
    url = (rs.raw_base_url.rstrip("/") + path) if where == "raw" else rs.url(NX, path)
    started = time.monotonic()
    res = fetch(url, read_timeout=1.0, total_timeout=1.5)
    elapsed = time.monotonic() - started
    assert res.status is None and res.error.startswith("timeout: no complete response within 1.5s")
    assert 1.4 < elapsed < 2.5


def test_short_content_length_takes_the_declared_body(rs: ReplicaServer) -> None:
    """HTTP's rule: the body is what Content-Length says; the excess is not read as page."""
    res = fetch(rs.raw_base_url.rstrip("/") + "/_fault/short-length")
    assert res.status == 200 and res.error is None
    assert 0 < len(res.content) == int(res.header("content-length"))


@pytest.mark.parametrize("code", [500, 502, 503, 429])
def test_error_statuses_are_retried_then_reported(rs: ReplicaServer, code: int) -> None:
    since = time.time()
    res = fetch(rs.url(NX, f"/_fault/status/{code}"), polite=politeness(attempts=3))
    assert res.status == code and not res.ok
    assert len(_hits(rs, f"/_fault/status/{code}", since)) == 3


@pytest.mark.parametrize("form", ["retry_after=1", "retry_after_date=2"])
def test_retry_after_is_honoured(rs: ReplicaServer, form: str) -> None:
    since = time.time()
    res = fetch(rs.url(NX, f"/_fault/status/429?{form}"), polite=politeness(attempts=2))
    assert res.status == 429
    hits = _hits(rs, "/_fault/status/429", since)
    assert len(hits) == 2
    assert hits[1]["t"] - hits[0]["t"] >= 0.95  # backoff alone would be ~0.01 s


def test_flaky_server_succeeds_after_retries(rs: ReplicaServer) -> None:
    res = fetch(rs.url(NX, "/_fault/flaky/net-1?fail=2&status=502"), polite=politeness(attempts=3))
    assert res.ok and b"success" in res.content


def test_busy_page_with_200_is_a_retryable_error(rs: ReplicaServer) -> None:
    since = time.time()
    res = fetch(rs.url(NX, "/_fault/busy"), polite=politeness(attempts=2))
    assert res.status == 200 and not res.ok and res.error.startswith("busy:")
    assert "系统繁忙" in res.error and res.content  # the bytes are still there to archive
    assert len(_hits(rs, "/_fault/busy", since)) == 2


def test_redirect_loop_and_long_chain_stop(rs: ReplicaServer) -> None:
    loop = fetch(rs.url(NX, "/_fault/loop/a"))
    assert loop.status is None and loop.error.startswith("redirects: loop")
    chain = fetch(rs.url(NX, "/_fault/redirect-chain/15"), max_redirects=10)
    assert chain.status is None and chain.error.startswith("redirects: more than 10")
    ok = fetch(rs.url(NX, "/_fault/redirect-chain/3"))
    assert ok.ok and [r.status for r in ok.redirects] == [302, 302, 302]


def test_redirect_to_another_host_is_not_followed(rs: ReplicaServer) -> None:
    own = rs.base_url(NX).split("//")[1].rstrip("/")
    allowed = frozenset({own})
    off = fetch(rs.url(NX, "/_fault/redirect-offsite"), allowed_hosts=allowed)
    assert off.status is None and off.error.startswith("offsite: redirect to host www.example.com")
    since = time.time()
    other = fetch(rs.url(NX, "/_fault/redirect-replica/www.ahsz.gov.cn?path=/robots.txt"), allowed_hosts=allowed)
    assert other.status is None and other.error.startswith("offsite:")
    ahsz_port = rs.ports["www.ahsz.gov.cn"]
    assert not [e for e in rs.control.log(since=since) if e["port"] == ahsz_port]


@pytest.fixture(scope="module")
def rs_process() -> Iterator[ReplicaServer]:
    """A replica in its own process, so that tracemalloc sees only the fetcher's memory."""
    with ReplicaServer(articles={"nxzx": 1}, mode="process") as server:
        yield server


@pytest.mark.parametrize("chunked", ["0", "1"])
def test_huge_body_is_cut_at_the_cap_while_streaming(rs_process: ReplicaServer, chunked: str) -> None:
    """A 300 MB body with a 256 KiB cap: cut, flagged, fast, and never held in memory."""
    rs = rs_process
    cap = 256 * 1024
    tracemalloc.start()
    try:
        started = time.monotonic()
        url = rs.url(NX, f"/_fault/huge?size=300000000&chunked={chunked}")
        res = fetch(url, max_bytes=cap, read_timeout=5, total_timeout=10)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert res.status == 200 and res.truncated and len(res.content) == cap
    assert res.error.startswith("too_large:") and not res.ok
    assert time.monotonic() - started < 3
    assert peak < 16 * cap, f"peak {peak} bytes while fetching"
