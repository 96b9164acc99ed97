"""The store worker: a large crawl's archiving half in its own process, same results."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import duckdb
import pytest

from flows.crawl import crawl, crawl_source
from flows.crawl_options import CrawlOptions, local_options
from flows.store import worker as store_worker
from tests.replica.server import ReplicaServer
from warehouse.db import ArchiveBusy

SIZES = {"nxzx": 30, "kjj": 12}


@pytest.fixture(scope="module")
def site():
    with ReplicaServer(articles=SIZES, mode="thread") as rs:
        yield rs


def _state(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": sorted(con.execute("SELECT url, title, content_sha256 FROM documents").fetchall()),
            "frontier": sorted(con.execute("SELECT url, kind, state FROM frontier").fetchall()),
            "runs": con.execute("SELECT status, discovered, fetched, new, failed FROM crawl_runs").fetchall(),
            "attachments": con.execute("SELECT count(*) FROM fetches WHERE kind = 'attachment'").fetchone(),
        }
    finally:
        con.close()


def _crawl(site: ReplicaServer, db: Path, monkeypatch: pytest.MonkeyPatch, store: str) -> object:
    monkeypatch.setenv("GOVARCHIVE_STORE_WORKER", store)
    opts = CrawlOptions(base_url=site.base_url("kjj"), rps=0, concurrency=4, batch_size=5)
    return asyncio.run(crawl("ahsz-kjj", str(db), opts))


def _counts(summary: object) -> tuple[int, ...]:
    c = summary.counts  # type: ignore[attr-defined]
    return (c.discovered, c.fetched, c.new, c.changed, c.unchanged, c.failed)


def test_worker_stores_exactly_what_the_crawl_process_would(site, tmp_path, monkeypatch) -> None:
    here = _crawl(site, tmp_path / "here" / "archive.duckdb", monkeypatch, "0")
    there = _crawl(site, tmp_path / "worker" / "archive.duckdb", monkeypatch, "always")
    assert here.status == there.status == "finished"
    assert (there.counts.new, there.counts.failed) == (12, 0)
    assert _counts(here) == _counts(there)
    assert _state(tmp_path / "here" / "archive.duckdb") == _state(tmp_path / "worker" / "archive.duckdb")


def test_the_prefect_flow_runs_its_batches_through_the_worker(site, tmp_path, monkeypatch, prefect_api) -> None:
    monkeypatch.setenv("GOVARCHIVE_STORE_WORKER", "always")
    db = tmp_path / "data" / "archive.duckdb"
    opts = CrawlOptions(base_url=site.base_url("nxzx"), rps=0, concurrency=4, batch_size=10)
    with local_options(str(db), opts):  # the CLI's way to hand a flow run its CLI-only knobs
        summary = asyncio.run(crawl_source("nxzx-tagz"))
    assert summary.status == "finished" and summary.counts.new == 30


def test_a_dead_worker_leaves_the_crawl_storing_in_its_own_process(site, tmp_path, monkeypatch) -> None:
    real_store = store_worker.StoreWorker.store
    calls = {"n": 0}

    def store_then_die(self, items, results):  # noqa: ANN001
        calls["n"] += 1
        if calls["n"] == 2 and self._proc is not None:
            os.kill(self._proc.pid, signal.SIGKILL)
            self._proc.wait()
        return real_store(self, items, results)

    monkeypatch.setattr(store_worker.StoreWorker, "store", store_then_die)
    db = tmp_path / "data" / "archive.duckdb"
    summary = _crawl(site, db, monkeypatch, "always")
    assert summary.status == "finished" and summary.counts.new == 12
    assert any("store worker failed" in n for n in summary.notes), summary.notes
    assert len(_state(db)["documents"]) == 12


def test_an_error_in_the_worker_comes_back_as_the_same_exception() -> None:
    class Unpicklable(Exception):
        def __reduce__(self):  # noqa: ANN204
            raise TypeError("no")

    handler = store_worker._Handler()
    kind, exc = handler(("store", [], []))  # no cycle yet: an assertion inside the worker
    assert kind == "error" and isinstance(exc, AssertionError)
    assert isinstance(store_worker._portable(ArchiveBusy("in use")), ArchiveBusy)
    portable = store_worker._portable(Unpicklable("disk full"))
    assert isinstance(portable, RuntimeError) and "Unpicklable: disk full" in str(portable)


def test_the_archive_is_let_go_after_a_few_seconds_or_megabytes_of_pages(tmp_path) -> None:
    """A crawl keeps the file between batches (each release is a checkpoint), but not for
    long: readers wait meanwhile, and what a hold keeps must fit DuckDB's memory cap."""
    from flows.sources import get_source
    from flows.store import cycle as store_cycle
    from warehouse.crawl_runs import RunCounts
    from warehouse.exchange import FetchResult
    from warehouse.frontier import FrontierItem

    cycle = store_cycle.StoreCycle(
        store_cycle.CycleSpec(get_source("ahsz-kjj"), str(tmp_path / "archive.duckdb"), "run", RunCounts())
    )
    page = "<html><head><title>关于数据中心建设的答复</title></head><body><p>正文。</p></body></html>"

    def batch(n: int) -> tuple[list[FrontierItem], list[FetchResult]]:
        urls = [f"https://kjj.ahsz.gov.cn/p/{n}-{i}.html" for i in range(3)]
        results = [FetchResult(url=u, final_url=u, status=200, content=page.encode(),
                               headers=[("Content-Type", "text/html; charset=utf-8")]) for u in urls]  # fmt: skip
        return [FrontierItem(u, "article") for u in urls], results

    cycle.lease.seconds = 3600.0
    cycle.lease.max_bytes = 2 * 3 * len(page.encode())
    cycle.store(*batch(1))
    assert cycle.lease.held  # held across batches ...
    cycle.store(*batch(2))
    assert not cycle.lease.held  # ... until the pages held pass HOLD_BYTES
    cycle.lease.seconds = 0.0
    cycle.store(*batch(3))
    assert not cycle.lease.held  # or the time is up
    cycle.close()
    con = duckdb.connect(str(tmp_path / "archive.duckdb"), read_only=True)  # the file is free
    assert con.execute("SELECT count(*) FROM fetches WHERE kind = 'page'").fetchone() == (9,)
    con.close()
