"""The crawl against the replica over real HTTP: full, incremental, changed, resumed, polite."""

from __future__ import annotations

import asyncio
import dataclasses
from collections import defaultdict
from pathlib import Path

import pytest

from flows import crawl as crawlmod
from flows import crawl_steps
from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from flows.crawl_summary import CrawlSummary
from tests.archive_rows import rows as _sql
from tests.replica.server import ReplicaServer

SIZES = {"nxzx": 45, "ahsz-zxta": 20, "kjj": 12}


@pytest.fixture
def site():
    with ReplicaServer(articles=SIZES, mode="thread") as rs:
        yield rs


def _run(source: str, db: Path, rs: ReplicaServer, **kw) -> CrawlSummary:
    host = {"nxzx-tagz": "www.nxzx.gov.cn", "ahsz-zxta": "www.ahsz.gov.cn", "ahsz-kjj": "kjj.ahsz.gov.cn"}[source]
    opts = CrawlOptions(base_url=rs.base_url(host), rps=kw.pop("rps", 0), concurrency=kw.pop("concurrency", 8), **kw)
    return asyncio.run(crawl(source, str(db), opts))


def _article_gets(rs: ReplicaServer, since: float = 0.0) -> list[str]:
    return [e["path"] for e in rs.control.log(since=since) if "/zxgz/tagz/2" in e["path"] and e["method"] == "GET"]


def test_full_crawl_through_the_cli(cli, site, db_path: Path) -> None:
    result = cli("crawl", "nxzx-tagz", "--base-url", site.base_url("nxzx"), "--rps", "1000", "--concurrency", "8")  # --rps 0 is refused (issue 20)
    assert result.exit_code == 0, result.output
    assert "nxzx-tagz: finished" in result.stdout and "new 45" in result.stdout

    truth = {t.path: t for t in site.control.truth("nxzx")}
    rows = _sql(db_path, "SELECT url, title, published_at, source_name, reporter FROM documents")
    assert len(rows) == len(truth) == 45
    base = "http://www.nxzx.gov.cn"  # a mirror crawl stores the source's own URLs (flows/mirror.py)
    for url, title, published_at, source_name, reporter in rows:
        t = truth[url.removeprefix(base)]
        assert title == t.title
        assert published_at.isoformat() == t.published_at
        assert (source_name, reporter) == (t.source_name, t.reporter)
    run = _sql(db_path, "SELECT source, status, discovered, fetched, new, changed, unchanged, failed FROM crawl_runs")
    assert run == [("nxzx-tagz", "finished", 45, 45, 45, 0, 0, 0)]
    # off-site and chrome links are not followed; the robots-disallowed article is not fetched
    fetched = [r[0] for r in _sql(db_path, "SELECT url FROM fetches")]
    assert not any("example.com" in u for u in fetched)
    paths = [e["path"] for e in site.control.log()]
    assert not any(p.startswith(("/ywbd/", "/ztzl/")) for p in paths)
    assert not any("/private/" in p for p in paths)


def test_incremental_recrawl_fetches_only_new_pages(site, db_path: Path) -> None:
    first = _run("nxzx-tagz", db_path, site)
    assert first.counts.new == 45
    site.control.clear_log()
    added = site.control.add("nxzx", 5)
    second = _run("nxzx-tagz", db_path, site)
    assert (second.counts.discovered, second.counts.fetched, second.counts.new) == (5, 5, 5)
    assert sorted(_article_gets(site)) == sorted(added)
    listings = [e["path"] for e in site.control.log() if "index" in e["path"]]
    # page 1 had new articles, page 2 had none: the walk stops there, not at the end
    assert listings == ["/zxgz/tagz/index.html", "/zxgz/tagz/index_1.html"]
    assert _sql(db_path, "SELECT count(*) FROM documents") == [(50,)]


def test_changed_page_is_a_new_version_and_the_old_one_stays(site, db_path: Path) -> None:
    _run("ahsz-zxta", db_path, site)
    path = site.control.change("ahsz-zxta", 3)
    site.control.clear_log()
    summary = _run("ahsz-zxta", db_path, site, full=True)
    assert (summary.counts.changed, summary.counts.unchanged, summary.counts.new) == (1, 19, 0)
    # re-visits were conditional: only the changed page came back with a body
    article_log = [e for e in site.control.log() if e["path"].startswith("/public/6596221/")]
    assert all("if-none-match" in e["headers"] for e in article_log)
    assert sorted(e["status"] for e in article_log).count(304) == 19
    url = "https://www.ahsz.gov.cn" + path  # the document's identity, not the mirror's URL
    versions = _sql(
        db_path,
        "SELECT is_current, body_text FROM document_versions WHERE url = ? ORDER BY first_seen",
        [url],
    )
    assert [v[0] for v in versions] == [False, True]
    assert versions[0][1] != versions[1][1]


