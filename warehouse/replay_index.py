"""The replay index: which WARC record a replay tool (pywb) should show for each capture.

The `fetches` table already is the archive's WARC index (file, offset, length of every
exchange), so replay needs no re-scan of the WARC files: this module turns its rows into
capture entries. One thing differs from a plain index. A `--full` re-crawl stores an
unchanged article's `304 Not Modified` as the newest capture of its URL, and a replay
tool shows the newest capture: an empty 304. Here each 304 becomes what it means, a
revisit: a WARC `revisit` record (profile server-not-modified, WARC 1.1) dated at the
confirming exchange and carrying the confirmed response's HTTP headers, whose payload is
the stored response it confirmed. Those records are derived data, written to a folder
of the replay run (never into the archive); the 304 exchange itself stays recorded in
the archive's WARC files and `fetches`, untouched.

Not indexed for replay: failed exchanges (no response, 4xx/5xx, busy pages, bodies cut
at the size cap): the newest capture that replays is then the last good one.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

import duckdb
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warehouse import db as dbmod
from warehouse.warc import _TRANSFER_HEADERS, _gzip_member, _warc_date

SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
REVISITS_FILE = "replay/not-modified-revisits.warc.gz"


@dataclass(slots=True)
class Capture:
    """One line of the replay index (pywb's CDXJ fields, before the URL key)."""

    url: str
    timestamp: str  # YYYYmmddHHMMSS, UTC
    mime: str
    status: str
    filename: str  # relative to an archive path
    offset: int
    length: int
    # where the payload lives when the record above holds only headers (a revisit)
    orig_filename: str | None = None
    orig_offset: int | None = None
    orig_length: int | None = None
    fetch_id: int | None = None
    confirmed_by_304: bool = False

    def fields(self) -> dict[str, object]:
        """The CDXJ JSON block (without the URL key and timestamp)."""
        out: dict[str, object] = {
            "url": self.url, "mime": self.mime, "status": self.status,
            "filename": self.filename, "offset": str(self.offset), "length": str(self.length),
        }  # fmt: skip
        if self.orig_filename is not None:
            out.update({
                "orig.filename": self.orig_filename, "orig.offset": str(self.orig_offset),
                "orig.length": str(self.orig_length),
            })  # fmt: skip
        return out


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%d%H%M%S")


def _mime(content_type: str | None) -> str:
    return (content_type or "unk").split(";")[0].strip().lower() or "unk"


# Every exchange that has a record and replays: good responses, identical-payload
# revisits (with the fetch holding their payload) and 304s (with the newest good fetch
# of the same URL before them, the one they confirm).
_ROWS = """
WITH f AS (
    SELECT fetch_id, coalesce(final_url, url) AS url, fetched_at, status, ok, truncated,
           warc_type, revisit_of, warc_file, warc_offset, warc_length, content_type, headers,
           warc_record_id, payload_sha256
    FROM fetches WHERE warc_file IS NOT NULL AND status IS NOT NULL
),
good AS (SELECT * FROM f WHERE ok AND NOT coalesce(truncated, false))
SELECT n.fetch_id, n.url, n.fetched_at, n.status, n.warc_type,
       n.warc_file, n.warc_offset, n.warc_length, n.content_type,
       -- the payload record of a revisit
       o.warc_file, o.warc_offset, o.warc_length,
       -- for a 304: the exchange it confirms, and that one's payload record
       c.fetch_id, c.fetched_at, c.status, c.warc_type, c.warc_file, c.warc_offset,
       c.warc_length, c.content_type, c.headers,
       n.warc_record_id, c.warc_record_id, c.payload_sha256,
       co.warc_file, co.warc_offset, co.warc_length
FROM f n
LEFT JOIN f o ON n.warc_type = 'revisit' AND o.fetch_id = n.revisit_of
LEFT JOIN LATERAL (
    SELECT * FROM good g WHERE n.status = 304 AND g.url = n.url AND g.fetched_at <= n.fetched_at
    ORDER BY g.fetched_at DESC, g.fetch_id DESC LIMIT 1
) c ON true
LEFT JOIN f co ON c.warc_type = 'revisit' AND co.fetch_id = c.revisit_of
WHERE (n.ok AND NOT coalesce(n.truncated, false)) OR (n.status = 304 AND c.fetch_id IS NOT NULL)
ORDER BY n.url, n.fetched_at, n.fetch_id
"""


@dataclass(slots=True)
class _Confirmation:
    """A 304 and the good exchange it confirms."""

    fetch_id: int
    url: str
    at: dt.datetime
    confirmed_at: dt.datetime
    status: int
    content_type: str | None
    headers: list[tuple[str, str]]
    payload: tuple[str, int, int]  # the WARC record holding the confirmed bytes
    record_id: str | None  # the 304's own WARC record
    confirmed_record_id: str | None
    confirmed_sha256: str | None


def _rows(con: duckdb.DuckDBPyConnection) -> Iterator[Capture | _Confirmation]:
    for row in con.execute(_ROWS).fetchall():
        (fid, url, at, status, wtype, file, off, length, ctype, ofile, ooff, olen,
         _cid, cat, cstatus, ctype_w, cfile, coff, clen, cctype, cheaders,
         record_id, crecord_id, csha256, cofile, cooff, colen) = row  # fmt: skip
        if status != 304:
            capture = Capture(url, _stamp(at), _mime(ctype), str(status), file, off, length, fetch_id=fid)
            if wtype == "revisit" and ofile is not None:
                capture.orig_filename, capture.orig_offset, capture.orig_length = ofile, ooff, olen
            elif wtype == "revisit":
                continue  # its payload's record is unknown: nothing to show
            yield capture
            continue
        if ctype_w == "revisit":
            if cofile is None:
                continue
            payload = (cofile, cooff, colen)
        else:
            payload = (cfile, coff, clen)
        headers = [tuple(h) for h in json.loads(cheaders)] if cheaders else []
        yield _Confirmation(fid, url, at, cat, cstatus, cctype, headers, payload,
                            record_id, crecord_id, csha256)  # fmt: skip


def _revisit_record(conf: _Confirmation) -> bytes:
    """A server-not-modified revisit: dated at the 304, with the confirmed response's headers."""
    writer = WARCWriter(None, gzip=False)
    headers = [
        (f"X-Archive-Orig-{k}" if k.lower() in _TRANSFER_HEADERS else k, v) for k, v in conf.headers
    ]
    try:
        reason = HTTPStatus(conf.status).phrase
    except ValueError:
        reason = ""
    http = StatusAndHeaders(f"{conf.status} {reason}".strip(), headers, protocol="HTTP/1.1")
    extra = {"WARC-Date": _warc_date(conf.at)}
    if conf.record_id:
        extra["WARC-Concurrent-To"] = conf.record_id  # the 304 exchange, as archived
    if conf.confirmed_record_id:
        extra["WARC-Refers-To"] = conf.confirmed_record_id
    digest = (
        "sha256:" + base64.b32encode(bytes.fromhex(conf.confirmed_sha256)).decode("ascii")
        if conf.confirmed_sha256
        else "-"
    )
    record = writer.create_revisit_record(
        conf.url, digest, conf.url, _warc_date(conf.confirmed_at),
        http_headers=http, warc_headers_dict=extra,
    )  # fmt: skip
    record.rec_headers.replace_header("WARC-Profile", SERVER_NOT_MODIFIED)
    return _gzip_member(record)


def build(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Capture]:
    """Every replayable capture, oldest first per URL; each 304's revisit record is written
    to `out_dir / REVISITS_FILE` (an archive path of the replay run)."""
    captures: list[Capture] = []
    target = out_dir / REVISITS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as fh:
        for item in _rows(con):
            if isinstance(item, Capture):
                captures.append(item)
                continue
            offset = fh.tell()
            data = _revisit_record(item)
            fh.write(data)
            captures.append(
                Capture(
                    item.url, _stamp(item.at), _mime(item.content_type), str(item.status),
                    REVISITS_FILE, offset, len(data), *item.payload,
                    fetch_id=item.fetch_id, confirmed_by_304=True,
                )
            )  # fmt: skip
    return captures


def build_for_archive(db: Path, out_dir: Path) -> list[Capture]:
    """`build` on a read-only connection to the archive file (held only while reading)."""
    with dbmod.reader(Path(db)) as con:
        return build(con, out_dir)


def write_jsonl(captures: list[Capture], path: Path) -> None:
    """The captures one JSON object a line: the replay runner adds the URL keys and sorts."""
    with open(path, "w", encoding="utf-8") as fh:
        for c in captures:
            fh.write(json.dumps({"timestamp": c.timestamp, **c.fields()}, ensure_ascii=False) + "\n")

