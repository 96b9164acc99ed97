"""WARC records a killed writer left behind without a `fetches` row, found and indexed.

A batch is written to WARC (and fsynced) before its `fetches` rows are committed; a
SIGKILL between the two leaves the batch's records at the tail of that process's file
with nothing pointing at them. The next writer indexes them as `kind = 'orphan'` rows,
so their payloads count as archived: when the resumed crawl fetches the same pages,
identical payloads become revisit records instead of second copies.

Only this archive's own files are looked at (`warehouse/warc_owner.py`): another archive
in the same folder shares `warc/`, and its records are never adopted.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
from warcio.archiveiterator import ArchiveIterator

from warehouse import fetch_rows, warc_owner
from warehouse.exchange import FetchResult, utcnow
from warehouse.pids import alive
from warehouse.warc import WarcLocation

_OWNER = re.compile(r"-(\d+)-\d+\.warc\.gz$")


def _writer_alive(name: str) -> bool:
    """Whether the process that wrote this file may still be appending to it."""
    m = _OWNER.search(name)
    if not m:
        return False
    return alive(int(m.group(1)))


def _tail(root: Path, file: str, start: int) -> list[tuple[FetchResult, WarcLocation]]:
    """Response records after the last one `fetches` refers to (which sits at `start`)."""
    found: list[tuple[FetchResult, WarcLocation]] = []
    with open(root / file, "rb") as fh:
        fh.seek(start)
        it = ArchiveIterator(fh)
        try:
            for i, record in enumerate(it):
                if start and i == 0:
                    continue  # the referenced record itself
                if record.rec_type != "response":
                    continue  # its request, warcinfo, revisits (no payload to adopt)
                http = record.http_headers
                content = record.content_stream().read()
                date = record.rec_headers.get_header("WARC-Date") or ""
                uri = record.rec_headers.get_header("WARC-Target-URI")
                result = FetchResult(
                    url=uri,
                    final_url=uri,
                    status=int(http.get_statuscode()) if http else None,
                    headers=list(http.headers) if http else [],
                    content=content,
                    fetched_at=dt.datetime.strptime(date[:19], "%Y-%m-%dT%H:%M:%S")
                    if date
                    else utcnow(),
                )
                loc = WarcLocation(
                    file=file,
                    offset=it.get_record_offset(),  # warcio counts from the file start
                    length=it.get_record_length(),
                    record_id=record.rec_headers.get_header("WARC-Record-ID"),
                    record_type="response",
                )
                found.append((result, loc))
        except Exception:  # noqa: BLE001 - a record cut by the kill ends the readable tail
            pass
    return found


def adopt(con: duckdb.DuckDBPyConnection, root: Path) -> int:
    """Index the unreferenced tails of this archive's files whose writers are gone; returns
    records adopted. Files it cannot attribute are noted (`warc_unattributed`), never read."""
    files = warc_owner.survey(con, root)
    me = warc_owner.archive_id(con)
    last = dict(
        con.execute(
            "SELECT warc_file, max(warc_offset) FROM fetches WHERE warc_file IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    unattributed = {f: "written before archives had ids; none of this archive's own rows refer to it"
                    for f in files.unattributed}  # fmt: skip
    adopted = 0
    for file in files.own:
        if _writer_alive(Path(file).name):
            continue
        start = int(last.get(file) or 0)
        if not start and warc_owner.named_id(file) and warc_owner.warcinfo_id(root / file) not in (me, None):
            unattributed[file] = "named with this archive's id, but its warcinfo names another archive"
            continue
        orphans = _tail(root, file, start)
        if orphans:
            fetch_rows.insert_fetches(con, orphans, run_id=None, source=None, kind="orphan")
            adopted += len(orphans)
    warc_owner.note_unattributed(con, root, unattributed)
    return adopted
