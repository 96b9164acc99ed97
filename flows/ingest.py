"""Manual ingest as a Prefect flow: a list of URLs (or one saved file) to documents.

One flow run per command, one task per stage over the whole batch: Prefect sees the
batch, not each page, so its bookkeeping stays small next to the fetching.
"""

from __future__ import annotations

import asyncio
import mimetypes
from pathlib import Path
from urllib.parse import quote

from prefect import flow, task

from flows.fetch import Fetcher, FetchPolicy
from flows.process import PageOutcome, archive_parse_load
from warehouse.archive import Archive
from warehouse.records import FetchResult


@task(name="fetch-batch")
async def fetch_batch(urls: list[str], policy: FetchPolicy) -> list[FetchResult]:
    async with Fetcher(policy, max_connections=8) as fetcher:
        return list(await asyncio.gather(*(fetcher.fetch(u) for u in urls)))


@task(name="archive-parse-load")
def store_batch(results: list[FetchResult], db: str | None, source: str | None) -> list[PageOutcome]:
    with Archive(db) as archive:
        return archive_parse_load(archive, results, source=source, kind="page")


@flow(name="ingest")
async def ingest_urls(
    urls: list[str], db: str | None = None, allow_private: bool = False
) -> list[PageOutcome]:
    policy = FetchPolicy(allow_private=allow_private)
    results = await fetch_batch(urls, policy)
    return store_batch(results, db, None)


def file_result(
    path: Path, url: str, content_type: str | None = None, max_bytes: int | None = None
) -> FetchResult:
    """A saved page presented as if fetched from url (status 200, headers guessed from the name).

    Read like a download: at most the fetcher's size cap, the rest cut and flagged. The
    file name goes into a header percent-quoted, so no name (newlines included) can
    forge a header in the archived record.
    """
    cap = FetchPolicy().max_bytes if max_bytes is None else max_bytes
    with path.open("rb") as fh:
        content = fh.read(cap + 1)
    truncated = len(content) > cap
    ctype = content_type or mimetypes.guess_type(path.name)[0] or "text/html"
    return FetchResult(
        url=url,
        final_url=url,
        status=200,
        reason="OK",
        headers=[("Content-Type", ctype), ("X-Govarchive-Source-File", quote(path.name))],
        content=content[:cap],
        truncated=truncated,
        error=f"too_large: file over {cap} bytes, cut and recorded" if truncated else None,
    )


@flow(name="ingest-file")
def ingest_file(
    path: str, url: str, db: str | None = None, content_type: str | None = None
) -> list[PageOutcome]:
    result = file_result(Path(path), url, content_type)
    return store_batch([result], db, None)
