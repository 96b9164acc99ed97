"""Incremental crawls leave no hole behind a cut-short walk; a mirror crawl stores the source's URLs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from flows.reparse import reparse_archive
from tests.archive_rows import rows as _sql
from tests.replica.server import ReplicaServer

NX = "www.nxzx.gov.cn"


def _crawl(rs: ReplicaServer, db: Path, source: str = "nxzx-tagz", host: str = NX, **kw):
    opts = CrawlOptions(base_url=rs.base_url(host), rps=0, concurrency=8, **kw)
    return asyncio.run(crawl(source, str(db), opts))


def test_a_max_pages_run_leaves_no_hole_for_the_next_crawl(db_path: Path) -> None:
    with ReplicaServer(articles={"nxzx": 26}, mode="thread") as rs:  # 20 per listing page
        first = _crawl(rs, db_path, max_pages=1)
        assert first.counts.new == 20
        second = _crawl(rs, db_path)  # plain: must walk on past the page the first run stopped at
        assert (second.counts.discovered, second.counts.new) == (6, 6)
        third = _crawl(rs, db_path)
        assert (third.counts.discovered, third.counts.fetched) == (0, 0)
    assert _sql(db_path, "SELECT count(*) FROM documents") == [(26,)]
    runs = _sql(db_path, "SELECT walk_complete, discovery_stop, notes FROM crawl_runs ORDER BY started_at")
    assert [r[0] for r in runs] == [False, True, True]
    assert "max pages (1)" in runs[0][1] and "discovery stopped: max pages (1)" in runs[0][2]
    assert "cut short" in runs[1][2] and "last page" in runs[1][1]
    assert "reached known articles" in runs[2][1] and "discovery stopped: reached known" in runs[2][2]


def test_a_since_run_is_not_trusted_to_stop_the_next_one_early(db_path: Path) -> None:
    with ReplicaServer(articles={"nxzx": 26}, mode="thread") as rs:
        truth = rs.control.truth("nxzx", text=False)
        cut = sorted(t.published_at for t in truth)[-20][:10]  # listing page 1 only
        recent = _crawl(rs, db_path, since=cut)
        assert 0 < recent.counts.new < 26
        rest = _crawl(rs, db_path)
        assert recent.counts.new + rest.counts.new == 26


def test_a_mirror_crawl_stores_the_sources_urls_and_is_idempotent_across_ports(prefect_api, db_path: Path) -> None:
    sizes = {"nxzx": 12, "kjj": 4}
    with ReplicaServer(articles=sizes, mode="thread") as one:
        _crawl(one, db_path)
        _crawl(one, db_path, source="ahsz-kjj", host="kjj")
        port = one.ports[NX]
    docs = _sql(db_path, "SELECT url, final_url, site FROM documents WHERE source = 'nxzx-tagz'")
    assert len(docs) == 12
    assert all(u.startswith("http://www.nxzx.gov.cn/zxgz/tagz/") for u, _, _ in docs)
    assert all(f.startswith("http://www.nxzx.gov.cn/") and s == NX for _, f, s in docs)
    # what was asked of the network is what fetches and the WARC records say
    fetched = _sql(db_path, "SELECT url, origin_url, warc_file, warc_offset FROM fetches"
                            " WHERE kind = 'page' AND source = 'nxzx-tagz'")  # fmt: skip
    assert all(u.startswith(f"http://127.0.0.1:{port}/") for u, _, _, _ in fetched)
    assert {o for _, o, _, _ in fetched} == {u for u, _, _ in docs}
    url, _, warc_file, offset = fetched[0]
    with (db_path.parent / warc_file).open("rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
    assert record.rec_headers.get_header("WARC-Target-URI") == url
    # attachments: found in the body under the source's URLs, fetched from the mirror
    atts = _sql(db_path, "SELECT url, origin_url FROM fetches WHERE kind = 'attachment' AND ok")
    assert atts and all(o.startswith("https://kjj.ahsz.gov.cn/") and "127.0.0.1" in u for u, o in atts)
    assert not _sql(db_path, "SELECT url FROM frontier WHERE url LIKE '%127.0.0.1%'")

    # the same replica on other ports (as every `make demo` gets): nothing new, nothing doubled
    with ReplicaServer(articles=sizes, mode="thread") as two:
        assert two.ports[NX] != port
        again = _crawl(two, db_path)
        assert (again.counts.discovered, again.counts.new) == (0, 0)
        kjj = _crawl(two, db_path, source="ahsz-kjj", host="kjj", full=True)  # conditional GETs on the new port
        assert (kjj.counts.new, kjj.counts.changed, kjj.counts.failed) == (0, 0, 0)
    assert _sql(db_path, "SELECT count(*) FROM documents") == [(16,)]
    reparse_archive(str(db_path))
    assert _sql(db_path, "SELECT count(*), count(*) FILTER (url LIKE '%127.0.0.1%') FROM documents") == [(16, 0)]
