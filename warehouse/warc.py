"""The raw archive: every HTTP exchange as gzip-compressed WARC records (ISO 28500), via warcio.

Bytes are written here before anything parses them, so a parser bug never costs data:
`reparse` reads them back from the (file, offset, length) recorded in `fetches`.
Each file opens with a `warcinfo` record; each exchange is a `response` (or, when the
same payload is already archived, a `revisit` record with the identical-payload-digest
profile, as web archives do) followed by its `request`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warehouse.exchange import FetchResult

# Headers that describe the transfer, not the stored payload: the body is kept decoded,
# so replaying it with these would be wrong. They are kept under a prefixed name.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
ROTATE_BYTES = 1 << 30


@dataclass(slots=True)
class WarcLocation:
    file: str  # relative to the archive folder
    offset: int
    length: int
    record_id: str
    record_type: str = "response"  # response | revisit


@dataclass(slots=True)
class RevisitTarget:
    """The earlier response whose payload a new, identical response refers to."""

    uri: str
    date: dt.datetime
    record_id: str | None = None


def payload_digest(content: bytes) -> str:
    """WARC-Payload-Digest as warcio writes it (sha1, base32), so revisits match their original."""
    return "sha1:" + base64.b32encode(hashlib.sha1(content).digest()).decode("ascii")


def _warc_date(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcStore:
    """Appends records to one WARC file per writer process, rotated at ~1 GiB.

    Each process gets its own file name, so concurrent or resumed crawls never
    interleave bytes in one file and a record cut short by a kill is confined to
    the tail of a file nobody appends to again.
    """

    def __init__(self, root: Path, prefix: str = "govarchive", archive_id: str | None = None) -> None:
        self.root = root
        self.folder = root / "warc"
        self.prefix = prefix
        # The owning archive's id, in each file's name and warcinfo (warehouse/warc_owner.py);
        # `Archive` sets it before its first write. Without one, names are as before ids.
        self.archive_id = archive_id
        self._fh: io.BufferedWriter | None = None
        self._name: str | None = None
        self._seq = 0

    def _open(self) -> io.BufferedWriter:
        if self._fh is not None and self._fh.tell() < ROTATE_BYTES:
            return self._fh
        self.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
        while True:
            self._seq += 1
            owner = f"-{self.archive_id}" if self.archive_id else ""
            name = f"{self.prefix}{owner}-{stamp}-{os.getpid()}-{self._seq:05d}.warc.gz"
            if not (self.folder / name).exists():
                break
        self._name = name
        self._fh = open(self.folder / name, "ab")  # noqa: SIM115 - kept open across records
        writer = WARCWriter(self._fh, gzip=True)
        info = {"software": "govarchive (warcio)", "format": "WARC File Format 1.0",
                "description": "Chinese government proposal replies and disclosure pages"}  # fmt: skip
        if self.archive_id:
            info["isPartOf"] = f"{self.prefix}-{self.archive_id}"
        writer.write_record(writer.create_warcinfo_record(name, info))
        return self._fh

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def sync(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())

    def write(
        self, result: FetchResult, revisit: RevisitTarget | None = None, *, sync: bool = True
    ) -> WarcLocation:
        """Write response (or revisit) + request records; return where the first lives.

        With `revisit`, the payload is not stored again: the record carries the HTTP
        headers and the digest, and points at the earlier response.
        """
        fh = self._open()
        writer = WARCWriter(None, gzip=False)  # records are gzipped one by one below
        date = _warc_date(result.fetched_at)
        target = result.final_url or result.url
        headers = [
            (f"X-Archive-Orig-{k}" if k.lower() in _TRANSFER_HEADERS else k, v)
            for k, v in result.headers
        ]
        http_headers = StatusAndHeaders(
            f"{result.status} {result.reason}".strip(), headers, protocol=result.http_version
        )
        if revisit is not None:
            extra = {"WARC-Date": date}
            if revisit.record_id:
                extra["WARC-Refers-To"] = revisit.record_id
            response = writer.create_revisit_record(
                target,
                payload_digest(result.content),
                revisit.uri,
                _warc_date(revisit.date),
                http_headers=http_headers,
                warc_headers_dict=extra,
            )
        else:
            response = writer.create_warc_record(
                target,
                "response",
                payload=io.BytesIO(result.content),
                length=len(result.content),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": date},
            )
        request_line = f"GET {_path_of(target)} {result.http_version}"
        request = writer.create_warc_record(
            target,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(request_line, result.request_headers, is_http_request=True),
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        offset = fh.tell()
        length = fh.write(_gzip_member(response))
        fh.write(_gzip_member(request))
        if sync:
            self.sync()
        assert self._name is not None
        return WarcLocation(
            file=f"warc/{self._name}",
            offset=offset,
            length=length,
            record_id=response.rec_headers.get_header("WARC-Record-ID"),
            record_type="revisit" if revisit is not None else "response",
        )


# zlib's default level. warcio compresses at level 9, which cost the crawl 10% of its CPU
# for WARC files 2% smaller (measured on replica pages).
GZIP_LEVEL = 6


def _gzip_member(record: object) -> bytes:
    """One record as its own gzip member, as the WARC standard's .warc.gz asks."""
    buf = io.BytesIO()
    WARCWriter(buf, gzip=False).write_record(record)
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return packer.compress(buf.getvalue()) + packer.flush()


def _path_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass(slots=True)
class StoredResponse:
    url: str
    status: int | None
    headers: list[tuple[str, str]]
    content: bytes
    record_type: str = "response"

    def header(self, name: str) -> str | None:
        lname = name.lower()
        return next((v for k, v in self.headers if k.lower() == lname), None)


def read_response(root: Path, file: str, offset: int) -> StoredResponse:
    """Read back the response record at (file, offset)."""
    with open(root / file, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            if record.rec_type not in ("response", "revisit"):
                continue
            http = record.http_headers
            status = int(http.get_statuscode()) if http else None
            headers = list(http.headers) if http else []
            return StoredResponse(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=status,
                headers=headers,
                content=record.content_stream().read(),
                record_type=record.rec_type,
            )
    raise ValueError(f"no response record at {file}:{offset}")
