"""The manual ingest as a Prefect flow, for a user who wants it recorded (see flows/ingest.py)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from flows import ingest
from flows.fetch import FetchPolicy
from flows.store.batch import PageOutcome
from warehouse.exchange import FetchResult

fetch_pages = task(name="fetch-batch")(ingest.fetch_pages)
store_pages = task(name="archive-parse-load")(ingest.store_pages)


@flow(name="ingest")
async def ingest_urls_flow(urls: list[str], db: str | None = None, allow_private: bool = False) -> list[PageOutcome]:
    results: list[FetchResult] = await fetch_pages(urls, FetchPolicy(allow_private=allow_private))
    return store_pages(results, db, None)


@flow(name="ingest-file")
def ingest_file_flow(path: str, url: str, db: str | None = None, content_type: str | None = None) -> list[PageOutcome]:
    return store_pages([ingest.file_result(Path(path), url, content_type)], db, None)
