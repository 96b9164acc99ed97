"""Attachments beyond the download: their text read (in the sandbox) and stored, for the
crawl, for `ingest` (which also fetches them) and for `reparse` (which re-reads them).

    archived attachment payloads ──► Sandbox (child process, limits) ──► attachment_texts + index

No text is read here: the readers are parsers/attachment_text (pure), run in the child
that flows/attachment_sandbox.py starts; the rows are written by warehouse/attachment_texts.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import settings
from flows.attachment_sandbox import Sandbox
from flows.fetch import Fetcher, FetchPolicy
from flows.store.batch import PageOutcome
from parsers.attachment_text import AttachmentText
from parsers.attachment_text.sniff import media_type, sniff
from warehouse import attachment_texts as store
from warehouse import db as dbmod
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

BATCH = 50
OCR_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"


@dataclass(slots=True)
class TextSummary:
    attachments: int = 0
    with_text: int = 0
    needs_ocr: int = 0
    unreadable: int = 0

    def add(self, result: AttachmentText) -> None:
        self.attachments += 1
        if result.text:
            self.with_text += 1
        elif result.needs_ocr:
            self.needs_ocr += 1
        else:
            self.unreadable += 1

    def line(self) -> str:
        return (
            f"attachment texts: {self.attachments} attachment(s), {self.with_text} with text, "
            f"{self.needs_ocr} scan(s) needing OCR, {self.unreadable} unreadable"
        )


def _read(box: Sandbox, item: store.StoredAttachment, content: bytes | None) -> AttachmentText:
    if content is None:
        return AttachmentText.failed("application/octet-stream", "none", "archive: the payload cannot be read back")
    if item.truncated:
        return AttachmentText.failed(
            media_type(sniff(content)), "none",
            f"too_large: the download was cut at {len(content)} bytes (the size cap); not read",
        )  # fmt: skip
    name = urlsplit(item.url).path.rsplit("/", 1)[-1] or None
    return box.extract(content, name)


def extract_stored(
    archive: Archive,
    items: Sequence[store.StoredAttachment],
    *,
    sandbox: Sandbox | None = None,
    summary: TextSummary | None = None,
) -> TextSummary:
    """Read and store the text of these archived attachments, a batch at a time."""
    summary = summary or TextSummary()
    own = sandbox is None
    box = sandbox or Sandbox()
    try:
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            with dbmod.reader(archive.path) as con:
                contents = store.payloads(con, archive.root, [i.fetch_id for i in batch])
            rows = []
            for item in batch:
                result = _read(box, item, contents.get(item.fetch_id))
                summary.add(result)
                rows.append(store.TextRow(item, result))
            with dbmod.writer(archive.path) as con:
                store.save_texts(con, rows)
    finally:
        if own:
            box.close()
    return summary


def extract_fetched(archive: Archive, fetch_ids: Iterable[int | None], **kw: object) -> TextSummary:
    """The crawl's and ingest's step: text of the attachments just archived under these
    fetches, and of any archived earlier but left unread (a run killed in between)."""
    ids = [f for f in fetch_ids if f is not None]
    if not ids:
        return TextSummary()
    with dbmod.reader(archive.path) as con:
        items = store.stored_attachments(con, fetch_ids=ids)
        seen = {(i.url, i.sha256) for i in items}
        items += [i for i in store.unread_attachments(con) if (i.url, i.sha256) not in seen]
    return extract_stored(archive, items, **kw)  # type: ignore[arg-type]


def reparse_texts(db: str | None, source: str | None = None) -> TextSummary:
    """Recompute every archived attachment's text with the current readers."""
    with Archive(db) as archive:
        with dbmod.reader(archive.path) as con:
            items = store.stored_attachments(con, source=source)
        return extract_stored(archive, items)


class OcrUnavailable(RuntimeError):
    """tesseract or its Chinese data is missing; the message says what to install."""


def ocr_available() -> str | None:
    """None when OCR can run, else what to install."""
    if shutil.which("tesseract") is None:
        return f"tesseract is not installed: {OCR_INSTALL}"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, timeout=30, text=True)
    except (OSError, subprocess.TimeoutExpired):
        return f"tesseract does not run: {OCR_INSTALL}"
    if "chi_sim" not in (langs.stdout + langs.stderr).split():
        return "tesseract has no Chinese (chi_sim) data: apt-get install tesseract-ocr-chi-sim"
    return None


