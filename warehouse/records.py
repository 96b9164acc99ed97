"""What the archive stores about one HTTP exchange, before anything interprets it.

It sits in `warehouse/` because the raw archive is its job; `flows.fetch` produces it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


def utcnow() -> dt.datetime:
    """Naive UTC, the one clock of the archive: every stored timestamp is compared with others."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(slots=True)
class Redirect:
    url: str
    status: int


@dataclass(slots=True)
class FetchResult:
    """One fetch: the response as received (or the error that stopped it).

    `content` is the body after transfer/content decoding; `headers` keep every
    response header in order (repeated names stay repeated).
    """

    url: str
    final_url: str
    status: int | None
    headers: list[tuple[str, str]] = field(default_factory=list)
    content: bytes = b""
    fetched_at: dt.datetime = field(default_factory=utcnow)
    elapsed_ms: float = 0.0
    redirects: list[Redirect] = field(default_factory=list)
    error: str | None = None  # "kind: message" when no usable response was had
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    http_version: str = "HTTP/1.1"
    reason: str = ""
    truncated: bool = False  # body cut at the size cap
    # Fetched from a mirror (flows/mirror.py): the URLs the archive knows the page by.
    origin_url: str | None = None
    origin_final_url: str | None = None
    _sha256: tuple[bytes, str] | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def header(self, name: str) -> str | None:
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None

    @property
    def identity_url(self) -> str:
        """The URL a document parsed from this response is known by."""
        return self.origin_url or self.url

    @property
    def identity_final_url(self) -> str:
        return self.origin_final_url or self.final_url or self.identity_url

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")

    @property
    def payload_sha256(self) -> str | None:
        """sha256 of the body, computed once (deduplication, the fetches row and WARC all ask)."""
        if self.status is None:
            return None
        if self._sha256 is None or self._sha256[0] is not self.content:
            self._sha256 = (self.content, hashlib.sha256(self.content).hexdigest())
        return self._sha256[1]
