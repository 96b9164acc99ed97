"""The web app: Starlette routes over read-only reads of the archive.

Requests read through one read-only connection that is let go every few seconds
(web/reading.py: DuckDB admits no writer while any reader holds the file, so a
connection kept for good would stall a crawl). When a crawl holds the file longer than
we wait, the page says "archive busy, retrying" and reloads itself instead of showing
an error. Nothing a request carries reaches a file
name or another URL: parameters are only ever bound into SQL or compared with a list.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

import settings
from warehouse import browse, document_page
from warehouse import db as dbmod
from web import charts, text
from web.reading import SharedReader
from web.security import SecurityHeaders


def _closing(shared: SharedReader):  # noqa: ANN202 - a Starlette lifespan
    """The shared read connection closes with the server: a DuckDB connection left open
    with its reaper thread alive at interpreter exit can abort the process."""

    @contextlib.asynccontextmanager
    async def lifespan(app: object):  # noqa: ANN202
        try:
            yield
        finally:
            shared.close()

    return lifespan


HERE = Path(__file__).parent
RETRY_SECONDS = 2
MAX_PARAM = 300  # longer query parameters are refused (400)
DEFAULT_REPLAY = "http://127.0.0.1:8322/archive"

T = TypeVar("T")


class Busy(Exception):
    """The archive stayed held by a writer for longer than the settings' `web_wait`."""


class Missing(Exception):
    """There is no archive file yet."""


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every archived string is escaped; nothing is marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = text.safe_href
    env.filters["day"] = lambda v: v.strftime("%Y-%m-%d") if v else ""
    env.filters["stamp"] = lambda v: v.strftime("%Y-%m-%d %H:%M:%S") if v else ""
    env.filters["qs"] = lambda d: urlencode(d)
    return env


def _param(request: Request, name: str, default: str = "") -> str:
    value = request.query_params.get(name, default)
    if len(value) > MAX_PARAM:
        raise HTTPException(400, f"parameter {name} is too long")
    return value.strip()


def _query(request: Request) -> browse.Query:
    filters = {n: _param(request, n) for n in browse.FACETS if _param(request, n)}
    sort = _param(request, "sort", "relevance")
    try:
        page = int(_param(request, "page", "1") or 1)
    except ValueError:
        page = 1
    max_page = browse.MAX_MATCHES // browse.PER_PAGE
    return browse.Query(
        q=_param(request, "q"),
        filters=filters,
        sort=sort if sort in ("relevance", "date") else "relevance",
        page=min(max(page, 1), max_page),
    )


def _args(query: browse.Query, **change: Any) -> dict[str, str]:
    """The query string of a result list, with some parameters changed (None drops one)."""
    args: dict[str, Any] = {"q": query.q, **query.filters}
    if query.sort != "relevance":
        args["sort"] = query.sort
    args.update(change)
    return {k: str(v) for k, v in args.items() if v not in (None, "")}


def _hit(row: browse.Row, words: list[str]) -> dict[str, Any]:
    return {**row.to_dict(), "snippet": text.snippet_parts(row.text, words)}


