"""The archive the web tests browse: the replica crawled, changed, re-crawled with --full,
plus one hostile page ingested through the ordinary path (archive, parse, load)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from flows.crawl import CrawlOptions, crawl
from flows.process import archive_parse_load
from tests.replica.server import ReplicaServer
from warehouse.archive import Archive
from warehouse.records import FetchResult

SIZES = {"nxzx": 12, "ahsz-zxta": 16, "kjj": 8}
HOSTS = {"nxzx-tagz": "www.nxzx.gov.cn", "ahsz-zxta": "www.ahsz.gov.cn", "ahsz-kjj": "kjj.ahsz.gov.cn"}
HOSTILE_URL = "https://www.ahsz.gov.cn/public/6596221/666666666.html"
HOSTILE_TITLE = "关于<script>window.pwned=1</script>的答复 ' OR 1=1 --"
HOSTILE_HTML = f"""<!doctype html><html><head><meta charset="utf-8">
<title>{HOSTILE_TITLE}</title>
<meta name="ArticleTitle" content="关于&lt;script&gt;window.pwned=1&lt;/script&gt;的答复 ' OR 1=1 --">
<meta name="PubDate" content="2024-05-06 09:00">
</head><body>
<h1 class="newstitle">{HOSTILE_TITLE}</h1>
<div class="j-fontContent">
<p>尊敬的委员：数据中心建设 &lt;script&gt;window.pwned=2&lt;/script&gt; 的问题已经收到。</p>
<p><img src="x" onerror="window.pwned=3;alert(1)">这一段带有 onerror= 属性的图片，还有 ' OR 1=1 -- 这样的文字。</p>
<p><script>window.pwned=4; alert('xss')</script>数据中心的第二段文字，说明办理情况，内容足够长以便被当作正文。</p>
<p><a href="javascript:window.pwned=5">点击这里</a> 查看 <a href="附件.pdf" onclick="window.pwned=6">附件</a>。</p>
<p>办复类别：A类 联系单位：宿州市数据资源局 联系电话：3022482</p>
</div></body></html>""".encode()


@dataclass(slots=True)
class WebArchive:
    db: Path
    changed_url: str  # a page whose content changed between the crawls (two versions)
    revisited_url: str  # a page that answered 304 to the --full re-crawl
    hostile_url: str = HOSTILE_URL


def _crawl(source: str, db: Path, rs: ReplicaServer, full: bool = False) -> None:
    opts = CrawlOptions(base_url=rs.base_url(HOSTS[source]), rps=0, concurrency=8, full=full)
    asyncio.run(crawl(source, str(db), opts))


def build(db: Path) -> WebArchive:
    with ReplicaServer(articles=SIZES, mode="thread") as rs:
        for source in HOSTS:
            _crawl(source, db, rs)
        path = rs.control.change("ahsz-zxta", 3)
        time.sleep(1.1)  # WARC dates have whole seconds: the re-crawl's captures come later
        _crawl("ahsz-zxta", db, rs, full=True)
        base = rs.base_url("ahsz-zxta").rstrip("/")
    with Archive(db) as archive:
        hostile = FetchResult(
            url=HOSTILE_URL,
            final_url=HOSTILE_URL,
            status=200,
            headers=[("Content-Type", "text/html; charset=utf-8")],
            content=HOSTILE_HTML,
            fetched_at=dt.datetime(2024, 5, 7, 8, 0, 0),
        )
        archive_parse_load(archive, [hostile], source="ahsz-zxta")
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        revisited = con.execute(
            """SELECT url FROM fetches WHERE status = 304 AND url LIKE ? AND url <> ?
               ORDER BY url LIMIT 1""",
            [base + "/public/%", base + path],
        ).fetchone()[0]
    finally:
        con.close()
    return WebArchive(db, base + path, revisited)
