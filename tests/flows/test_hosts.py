"""A host's pace (flows/hosts.py): sends spaced by the interval, never rps + 1 in a second."""

from __future__ import annotations

import asyncio
import time

from flows.host_ledger import WINDOW_SLACK
from flows.hosts import HostLimiter, HostLimiters, on_sent
from tests.replica.hosts import max_in_window


async def _send(limiter: HostLimiter, sent: list[float], late: float = 0.0) -> None:
    async with limiter.turn():
        await asyncio.sleep(late)  # the request leaves late (a busy loop, a new connection)
        mark = on_sent()
        assert mark is not None
        sent.append(time.monotonic())
        mark()
        await asyncio.sleep(0.05)  # the response


def test_no_second_sees_more_than_rps_however_late_requests_leave() -> None:
    limiter = HostLimiter("127.0.0.2:80", rps=4, concurrency=2)
    sent: list[float] = []

    async def main() -> None:
        # every third request leaves 0.1 s after it was let through
        await asyncio.gather(*(_send(limiter, sent, 0.1 if k % 3 == 0 else 0.0) for k in range(13)))

    asyncio.run(main())
    assert len(sent) == 13
    gaps = [b - a for a, b in zip(sent, sent[1:], strict=False)]
    assert min(gaps) >= 0.25 - 0.005  # the interval counts from the previous send
    assert max_in_window(sent) <= 4
    # any 4 sends in a row span the window and its slack (room for the server's clock)
    assert min(b - a for a, b in zip(sent, sent[4:], strict=False)) >= 1 + WINDOW_SLACK - 0.005
    assert limiter.requests == 13 and limiter.in_flight == 0


def test_crawl_delay_wins_when_slower_and_sources_on_a_host_share_one_pace() -> None:
    hosts = HostLimiters()
    first = hosts.register("Kjj.example.gov.cn", 4, 4)
    second = hosts.register("kjj.example.gov.cn", 2, 1)  # a second source, stricter
    assert first is second and first.interval == 0.5 and first.concurrency == 1
    first.slow_to(0.25)  # a Crawl-delay faster than the pace: the pace stays
    assert first.interval == 0.5
    first.slow_to(1.5)
    assert first.interval == 1.5 and first.per_window == 1
    sent: list[float] = []

    async def main() -> None:
        await asyncio.gather(*(_send(first, sent) for _ in range(3)))

    asyncio.run(main())
    assert min(b - a for a, b in zip(sent, sent[1:], strict=False)) >= 1.5 - 0.005
