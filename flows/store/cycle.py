"""The archiving half of a crawl: store a fetched batch, settle it, count it.

A crawl's articles phase alternates two halves: fetching a batch (network, the event
loop) and storing it (WARC, parse, DuckDB, frontier: CPU). `StoreCycle` is the second
half. It runs in the crawl's process for small crawls and in a worker process
(`flows.store.worker`) for large ones, so that on 2 cores the two halves run side by
side instead of taking turns on one GIL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from flows.sources import Source
from flows.store.batch import PageOutcome, ParseOutcome, archive_parse_load
from flows.store.lease import Lease
from settings import Settings
from settings import current as settings_of_run
from warehouse.archive import Archive
from warehouse.crawl_runs import RunCounts, update_run
from warehouse.exchange import FetchResult
from warehouse.frontier import Discovered, Frontier, FrontierItem, Settled


@dataclass(slots=True)
class CycleSpec:
    """Everything a store cycle needs, picklable: a worker process starts from it."""

    source: Source
    db: str
    run_id: str
    counts: RunCounts
    notes: list[str] = field(default_factory=list)
    # the run's settings, taken along into a worker process (it has no edge of its own)
    settings: Settings = field(default_factory=settings_of_run)


# How long the store cycle keeps the archive file between batches (`hold_seconds`, 3 s):
# each release is a checkpoint (a fifth of a store cycle's time when done after every
# batch; measured), and while the file is held a reader in another process waits (it
# retries for 30 s): a few seconds keeps both small. And for at most `hold_mb` (8 MB) of
# fetched pages: until the checkpoint, DuckDB keeps what a hold wrote in its buffer (~4.5
# bytes per byte of HTML, measured), which must fit the writer's memory cap however fast
# the machine and however large the pages.


class StoreCycle:
    def __init__(self, spec: CycleSpec, archive: Archive | None = None) -> None:
        self.spec = spec
        self.source, self.run_id, self.counts = spec.source, spec.run_id, spec.counts
        self.archive = archive or Archive(spec.db)
        self.frontier = Frontier(self.archive.path, self.source.name)
        own = spec.settings
        self.lease = Lease(self.archive, seconds=own.hold_seconds, max_bytes=own.hold_mb * 2**20)

    def release(self) -> None:
        """Let go of the archive file (readers get in; DuckDB checkpoints)."""
        self.lease.release()

    def pending(
        self, limit: int, exclude: Sequence[str], settled_before: dt.datetime
    ) -> list[FrontierItem]:
        return self.frontier.pending("article", limit, exclude=exclude, settled_before=settled_before)

    def store(self, items: list[FrontierItem], results: list[FetchResult],
              parsed: Sequence[ParseOutcome] | None = None) -> list[PageOutcome]:  # fmt: skip
        """Archive, parse, load one batch, then settle it in the frontier and count it.

        `parsed`: the batch parsed ahead (a `crawl all`'s parse worker), loaded as is.
        """
        self.lease.hold()
        try:
            outcomes = archive_parse_load(self.archive, results, source=self.source.name,
                                          run_id=self.run_id, kind="page", parsed=parsed)  # fmt: skip
            # attachments enter the frontier before their page is settled: killed in
            # between, the page is fetched again; the reverse order loses them for good
            self.frontier.add(_attachment_links(self.source, outcomes), self.run_id)
            self.frontier.settle(_settle(items, results, outcomes))
            _count(self.counts, results, outcomes)
            update_run(self.archive.path, self.run_id, self.counts,
                       notes="; ".join(self.spec.notes) or None)  # fmt: skip
        except BaseException:
            self.release()
            raise
        self.lease.wrote(sum(len(r.content) for r in results))
        return outcomes

    def close(self) -> None:
        self.release()
        self.archive.close()


def _attachment_links(source: Source, outcomes: list[PageOutcome]) -> list[Discovered]:
    if not source.download_attachments:
        return []
    return [
        Discovered(u, "attachment", referrer=o.url)
        for o in outcomes
        for u in o.attachments
        if source.host_allowed(source.to_mirror(u))
    ]


def _count(counts: RunCounts, results: list[FetchResult], outcomes: list[PageOutcome]) -> None:
    for o in outcomes:
        if o.status == "failed":
            counts.failed += 1
        elif o.status == "not_modified":
            counts.unchanged += 1
        else:
            setattr(counts, o.status, getattr(counts, o.status) + 1)
    counts.fetched += sum(1 for r in results if r.status is not None)


def _settle(
    items: list[FrontierItem], results: list[FetchResult], outcomes: list[PageOutcome]
) -> list[Settled]:
    settled = []
    for item, res, out in zip(items, results, outcomes, strict=True):
        if out.failed:
            # a fetch failure says whether asking again could help; a parse failure can be
            # mended by a new parser on the archived bytes, so the page is not asked again
            failure = res.failure
            final = failure.final if failure is not None else False
            settled.append(Settled(item.url, "failed", out.fetch_id, out.error, final=final))
        else:
            settled.append(
                Settled(item.url, "done", out.fetch_id, etag=res.header("etag"),
                        last_modified=res.header("last-modified"))
            )  # fmt: skip
    return settled
