"""The crawl: a Prefect flow per source, tasks per batch, async httpx inside the tasks.

    discover (listing pages → frontier) → [fetch batch → archive+parse+load batch]* → attachments

Everything the crawl knows lives in the archive (frontier, fetches, crawl_runs), not in
the process, so a crawl killed at any point is resumed by simply running it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import os
import re
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from flows.archive_writer import run_db
from flows.attachments import (
    AttachmentLimits,
    attachment_text_enabled,
    extract_fetched,
    type_problem,
)
from flows.discover import Discovery, discover
from flows.fetch import Fetcher, FetchPolicy
from flows.hosts import SharedCrawl
from flows.mirror import Mirror
from flows.politeness import PoliteFetcher, Politeness
from flows.prefect_api import ephemeral_api
from flows.process import PageOutcome
from flows.run_lock import source_lock
from flows.sources import Source, get_source, load_sources
from flows.store_cycle import CycleSpec, StoreCycle
from flows.store_worker import StoreWorker, WorkerFailed
from warehouse.archive import Archive
from warehouse.frontier import (
    Frontier,
    FrontierItem,
    RunCounts,
    Settled,
    last_walk,
    record_walk,
    start_run,
    update_run,
)
from warehouse.records import FetchResult, utcnow
from warehouse.since import parse_since

BATCH_SIZE = 100
WORKER_THRESHOLD = 300  # pending pages below which a store worker process costs more than it saves


class CrawlFailed(RuntimeError):
    """The crawl could not do its job at all (no listing page readable): exit non-zero."""


class CrawlNotRun(RuntimeError):
    """Raised by the Prefect flow when its crawl could not run, so the flow run ends `Failed`
    (retries, automations and notifications see it); carries the run's summary."""

    def __init__(self, *summaries: CrawlSummary) -> None:
        failed = [s for s in summaries if s.status == "failed"] or list(summaries)
        super().__init__("\n".join(s.line() for s in failed))
        self.summaries = list(summaries)

    def __reduce__(self) -> tuple[type, tuple[CrawlSummary, ...]]:  # Prefect may persist it
        return (CrawlNotRun, tuple(self.summaries))


@dataclass(slots=True)
class CrawlOptions:
    base_url: str | None = None
    max_pages: int | None = None
    since: str | None = None
    full: bool = False
    rps: float | None = None
    concurrency: int | None = None
    progress: bool = False
    batch_size: int = BATCH_SIZE
    allow_private: bool = True  # sources are configured, not typed in by strangers


