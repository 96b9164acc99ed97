"""The archive the web tests browse: the replica crawled, changed, re-crawled with --full,
plus one hostile page ingested through the ordinary path (archive, parse, load)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from flows.store.batch import archive_parse_load
from tests.replica.server import ReplicaServer
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

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


def _replica_sources(path: Path, rs: ReplicaServer) -> Path:
    """The shipped sources with the replica's addresses as their own (not as a mirror), so the
    archive's URLs are the addresses the captures were made at, as on a real crawl: the web
    pages link documents to their captures, and replay finds them."""
    from flows.sources import get_source

    text = ""
    for name, host in HOSTS.items():
        src = get_source(name).rebased(rs.base_url(host))
        pag = src.pagination
        pagination = ", ".join(f"{k} = {v!r}".replace("'", '"') for k, v in
                               (("style", pag.style), ("template", pag.template), ("param", pag.param),
                                ("first", pag.first)) if v is not None)  # fmt: skip
        text += (
            f"[sources.{name}]\ntitle = {src.title!r}\nplatform = {src.platform!r}\n"
            f"start_urls = {list(src.start_urls)!r}\nallowed_hosts = {sorted(src.allowed_hosts)!r}\n"
            f"article_pattern = '{src.article_pattern}'\npagination = {{ {pagination} }}\n"
            f"schedule = {src.schedule!r}\n\n"
        ).replace("['", '["').replace("']", '"]').replace("', '", '", "')
    path.write_text(text, encoding="utf-8")
    return path


def _crawl(source: str, db: Path, sources: Path, full: bool = False) -> None:
    opts = CrawlOptions(rps=0, concurrency=8, full=full)
    before = os.environ.get("GOVARCHIVE_SOURCES")
    os.environ["GOVARCHIVE_SOURCES"] = str(sources)
    try:
        asyncio.run(crawl(source, str(db), opts))
    finally:
        if before is None:
            os.environ.pop("GOVARCHIVE_SOURCES", None)
        else:
            os.environ["GOVARCHIVE_SOURCES"] = before


def build(db: Path) -> WebArchive:
    with ReplicaServer(articles=SIZES, mode="thread") as rs:
        db.parent.mkdir(parents=True, exist_ok=True)
        sources = _replica_sources(db.parent / "replica-sources.toml", rs)
        for source in HOSTS:
            _crawl(source, db, sources)
        path = rs.control.change("ahsz-zxta", 3)
        time.sleep(1.1)  # WARC dates have whole seconds: the re-crawl's captures come later
        _crawl("ahsz-zxta", db, sources, full=True)
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
