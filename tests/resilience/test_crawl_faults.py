"""Faults met by a whole crawl (the Prefect-free `crawl()`; same code as the flow's tasks).

A crawl that meets broken pages finishes, counts them as failed, never loads an error
page, and the next run picks the failures up again: in the end nothing is lost and
nothing is duplicated. A listing that suddenly has no links is flagged, not ignored.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from flows.store.batch import EMPTY_BODY_WARNING
from tests.replica.server import ReplicaServer
from tests.resilience.helpers import fast_crawl_policies, sql

NX = "www.nxzx.gov.cn"
FAULTS = [  # (article index, kind, params); flaky recovers inside the run by retrying
    (0, "flaky", {"fail": 1, "status": 503}),
    (2, "busy", {}),
    (4, "drop", {"at": 2000}),
    (6, "hang", {}),
    (8, "status", {"code": 500}),
    (10, "bad-gzip", {}),
    (12, "status", {"code": 429, "retry_after": 0}),
]


@pytest.fixture
def rs(monkeypatch: pytest.MonkeyPatch) -> Iterator[ReplicaServer]:
    fast_crawl_policies(monkeypatch)
    with ReplicaServer(articles={"nxzx": 24}, mode="thread") as server:
        yield server


def _crawl(rs: ReplicaServer, db: Path, **kw: object):
    opts = CrawlOptions(base_url=rs.base_url(NX), rps=0, concurrency=8, batch_size=10, **kw)
    return asyncio.run(crawl("nxzx-tagz", str(db), opts))


def test_faulty_pages_fail_then_are_recovered_by_the_next_run(rs: ReplicaServer, db_path: Path) -> None:
    truth = rs.control.truth("nxzx", text=False)
    for index, kind, params in FAULTS:
        rs.control.fault(NX, truth[index].path, kind, **params)
    first = _crawl(rs, db_path)
    assert first.status == "finished"
    assert first.counts.new == len(truth) - (len(FAULTS) - 1)
    assert first.counts.failed == len(FAULTS) - 1
    assert sql(db_path, "SELECT count(*) FROM documents") == [(len(truth) - len(FAULTS) + 1,)]
    assert sql(db_path, "SELECT count(*) FROM documents WHERE body_text LIKE '%系统繁忙%'") == [(0,)]

    rs.control.clear_faults()
    second = _crawl(rs, db_path)
    assert second.status == "finished" and second.counts.new == len(FAULTS) - 1
    base = "http://www.nxzx.gov.cn"  # a mirror crawl stores the source's own URLs (flows/mirror.py)
    urls = {u for (u,) in sql(db_path, "SELECT url FROM documents")}
    assert urls == {base + t.path for t in truth}  # nothing lost
    assert sql(db_path, "SELECT count(*), count(DISTINCT url) FROM document_versions") == [(24, 24)]
    assert sql(db_path, "SELECT state, count(*) FROM frontier GROUP BY state") == [("done", 24)]


def test_redesigned_listing_is_flagged_in_crawl_runs(rs: ReplicaServer, db_path: Path) -> None:
    assert _crawl(rs, db_path).counts.new == 24
    rs.control.redesign("nxzx")
    rs.control.add("nxzx", 3)
    again = _crawl(rs, db_path)
    [(status, discovered, notes)] = sql(
        db_path, "SELECT status, discovered, notes FROM crawl_runs WHERE run_id = ?", [again.run_id]
    )
    assert discovered == 0 and status == "finished"
    assert "no article links" in notes and "redesigned" in notes


def test_emptied_article_becomes_a_flagged_version_in_a_full_crawl(rs: ReplicaServer, db_path: Path) -> None:
    _crawl(rs, db_path)
    path = rs.control.blank("nxzx", 3)
    url = "http://www.nxzx.gov.cn" + path  # a mirror crawl stores the source's own URLs
    again = _crawl(rs, db_path, full=True)
    assert again.counts.changed == 1 and again.counts.failed == 0
    versions = sql(db_path, "SELECT is_current, body_text IS NULL, list_contains(warnings, ?)"
                            " FROM document_versions WHERE url = ? ORDER BY first_seen",
                   [EMPTY_BODY_WARNING, url])  # fmt: skip
    assert versions == [(False, False, False), (True, True, True)]


@pytest.mark.parametrize(
    ("kind", "params", "needle"),
    [("busy", {}, "busy"), ("status", {"code": 404}, "404"), ("status", {"code": 503}, "503"),
     ("empty", {}, "unreadable")],
)  # fmt: skip
def test_broken_listing_is_reported_not_silent(
    rs: ReplicaServer, db_path: Path, kind: str, params: dict, needle: str
) -> None:
    rs.control.fault(NX, "/zxgz/tagz/index.html", kind, **params)
    run = _crawl(rs, db_path)
    [(notes,)] = sql(db_path, "SELECT notes FROM crawl_runs WHERE run_id = ?", [run.run_id])
    assert needle in notes and run.counts.discovered == 0
    assert sql(db_path, "SELECT count(*) FROM documents") == [(0,)]


def test_robots_txt_outage_parks_nothing_for_good(rs: ReplicaServer, db_path: Path) -> None:
    """robots.txt answering 503 means "disallow all" for this run (RFC 9309), not forever."""
    truth = rs.control.truth("nxzx", text=False)
    for t in truth[:3]:
        rs.control.fault(NX, t.path, "status", code=500)
    assert _crawl(rs, db_path).counts.failed == 3  # three articles left pending
    rs.control.clear_faults()
    rs.control.fault(NX, "/robots.txt", "status", code=503)
    down = _crawl(rs, db_path)
    assert down.counts.new == 0
    assert sql(db_path, "SELECT count(*) FROM frontier WHERE state = 'pending'") == [(3,)]
    rs.control.clear_faults()
    assert _crawl(rs, db_path).counts.new == 3
    assert sql(db_path, "SELECT count(*) FROM documents") == [(len(truth),)]
    assert sql(db_path, "SELECT count(*) FROM frontier WHERE state <> 'done'") == [(0,)]


def test_unreachable_robots_is_not_a_final_verdict(rs: ReplicaServer) -> None:
    """Even where a crawl gets past its listing, a robots.txt outage must not park URLs for good."""
    from flows.store.batch import PageOutcome
    from flows.store.cycle import _settle
    from tests.resilience.helpers import fetch, politeness
    from warehouse.frontier import FrontierItem

    rs.control.fault(NX, "/robots.txt", "status", code=503)
    url = rs.url(NX, rs.control.truth("nxzx", text=False)[0].path)
    res = fetch(url, polite=politeness(respect_robots=True))
    assert res.status is None and res.error.startswith("unavailable: robots.txt unreachable")
    [settled] = _settle([FrontierItem(url, "article")], [res], [PageOutcome(url, None, "failed", error=res.error)])
    assert settled.state == "failed" and settled.final is False  # pending again next run
