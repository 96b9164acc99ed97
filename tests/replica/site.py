"""The three virtual sites: URL routing, mutable state (edits, additions) and ground truth.

`Replica.page(host, path, query)` answers what the real origin would answer for a
path, as a `Page` (bytes plus the validators a server needs). Articles are built on
demand from `articles.build`, so the cost of a site is the pages actually requested.
State changes (new articles, edits, blanks, redesigns, per-path faults) go through
methods here so the HTTP control endpoints and the in-process handle share one path.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from . import files, templates
from .articles import AHSZ, TRS, Article, ColumnSpec, Identity, build, identity

BEIJING = timedelta(hours=8)

HOSTS = ("www.nxzx.gov.cn", "www.ahsz.gov.cn", "kjj.ahsz.gov.cn")
SITE_KEYS = ("nxzx", "ahsz-zxta", "ahsz-rdjy", "kjj")
DEFAULT_ARTICLES = {"nxzx": 300, "ahsz-zxta": 150, "ahsz-rdjy": 150, "kjj": 100}

ROBOTS = {
    "www.nxzx.gov.cn": ("/zxgz/tagz/private/",),
    "www.ahsz.gov.cn": ("/public/private/",),
    "kjj.ahsz.gov.cn": ("/public/private/",),
}
HTML_UTF8 = "text/html; charset=utf-8"

_EXTRA_CHROME = frozenset({"/zxgz/", "/gywm/", "/wzdt/", "/lxwm/", "/sybz/", "/wza/", "/ydb/", "/search/"})
_TRS_ARTICLE = re.compile(r"^/zxgz/tagz/(\d{6})/t(\d{8})_(\d+)\.html$")
_TRS_LISTING = re.compile(r"^/zxgz/tagz/(?:index(?:_(\d+))?\.html)?$")
_AHSZ_ARTICLE = re.compile(r"^/public/(\d+)/(\d+)\.html$")
_AHSZ_LISTING = re.compile(r"^/public/column/(\d+)$")
_ATTACHMENT = re.compile(r"^/group1/M00/00/(\d+)\.(pdf|docx)$")


def _spec(key: str, count: int, seed: int) -> ColumnSpec:
    """Clock: the initial articles span about three years ending mid-2024; added ones continue."""
    step = min(timedelta(days=3), max(timedelta(minutes=20), timedelta(days=1095) / max(count, 1)))
    end = datetime(2024, 6, 28, 9, 0)
    common = {"start": end - step * count, "step": step, "seed": seed}
    if key == "nxzx":
        return ColumnSpec(key, HOSTS[0], TRS, "tagz", "提案工作", "news", 20, 600000, 7, **common)
    if key == "ahsz-zxta":
        return ColumnSpec(key, HOSTS[1], AHSZ, "6596221", "政协委员提案办理", "proposal", 15, 191400000, 13, **common)
    if key == "ahsz-rdjy":
        return ColumnSpec(key, HOSTS[1], AHSZ, "6596231", "人大代表建议办理", "suggestion", 15, 191700000, 13, **common)
    if key == "kjj":
        return ColumnSpec(key, HOSTS[2], AHSZ, "2655573", "政府信息公开", "mixed", 15, 191401000, 11, **common)
    raise KeyError(f"unknown replica site {key!r}; known: {', '.join(SITE_KEYS)}")


@dataclass(slots=True)
class Page:
    """One HTTP answer before transfer encoding: the server adds gzip, 304 and HEAD."""

    status: int
    body: bytes
    content_type: str | None
    etag: str | None = None
    last_modified: datetime | None = None  # UTC, aware
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class PathFault:
    """A fault pinned to one (host, path): see faults.py for what each kind does."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    hits: int = 0


@dataclass(slots=True)
class ColumnState:
    count: int
    versions: dict[int, tuple[int, datetime]] = field(default_factory=dict)
    blanks: dict[int, datetime] = field(default_factory=dict)
    redesigned: bool = False
    redesigned_at: datetime | None = None  # listings' Last-Modified must move when they change


