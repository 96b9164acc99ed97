"""Re-run the current parsers over the raw archive, without touching the network.

A parser fix reaches every page already archived: the same content keeps its version
(its columns take the new reading), and fetches that failed to parse before get
another chance, their parse_errors closed when they now succeed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.store.batch import archive_parse_load_stored
from flows.store.lease import Lease
from warehouse.archive import Archive
from warehouse.raw_index import RawPage, latest_page_fetches

BATCH = 500
# The file is held across batches (each release is a checkpoint, which rewrites the
# table's last row group) but let go this often, well inside the 30 s a reader waits
# for it (GOVARCHIVE_LOCK_WAIT).
RELEASE_SECONDS = 10.0
# Told (pages done, pages in all) after each batch; the CLI sets it to show progress. A
# module hook, not a flow parameter: Prefect would try to serialize a callable argument.
on_progress: Callable[[int, int], None] | None = None


@dataclass(slots=True)
class ReparseSummary:
    pages: int = 0
    changed: int = 0
    unchanged: int = 0
    new: int = 0
    failed: int = 0

    def line(self) -> str:
        return (
            f"reparsed {self.pages} pages: {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )


@task(name="reparse-batch", cache_policy=NO_CACHE)
def reparse_batch(archive: Archive, pages: list[RawPage]) -> list[str]:
    return [o.status for o in archive_parse_load_stored(archive, pages)]


@flow(name="reparse")
def reparse_archive(db: str | None = None, source: str | None = None) -> ReparseSummary:
    summary = ReparseSummary()
    with Archive(db) as archive:
        pages = latest_page_fetches(archive.path, source)
        lease = Lease(archive, seconds=RELEASE_SECONDS, bulk=True)
        try:
            for i in range(0, len(pages), BATCH):
                lease.hold()
                # quoted: Prefect would walk every page of the batch looking for futures
                for status in reparse_batch(quote(archive), quote(pages[i : i + BATCH])):  # type: ignore[call-overload]
                    summary.pages += 1
                    if status in ("new", "changed", "unchanged", "failed"):
                        setattr(summary, status, getattr(summary, status) + 1)
                lease.wrote()
                if on_progress is not None:
                    on_progress(summary.pages, len(pages))
        finally:
            lease.release()
    return summary