@dataclass(slots=True)
class CrawlSummary:
    run_id: str
    source: str
    status: str
    counts: RunCounts
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        c = self.counts
        text = (
            f"{self.source}: {self.status} — discovered {c.discovered}, fetched {c.fetched}, "
            f"new {c.new}, changed {c.changed}, unchanged {c.unchanged}, failed {c.failed} "
            f"(run {self.run_id})"
        )
        return text + "".join(f"\n  note: {n}" for n in self.notes)

    def markdown(self) -> str:
        """The run as the Prefect UI shows it (a Markdown artifact)."""
        c = self.counts
        rows = [("discovered", c.discovered), ("fetched", c.fetched), ("new", c.new),
                ("changed", c.changed), ("unchanged", c.unchanged), ("failed", c.failed)]  # fmt: skip
        lines = [f"# {self.source}: {self.status}", "", f"Run `{self.run_id}`", "",
                 "| count | pages |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows)]  # fmt: skip
        if self.notes:
            lines += ["", "## Notes", "", *(f"- {n}" for n in self.notes)]
        if c.failed:
            lines += ["", f"{c.failed} page(s) failed: `govarchive query \"SELECT url, error FROM fetches"
                      f" WHERE run_id = '{self.run_id}' AND error IS NOT NULL\"` lists them."]  # fmt: skip
        return "\n".join(lines) + "\n"


def _since(value: str | None) -> dt.date | None:
    return parse_since(value)  # one grammar for every command (warehouse/since.py)


def _configured(source_name: str, opts: CrawlOptions) -> Source:
    source = get_source(source_name)
    if opts.base_url:
        source = source.rebased(opts.base_url)
    return source


async def discover_step(
    source: Source, fetcher: PoliteFetcher, archive: Archive, frontier: Frontier, run_id: str,
    opts: CrawlOptions,
) -> Discovery:  # fmt: skip
    last = await run_db(archive.path, last_walk, archive.path, source.name, before_run=run_id)
    walk_all = opts.full or last is None or not last[1]
    found = await discover(
        source, fetcher, archive, frontier, run_id=run_id, full=walk_all,
        max_pages=opts.max_pages, since=_since(opts.since),
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


async def store_step(run: _Run, items: list[FrontierItem], results: list[FetchResult]) -> list[PageOutcome]:
    """Archive, parse and load one fetched batch, then settle it in the frontier.

    Runs in a worker thread (the next batch is being fetched meanwhile); the step itself
    is async so that, as a Prefect task, it is orchestrated from the event loop: a sync
    task started from a worker thread cost ~30 ms more per call (measured).
    In a `crawl all` (run.shared) the sources' store cycles take turns (one writer).
    """
    if run.shared is not None:  # a `crawl all`: the sources' store cycles take turns
        work = asyncio.to_thread(run.shared.in_turn, run.store_cycle, items, results)
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
    # for a batch of 200 responses that cost ~27 ms per call (measured). Batches are
    # passed `quote`d instead: Prefect hands them over without looking inside.
    batch=quote,
    # task runs named after what they hold: "fetch batch 3/12 (100 pages)"
    named=lambda step, name: step.with_options(task_run_name=name),
)


@contextlib.contextmanager
def _progress(enabled: bool, label: str, total: int) -> Iterator[Callable[[int, RunCounts], None]]:
    """A progress bar on the terminal (stderr); a no-op callback elsewhere."""
    if not enabled:
        yield lambda n, counts: None
        return
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=Console(stderr=True),
    ) as progress:  # fmt: skip
        task_id = progress.add_task(label, total=total, detail="")

        def advance(n: int, c: RunCounts) -> None:
            progress.update(task_id, advance=n,
                            detail=f"new {c.new} changed {c.changed} failed {c.failed}")  # fmt: skip

        yield advance


