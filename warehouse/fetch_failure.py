"""Why a fetch gave no usable response: one value, made where the failure happens.

Every consumer asks this value instead of reading a message's prefix: the fetcher whether
to try again within the run (`retryable`), the frontier whether to ask again on a later
run (`final`), the stats and `failures` views which kind it was (the `fetches.failure_kind`
column, migration 012). The message is the one line a user reads; it is never parsed.

The kinds, in one place:

| kind | what happened | retryable | final |
|---|---|---|---|
| `timeout` | no complete response in time | yes | no |
| `connect` | no connection (DNS, refused, reset before a response) | yes | no |
| `protocol` | the connection broke mid-exchange | yes | no |
| `busy` | a 200 page that says the server is busy (系统繁忙) | yes | no |
| `decoding` | the body could not be decoded (gzip, brotli) | no | no |
| `http` | another transport error httpx reports | no | no |
| `too_large` | the body passed the size cap; what came is kept | no | no |
| `redirects` | a redirect loop, or too many redirects | no | no |
| `status` | the server answered with a status other than 2xx/304 | see below | see below |
| `no_response` | nothing came back, no reason known | no | no |
| `offsite` | the URL (or a redirect) leaves the source's allowed hosts | no | yes |
| `refused` | the address or scheme is refused (private, loopback, not http) | no | yes |
| `robots` | robots.txt disallows the URL | no | yes |
| `unavailable` | robots.txt could not be read: nothing of the host is fetched this run | no | no |

Whatever the kind, a failure whose server answered 429 or 5xx is retryable, and one that
answered another 4xx is final.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FailureKind(enum.StrEnum):
    TIMEOUT = "timeout"
    CONNECT = "connect"
    PROTOCOL = "protocol"
    BUSY = "busy"
    DECODING = "decoding"
    HTTP = "http"
    TOO_LARGE = "too_large"
    REDIRECTS = "redirects"
    STATUS = "status"
    NO_RESPONSE = "no_response"
    OFFSITE = "offsite"
    REFUSED = "refused"
    ROBOTS = "robots"
    UNAVAILABLE = "unavailable"


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_RETRYABLE = frozenset({FailureKind.TIMEOUT, FailureKind.CONNECT, FailureKind.PROTOCOL, FailureKind.BUSY})
_FINAL = frozenset({FailureKind.OFFSITE, FailureKind.REFUSED, FailureKind.ROBOTS})


@dataclass(frozen=True, slots=True)
class FetchFailure:
    """A failed fetch: its kind, the line to show, and the status when the server answered
    (a 503 is worth retrying, a 404 not asking again, whatever else went wrong)."""

    kind: FailureKind
    message: str
    status: int | None = None

    @property
    def retryable(self) -> bool:
        """Worth another attempt within this run (after backoff)."""
        return self.kind in _RETRYABLE or self.status in RETRY_STATUSES

    @property
    def final(self) -> bool:
        """Not worth asking again on a later run: the answer will not change by waiting."""
        status = self.status or 0
        return self.kind in _FINAL or (400 <= status < 500 and status != 429)

    def __str__(self) -> str:
        return self.message

    @classmethod
    def because(cls, kind: FailureKind, detail: str, status: int | None = None) -> FetchFailure:
        """The failure with its line written as every kind's is: `<kind>: <detail>`."""
        return cls(kind, f"{kind.value}: {detail}", status)

    @classmethod
    def of_status(cls, status: int, reason: str = "") -> FetchFailure:
        return cls(FailureKind.STATUS, f"http: status {status} {reason}".rstrip(), status)


NO_RESPONSE = FetchFailure(FailureKind.NO_RESPONSE, "fetch: no response")