def create_app(
    db: Path,
    *,
    replay_url: str = DEFAULT_REPLAY,
    busy_wait: float | None = None,
    keep: float | None = None,
) -> Starlette:
    """The app for one archive file. `replay_url` is where `govarchive replay` serves the
    raw captures (the document page links there); `busy_wait` is how long a request
    waits for a writer to let go before it answers "archive busy"; `keep` how long one
    read connection serves requests before it is let go (web/reading.py). Both default to
    the settings (`web_wait`: a crawl lets go every `hold_seconds`, 3 s by default)."""
    own = settings.current()
    busy_wait = own.web_wait if busy_wait is None else busy_wait
    keep = own.web_keep if keep is None else keep
    env = _environment()
    path = Path(db)
    shared = SharedReader(path, wait=busy_wait, keep=keep)

    def read(fn: Callable[[Any], T]) -> T:
        if not path.exists():
            raise Missing()
        try:
            return shared.read(fn)
        except dbmod.ArchiveBusy as exc:
            raise Busy() from exc

    async def reading(fn: Callable[[Any], T]) -> T:
        return await run_in_threadpool(read, fn)

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(request_path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    async def home(request: Request) -> Response:
        def load(con: Any) -> dict[str, Any]:
            return {
                "month": charts.per_month(browse.per_month(con)),
                "bureaus": charts.reply_classes(browse.reply_classes_by_bureau(con)),
                "counts": browse.overview(con),
            }

        return page(request, "home.html", **await reading(load))

    async def search(request: Request) -> Response:
        query = _query(request)
        results = await reading(lambda con: browse.run(con, query))
        words = query.words
        facets = []
        for name, values in results.facets.items():
            active = query.filters.get(name)
            items = [
                {"value": v, "count": n, "active": v == active,
                 "href": "/search?" + urlencode(_args(query, **{name: None if v == active else v}, page=None))}
                for v, n in values
            ]  # fmt: skip
            if active and not any(i["active"] for i in items):
                items.insert(0, {"value": active, "count": results.total, "active": True,
                                 "href": "/search?" + urlencode(_args(query, **{name: None}))})  # fmt: skip
            facets.append({"name": name, "label": FACET_LABELS[name], "items": items})
        return page(
            request,
            "search.html",
            q=query.q,
            query=query,
            results=results,
            hits=[_hit(r, words) for r in results.rows],
            facets=facets,
            args=lambda **c: urlencode(_args(query, **c)),
        )

    async def search_csv(request: Request) -> Response:
        query = _query(request)
        results = await reading(lambda con: browse.run(con, query, everything=True))
        buf = io.StringIO()
        writer = csv.writer(buf)
        columns = ["url", "title", "published_at", "source", "issuer", "reply_class", "doc_type", "score"]
        writer.writerow(columns)
        for row in results.rows:
            d = row.to_dict()
            writer.writerow([text.csv_cell(d[c]) for c in columns])
        return Response(
            buf.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="govarchive-search.csv"'},
        )

    async def api_search(request: Request) -> Response:
        query = _query(request)
        everything = _param(request, "all") in ("1", "true")
        results = await reading(lambda con: browse.run(con, query, everything=everything))
        words = query.words
        hits = []
        for row in results.rows:
            hit = row.to_dict()
            if not everything:
                hit["snippet"] = "".join(p for p, _ in text.snippet_parts(row.text, words))
            hits.append(hit)
        body = {
            "q": query.q,
            "filters": query.filters,
            "sort": query.sort,
            "page": None if everything else query.page,
            "per_page": None if everything else query.per_page,
            "total": results.total,
            "capped": results.capped,
            "facets": {k: [{"value": v, "count": n} for v, n in vs] for k, vs in results.facets.items()},
            "hits": hits,
        }
        return JSONResponse(body)

    async def doc(request: Request) -> Response:
        url = _param(request, "url")
        if not url:
            raise HTTPException(400, "which document? /doc?url=...")

        def load(con: Any) -> dict[str, Any] | None:
            row = document_page.document(con, url)
            if row is None:
                return None
            return {
                "doc": row,
                "versions": document_page.versions(con, url),
                "captures": document_page.captures(con, url),
                "attachments": document_page.attachments(con, row["version_id"]),
                "proposals": document_page.proposal_keys_for(con, url),
                "proposals_exist": document_page.has_relation(con, "proposals"),
            }

        data = await reading(load)
        if data is None:
            return page(request, "missing.html", status=404, what="document", key=url)
        row = data["doc"]
        metadata = row.get("metadata")
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                metadata = {}
        versions = data["versions"]
        diffs = [
            {"old": a, "new": b,
             "title": (a.title, b.title) if a.title != b.title else None,
             "lines": text.diff_lines(a.body_text, b.body_text)}
            for a, b in zip(versions, versions[1:], strict=False)
        ]  # fmt: skip
        return page(
            request,
            "doc.html",
            doc=row,
            header=_header_rows(row, metadata if isinstance(metadata, dict) else {}),
            reply=[(label, row.get(col)) for col, label in REPLY_FIELDS if row.get(col)],
            paragraphs=text.paragraphs(row.get("body_text")),
            attachments=data["attachments"],
            versions=versions,
            diffs=list(reversed(diffs)),
            captures=data["captures"],
            replay=lambda when: f"{replay_url}/{when.strftime('%Y%m%d%H%M%S')}/{url}",
            proposals=data["proposals"],
            proposals_exist=data["proposals_exist"],
            quote=quote,
        )

    async def proposal(request: Request) -> Response:
        key = _param(request, "key")

        def load(con: Any) -> tuple[bool, Any]:
            return document_page.has_relation(con, "proposals"), document_page.proposal(con, key)

        exists, found = await reading(load)
        if not exists:
            return page(request, "missing.html", status=404, what="proposal", key=key,
                        reason="this archive has no proposals view yet")  # fmt: skip
        if found is None:
            return page(request, "missing.html", status=404, what="proposal", key=key)
        return page(request, "proposal.html", proposal=found, key=key)

    async def chart_page(request: Request) -> Response:
        def load(con: Any) -> dict[str, Any]:
            return {
                "month": charts.per_month(browse.per_month(con)),
                "bureaus": charts.reply_classes(browse.reply_classes_by_bureau(con)),
            }

        return page(request, "charts.html", **await reading(load))

    async def busy(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": "archive busy, retrying", "retry_after": RETRY_SECONDS},
                status_code=503,
                headers={"Retry-After": str(RETRY_SECONDS)},
            )
        response = page(request, "busy.html", status=503, retry=RETRY_SECONDS)
        response.headers["Retry-After"] = str(RETRY_SECONDS)
        return response

    async def missing(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "no archive yet"}, status_code=503)
        return page(request, "noarchive.html", status=503)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", status=exc.status_code, message=exc.detail)

    app = Starlette(
        routes=[
            Route("/", home),
            Route("/search", search),
            Route("/search.csv", search_csv),
            Route("/api/search", api_search),
            Route("/doc", doc),
            Route("/proposal", proposal),
            Route("/charts", chart_page),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        exception_handlers={Busy: busy, Missing: missing, HTTPException: http_error},
        lifespan=_closing(shared),
    )
    app.add_middleware(SecurityHeaders)
    return app


FACET_LABELS = {
    "source": "Source",
    "issuer": "Issuer",
    "year": "Year",
    "reply_class": "Reply class",
    "doc_type": "Document type",
}
REPLY_FIELDS = (
    ("proposal_no", "提案/建议号 number"),
    ("session", "会议 session"),
    ("proposer", "提出人 proposer"),
    ("proposal_title", "题目 proposal title"),
    ("reply_class", "办复类别 reply class"),
    ("contact_unit", "联系单位 contact unit"),
    ("contact_phone", "联系电话 contact phone"),
)
HEADER_FIELDS = (
    ("index_no", "索引号"), ("info_category", "信息分类"), ("issuer", "发布机构"),
    ("written_date", "成文日期"), ("publish_date", "发布日期"), ("doc_no", "文号"),
    ("validity", "有效性"), ("effective_date", "生效时间"), ("expiry_date", "废止时间"),
    ("doc_name", "名称"), ("consult_org", "政策咨询机关"), ("consult_phone", "政策咨询电话"),
)  # fmt: skip


def _header_rows(row: dict[str, Any], metadata: dict[str, Any]) -> list[tuple[str, str]]:
    """The page's header as printed (metadata), else the normalized header columns."""
    if metadata:
        return [(str(k), "" if v is None else str(v)) for k, v in metadata.items()]
    out = []
    for col, label in HEADER_FIELDS:
        value = row.get(col)
        if value is not None:
            out.append((label, value.isoformat() if isinstance(value, dt.date) else str(value)))
    return out
