"""Archive, parse, load a batch of fetch results: the one path every flow shares.

Order matters and is the archive's promise: raw bytes are written and recorded first,
then parsed (or parsed ahead, in a `crawl all`'s parse worker: `flows/parse_worker.py`, and
loaded only once they are recorded); a parse failure is recorded against the fetch (re-parseable later) and
never leaves a partial document row. One bad page never costs a batch: a ParseError, or
any exception a parser bug raises, comes back as a `ParseFailure` recorded against the fetch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import parsers
from flows.sources import source_for_url
from parsers import Document, ParseError
from warehouse.archive import Archive
from warehouse.exchange import FetchResult
from warehouse.raw_index import RawPage

EMPTY_BODY_WARNING = "empty body: the page has no body text"


@dataclass(slots=True)
class ParseFailure:
    kind: str  # ParseError.kind, or "crash" for an unexpected exception
    message: str


ParseOutcome = Document | ParseFailure


def parse_result(result: FetchResult) -> Document:
    """Parse an archived response; ParseError for anything that is not a usable page."""
    if not result.content.strip():
        raise ParseError("empty body: the server answered with no content", kind="empty")
    # a page fetched from a mirror is parsed, and known, by its source's own URL
    doc = parsers.parse(result.content, result.identity_final_url, result.content_type)
    doc.url = result.identity_url
    doc.final_url = result.identity_final_url
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


def parseable(results: Sequence[FetchResult]) -> list[FetchResult]:
    """The responses a batch parses: those that did not fail and are not a 304."""
    return [r for r in results if not r.failure and r.status != 304]


@dataclass(slots=True)
class PageOutcome:
    """What happened to one URL; the CLI prints one line of it per URL."""

    url: str
    fetch_id: int | None
    status: str  # new | changed | unchanged | not_modified | failed
    title: str | None = None
    error: str | None = None
    attachments: list[str] = field(default_factory=list)  # absolute URLs found in the body
    doc_type: str | None = None  # a 'listing' is said so on the command line

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def archive_parse_load(
    archive: Archive,
    results: Sequence[FetchResult],
    *,
    source: str | None = None,
    run_id: str | None = None,
    kind: str = "page",
    parsed: Sequence[ParseOutcome] | None = None,
) -> list[PageOutcome]:
    """Store the raw responses first, then parse and load them.

    `parsed`: `parse_all(parseable(results))` when done ahead (a parse worker); only
    loaded once the raw responses are recorded.
    """
    fetch_ids = archive.store_fetches(results, run_id=run_id, source=source, kind=kind)
    items = [(r, fid, source) for r, fid in zip(results, fetch_ids, strict=True)]
    return parse_and_load(archive, items, parsed)


def archive_parse_load_stored(archive: Archive, pages: Sequence[RawPage]) -> list[PageOutcome]:
    """Parse and load responses already in the archive (reparse): no new fetch rows."""
    items: list[tuple[FetchResult, int, str | None]] = []
    for page in pages:
        raw = archive.read_raw(page.fetch_id)
        result = FetchResult(
            url=page.url,
            final_url=page.final_url,
            status=raw.status,
            headers=raw.headers,
            content=raw.content,
            fetched_at=page.fetched_at,
        )
        items.append((result, page.fetch_id, page.source))
    return parse_and_load(archive, items)


def parse_and_load(
    archive: Archive,
    items: Sequence[tuple[FetchResult, int, str | None]],
    parsed_ahead: Sequence[ParseOutcome] | None = None,
) -> list[PageOutcome]:
    """Parse what can be parsed (unless `parsed_ahead` has it already), load it."""
    outcomes: list[PageOutcome] = []
    to_load: list[tuple[Document, int | None]] = []
    failures = [r.failure for r, _, _ in items]
    to_parse = parseable([r for r, _, _ in items])
    if parsed_ahead is not None and len(parsed_ahead) != len(to_parse):
        parsed_ahead = None  # not this batch's: parse it here
    parsed = iter(parsed_ahead if parsed_ahead is not None else parse_all(to_parse))
    for (result, fetch_id, source), failure in zip(items, failures, strict=True):
        if failure:
            outcomes.append(PageOutcome(result.identity_url, fetch_id, "failed", error=failure.message))
            continue
        if result.status == 304:
            outcomes.append(PageOutcome(result.identity_url, fetch_id, "not_modified"))
            continue
        doc = next(parsed)
        if isinstance(doc, ParseFailure):
            archive.record_parse_error(
                fetch_id=fetch_id,
                url=result.identity_url,
                kind=doc.kind,
                message=doc.message,
                parser_version=parsers.PARSER_VERSION,
            )
            prefix = "parser crashed" if doc.kind == "crash" else f"parse ({doc.kind})"
            outcomes.append(
                PageOutcome(result.identity_url, fetch_id, "failed", error=f"{prefix}: {doc.message}")
            )
            continue
        doc.source = source or source_for_url(doc.url)
        if not doc.body_text and doc.doc_type != "listing" and EMPTY_BODY_WARNING not in doc.warnings:
            # kept as its own version (the page did change), flagged so nobody mistakes
            # it for the document; earlier versions stay in document_versions untouched
            doc.warnings.append(EMPTY_BODY_WARNING)
        to_load.append((doc, fetch_id))
        outcomes.append(
            PageOutcome(
                result.identity_url,
                fetch_id,
                "pending",
                title=doc.title,
                attachments=[a.url for a in doc.attachments],
                doc_type=doc.doc_type,
            )
        )
    stats = archive.load_documents(to_load)
    for outcome in outcomes:
        if outcome.status == "pending":
            outcome.status = stats.outcome(outcome.url)
    return outcomes
