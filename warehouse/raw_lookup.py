"""A page or attachment as it was received, out of the WARC files: `govarchive raw`.

Looked up by fetch id, or by URL (the newest archived response for it, under the URL
requested or, for a mirror crawl, the source's URL it stands for). A revisit record is
followed to the payload it confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse import db as dbmod
from warehouse.warc import read_response


@dataclass(slots=True)
class RawCopy:
    fetch_id: int
    url: str
    status: int | None
    content_type: str | None
    content: bytes


def raw_copy(path: Path, url_or_id: str) -> RawCopy:
    """The archived response; LookupError with the reason when there is none."""
    by_id = url_or_id.isdigit()
    with dbmod.reader(path) as con:
        row = con.execute(
            f"""
            SELECT f.fetch_id, f.url, f.status, f.content_type, f.warc_file, f.warc_offset,
                   f.warc_type, o.warc_file, o.warc_offset
            FROM fetches f LEFT JOIN fetches o ON o.fetch_id = f.revisit_of
            WHERE f.warc_file IS NOT NULL AND f.status IS NOT NULL AND
                  {"f.fetch_id = ?::BIGINT" if by_id else "? IN (f.url, f.final_url, f.origin_url, f.origin_final_url)"}
            ORDER BY f.ok DESC, f.fetched_at DESC, f.fetch_id DESC LIMIT 1
            """,
            [url_or_id],
        ).fetchone()
    if row is None:
        what = f"fetch {url_or_id}" if by_id else url_or_id
        raise LookupError(f"nothing archived for {what} (see: govarchive query \"SELECT fetch_id, url"
                          " FROM fetches ORDER BY fetch_id DESC LIMIT 20\")")  # fmt: skip
    fetch_id, url, status, ctype, file, offset, kind, payload_file, payload_offset = row
    root = path.parent
    stored = read_response(root, file, offset)
    content = stored.content
    if kind == "revisit" or stored.record_type == "revisit":
        if payload_file is None:
            raise LookupError(f"fetch {fetch_id} is a revisit of a fetch with no payload")
        content = read_response(root, payload_file, payload_offset).content
    return RawCopy(fetch_id, url, status, ctype, content)