@dataclass(frozen=True, slots=True)
class ArticleTruth:
    """What a correct crawler+parser must end up with for one article.

    first_paragraph: first prose paragraph (replies: the line after the salutation).
    last_paragraph: last prose paragraph (news: before the byline; replies: before the
    办复类别 trailer). Both None when the article is blanked. reporter has the inner
    spaces removed ("单瑞"). published_at is Beijing time, ISO, seconds precision
    for nxzx and minutes for the disclosure platform (that is what the pages print).
    """

    site: str
    host: str
    path: str
    title: str
    published_at: str
    kind: str
    encoding: str
    source_name: str
    version: int
    blank: bool
    first_paragraph: str | None
    last_paragraph: str | None
    reporter: str | None = None
    editor: str | None = None
    session: str | None = None
    proposal_no: str | None = None
    proposer: str | None = None
    proposal_title: str | None = None
    reply_class: str | None = None
    contact_unit: str | None = None
    contact_phone: str | None = None
    header: dict[str, str | None] = field(default_factory=dict)
    attachments: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _etag(*parts: object) -> str:
    return '"' + hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:16] + '"'


def _utc(beijing: datetime) -> datetime:
    return (beijing - BEIJING).replace(tzinfo=UTC)


@lru_cache(maxsize=8192)
def _render_article(spec: ColumnSpec, i: int, version: int, blank: bool) -> bytes:
    a = build(spec, i, version)
    related = [identity(spec, j) for j in range(max(0, i - 8), i)][::-1]
    if spec.platform == TRS:
        return templates.trs_article(a, blank, related).encode(a.ident.encoding)
    return templates.ahsz_article(spec, a, blank, related).encode("utf-8")


