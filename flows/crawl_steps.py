"""The crawl's stages, each one call: discover, fetch a batch, store a batch, attachments.

`crawl._Run` strings them together; here each is the same code run bare (`PLAIN`) or as
a Prefect task (`PREFECT`), and `BatchNames` names a batch's task run after what it holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.archive_writer import run_db
from flows.attachments import (
    AttachmentLimits,
    attachment_text_enabled,
    extract_fetched,
    type_problem,
)
from flows.crawl_options import CrawlOptions
from flows.discover import Discovery, discover
from flows.mirror import Mirror
from flows.politeness import PoliteFetcher
from flows.sources import Source
from flows.store.batch import PageOutcome
from warehouse.archive import Archive
from warehouse.crawl_runs import last_walk
from warehouse.exchange import FetchResult
from warehouse.frontier import Frontier, FrontierItem, Settled
from warehouse.since import parse_since


async def discover_step(
    source: Source, fetcher: PoliteFetcher, archive: Archive, frontier: Frontier, run_id: str,
    opts: CrawlOptions, early: int = 0,
) -> Discovery:  # fmt: skip
    """The listing walk; `early` > 0: return before its last records land, with that many
    of its first new links to fetch meanwhile (`discover(land=False)`)."""
    last = await run_db(archive.path, last_walk, archive.path, source.name, before_run=run_id)
    walk_all = opts.full or last is None or not last[1]
    found = await discover(
        source, fetcher, archive, frontier, run_id=run_id, full=walk_all,
        max_pages=opts.max_pages, since=parse_since(opts.since), land=early <= 0, first=early,
    )  # fmt: skip
    if last is not None and not last[1] and not opts.full:
        found.warnings.insert(0, f"the last walk (run {last[0]}) was cut short or never recorded:"
                                 " every listing page is walked again")  # fmt: skip
    return found


async def fetch_step(
    fetcher: PoliteFetcher, items: list[FrontierItem], mirror: Mirror | None = None
) -> list[FetchResult]:
    """Fetch a batch; from a mirror, each result also says which URL it stands for."""
    if mirror is None:
        return list(
            await asyncio.gather(
                *(fetcher.fetch(i.url, etag=i.etag, last_modified=i.last_modified) for i in items)
            )
        )
    results = list(
        await asyncio.gather(*(fetcher.fetch(mirror.to_mirror(i.url), etag=i.etag,
                                             last_modified=i.last_modified) for i in items))
    )  # fmt: skip
    for item, res in zip(items, results, strict=True):
        res.origin_url, res.origin_final_url = item.url, mirror.to_origin(res.final_url or res.url)
    return results


async def store_step(run: Any, items: list[FrontierItem], results: list[FetchResult]) -> list[PageOutcome]:
    """Archive, parse and load one fetched batch, then settle it in the frontier.

    Runs in a worker thread (the next batch is being fetched meanwhile); the step itself
    is async so that, as a Prefect task, it is orchestrated from the event loop: a sync
    task started from a worker thread cost ~30 ms more per call (measured).
    In a `crawl all` (run.shared) the sources' store cycles take turns (one writer), and
    the batch is parsed first in the crawl's parse worker, if it has one.
    """
    if run.shared is not None:  # a `crawl all`: the sources' store cycles take turns
        parsed = await run.shared.parse_ahead(results)  # on the other core, before its turn
        work = asyncio.to_thread(run.shared.in_turn, run.store_cycle, items, results, parsed)
    else:
        work = asyncio.to_thread(run.store_cycle, items, results)
    storing = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(storing)
    except asyncio.CancelledError:
        # Cancelled (Prefect cancel, SIGTERM): the thread is writing this batch; let it
        # land (WARC, parse, load, frontier) before the crawl lets go of the archive.
        with contextlib.suppress(BaseException):
            await storing
        run.notes.append(f"cancelled: the batch in hand ({len(items)} pages) was stored first")
        raise


def _attachment_failure(source: Source, result: FetchResult) -> str | None:
    """Why a downloaded attachment is not one (the rule `ingest` applies too)."""
    return type_problem(AttachmentLimits(source.attachment_types, source.attachment_max_bytes), result)


async def attachments_step(
    source: Source, fetcher: PoliteFetcher, archive: Archive, frontier: Frontier, run_id: str,
    batch_size: int,
) -> tuple[int, int]:  # fmt: skip
    """Download pending attachments into the raw archive; returns (stored, failed)."""
    stored = failed = 0
    while True:
        items = await run_db(archive.path, frontier.pending, "attachment", batch_size)
        if not items:
            return stored, failed
        results = await fetch_step(fetcher, items, source.mirror)
        ids = await run_db(archive.path, archive.store_fetches, results, run_id=run_id,
                           source=source.name, kind="attachment")  # fmt: skip
        settled = []
        for item, res, fid in zip(items, results, ids, strict=True):
            problem = _attachment_failure(source, res)
            if problem:
                failed += 1
                settled.append(Settled(item.url, "failed", fid, problem))
            else:
                stored += 1
                settled.append(
                    Settled(item.url, "done", fid, etag=res.header("etag"),
                            last_modified=res.header("last-modified"))
                )  # fmt: skip
        await run_db(archive.path, frontier.settle, settled)
        if attachment_text_enabled():  # their text read in the sandbox, stored, indexed
            try:
                await run_db(archive.path, extract_fetched, archive, ids)
            except RuntimeError as exc:  # no reader process: the files stay archived, unread
                logging.getLogger(__name__).warning(
                    "attachment text not read this run (%s); the next crawl or ingest reads it", exc
                )


@dataclass(frozen=True, slots=True)
class Steps:
    """The crawl's stages; run bare (`PLAIN`) or as Prefect tasks (`PREFECT`).

    The bare form exists so the benchmark can measure what Prefect costs, and so a
    crawl can run where no Prefect API is wanted; the logic is the same code.
    """

    discover: Callable[..., Awaitable[Discovery]]
    fetch: Callable[..., Awaitable[list[FetchResult]]]
    store: Callable[..., Awaitable[list[PageOutcome]]]
    attachments: Callable[..., Awaitable[tuple[int, int]]]
    # how a batch is passed to a step: as it is, or `quote`d for Prefect (see PREFECT)
    batch: Callable[[Any], Any] = lambda value: value
    # a step under the name its run shows (Prefect's task run name; bare: the step itself)
    named: Callable[[Any, str], Any] = lambda step, name: step


PLAIN = Steps(discover_step, fetch_step, store_step, attachments_step)
PREFECT = Steps(
    task(name="discover", cache_policy=NO_CACHE)(discover_step),
    task(name="fetch-batch", cache_policy=NO_CACHE)(fetch_step),
    task(name="archive-parse-load", cache_policy=NO_CACHE)(store_step),
    task(name="attachments", cache_policy=NO_CACHE)(attachments_step),
    # Prefect walks every task argument looking for futures to link (visit_collection):
    # that cost ~27 ms per call (measured on a batch of 200 responses). Batches are
    # passed `quote`d instead: Prefect hands them over without looking inside.
    batch=quote,
    # task runs named after what they hold: "fetch batch 3/12 (100 pages)"
    named=lambda step, name: step.with_options(task_run_name=name),
)


class BatchNames:
    """Names that say what a batch holds, for Prefect's task runs: `fetch batch 3/12 (100 pages)`."""

    def __init__(self, pending: int, size: int) -> None:
        self.size = size
        self.total = 1
        self.expect(pending)
        self.fetched = self.stored = 0

    def expect(self, pending: int) -> None:
        """The pending count, once known (the first batch may be named before it is)."""
        self.total = max(self.total, -(-pending // max(1, self.size)))

    def fetch(self, pages: int) -> str:
        self.fetched += 1
        return self._name("fetch", self.fetched, pages)

    def store(self, pages: int) -> str:
        self.stored += 1
        return self._name("store", self.stored, pages)

    def _name(self, verb: str, number: int, pages: int) -> str:
        return f"{verb} batch {number}/{max(self.total, number)} ({pages} pages)"
