"""The crawl: a Prefect flow per source, tasks per batch, async httpx inside the tasks.

    discover (listing pages → frontier) → [fetch batch → archive+parse+load batch]* → attachments

Everything the crawl knows lives in the archive (frontier, fetches, crawl_runs), not in
the process, so a crawl killed at any point is resumed by simply running it again.
"""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

import settings
from flows.archive_writer import run_db
from flows.crawl_options import CrawlOptions, run_options, running_locally
from flows.crawl_steps import PLAIN, PREFECT, BatchNames, Steps
from flows.crawl_summary import CrawlFailed, CrawlNotRun, CrawlSummary
from flows.discover import Discovery
from flows.fetch import Fetcher, FetchPolicy
from flows.hosts import SharedCrawl
from flows.politeness import PoliteFetcher, Politeness
from flows.progress import progress_bar
from flows.run_lock import source_lock
from flows.sources import Source, get_source
from flows.store.batch import PageOutcome, ParseOutcome
from flows.store.cycle import CycleSpec, StoreCycle
from flows.store.worker import StoreWorker, WorkerFailed
from warehouse.archive import Archive
from warehouse.crawl_runs import RunCounts, record_walk, start_run, update_run
from warehouse.exchange import FetchResult, utcnow
from warehouse.frontier import Frontier, FrontierItem

WORKER_THRESHOLD = 300  # pending pages below which a store worker process costs more than it saves


def configured_source(source_name: str, opts: CrawlOptions) -> Source:
    source = get_source(source_name)
    if opts.base_url:
        source = source.rebased(opts.base_url)
    return source


