"""A multi-URL ingest tells the terminal how far its fetching has got."""

from __future__ import annotations


def test_a_multi_url_ingest_reports_its_fetches_as_they_finish(replica) -> None:
    import asyncio

    from flows.fetch import FetchPolicy
    from flows.ingest import fetch_pages

    seen: list[tuple[int, int]] = []
    urls = [replica.url("nxzx", "/zxgz/tagz/index.html"), replica.url("nxzx", "/robots.txt"), replica.url("nxzx", "/none")]
    results = asyncio.run(fetch_pages(urls, FetchPolicy(allow_private=True), lambda d, t: seen.append((d, t))))
    assert len(results) == 3 and seen == [(1, 3), (2, 3), (3, 3)]