class _Run:
    """One crawl of one source: its pieces, what it has counted, and what it noticed."""

    def __init__(self, source: Source, db: str | None, opts: CrawlOptions, steps: Steps,
                 run_id: str, shared: SharedCrawl | None = None) -> None:  # fmt: skip
        self.source, self.opts, self.steps, self.run_id = source, opts, steps, run_id
        self.shared = shared  # set when crawled with other sources (flows/crawl_many.py)
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
        if interrupted:
            self.notes.append(f"run(s) {', '.join(interrupted)} had been killed; marked interrupted")
        left = (await self._db(self.frontier.counts)).get("pending", 0)
        if left:
            self.notes.append(f"resuming: {left} URL(s) left pending by earlier runs")
        status = "failed"
        try:
            async with Fetcher(self._policy(), max_connections=max(2, self.politeness.concurrency)) as base:
                fetcher = PoliteFetcher(base, self.politeness, hosts=self._hosts())
                await self._discover(fetcher)
                await self._articles(fetcher)
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

    async def _discover(self, fetcher: PoliteFetcher) -> None:
        found = await self.steps.discover(self.source, fetcher, self.archive, self.frontier,
                                          self.run_id, self.opts)  # fmt: skip
        self.counts.discovered = found.new
        self.notes.extend(found.warnings)
        self.notes.append("discovery stopped: " + "; ".join(found.stops or [found.stop_reason]))
        await self._db(record_walk, self.archive.path, self.run_id, complete=found.complete,
                       stop="; ".join(found.stops or [found.stop_reason]))  # fmt: skip
        if found.listing_pages and found.listing_failures == found.listing_pages:
            raise CrawlFailed(f"no listing page could be read: {found.stop_reason}")
        if found.robots_skipped:
            self.notes.append(f"{found.robots_skipped} article link(s) disallowed by robots.txt, not fetched")
        if self.opts.full:
            await self._db(self.frontier.requeue_done, "article")
        await self._save_progress()

    async def _articles(self, fetcher: PoliteFetcher) -> None:
        """Fetch pending articles in batches, pipelined: the next batch is fetched while
        this one is stored (archived, parsed, loaded) by the store cycle, in a worker
        process on large crawls (the file is free for readers while fetching)."""
        pending = (await self._db(self.frontier.counts)).get("pending", 0)
        use_worker = self.shared is None and worker_worth_it(pending)  # crawl all: one writer
        self.cycle = StoreWorker(self._spec()) if use_worker else self._local_cycle()
        started = utcnow()  # compared with frontier.updated_at, written with the same clock
        inflight_urls: list[str] = []
        batch = self.steps.batch

        async def next_items() -> list[FrontierItem]:
            items = await self._db(self._cycle_call, "pending", self.opts.batch_size,
                                   inflight_urls, started)  # fmt: skip
            inflight_urls[:] = [i.url for i in items]
            return items

        batches = _BatchNames(pending, self.opts.batch_size)

        def start(items: list[FrontierItem]) -> asyncio.Future[list[FetchResult]] | None:
            if not items:
                return None
            step = self.steps.named(self.steps.fetch, batches.fetch(len(items)))
            return asyncio.ensure_future(step(fetcher, batch(items), self.source.mirror))

        try:
            with _progress(self.opts.progress, self.source.name, pending) as advance:
                items = await next_items()
                inflight = start(items)
                while inflight is not None:
                    results = await inflight
                    current, items = items, await next_items()
                    inflight = start(items)
                    try:
                        store = self.steps.named(self.steps.store, batches.store(len(current)))
                        await store(batch(self), batch(current), batch(results))
                    except BaseException:
                        if inflight is not None:
                            inflight.cancel()
                        raise
                    advance(len(current), self.counts)
        finally:
            if isinstance(self.cycle, StoreWorker):
                self.cycle.close()  # it finishes the batch in hand first
            elif self.cycle is not None:
                self.cycle.release()
            self.cycle = None

    def store_cycle(self, items: list[FrontierItem], results: list[FetchResult]) -> list[PageOutcome]:
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


class _BatchNames:
    """Names that say what a batch holds, for Prefect's task runs: `fetch batch 3/12 (100 pages)`."""

    def __init__(self, pending: int, size: int) -> None:
        self.total = max(1, -(-pending // max(1, size)))
        self.fetched = self.stored = 0

    def fetch(self, pages: int) -> str:
        self.fetched += 1
        return self._name("fetch", self.fetched, pages)

    def store(self, pages: int) -> str:
        self.stored += 1
        return self._name("store", self.stored, pages)

    def _name(self, verb: str, number: int, pages: int) -> str:
        return f"{verb} batch {number}/{max(self.total, number)} ({pages} pages)"


def _stop_note(exc: BaseException) -> str:
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl-C or SIGTERM); the next run resumes where this one stopped"
    return "cancelled; the next run resumes where this one stopped"


def worker_worth_it(pending: int) -> bool:
    """A second process only pays on a large crawl where there is a second core.

    GOVARCHIVE_STORE_WORKER: 0 never, always (tests of the worker), else decided here.
    """
    setting = os.environ.get("GOVARCHIVE_STORE_WORKER", "auto")
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
) -> CrawlSummary:
    """One crawl of one source, start to end; resumable by running it again.

    `shared`: host limiters and the archive writer of a crawl of many sources at once
    (flows/crawl_many.py); without it the crawl has its own.
    """
    opts = options or CrawlOptions()
    run = _Run(_configured(source_name, opts), db, opts, steps, run_id or str(uuid.uuid4()),
               shared)  # fmt: skip
    return await run.execute()


# What only a local caller may set: the archive file and the CLI's knobs, among them
# `base_url` and `allow_private`, which must never be run parameters of a deployment
# (anyone who may trigger a run could point the crawler at an internal address).
_LOCAL: ContextVar[tuple[str | None, CrawlOptions] | None] = ContextVar("govarchive_local_crawl", default=None)


