"""The replay index: a --full re-crawl's 304s replay as the page they confirmed, dated at
the 304, while the 304 exchanges stay recorded in the archive as they were."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import httpx
import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.archive_rows import rows as _rows
from tests.web.archive import WebArchive
from warehouse import replay_index
from warehouse.warc import read_response

pytestmark = pytest.mark.timeout(120)


def test_each_304_becomes_a_revisit_of_the_response_it_confirmed(web_archive: WebArchive, tmp_path: Path) -> None:
    captures = replay_index.build_for_archive(web_archive.db, tmp_path)
    not_modified = _rows(
        web_archive.db,
        "SELECT fetch_id, url, fetched_at, warc_file, warc_offset FROM fetches WHERE status = 304",
    )
    assert len(not_modified) >= 10
    by_fetch = {c.fetch_id: c for c in captures}
    root = web_archive.db.parent
    for fetch_id, url, at, file, offset in not_modified:
        capture = by_fetch[fetch_id]
        assert capture.confirmed_by_304 and capture.status == "200" and capture.mime == "text/html"
        assert capture.timestamp == at.strftime("%Y%m%d%H%M%S"), "dated at the confirming exchange"
        # the 304 itself stays recorded, untouched
        assert read_response(root, file, offset).status == 304
        # the revisit record: server-not-modified, the 304's date, the confirmed response's headers
        with open(tmp_path / capture.filename, "rb") as fh:
            fh.seek(capture.offset)
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_type == "revisit"
            assert record.rec_headers.get_header("WARC-Profile") == replay_index.SERVER_NOT_MODIFIED
            assert record.rec_headers.get_header("WARC-Date") == at.strftime("%Y-%m-%dT%H:%M:%SZ")
            assert record.rec_headers.get_header("WARC-Target-URI") == url
            assert record.http_headers.get_statuscode() == "200"
        # its payload: the bytes of the newest good response of that URL before the 304
        sha, confirmed_at = _rows(
            web_archive.db,
            """SELECT payload_sha256, fetched_at FROM fetches WHERE url = ? AND ok AND fetched_at <= ?
               ORDER BY fetched_at DESC LIMIT 1""",
            [url, at],
        )[0]
        assert record.rec_headers.get_header("WARC-Refers-To-Date") == confirmed_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        payload = read_response(root, capture.orig_filename, capture.orig_offset)
        assert payload.status == 200 and hashlib.sha256(payload.content).hexdigest() == sha
    # nothing failed or cut is offered for replay; every URL's newest capture is a page
    assert not any(c.status.startswith(("4", "5")) or c.status == "304" for c in captures)
    assert not (root / "replay").exists(), "the replay set is written beside, not into, the archive"


def test_pywb_replays_the_newest_capture_as_the_page(
    web_archive: WebArchive, replay_server: str, tmp_path: Path
) -> None:
    url = web_archive.revisited_url
    (at304,) = _rows(web_archive.db, "SELECT max(fetched_at) FROM fetches WHERE url = ? AND status = 304", [url])[0]
    (page_sha,) = _rows(
        web_archive.db, "SELECT payload_sha256 FROM fetches WHERE url = ? AND status = 200", [url]
    )[0]
    timemap = httpx.get(f"{replay_server}/timemap/link/{url}", timeout=30).text
    mementos = [line for line in timemap.splitlines() if 'rel="memento"' in line or "memento" in line]
    assert at304.strftime("%Y%m%d%H%M%S") in mementos[-1], "the 304's date is the newest memento"
    raw = httpx.get(f"{replay_server}/{at304:%Y%m%d%H%M%S}id_/{url}", timeout=30)
    assert raw.status_code == 200
    assert hashlib.sha256(raw.content).hexdigest() == page_sha, "the archived bytes, unchanged"
    assert raw.headers["memento-datetime"] == at304.strftime("%a, %d %b %Y %H:%M:%S GMT")


def test_without_this_index_the_newest_capture_is_the_empty_304(web_archive: WebArchive, pywb_python: str) -> None:
    """Why the index exists: pywb's own indexer over the same WARC files."""
    indexer = Path(pywb_python).with_name("cdx-indexer")
    warcs = sorted(str(p) for p in (web_archive.db.parent / "warc").glob("*.warc.gz"))
    out = subprocess.run([str(indexer), "-s", "-j", *warcs], capture_output=True, text=True, check=True).stdout
    path = web_archive.revisited_url.split("/", 3)[3]
    statuses = [line for line in out.splitlines() if path in line.split(" ", 1)[0]]
    assert '"status": "304"' in statuses[-1], statuses