class _Run:
    """One crawl of one source: its pieces, what it has counted, and what it noticed."""

    def __init__(self, source: Source, db: str | None, opts: CrawlOptions, steps: Steps,
                 run_id: str, shared: SharedCrawl | None = None,
                 on_fetched: Callable[[], None] | None = None) -> None:  # fmt: skip
        self.source, self.opts, self.steps, self.run_id = source, opts, steps, run_id
        self.shared = shared  # set when crawled with other sources (flows/crawl_many.py)
        self.on_fetched = on_fetched  # called once the last article batch is fetched
        self.archive = shared.archive if shared and shared.archive else Archive(db)
        self.frontier = Frontier(self.archive.path, source.name)
        self.counts = RunCounts()
        self.notes: list[str] = []
        self.cycle: StoreCycle | StoreWorker | None = None
        self.politeness = Politeness(
            rps=opts.rps if opts.rps is not None else source.rps,
            concurrency=opts.concurrency or source.concurrency,
            respect_robots=source.respect_robots,
        )

    def _hosts(self):  # noqa: ANN202 - HostLimiters | None
        return self.shared.hosts if self.shared is not None else None

    def _policy(self, **extra: object) -> FetchPolicy:
        allow = self.opts.allow_private
        return FetchPolicy(allowed_hosts=self.source.allowed_hosts, allow_private=allow,
                           check_addresses=not allow, **extra)  # type: ignore[arg-type]  # fmt: skip

    async def _save_progress(self, status: str | None = None) -> None:
        await self._db(update_run, self.archive.path, self.run_id, self.counts, status=status,
                       notes="; ".join(self.notes) or None)  # fmt: skip

    async def _db(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        """A DuckDB call; in a `crawl all`, on its archive writer thread (flows/archive_writer.py)."""
        return await run_db(self.archive.path, fn, *args, **kw)

    async def execute(self) -> CrawlSummary:
        """Run the crawl under the source's lock (one live run per source and archive)."""
        try:
            with source_lock(self.archive.path, self.source.name):
                return await self._execute()
        finally:
            await self._db(self.archive.close)

    async def _execute(self) -> CrawlSummary:
        interrupted = await self._db(start_run, self.archive.path, self.run_id, self.source.name,
                                   atomic=True)  # fmt: skip
        src = self.source  # table `sources` says what each source is, as configured
        origin = urlsplit(src.rebased_from or src.start_urls[0])
        await self._db(self.archive.upsert_source, src.name, title=src.title,
                       base_url=f"{origin.scheme}://{origin.netloc}",
                       schedule=f"{src.schedule} {src.schedule_timezone}")  # fmt: skip
        if interrupted:
            self.notes.append(f"run(s) {', '.join(interrupted)} had been killed; marked interrupted")
        left = (await self._db(self.frontier.counts)).get("pending", 0)
        if left:
            self.notes.append(f"resuming: {left} URL(s) left pending by earlier runs")
        status = "failed"
        try:
            async with Fetcher(self._policy(), max_connections=max(2, self.politeness.concurrency)) as base:
                fetcher = PoliteFetcher(base, self.politeness, hosts=self._hosts())
                found = await self._discover(fetcher)
                await self._articles(fetcher, found)
                if fetcher.robots.responses:
                    await self._db(self.archive.store_fetches, fetcher.robots.responses, atomic=True,
                                   run_id=self.run_id, source=self.source.name, kind="robots")  # fmt: skip
            if self.source.download_attachments:
                await self._attachments()
            status = "finished"
        except CrawlFailed as exc:
            self.notes.append(str(exc))
        except BaseException as exc:
            if isinstance(exc, Exception):
                self.notes.append(f"stopped by {type(exc).__name__}: {exc}")
            else:  # Ctrl-C, SIGTERM, a cancel from Prefect: resumable, not broken
                status = "interrupted"
                self.notes.append(_stop_note(exc))
            raise
        finally:
            try:  # on a full disk this write fails too; the WARC file must still be closed
                await self._save_progress(status)
            finally:
                if self.shared is None or self.shared.archive is None:  # else the runner's
                    self.archive.close()
        return CrawlSummary(self.run_id, self.source.name, status, self.counts, self.notes)

    async def _discover(self, fetcher: PoliteFetcher) -> Discovery:
        """Walk the listings. In a `crawl all` the walk's last records may still be landing
        (the writer serves every source): `_articles` starts on the walk's first new links
        meanwhile, and `_walk_landed` finishes the walk's bookkeeping once they are in."""
        found = await self.steps.discover(self.source, fetcher, self.archive, self.frontier,
                                          self.run_id, self.opts, early=self._early_size())  # fmt: skip
        if found.listing_pages and found.listing_failures == found.listing_pages:
            # One note says it all, naming the listings and why: the walk's warnings and its
            # stop reason would say the same three times over (crawl_runs keeps the stop).
            await self._walk_landed(found)
            raise CrawlFailed("no listing page could be read: " + "; ".join(found.warnings or [found.stop_reason]))
        self.notes.extend(found.warnings)
        self.notes.append("discovery stopped: " + "; ".join(found.stops or [found.stop_reason]))
        if found.robots_skipped:
            self.notes.append(f"{found.robots_skipped} article link(s) disallowed by robots.txt, not fetched")
        if self.opts.full:
            await self._db(self.frontier.requeue_done, "article")
        if not found.first_links:
            await self._walk_landed(found)
        return found

    def _through_writer(self) -> bool:
        """Crawled with other sources, every DuckDB call queued for one writer thread."""
        return self.shared is not None and self.shared.writer is not None

    def _early_size(self) -> int:
        """How many of the walk's new links to fetch before its records land: a batch
        through a shared writer, else none (the records are written in the walk's own
        turn and are in as soon as it ends)."""
        return self.opts.batch_size if self._through_writer() else 0

    async def _walk_landed(self, found: Discovery) -> None:
        """The walk's records are in: count what it found and record the walk as done.

        Recorded only now: a walk marked complete lets the next run stop early, so its
        links must be in the frontier first."""
        await found.landed()
        self.counts.discovered = found.new
        await self._db(record_walk, self.archive.path, self.run_id, complete=found.complete,
                       stop="; ".join(found.stops or [found.stop_reason]))  # fmt: skip
        await self._save_progress()

    async def _articles(self, fetcher: PoliteFetcher, found: Discovery) -> None:
        """Fetch pending articles in batches, pipelined: the next batch is fetched while
        this one is stored (archived, parsed, loaded) by the store cycle, in a worker
        process on large crawls (the file is free for readers while fetching).

        The first batch is the walk's first new links when their records may still be
        landing (`found.first_links`): it is fetched while they do, and the frontier is
        asked for more only once they are in."""
        started = utcnow()  # compared with frontier.updated_at, written with the same clock
        batch = self.steps.batch
        early = [FrontierItem(d.url, d.kind, referrer=d.referrer) for d in found.first_links]
        batches = BatchNames(len(early), self.opts.batch_size)

        def start(items: list[FrontierItem]) -> asyncio.Future[list[FetchResult]] | None:
            if not items:
                return None
            step = self.steps.named(self.steps.fetch, batches.fetch(len(items)))
            return asyncio.ensure_future(step(fetcher, batch(items), self.source.mirror))

        early_fetch = start(early)
        try:
            if early:
                await self._walk_landed(found)
            pending = (await self._db(self.frontier.counts)).get("pending", 0)
        except BaseException:
            if early_fetch is not None:
                early_fetch.cancel()
            raise
        batches.expect(pending)
        use_worker = self.shared is None and worker_worth_it(pending)  # crawl all: one writer
        self.cycle = StoreWorker(self._spec()) if use_worker else self._local_cycle()
        # Through a shared writer (a `crawl all`) the next batch is claimed while this one
        # is fetched, so the host is not kept waiting at each batch's end for the writer
        # to get round to it; the claim then leaves out this batch and the one being stored.
        ahead = self._through_writer()

        async def claim(exclude: list[FrontierItem]) -> list[FrontierItem]:
            return await self._db(self._cycle_call, "pending", self.opts.batch_size,
                                  [i.url for i in exclude], started)  # fmt: skip

        upcoming: asyncio.Future[list[FrontierItem]] | None = None
        inflight: asyncio.Future[list[FetchResult]] | None = None
        try:
            with progress_bar(self.opts.progress, self.source.name, pending) as advance:
                items = early or await claim([])
                inflight = early_fetch or start(items)
                if ahead and items:
                    upcoming = asyncio.ensure_future(claim(items))
                while inflight is not None:
                    results = await inflight
                    current = items
                    if upcoming is not None:
                        items, upcoming = await upcoming, None
                    else:
                        items = await claim(current)
                    inflight = start(items)
                    if inflight is None and self.on_fetched is not None:
                        self.on_fetched()  # only the last batch's store is left
                    if ahead and items:
                        upcoming = asyncio.ensure_future(claim([*items, *current]))
                    store = self.steps.named(self.steps.store, batches.store(len(current)))
                    await store(batch(self), batch(current), batch(results))
                    advance(len(current), self.counts)
        except BaseException:
            for pending_step in (inflight, upcoming):
                if pending_step is not None:
                    pending_step.cancel()
            raise
        finally:
            if isinstance(self.cycle, StoreWorker):
                self.cycle.close()  # it finishes the batch in hand first
            elif self.cycle is not None:
                self.cycle.release()
            self.cycle = None

    def store_cycle(self, items: list[FrontierItem], results: list[FetchResult],
                    parsed: list[ParseOutcome] | None = None) -> list[PageOutcome]:  # fmt: skip
        """Store one batch; `parsed`: parsed ahead by a `crawl all`'s parse worker (no store worker then)."""
        if parsed is not None:
            return self._cycle_call("store", items, results, parsed)
        return self._cycle_call("store", items, results)

    def _cycle_call(self, name: str, *args: Any) -> Any:
        """Call the store worker; if it died, carry on in this process (slower, nothing lost)."""
        assert self.cycle is not None
        try:
            return getattr(self.cycle, name)(*args)
        except WorkerFailed as exc:
            self.notes.append(f"{exc}; stored in the crawl's own process from then on")
            self.cycle = self._local_cycle()
            return getattr(self.cycle, name)(*args)

    def _spec(self) -> CycleSpec:
        return CycleSpec(self.source, str(self.archive.path), self.run_id, self.counts, self.notes)

    def _local_cycle(self) -> StoreCycle:
        if self.shared is not None and self.shared.store_archive is not None:
            return StoreCycle(self._spec(), self.shared.store_archive)
        return StoreCycle(self._spec(), self.archive)

    async def _attachments(self) -> None:
        policy = self._policy(max_bytes=self.source.attachment_max_bytes)
        async with Fetcher(policy, max_connections=4) as base:
            stored, failed = await self.steps.attachments(
                self.source, PoliteFetcher(base, self.politeness, hosts=self._hosts()),
                self.archive, self.frontier,
                self.run_id, self.opts.batch_size,
            )  # fmt: skip
        if stored or failed:
            self.notes.append(f"attachments: {stored} stored, {failed} failed")


def _stop_note(exc: BaseException) -> str:
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl-C or SIGTERM); the next run resumes where this one stopped"
    return "cancelled; the next run resumes where this one stopped"