def test_crawl_stopped_midway_resumes_without_loss_or_duplicates(site, db_path: Path, monkeypatch) -> None:
    batches = {"n": 0}

    def store_then_die(*args, **kwargs):
        if batches["n"] == 2:
            raise KeyboardInterrupt("simulated kill between batches")
        batches["n"] += 1
        return crawl_steps.store_step(*args, **kwargs)

    dying = dataclasses.replace(crawl_steps.PLAIN, store=store_then_die)
    opts = CrawlOptions(base_url=site.base_url("nxzx"), rps=0, concurrency=8, batch_size=10)
    with pytest.raises(KeyboardInterrupt):
        asyncio.run(crawl("nxzx-tagz", str(db_path), opts, steps=dying))
    assert _sql(db_path, "SELECT count(*) FROM documents") == [(20,)]
    resumed = asyncio.run(crawl("nxzx-tagz", str(db_path), opts))
    assert resumed.status == "finished"
    assert any("resuming" in n for n in resumed.notes)
    assert _sql(db_path, "SELECT count(*), count(DISTINCT url) FROM documents") == [(45, 45)]
    assert _sql(db_path, "SELECT count(*) FROM document_versions") == [(45,)]
    statuses = dict(_sql(db_path, "SELECT status, count(*) FROM crawl_runs GROUP BY status"))
    assert statuses == {"interrupted": 1, "finished": 1}


def test_rate_limit_per_host_is_respected(site, db_path: Path) -> None:
    rps = 4.0
    _run("ahsz-zxta", db_path, site, rps=rps, concurrency=4, max_pages=1)
    times = sorted(e["t"] for e in site.control.log() if e["port"] == site.ports["www.ahsz.gov.cn"])
    assert len(times) >= 10
    k = int(rps)
    # any rps+1 consecutive requests span at least one second (small scheduling slack)
    spans = [times[i + k] - times[i] for i in range(len(times) - k)]
    assert min(spans) >= 1.0 - 0.05, min(spans)


def test_robots_disallow_is_respected(site, db_path: Path, tmp_path: Path, monkeypatch) -> None:
    src = Path(crawlmod.__file__).with_name("sources.toml").read_text(encoding="utf-8")
    # widen the pattern so the robots-disallowed article counts as an article
    src = src.replace(r"'^/zxgz/tagz/\d{6}/t\d{8}_\d+\.html$'", r"'^/zxgz/tagz/(private/)?\d{6}/t\d{8}_\d+\.html$'")
    conf = tmp_path / "sources.toml"
    conf.write_text(src, encoding="utf-8")
    monkeypatch.setenv("GOVARCHIVE_SOURCES", str(conf))
    summary = _run("nxzx-tagz", db_path, site)
    assert summary.counts.new == 45
    assert any("robots.txt" in n for n in summary.notes)
    assert not any("/private/" in e["path"] for e in site.control.log())


def test_max_pages_and_since_bound_the_walk(site, db_path: Path) -> None:
    one_page = _run("nxzx-tagz", db_path, site, max_pages=1)
    assert one_page.counts.new == 20
    truth = site.control.truth("nxzx", text=False)
    cut = sorted(t.published_at for t in truth)[-10][:10]
    other = db_path.with_name("since.duckdb")
    recent = _run("nxzx-tagz", other, site, since=cut)
    expected = sum(1 for t in truth if t.published_at[:10] >= cut)
    assert recent.counts.new == expected


def test_attachments_are_downloaded_into_the_archive(site, db_path: Path) -> None:
    summary = _run("ahsz-kjj", db_path, site)
    truth = site.control.truth("kjj")
    expected = {a["path"] for t in truth for a in t.attachments}
    assert expected, "the replica should carry attachments on kjj"
    got = _sql(db_path, "SELECT url, content_type, size FROM fetches WHERE kind = 'attachment' AND ok")
    base = site.base_url("kjj").rstrip("/")
    assert {u.removeprefix(base) for u, _, _ in got} == expected
    assert all(size > 0 for _, _, size in got)
    assert any("attachments" in n for n in summary.notes)


def test_per_document_source_is_recorded(site, db_path: Path) -> None:
    _run("ahsz-zxta", db_path, site)
    by_source = defaultdict(int)
    for (src,) in _sql(db_path, "SELECT source FROM documents"):
        by_source[src] += 1
    assert dict(by_source) == {"ahsz-zxta": 20}
    # issue 19: table `sources` describes the source as configured, not as crawled (the replica)
    assert _sql(db_path, "SELECT name, title, base_url, schedule FROM sources WHERE name = 'ahsz-zxta'") == [
        ("ahsz-zxta", "宿州 政协委员提案办理", "https://www.ahsz.gov.cn", "30 6 * * * Asia/Shanghai")
    ]