@contextlib.contextmanager
def local_options(db: str | None, opts: CrawlOptions) -> Iterator[None]:
    """Run `crawl_source` in this process with these CLI-only settings."""
    token = _LOCAL.set((db, opts))
    try:
        yield
    finally:
        _LOCAL.reset(token)


def _run_settings(full: bool, since: str | None, max_pages: int | None) -> tuple[str | None, CrawlOptions]:
    """The archive and options of a flow run: the local caller's, or a deployment run's
    (its archive from GOVARCHIVE_DB, its safe knobs from the run's parameters)."""
    local = _LOCAL.get()
    if local is not None:
        db, opts = local
        return db, dataclasses.replace(opts, full=full, since=since, max_pages=max_pages)
    from flows.deployments import worker_archive

    return worker_archive(), CrawlOptions(full=full, since=since, max_pages=max_pages)


@flow(
    name="crawl-source",
    flow_run_name="crawl-{source_name}",
    description="Crawl one configured source into the archive: listings, new articles, attachments.",
    # transient causes (archive busy, listing or robots.txt outage) get another go
    retries=int(os.environ.get("GOVARCHIVE_CRAWL_RETRIES", "2")),
    retry_delay_seconds=int(os.environ.get("GOVARCHIVE_CRAWL_RETRY_DELAY", "60")),
)
async def crawl_source(
    source_name: str, full: bool = False, since: str | None = None, max_pages: int | None = None
) -> CrawlSummary:
    """One crawl of `source_name`; a run parameter may change only `full`, `since`, `max_pages`.

    Ends `Failed` (raising CrawlNotRun) when the crawl could not run, so Prefect's retries
    and notifications see it; the counts, failures and notes are published as a Markdown
    artifact either way.
    """
    db, opts = _run_settings(full, since, max_pages)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    if _LOCAL.get() is None:
        asyncio.get_running_loop().set_exception_handler(_quiet_orderly_cancel)
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


@flow(name="crawl-all")
async def crawl_all(db: str | None = None, options: CrawlOptions | None = None) -> list[CrawlSummary]:
    """Every configured source at the same time, each host at its own pace (flows/crawl_many.py).

    One flow run with the sources' steps as its tasks: a flow run per source costs
    Prefect seconds each to start (8 sources: starts spread over 15 s, measured), which
    would spoil a crawl whose point is that every host starts at once.
    """
    from flows.crawl_many import crawl_many

    summaries = await crawl_many(None, db, options, steps=PREFECT)
    for s in summaries:
        get_run_logger().info(s.line())
    if any(s.status == "failed" for s in summaries):
        raise CrawlNotRun(*summaries)  # the flow run ends Failed; the CLI exits 1
    return summaries


async def _crawl_one_locally(source_name: str, db: str | None, opts: CrawlOptions) -> list[CrawlSummary]:
    """The Prefect flow run in this process; a crawl that could not run returns its summary
    (the flow run is `Failed`, the CLI exits 1) instead of raising."""
    with local_options(db, opts):
        state = await crawl_source.with_options(retries=0)(
            source_name, full=opts.full, since=opts.since, max_pages=opts.max_pages, return_state=True
        )
    return await _summaries(state)


async def _crawl_all_locally(db: str | None, opts: CrawlOptions) -> list[CrawlSummary]:
    return await _summaries(await crawl_all(db, opts, return_state=True))


async def _summaries(state: Any) -> list[CrawlSummary]:
    value = await state.aresult(raise_on_failure=False)
    if isinstance(value, CrawlNotRun):
        return value.summaries
    if isinstance(value, BaseException):
        raise value
    return value if isinstance(value, list) else [value]


def run_crawl(source: str, db: str | None, opts: CrawlOptions) -> list[CrawlSummary]:
    """CLI entry: validate before starting Prefect, so a typo fails in a second, not ten."""
    _since(opts.since)
    if source == "all" and opts.base_url:
        raise ValueError("--base-url points one source at a mirror; name the source, not 'all'")
    load_sources()  # a bad configuration is one line before anything starts
    if source != "all":
        _configured(source, opts)
    with ephemeral_api():
        if source == "all":
            return asyncio.run(_crawl_all_locally(db, opts))
        return asyncio.run(_crawl_one_locally(source, db, opts))
