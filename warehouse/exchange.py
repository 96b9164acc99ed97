"""What the archive stores about one HTTP exchange, before anything interprets it.

It sits in `warehouse/` because the raw archive is its job; `flows.fetch` produces it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from warehouse.fetch_failure import NO_RESPONSE, FailureKind, FetchFailure


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
    # Recorded where the fetch failed (fetcher, politeness); a status other than 2xx/304 is
    # its own failure, made from the status when asked (`failure`).
    recorded_failure: FetchFailure | None = None
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    http_version: str = "HTTP/1.1"
    reason: str = ""
    truncated: bool = False  # body cut at the size cap
    # Fetched from a mirror (flows/mirror.py): the URLs the archive knows the page by.
    origin_url: str | None = None
    origin_final_url: str | None = None
    _sha256: tuple[bytes, str] | None = field(default=None, repr=False, compare=False)

    @property
    def success_status(self) -> bool:
        """The server answered 2xx (what the body is, `ok` and `failure` say)."""
        return self.status is not None and 200 <= self.status < 300

    @property
    def ok(self) -> bool:
        return self.recorded_failure is None and self.success_status

    @property
    def failure(self) -> FetchFailure | None:
        """Why this response cannot become a document (None for a 2xx or a 304): ask this."""
        if self.recorded_failure is not None:
            return self.recorded_failure
        if self.status is None:
            return NO_RESPONSE
        if self.status == 304 or self.success_status:
            return None
        return FetchFailure.of_status(self.status, self.reason)

    @property
    def error(self) -> str | None:
        """The recorded failure's line (`fetches.error`); a status answer has its own column."""
        return None if self.recorded_failure is None else self.recorded_failure.message

    @property
    def failure_kind(self) -> FailureKind | None:
        failure = self.failure
        return None if failure is None else failure.kind

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
