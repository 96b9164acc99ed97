"""How a crawl is asked to run: its options, and the CLI-only ones a flow run must not take.

A Prefect run parameter may change only `full`, `since` and `max_pages` (the server checks
the schema); the knobs only a local command may set (`--base-url`, `--rps`, a test's
private addresses, the archive path) travel to the flow in a context variable instead.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

BATCH_SIZE = 100


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


_LOCAL: ContextVar[tuple[str | None, CrawlOptions] | None] = ContextVar("govarchive_local_crawl", default=None)


@contextlib.contextmanager
def local_options(db: str | None, opts: CrawlOptions) -> Iterator[None]:
    """Run `crawl_source` in this process with these CLI-only settings."""
    token = _LOCAL.set((db, opts))
    try:
        yield
    finally:
        _LOCAL.reset(token)


def running_locally() -> bool:
    """Whether `crawl_source` runs under `local_options` (a CLI command), not a deployment."""
    return _LOCAL.get() is not None


def run_options(full: bool, since: str | None, max_pages: int | None) -> tuple[str | None, CrawlOptions]:
    """The archive and options of a flow run: the local caller's, or a deployment run's
    (its archive from GOVARCHIVE_DB, its safe knobs from the run's parameters)."""
    local = _LOCAL.get()
    if local is not None:
        db, opts = local
        return db, dataclasses.replace(opts, full=full, since=since, max_pages=max_pages)
    from flows.worker_env import worker_archive

    return worker_archive(), CrawlOptions(full=full, since=since, max_pages=max_pages)
