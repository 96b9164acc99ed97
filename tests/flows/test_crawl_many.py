"""`crawl all` over several hosts at once: each host within its pace, checked from the server's log."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from flows.crawl_many import crawl_many
from flows.crawl_options import CrawlOptions
from tests.archive_rows import rows as _sql
from tests.replica.hosts import ColumnPlan, HostPlan, HostsServer, max_in_window

RPS = 6
# three hosts: one with two columns (they share its pace), one asking for Crawl-delay 0.4 s
# (slower than 1/RPS, so it wins), one plain
PLANS = [
    HostPlan("127.0.0.2", (ColumnPlan("2655010", 8), ColumnPlan("2655011", 6))),
    HostPlan("127.0.0.3", (ColumnPlan("2655020", 6),), crawl_delay=0.4),
    HostPlan("127.0.0.4", (ColumnPlan("2655030", 8),)),
]


@pytest.fixture
def hosts(tmp_path: Path, monkeypatch):
    with HostsServer(PLANS) as hs:
        conf = tmp_path / "sources.toml"
        conf.write_text(hs.sources_toml(rps=RPS, concurrency=2), encoding="utf-8")
        monkeypatch.setenv("GOVARCHIVE_SOURCES", str(conf))
        yield hs


def test_hosts_are_crawled_at_once_each_within_its_pace(hosts: HostsServer, db_path: Path) -> None:
    summaries = asyncio.run(crawl_many(None, str(db_path), CrawlOptions()))
    assert sorted(s.source for s in summaries) == ["h2-2655010", "h2-2655011", "h3-2655020", "h4-2655030"]
    assert all(s.status == "finished" for s in summaries), [s.line() for s in summaries]
    assert sum(s.counts.new for s in summaries) == 28
    assert _sql(db_path, "SELECT count(*) FROM documents") == [(28,)]
    by_source = dict(_sql(db_path, "SELECT source, count(*) FROM documents GROUP BY source"))
    assert by_source == {"h2-2655010": 8, "h2-2655011": 6, "h3-2655020": 6, "h4-2655030": 8}

    times = hosts.requests_by_host()
    # the two columns of 127.0.0.2 together stay within its pace, as do the others
    assert max_in_window(times["127.0.0.2"]) <= RPS
    assert max_in_window(times["127.0.0.4"]) <= RPS
    # Crawl-delay 0.4 s: never more than 3 requests in a second, spaced by at least ~0.4 s
    assert max_in_window(times["127.0.0.3"]) <= 3
    gaps = [b - a for a, b in zip(sorted(times["127.0.0.3"]), sorted(times["127.0.0.3"])[1:], strict=False)]
    assert min(gaps) >= 0.4 - 0.04, min(gaps)
    # at the same time, not one after another: every host had started before any had finished
    starts = [min(t) for t in times.values()]
    ends = [max(t) for t in times.values()]
    assert max(starts) < min(ends)
    # robots.txt read once per source, and nothing behind it fetched
    log = hosts.log.snapshot()
    assert not any("/private/" in e["path"] for e in log)
    assert all(e["status"] in (200, 304) for e in log), {e["path"]: e["status"] for e in log if e["status"] not in (200, 304)}


def test_crawl_all_through_the_cli_shows_every_source(cli, hosts: HostsServer, db_path: Path) -> None:
    result = cli("crawl", "all", "--no-progress")
    assert result.exit_code == 0, result.output
    for name in ("h2-2655010", "h2-2655011", "h3-2655020", "h4-2655030"):
        assert f"{name}: finished" in result.stdout
    assert _sql(db_path, "SELECT count(*), count(DISTINCT source) FROM crawl_runs WHERE status = 'finished'") == [(4, 4)]
    times = hosts.requests_by_host()
    assert max(max_in_window(t) for t in times.values()) <= RPS


def test_a_dead_host_fails_its_source_only(hosts: HostsServer, db_path: Path) -> None:
    hosts.app.down.add("127.0.0.4")
    summaries = {s.source: s for s in asyncio.run(crawl_many(None, str(db_path), CrawlOptions()))}
    assert summaries["h4-2655030"].status == "failed"
    # one note names the listing and why, once (not again as the walk's stop and the failure)
    [note] = summaries["h4-2655030"].notes
    assert note.startswith("no listing page could be read: listing http://127.0.0.4:") and "failed: " in note, note
    assert {n: s.status for n, s in summaries.items() if n != "h4-2655030"} == {
        "h2-2655010": "finished", "h2-2655011": "finished", "h3-2655020": "finished",
    }  # fmt: skip


def test_small_batches_fetch_every_article_once_while_records_land(hosts: HostsServer, db_path: Path) -> None:
    # batches of 4 (the least): the first is the walk's own first links, fetched before its
    # records land; each later one is claimed while the one before it is fetched
    summaries = asyncio.run(crawl_many(None, str(db_path), CrawlOptions(batch_size=4)))
    assert all(s.status == "finished" for s in summaries), [s.line() for s in summaries]
    assert {s.source: (s.counts.discovered, s.counts.new) for s in summaries} == {
        "h2-2655010": (8, 8), "h2-2655011": (6, 6), "h3-2655020": (6, 6), "h4-2655030": (8, 8),
    }  # fmt: skip
    articles = [e["path"] for e in hosts.log.snapshot() if e["path"].endswith(".html")]
    assert len(articles) == 28 and len(set(articles)) == 28  # none twice, none left out
    assert _sql(db_path, "SELECT count(*) FROM frontier WHERE state <> 'done' AND kind = 'article'") == [(0,)]
    # the walks are recorded complete only once their links are in (the next run may stop early)
    assert _sql(db_path, "SELECT count(*) FROM crawl_runs WHERE walk_complete") == [(4,)]
