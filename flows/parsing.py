"""Parsing fetched responses into documents, errors returned as values.

One bad page never costs a batch: a ParseError, or any exception a parser bug raises,
comes back as a `ParseFailure` the caller records against the fetch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import parsers
from parsers import Document, ParseError
from warehouse.records import FetchResult


@dataclass(slots=True)
class ParseFailure:
    kind: str  # ParseError.kind, or "crash" for an unexpected exception
    message: str


ParseOutcome = Document | ParseFailure


def http_failure(result: FetchResult) -> str | None:
    """Why a response cannot become a document, or None when it can."""
    if result.error:
        return result.error
    if result.status is None:
        return "fetch: no response"
    if result.status == 304:
        return None
    if not 200 <= result.status < 300:
        return f"http: status {result.status} {result.reason}".rstrip()
    return None


def parse_result(result: FetchResult) -> Document:
    """Parse an archived response; ParseError for anything that is not a usable page."""
    if not result.content.strip():
        raise ParseError("empty body: the server answered with no content", kind="empty")
    doc = parsers.parse(result.content, result.final_url or result.url, result.content_type)
    doc.url = result.url
    doc.final_url = result.final_url or result.url
    doc.fetched_at = result.fetched_at
    return doc


def parse_one(result: FetchResult) -> ParseOutcome:
    try:
        return parse_result(result)
    except ParseError as exc:
        return ParseFailure(exc.kind, str(exc))
    except Exception as exc:  # a parser bug is recorded, not raised
        return ParseFailure("crash", f"{type(exc).__name__}: {exc}")


def parse_all(results: Sequence[FetchResult]) -> list[ParseOutcome]:
    return [parse_one(r) for r in results]