def worker_worth_it(pending: int) -> bool:
    """A second process only pays on a large crawl where there is a second core.

    GOVARCHIVE_STORE_WORKER: 0 never, always (tests of the worker), else decided here.
    """
    setting = settings.current().store_worker
    if setting in ("0", "always"):
        return setting == "always"
    return pending >= WORKER_THRESHOLD and (os.cpu_count() or 1) > 1


async def crawl(
    source_name: str,
    db: str | None = None,
    options: CrawlOptions | None = None,
    *,
    steps: Steps = PLAIN,
    run_id: str | None = None,
    shared: SharedCrawl | None = None,
    on_fetched: Callable[[], None] | None = None,
) -> CrawlSummary:
    """One crawl of one source, start to end; resumable by running it again.

    `shared`: host limiters and the archive writer of a crawl of many sources at once
    (flows/crawl_many.py); without it the crawl has its own. `on_fetched`: called when
    the last article batch has been fetched (`crawl all` lets the next source start).
    """
    opts = options or CrawlOptions()
    run = _Run(configured_source(source_name, opts), db, opts, steps, run_id or str(uuid.uuid4()),
               shared, on_fetched)  # fmt: skip
    return await run.execute()


# What only a local caller may set: the archive file and the CLI's knobs, among them
# `base_url` and `allow_private`, which must never be run parameters of a deployment
# (anyone who may trigger a run could point the crawler at an internal address).
@flow(
    name="crawl-source",
    flow_run_name="crawl-{source_name}",
    description="Crawl one configured source into the archive: listings, new articles, attachments.",
    # transient causes (archive busy, listing or robots.txt outage) get another go. Read when
    # the module is imported, the one setting that is: a worker builds the flow from this
    # decorator, and Prefect takes retries from nowhere else.
    retries=settings.current().crawl_retries,
    retry_delay_seconds=settings.current().crawl_retry_delay,
)
async def crawl_source(
    source_name: str, full: bool = False, since: str | None = None, max_pages: int | None = None
) -> CrawlSummary:
    """One crawl of `source_name`; a run parameter may change only `full`, `since`, `max_pages`.

    Ends `Failed` (raising CrawlNotRun) when the crawl could not run, so Prefect's retries
    and notifications see it; the counts, failures and notes are published as a Markdown
    artifact either way.
    """
    db, opts = run_options(full, since, max_pages)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    if not running_locally():
        asyncio.get_running_loop().set_exception_handler(_quiet_orderly_cancel)
    with settings.edge():
        summary = await crawl(source_name, db, opts, steps=PREFECT, run_id=run_id)
    get_run_logger().info(summary.line())
    await _publish(summary)
    if summary.status == "failed":
        raise CrawlNotRun(summary)
    return summary


