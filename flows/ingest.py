"""Manual ingest: a list of URLs (or one saved page) to documents, as fast as the fetch.

A user pasting one URL waits for the fetch, not for an orchestrator: by default no
Prefect is imported or started. `recorded_ingest_*` runs the same steps as a Prefect
flow (one task per stage over the whole batch), for when a Prefect server is configured
(PREFECT_API_URL) or the user asks for it (`govarchive ingest --prefect`).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

from flows.fetch import Fetcher, FetchPolicy
from flows.saved_page import file_result
from flows.store.batch import PageOutcome, archive_parse_load
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

__all__ = ["file_result", "ingest_file", "ingest_urls", "wants_prefect"]


Progress = Callable[[int, int], None]  # (pages fetched so far, pages in all)


async def fetch_pages(urls: list[str], policy: FetchPolicy, progress: Progress | None = None) -> list[FetchResult]:
    done = 0

    async def one(fetcher: Fetcher, url: str) -> FetchResult:
        nonlocal done
        result = await fetcher.fetch(url)
        done += 1
        if progress is not None:
            progress(done, len(urls))
        return result

    async with Fetcher(policy, max_connections=8) as fetcher:
        return list(await asyncio.gather(*(one(fetcher, u) for u in urls)))


def store_pages(results: list[FetchResult], db: str | None, source: str | None) -> list[PageOutcome]:
    with Archive(db) as archive:
        return archive_parse_load(archive, results, source=source, kind="page")


async def ingest_urls(
    urls: list[str], db: str | None = None, allow_private: bool = False, progress: Progress | None = None
) -> list[PageOutcome]:
    results = await fetch_pages(urls, FetchPolicy(allow_private=allow_private), progress)
    return store_pages(results, db, None)


def ingest_file(path: str, url: str, db: str | None = None, content_type: str | None = None) -> list[PageOutcome]:
    return store_pages([file_result(Path(path), url, content_type)], db, None)


def wants_prefect(asked: bool) -> bool:
    """Record the ingest as a Prefect flow run only where someone will look at it."""
    return asked or bool(os.environ.get("PREFECT_API_URL"))