class Replica:
    """All virtual sites with their state; thread-safe for one writer and many readers."""

    def __init__(self, articles: dict[str, int] | None = None, seed: int = 0) -> None:
        sizes = dict(DEFAULT_ARTICLES if articles is None else articles)
        self.seed = seed
        self.initial = sizes
        self.specs = {k: _spec(k, n, seed) for k, n in sizes.items()}
        self._lock = threading.RLock()
        self.state: dict[str, ColumnState] = {}
        self.faults: dict[tuple[str, str], PathFault] = {}
        self.reset()

    # --- control -------------------------------------------------------------------

    def reset(self) -> None:
        with self._lock:
            self.state = {k: ColumnState(n) for k, n in self.initial.items()}
            self.faults = {}

    def _col(self, key: str) -> tuple[ColumnSpec, ColumnState]:
        if key not in self.specs:
            raise KeyError(f"unknown or disabled replica site {key!r}; enabled: {', '.join(self.specs)}")
        return self.specs[key], self.state[key]

    def index_of(self, key: str, ref: int | str) -> int:
        """`ref` is an index (0 = oldest, -1 = newest) or an article path."""
        spec, st = self._col(key)
        if isinstance(ref, str) and not ref.lstrip("-").isdigit():
            found = self._lookup(spec, ref.split("?")[0])
            if found is None or found >= st.count:
                raise KeyError(f"{ref!r} is not an article of {key}")
            return found
        i = int(ref)
        i = i + st.count if i < 0 else i
        if not 0 <= i < st.count:
            raise IndexError(f"{key} has {st.count} articles; no index {ref}")
        return i

    def add(self, key: str, n: int = 1) -> list[str]:
        """Publish n new articles (newest first in listings); returns their paths."""
        with self._lock:
            spec, st = self._col(key)
            st.count += n
            return [identity(spec, i).path for i in range(st.count - 1, st.count - 1 - n, -1)]

    def _bump(self, previous: datetime | None) -> datetime:
        now = datetime.now(UTC).replace(microsecond=0)
        return max(now, previous + timedelta(seconds=1)) if previous else now

    def change(self, key: str, ref: int | str) -> str:
        """New version of one article: different body text, new ETag and Last-Modified."""
        with self._lock:
            spec, st = self._col(key)
            i = self.index_of(key, ref)
            version, when = st.versions.get(i, (0, None))
            st.versions[i] = (version + 1, self._bump(when))
            st.blanks.pop(i, None)
            return identity(spec, i).path

    def blank(self, key: str, ref: int | str) -> str:
        """Empty the content div (the rest of the page stays)."""
        with self._lock:
            spec, st = self._col(key)
            i = self.index_of(key, ref)
            previous = st.blanks.get(i) or st.versions.get(i, (0, None))[1]
            st.blanks[i] = self._bump(previous)
            return identity(spec, i).path

    def redesign(self, key: str, on: bool = True) -> None:
        with self._lock:
            st = self._col(key)[1]
            st.redesigned = on
            st.redesigned_at = self._bump(st.redesigned_at)

    def set_fault(self, host: str, path: str, kind: str, **params: Any) -> None:
        with self._lock:
            self.faults[(host, path)] = PathFault(kind, dict(params))

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def fault_for(self, host: str, path: str) -> PathFault | None:
        return self.faults.get((host, path)) if self.faults else None

    # --- reading -------------------------------------------------------------------

    def host_of(self, key: str) -> str:
        return self._col(key)[0].host

    def count(self, key: str) -> int:
        return self._col(key)[1].count

    def listing_paths(self, key: str) -> list[str]:
        """Every listing page path (with query) in crawl order, for the current size."""
        spec, st = self._col(key)
        pages = max(1, math.ceil(st.count / spec.per_page))
        if spec.platform == TRS:
            return ["/zxgz/tagz/index.html"] + [f"/zxgz/tagz/index_{p}.html" for p in range(1, pages)]
        return [templates.ahsz_listing_href(spec.column_id, p) for p in range(1, pages + 1)]

    def private_path(self, key: str) -> str:
        """The one robots-disallowed article path the first listing page links to."""
        spec = self._col(key)[0]
        if spec.platform == TRS:
            return "/zxgz/tagz/private/202310/t20231010_999001.html"
        return f"/public/private/{spec.column_id}/999000001.html"

    def truth(self, key: str, ref: int | str | None = None, text: bool = True) -> list[ArticleTruth]:
        """Ground truth of every current article of `key`, newest first (or just `ref`).

        text=False leaves first/last_paragraph None and is ~10x faster (big sites).
        """
        spec, st = self._col(key)
        indices = [self.index_of(key, ref)] if ref is not None else range(st.count - 1, -1, -1)
        out = []
        for i in indices:
            version = st.versions.get(i, (0, None))[0]
            blank = i in st.blanks
            out.append(_truth(spec, build(spec, i, version, text), blank, not text))
        return out

    def _lookup(self, spec: ColumnSpec, path: str) -> int | None:
        if spec.platform == TRS:
            m = _TRS_ARTICLE.match(path)
            if not m:
                return None
            i = spec.index_of_id(int(m.group(3)))
        else:
            m = _AHSZ_ARTICLE.match(path)
            if not m or m.group(1) != spec.column_id:
                return None
            i = spec.index_of_id(int(m.group(2)))
        if i is None or identity(spec, i).path != path:
            return None
        return i

    def page(self, host: str, path: str, query: str = "") -> Page | None:
        """What the origin `host` answers for `path`; None means 404."""
        if path == "/robots.txt":
            lines = ["User-agent: *"] + [f"Disallow: {p}" for p in ROBOTS[host]]
            return Page(200, ("\n".join(lines) + "\n").encode(), "text/plain")
        for key, spec in self.specs.items():
            if spec.host != host:
                continue
            found = self._column_page(key, spec, path, query)
            if found is not None:
                return found
        return self._chrome(host, path)

    def _column_page(self, key: str, spec: ColumnSpec, path: str, query: str) -> Page | None:
        st = self.state[key]
        if spec.platform == TRS:
            m = _TRS_LISTING.match(path)
            if m:
                return self._listing(spec, st, int(m.group(1) or 0))
            if path == self.private_path(key):
                return self._private(spec.host)
        else:
            m = _AHSZ_LISTING.match(path)
            if m and m.group(1) == spec.column_id:
                raw = parse_qs(query).get("pageIndex", ["1"])[0]
                return self._listing(spec, st, int(raw) if raw.isdigit() and int(raw) > 0 else 1)
            if path == self.private_path(key):
                return self._private(spec.host)
            m = _ATTACHMENT.match(path)
            if m and spec.key == "kjj":
                return self._attachment(spec, st, int(m.group(1)), m.group(2))
        i = self._lookup(spec, path)
        if i is None or i >= st.count:
            return None
        version, changed_at = st.versions.get(i, (0, None))
        blanked_at = st.blanks.get(i)
        body = _render_article(spec, i, version, blanked_at is not None)
        ident = identity(spec, i)
        modified = max(t for t in (_utc(ident.published_at), changed_at, blanked_at) if t)
        ctype = "text/html" if ident.encoding != "utf-8" else (
            HTML_UTF8 if spec.platform == TRS else "text/html;charset=UTF-8")
        return Page(200, body, ctype, _etag(self.seed, key, i, version, blanked_at), modified)

    def _listing(self, spec: ColumnSpec, st: ColumnState, page: int) -> Page | None:
        pages = max(1, math.ceil(st.count / spec.per_page))
        first = 0 if spec.platform == TRS else 1
        if spec.platform == TRS and page >= pages:
            return None
        offset = (page - first) * spec.per_page
        top = st.count - 1 - offset
        items: list[Identity] = [identity(spec, i) for i in range(top, max(top - spec.per_page, -1), -1)]
        private = None
        if page == first:
            private = self.private_path(spec.key)
            if spec.platform == TRS:
                private = "./" + private.split("/zxgz/tagz/", 1)[1]
        render = templates.trs_listing if spec.platform == TRS else templates.ahsz_listing
        html = render(spec, items, page, pages, private, st.redesigned)
        newest = _utc(identity(spec, st.count - 1).published_at) if st.count else None
        if st.redesigned_at and (newest is None or st.redesigned_at > newest):
            newest = st.redesigned_at
        return Page(200, html.encode("utf-8"), HTML_UTF8,
                    _etag(self.seed, spec.key, "list", page, st.count, st.redesigned), newest)

    def _attachment(self, spec: ColumnSpec, st: ColumnState, i: int, ext: str) -> Page | None:
        if i >= st.count or i % 5:
            return None
        text = f"Attachment of article {spec.article_id(i)} ({spec.host})"
        body = files.make_pdf(text) if ext == "pdf" else files.make_docx(text + " " + identity(spec, i).title)
        ctype = files.PDF_TYPE if ext == "pdf" else files.DOCX_TYPE
        return Page(200, body, ctype, _etag(self.seed, spec.key, "att", i, ext), _utc(identity(spec, i).published_at))

    def _private(self, host: str) -> Page:
        html = templates.chrome_page(host, "内部通报（robots.txt 禁止抓取）", [])
        return Page(200, html.encode(), HTML_UTF8, _etag(host, "private"))

    def _chrome(self, host: str, path: str) -> Page | None:
        columns = [(s.name, self.listing_paths(k)[0]) for k, s in self.specs.items() if s.host == host]
        if path in ("/", "/index.html", "/index.htm"):
            return Page(200, templates.chrome_page(host, "首页", columns).encode(), HTML_UTF8, _etag(host, "home"))
        if path == "/public/" and host != HOSTS[0]:
            return Page(200, templates.chrome_page(host, "信息公开", columns).encode(), HTML_UTF8, _etag(host, "public"))
        section = "/" + path.strip("/").split("/")[0] + "/"
        if path.endswith("/") and (section in templates.CHROME_PATHS or section in _EXTRA_CHROME):
            return Page(200, templates.chrome_page(host, "栏目", [("首页", "/")]).encode(), HTML_UTF8, _etag(host, path))
        return None


def _truth(spec: ColumnSpec, a: Article, blank: bool, no_text: bool = False) -> ArticleTruth:
    ident = a.ident
    prose = [p for p in ((a.opening,) if a.opening else ()) + a.paragraphs + ((a.closing,) if a.closing else ()) if len(p) > 20]
    stamp = ident.published_at.isoformat(timespec="seconds" if spec.platform == TRS else "minutes")
    header = {label: (value or None) if value != "暂无" else None for label, value in a.header}
    return ArticleTruth(
        site=spec.key, host=spec.host, path=ident.path, title=ident.title, published_at=stamp,
        kind=ident.kind, encoding=ident.encoding, source_name=a.source_name, version=a.version,
        blank=blank, first_paragraph=None if blank or no_text else prose[0],
        last_paragraph=None if blank or no_text else prose[-1],
        reporter=a.reporter.replace(" ", "") if a.reporter else None, editor=a.editor,
        session=a.session, proposal_no=a.proposal_no, proposer=a.proposer, proposal_title=a.proposal_title,
        reply_class=a.reply_class, contact_unit=a.contact_unit, contact_phone=a.contact_phone,
        header=header, attachments=[{"name": x.name, "path": x.path} for x in a.attachments],
    )
