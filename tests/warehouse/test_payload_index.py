"""The in-memory index of archived payloads: a first crawl's batches look nothing up, and
what another writer archived in between is still found (a revisit, not a second copy)."""

from __future__ import annotations

import hashlib
import shutil

import duckdb

from tests.warehouse.conftest import make_fetch
from warehouse import payload_index
from warehouse.archive import Archive

PAGE = "宿州市科技局关于数据中心建设提案的答复。".encode() * 40


def _types(path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT url, warc_type FROM fetches ORDER BY fetch_id").fetchall()
    finally:
        con.close()


def test_prefixes_match_only_archived_digests() -> None:
    index = payload_index.PayloadIndex()
    held = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(50)]
    index._add(payload_index.prefixes(held))
    new = [hashlib.sha256(f"new {i}".encode()).hexdigest() for i in range(50)]
    assert index.may_hold(held[::7] + new) == held[::7]
    assert payload_index.PayloadIndex().may_hold(held) == []  # empty: nothing is looked up


def test_a_payload_another_writer_archived_meanwhile_becomes_a_revisit(tmp_path) -> None:
    path = tmp_path / "archive.duckdb"
    with Archive(path) as mine:
        mine.store_fetches([make_fetch("https://a.gov.cn/other.html", b"<html>other</html>")], source="s")
        mine.store_fetches([make_fetch("https://a.gov.cn/more.html", b"<html>more</html>")], source="s")
        index = payload_index.of(mine.path, mine.warc.archive_id)
        assert index.high >= 0  # caught up with the first batch when the second asked
    # another process's writer (a fresh index of its own) archives PAGE in between
    payload_index._indexes.clear()
    with Archive(path) as theirs:
        theirs.store_fetches([make_fetch("https://a.gov.cn/1.html", PAGE)], source="s")
    payload_index._indexes[mine.path] = index  # this process's index, now behind the archive
    with Archive(path) as mine_again:
        mine_again.store_fetches([make_fetch("https://a.gov.cn/copy.html", PAGE)], source="s")
    assert _types(path) == [
        ("https://a.gov.cn/other.html", "response"),
        ("https://a.gov.cn/more.html", "response"),
        ("https://a.gov.cn/1.html", "response"),
        ("https://a.gov.cn/copy.html", "revisit"),
    ]


def test_another_archive_at_the_same_path_is_read_from_the_start(tmp_path) -> None:
    path = tmp_path / "archive.duckdb"
    with Archive(path) as first:
        first.store_fetches([make_fetch(f"https://a.gov.cn/{i}.html", f"<p>{i}</p>".encode()) for i in range(5)],
                            source="s")  # fmt: skip
        old = payload_index.of(first.path, first.warc.archive_id)
    for leftover in tmp_path.iterdir():  # the user starts over in the same folder
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    with Archive(path) as second:
        second.store_fetches([make_fetch("https://b.gov.cn/1.html", PAGE)], source="s")
        second.store_fetches([make_fetch("https://b.gov.cn/copy.html", PAGE)], source="s")
        assert payload_index.of(second.path, second.warc.archive_id) is not old
    assert _types(path) == [("https://b.gov.cn/1.html", "response"), ("https://b.gov.cn/copy.html", "revisit")]