def _quiet_orderly_cancel(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Event-loop exception handler of a worker's or serve's flow-run process.

    Prefect cancels a run with SIGTERM, which its handler turns into TerminationSignal
    wherever the main thread is. When that is the loop's poll, the exception leaves the
    loop, asyncio cancels the flow from its shutdown path, the crawl stores what it holds
    and notes `cancelled`, Prefect marks the run Cancelled, and then asyncio logs the
    signal as "unhandled exception during asyncio.run() shutdown" with a traceback. That
    one record is an orderly cancel, not an error; everything else goes through as usual.
    """
    exc = context.get("exception")
    if isinstance(exc, asyncio.CancelledError) or type(exc).__name__ == "TerminationSignal":
        return
    loop.default_exception_handler(context)


async def _publish(summary: CrawlSummary) -> None:
    """The run's counts, failures and notes as a Markdown artifact in the Prefect UI."""
    from prefect.artifacts import acreate_markdown_artifact

    key = "crawl-" + re.sub(r"[^a-z0-9-]+", "-", summary.source.lower()).strip("-")
    try:
        await acreate_markdown_artifact(markdown=summary.markdown(), key=key,
                                        description=f"{summary.source}: {summary.status}")  # fmt: skip
    except Exception as exc:  # a report that cannot be written loses no crawl
        get_run_logger().warning("the run's Markdown artifact could not be written: %s", exc)
