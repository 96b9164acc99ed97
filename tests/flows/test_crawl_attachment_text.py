"""A crawl reads the attachments it downloads: one attachment_texts row per archived
payload, tied to the article that links it, with the text the replica put in it."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import duckdb

from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from tests.replica.server import ReplicaServer


def test_crawl_stores_the_text_of_each_attachment(db_path: Path) -> None:
    with ReplicaServer(articles={"kjj": 12}, mode="thread") as rs:
        base = rs.base_url("kjj.ahsz.gov.cn").rstrip("/")
        asyncio.run(crawl("ahsz-kjj", str(db_path), CrawlOptions(base_url=base, rps=0, concurrency=8)))
        truth = rs.control.truth("kjj")
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("SELECT attachment_url, page_url, name, text, extractor FROM attachment_texts").fetchall()
        fetched = con.execute("SELECT count(DISTINCT url) FROM fetches WHERE kind = 'attachment' AND ok").fetchone()[0]
        counts = dict(con.execute("SELECT url, attachments_with_text FROM documents").fetchall())
    finally:
        con.close()
    origin = "https://kjj.ahsz.gov.cn"  # a mirror crawl's URLs are the source's own (issue 20)
    linked = {origin + a["path"]: (origin + t.path, a) for t in truth for a in t.attachments}
    assert linked and len(rows) == fetched == len(linked)
    for url, page, _name, text, extractor in rows:
        article_page, _ = linked[url]
        assert page == article_page
        # the replica writes "Attachment of article <id> (<host>)" into each file ([host] in PDFs)
        assert text is not None and re.search(r"Attachment of article \S+ [(\[]kjj\.ahsz\.gov\.cn[)\]]", text), (url, text)
        assert extractor == ("pdfium" if url.endswith(".pdf") else "python-docx")
    for page, _ in linked.values():
        assert counts[page] >= 1
