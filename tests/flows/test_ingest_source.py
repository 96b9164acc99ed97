"""A manual ingest never erases what a crawl knew, and carries the source its URL belongs to."""

from __future__ import annotations

from pathlib import Path

from flows.store.batch import archive_parse_load
from tests.archive_rows import rows as _sql
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

FIXTURE = Path(__file__).parents[1] / "parsers" / "fixtures" / "ahsz_reply.html"
ZXTA_URL = "https://www.ahsz.gov.cn/public/6596221/191401491.html"  # ahsz-zxta's pattern
OTHER_URL = "http://www.example.gov.cn/news/1.html"  # no configured source claims it


def _crawled(db: Path, url: str, source: str) -> None:
    """The page as a crawl of `source` would have stored it."""
    result = FetchResult(url, url, 200, [("Content-Type", "text/html; charset=utf-8")], FIXTURE.read_bytes())
    with Archive(db) as archive:
        [outcome] = archive_parse_load(archive, [result], source=source, kind="page")
    assert outcome.status == "new"


def test_unchanged_manual_ingest_keeps_the_crawled_source(cli, db_path: Path) -> None:
    _crawled(db_path, OTHER_URL, "custom-source")
    before = _sql(db_path, "SELECT url, source, first_seen, content_sha256 FROM document_versions")

    result = cli("ingest", "--file", str(FIXTURE), "--url", OTHER_URL)
    assert result.exit_code == 0, result.output
    assert "\tunchanged\t" in result.stdout

    after = _sql(db_path, "SELECT url, source, first_seen, content_sha256 FROM document_versions")
    assert after == before  # "unchanged" changes nothing but last_seen
    assert _sql(db_path, "SELECT source FROM documents") == [("custom-source",)]
    assert _sql(db_path, "SELECT count(*) FROM search_docs WHERE source = 'custom-source'") == [(1,)]


def test_manual_ingest_of_a_configured_sources_url_carries_that_source(cli, db_path: Path) -> None:
    result = cli("ingest", "--file", str(FIXTURE), "--url", ZXTA_URL)
    assert result.exit_code == 0, result.output
    assert _sql(db_path, "SELECT url, source FROM documents") == [(ZXTA_URL, "ahsz-zxta")]
    assert _sql(db_path, "SELECT source FROM document_versions") == [("ahsz-zxta",)]
    # an unclaimed URL stays without a source
    result = cli("ingest", "--file", str(FIXTURE), "--url", OTHER_URL)
    assert result.exit_code == 0, result.output
    assert _sql(db_path, f"SELECT source FROM documents WHERE url = '{OTHER_URL}'") == [(None,)]
