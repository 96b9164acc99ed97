"""Re-run the current parsers over the raw archive, without touching the network.

A parser fix reaches every page already archived: the same content keeps its version
(its columns take the new reading), and fetches that failed to parse before get
another chance, their parse_errors closed when they now succeed.
"""

from __future__ import annotations

from dataclasses import dataclass

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.process import archive_parse_load_stored
from warehouse.archive import Archive
from warehouse.raw_index import RawPage, latest_page_fetches

BATCH = 500


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
        for i in range(0, len(pages), BATCH):
            for status in reparse_batch(archive, pages[i : i + BATCH]):
                summary.pages += 1
                if status in ("new", "changed", "unchanged", "failed"):
                    setattr(summary, status, getattr(summary, status) + 1)
    return summary