@dataclass(slots=True)
class OcrSummary:
    scans: int = 0
    read: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"ocr: {self.scans} scan(s), {self.read} read, {self.failed} without text"


def ocr_scans(db: str | None) -> OcrSummary:
    """Fill the text of flagged scans with tesseract (kept by payload, across reparses)."""
    missing = ocr_available()
    if missing:
        raise OcrUnavailable(missing)
    summary = OcrSummary()
    with Archive(db) as archive, Sandbox() as box:
        with dbmod.reader(archive.path) as con:
            scans = store.scans_without_text(con)
        for sha, fetch_id in scans:
            with dbmod.reader(archive.path) as con:
                content = store.payloads(con, archive.root, [fetch_id]).get(fetch_id)
            summary.scans += 1
            result = box.ocr(content) if content is not None else AttachmentText.failed(
                "application/octet-stream", "tesseract", "archive: the payload cannot be read back")  # fmt: skip
            if result.text:
                summary.read += 1
            else:
                summary.failed += 1
            with dbmod.writer(archive.path) as con:
                store.save_ocr(con, sha, result)
    return summary


# -- ingest: a page's attachments fetched, archived and read -------------------------


@dataclass(slots=True)
class AttachmentLimits:
    """What a crawl of the page's site would accept: types and size cap of its source."""

    types: tuple[str, ...]
    max_bytes: int


def limits_for(page_url: str) -> AttachmentLimits:
    """The configured source of the page's host, else the most permissive configured one."""
    from flows.sources import load_sources

    sources = list(load_sources().values())
    for s in sources:
        if s.host_allowed(page_url):
            return AttachmentLimits(s.attachment_types, s.attachment_max_bytes)
    types = tuple(sorted({t for s in sources for t in s.attachment_types}))
    cap = max((s.attachment_max_bytes for s in sources), default=50 * 2**20)
    return AttachmentLimits(types, cap)


def type_problem(limits: AttachmentLimits, result: FetchResult) -> str | None:
    """The crawl's and ingest's rule: a good response with an attachment type."""
    failure = result.failure
    if failure is not None:
        return failure.message
    if result.status == 304:  # attachments are fetched unconditionally: a 304 is not the file
        return f"http: status {result.status}"
    ctype = (result.content_type or "").split(";")[0].strip().lower()
    if limits.types and ctype not in limits.types:
        return f"content type {ctype or 'missing'} is not an attachment type"
    return None


@dataclass(slots=True)
class IngestedAttachment:
    url: str
    page_url: str
    fetch_id: int | None
    error: str | None = None


async def _fetch_all(urls: list[str], policy: FetchPolicy) -> list[FetchResult]:
    async with Fetcher(policy, max_connections=4) as fetcher:
        return list(await asyncio.gather(*(fetcher.fetch(u) for u in urls)))


async def ingest_attachments(
    outcomes: Sequence[PageOutcome], db: str | None, *, allow_private: bool = False
) -> tuple[list[IngestedAttachment], TextSummary]:
    """Fetch, archive and read the attachments of the ingested pages (crawl's limits)."""
    wanted: dict[str, str] = {}
    for o in outcomes:
        if not o.failed:
            for u in o.attachments:
                wanted.setdefault(u, o.url)
    if not wanted:
        return [], TextSummary()
    by_limits: dict[tuple[tuple[str, ...], int], list[str]] = {}
    limits: dict[str, AttachmentLimits] = {}
    for url, page in wanted.items():
        lim = limits_for(page)
        limits[url] = lim
        by_limits.setdefault((lim.types, lim.max_bytes), []).append(url)
    results: list[FetchResult] = []
    for (_, cap), urls in by_limits.items():
        results.extend(await _fetch_all(urls, FetchPolicy(allow_private=allow_private, max_bytes=cap)))
    with Archive(db) as archive:
        ids = archive.store_fetches(results, kind="attachment")
        done = []
        for res, fid in zip(results, ids, strict=True):
            done.append(IngestedAttachment(res.url, wanted[res.url], fid, type_problem(limits[res.url], res)))
        summary = extract_fetched(archive, ids)
    return done, summary


def attachment_text_enabled() -> bool:
    """GOVARCHIVE_ATTACHMENT_TEXT=0 leaves a crawl's attachments unread (raw bytes only;
    `reparse` reads them later); the benchmark compares both."""
    return settings.current().attachment_text
