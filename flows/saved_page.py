"""A page saved to disk, presented as the response it was saved from (`--file PAGE --url URL`)."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import quote

from flows.fetch import FetchPolicy
from warehouse.exchange import FetchResult
from warehouse.fetch_failure import FailureKind, FetchFailure


def file_result(
    path: Path, url: str, content_type: str | None = None, max_bytes: int | None = None
) -> FetchResult:
    """A saved page presented as if fetched from url (status 200, headers guessed from the name).

    Read like a download: at most the fetcher's size cap, the rest cut and flagged. The
    file name goes into a header percent-quoted, so no name (newlines included) can
    forge a header in the archived record.
    """
    cap = FetchPolicy().max_bytes if max_bytes is None else max_bytes
    with path.open("rb") as fh:
        content = fh.read(cap + 1)
    truncated = len(content) > cap
    ctype = content_type or mimetypes.guess_type(path.name)[0] or "text/html"
    return FetchResult(
        url=url,
        final_url=url,
        status=200,
        reason="OK",
        headers=[("Content-Type", ctype), ("X-Govarchive-Source-File", quote(path.name))],
        content=content[:cap],
        truncated=truncated,
        recorded_failure=(
            FetchFailure.because(FailureKind.TOO_LARGE, f"file over {cap} bytes, cut and recorded")
            if truncated
            else None
        ),
    )
