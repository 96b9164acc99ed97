"""A crawl started from the command line: checked first, then run as Prefect flow runs in
this process under a temporary API (`flows.prefect_api`), one source or all of them."""

from __future__ import annotations

import asyncio
from typing import Any

from flows.crawl import configured_source, crawl_source
from flows.crawl_many import crawl_all
from flows.crawl_options import CrawlOptions, local_options
from flows.crawl_summary import CrawlNotRun, CrawlSummary
from flows.prefect_api import ephemeral_api
from flows.sources import load_sources
from warehouse.since import parse_since


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


def check_crawl(source: str, opts: CrawlOptions) -> None:
    """What a crawl is asked is possible, or ValueError/KeyError saying why: checked before
    Prefect starts, so a typo fails in a second, not ten, and apart from the crawl itself,
    whose own errors are bugs or trouble, not usage errors."""
    parse_since(opts.since)
    if source == "all" and opts.base_url:
        raise ValueError("--base-url points one source at a mirror; name the source, not 'all'")
    load_sources()  # a bad configuration is one line before anything starts
    if source != "all":
        configured_source(source, opts)


def run_crawl(source: str, db: str | None, opts: CrawlOptions) -> list[CrawlSummary]:
    """CLI entry, after `check_crawl` passed: crawl under a temporary Prefect API."""
    with ephemeral_api():
        if source == "all":
            return asyncio.run(_crawl_all_locally(db, opts))
        return asyncio.run(_crawl_one_locally(source, db, opts))
