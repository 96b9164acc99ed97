"""The `govarchive` command: thin — it parses arguments, calls a flow or the warehouse, prints.

Errors reach the user as one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

import settings
from flows.cli_checks import BadValue, MissingArchive
from flows.cli_output import err, fail, out, table


def hoist_db(args: list[str]) -> list[str]:
    """`--db PATH` works before or after the command (`govarchive query --db X SQL`), as
    `duckdb`'s and datasette's file arguments do; it is moved in front of the command.
    Nothing after a `--` is touched."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--db" and i + 1 < len(args):
            front += [arg, args[i + 1]]
            i += 2
            continue
        if arg.startswith("--db="):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


INTERRUPTED = "interrupted; the same command resumes"


class _Group(TyperGroup):
    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201 - click's signature
        return super().parse_args(ctx, hoist_db(list(args)))

    def invoke(self, ctx):  # noqa: ANN001, ANN201
        """Ctrl-C: one line, exit 130, no traceback (Typer alone exits 130 in silence).
        Everything a crawl did is in the archive; running it again resumes."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo(INTERRUPTED, err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_Group,
    help="govarchive: an archive of Chinese government proposal replies and disclosure pages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# Piped output is not cut to 80 columns: tables go to files and other programs whole.
class _State:
    db: Path = Path("data/archive.duckdb")


state = _State()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"govarchive {version('govarchive')}")
        except PackageNotFoundError:
            typer.echo("govarchive (not installed)")
        raise typer.Exit()


@app.callback()
def _main(
    db: Annotated[
        Path | None,
        typer.Option("--db", envvar="GOVARCHIVE_DB", show_default="./data/archive.duckdb",
                     help="Archive file (DuckDB); before or after the command."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Print the version and exit.")
    ] = False,
) -> None:
    from warehouse import db as dbmod
    from warehouse.location import db_path

    state.db = db_path(db)
    dbmod.on_wait = _waiting  # "waiting for the archive…" after a second of waiting


def _waiting(path: Path) -> None:
    typer.echo(f"waiting for the archive {path} (another process, a crawl?, holds it)…", err=True)


def _check(*checks) -> None:  # noqa: ANN002 - zero-argument callables
    """Run value checks before anything starts; a bad value is one line and exit 2."""
    try:
        for check in checks:
            check()
    except BadValue as exc:
        raise fail(str(exc), 1 if isinstance(exc, MissingArchive) else 2) from exc


def _fail_if_disk_full(exc: BaseException) -> None:
    """A full disk ends the command with one line and exit 1 (see flows/disk_full.py)."""
    from flows.disk_full import storage_problem

    problem = storage_problem(exc)
    if problem:
        raise fail(problem) from exc


def _quiet_prefect(*, temporary_api: bool = False) -> None:
    """Prefect defaults for a command-line run.

    Its INFO lines would drown the one line per URL the user asked for; the first start
    of the ephemeral API migrates its database, which takes longer than Prefect's
    default patience on a small or busy machine; and telemetry has nowhere to go offline.
    `temporary_api`: the command runs under `prefect_api.ephemeral_api()`, whose server
    is started here, before Prefect's import, so that the two overlap.
    """
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if temporary_api:
        from flows.prefect_api import start_early

        start_early()
    import logging

    import prefect  # noqa: F401 - configures Prefect's logging, which the lines below adjust

    # A failed run logs its traceback at ERROR; the CLI reports known failures (a full
    # disk) in one line itself, and an unknown one still ends in its own traceback.
    # A filter, not a level: Prefect may re-apply its logging config when a run starts.
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _BelowError) for f in logger.filters):
            logger.addFilter(_BelowError())
    # Prefect's background services log as their class name ("EventsWorker - Still
    # processing items: 3 items remaining..."): bookkeeping, nothing a user can act on.
    for name in ("EventsWorker", "APILogWorker", "prefect._internal.concurrency", "prefect.events.clients"):
        logging.getLogger(name).setLevel(logging.ERROR)


class _BelowError:
    """Logging filter: lets through what is below ERROR (the CLI reports failures itself)."""

    def filter(self, record: object) -> bool:
        return getattr(record, "levelno", 0) < 40


def _print_outcomes(outcomes) -> int:  # noqa: ANN001 - list[PageOutcome]
    failed = 0
    for o in outcomes:
        if o.failed:
            failed += 1
            typer.echo(f"{o.fetch_id or '-'}\tfailed\t{o.url}\t{o.error}", err=True)
        else:
            typer.echo(f"{o.fetch_id}\t{o.status}\t{o.title or ''}")
            if o.doc_type == "listing":
                typer.echo(f"warning: {o.url} is a listing page (a list of links), stored as"
                           " doc_type 'listing' without a body; crawl its source for the articles",
                           err=True)  # fmt: skip
    return failed


def _recorded():  # noqa: ANN202 - the flows.ingest_flow module
    """The ingest as Prefect flows (flows/ingest_flow.py), imported only when recording."""
    from flows import ingest_flow

    return ingest_flow


@app.command()
def ingest(
    urls: Annotated[list[str] | None, typer.Argument(help="URLs to fetch and archive.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="A saved page to ingest.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="With --file: the page's URL.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow loopback/private addresses.")
    ] = False,
    prefect: Annotated[
        bool,
        typer.Option("--prefect", help="Record the ingest as a Prefect flow run (the default when PREFECT_API_URL is set)."),
    ] = False,
    no_attachments: Annotated[
        bool, typer.Option("--no-attachments", help="Do not fetch the pages' attachments.")
    ] = False,
) -> None:
    """Fetch (or read), archive raw, parse and load pages; one line per URL."""
    from flows import cli_checks
    from flows import ingest as ingesting

    _check(lambda: cli_checks.writable_archive(state.db))
    from flows.safety import UnsafeURL, check_url, private_allowed

    record = ingesting.wants_prefect(prefect)
    if record:
        _quiet_prefect()

    allow = private_allowed(allow_private)
    if file is not None:
        if urls:
            raise fail("give either URLs or --file, not both", 2)
        if not url:
            raise fail("--file needs --url (the address the page was saved from)", 2)
        if not file.is_file():
            raise fail(f"no such file: {file}", 2)
        try:
            check_url(url, allow_private=True)  # only the scheme matters: nothing is fetched
        except UnsafeURL as exc:
            raise fail(str(exc), 2) from exc
        run_file = _recorded().ingest_file_flow if record else ingesting.ingest_file
        try:
            outcomes = run_file(str(file), url, str(state.db))
        except Exception as exc:
            _fail_if_disk_full(exc)
            raise
    else:
        if not urls:
            raise fail("give at least one URL, or --file PAGE --url URL", 2)
        for u in urls:
            try:
                check_url(u, allow_private=allow)
            except UnsafeURL as exc:
                raise fail(str(exc), 2) from exc
        import asyncio

        shown = _fetch_progress() if len(urls) > 1 and sys.stderr.isatty() and not record else None
        run_urls = _recorded().ingest_urls_flow if record else ingesting.ingest_urls
        try:
            extra = {"progress": shown} if shown else {}
            outcomes = asyncio.run(run_urls(list(urls), str(state.db), allow, **extra))
            if shown:
                sys.stderr.write("\n")
            if not no_attachments:
                _ingest_attachments(outcomes, allow)
        except Exception as exc:
            _fail_if_disk_full(exc)
            raise
    if _print_outcomes(outcomes):
        raise typer.Exit(1)


def _fetch_progress():  # noqa: ANN202 - a flows.ingest.Progress
    """`fetched 3 of 12 pages` on the terminal while a multi-URL ingest fetches."""

    def shown(done: int, total: int) -> None:
        sys.stderr.write(f"\rfetched {done} of {total} pages")
        sys.stderr.flush()

    return shown


def _ingest_attachments(outcomes, allow_private: bool) -> None:  # noqa: ANN001 - list[PageOutcome]
    """The pages' attachments fetched, archived and read (flows/attachments.py); reported on
    stderr so stdout keeps its one line per page URL."""
    import asyncio

    from flows.attachments import ingest_attachments

    fetched, texts = asyncio.run(ingest_attachments(outcomes, str(state.db), allow_private=allow_private))
    for a in fetched:
        if a.error:
            typer.echo(f"{a.fetch_id or '-'}\tattachment failed\t{a.url}\t{a.error}", err=True)
    if fetched:
        typer.echo(f"{len(fetched)} attachment(s) archived; {texts.line()}", err=True)


@app.command()
def parse(
    target: Annotated[str, typer.Argument(help="A saved page, or an http(s) URL to fetch.")],
    url: Annotated[str | None, typer.Option("--url", help="The page's URL (for a file).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching loopback/private addresses.")
    ] = False,
) -> None:
    """Parse one page without touching the archive."""
    import parsers
    from flows.safety import UnsafeURL, check_url, private_allowed
    from flows.store.batch import parse_result

    if target.startswith(("http://", "https://")):
        import asyncio

        from flows.fetch import Fetcher, FetchPolicy

        try:
            check_url(target, allow_private=private_allowed(allow_private))
        except UnsafeURL as exc:
            raise fail(str(exc), 2) from exc

        async def _get():
            async with Fetcher(FetchPolicy(allow_private=private_allowed(allow_private))) as f:
                return await f.fetch(target)

        result = asyncio.run(_get())
        problem = result.failure
        if problem:
            raise fail(f"{target}: {problem}")
    else:
        path = Path(target)
        if not path.is_file():
            raise fail(f"no such file: {target}", 2)
        from flows.saved_page import file_result

        result = file_result(path, url or path.resolve().as_uri())
    try:
        doc = parse_result(result)
    except parsers.ParseError as exc:
        raise fail(f"{target}: cannot parse ({exc.kind}): {exc}") from exc
    data = doc.to_dict(json_safe=True)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for key, value in data.items():
        if key in ("body_html",):
            continue
        if key == "body_text" and value:
            value = value[:400] + ("…" if len(value) > 400 else "")
        out.print(f"{key}: {value}", markup=False, highlight=False)


QUERY_FORMATS = ("table", "csv", "json")
TABLE_ROWS = 40  # as the DuckDB CLI: a table shows this many rows unless told otherwise
CELL_WIDTH = 60


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One read-only SQL statement.")],
    fmt: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",
    limit: Annotated[
        int | None,
        typer.Option("--limit", help=f"Rows to print (table: {TABLE_ROWS} unless given; 0: all)."),
    ] = None,
    width: Annotated[
        int, typer.Option("--max-width", help="Table cells longer than this are cut with … (0: never).")
    ] = CELL_WIDTH,
) -> None:
    """Run read-only SQL and print the result (a table on the terminal, or CSV / JSON)."""
    from flows import cli_checks
    from warehouse.db import ArchiveBusy
    from warehouse.query import QueryError, run_query

    _check(
        lambda: cli_checks.choice("--format", fmt, QUERY_FORMATS),
        lambda: limit is None or limit >= 0 or cli_checks.positive("--limit", limit, "rows to print"),
        lambda: width >= 0 or cli_checks.positive("--max-width", width, "characters per cell"),
        lambda: cli_checks.existing_archive(state.db),
    )
    if limit is None:
        limit = TABLE_ROWS if fmt == "table" else 0
    try:
        res = run_query(state.db, sql, max_rows=limit or None)
    except (QueryError, FileNotFoundError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    if fmt == "json":
        rows = [dict(zip(res.columns, r, strict=True)) for r in res.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=1) + "\n")
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")  # not CRLF: `tail -1` must give a clean URL
        w.writerow(res.columns)
        w.writerows(res.rows)
    else:
        table(res.columns, res.rows, width=width or None)
    if res.more:
        err.print(f"… {res.more:,} more rows (--limit N shows more, --limit 0 all)", markup=False, highlight=False)


def _mount_sources() -> None:
    """`govarchive sources [check|add]` lives in flows/cli_sources.py (a sub-app)."""
    from flows.cli_sources import sources_app

    app.add_typer(sources_app, name="sources")


_mount_sources()


@app.command()
def crawl(
    source: Annotated[str, typer.Argument(help="A configured source, or 'all'.")],
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Point the source at a mirror/replica.")
    ] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", help="Listing pages at most.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Skip articles listed before DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Revisit every known article.")] = False,
    rps: Annotated[float | None, typer.Option("--rps", help="Requests per second per host (more than 0).")] = None,
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", help="Requests in flight per host at most.")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="A progress bar (default: on a terminal).")
    ] = None,
) -> None:
    """Crawl a configured source (or all of them)."""
    from flows import cli_checks

    _check(
        lambda: cli_checks.positive("--rps", rps, "requests per second per host"),
        lambda: cli_checks.positive("--concurrency", concurrency, "requests in flight per host"),
        lambda: cli_checks.positive("--max-pages", max_pages, "listing pages to read"),
        lambda: cli_checks.since(since),
        lambda: cli_checks.sources_file(),
        lambda: source == "all" or cli_checks.known_source(source),
        lambda: cli_checks.writable_archive(state.db),
    )
    _quiet_prefect(temporary_api=True)
    from flows.crawl_local import check_crawl, run_crawl
    from flows.crawl_options import CrawlOptions

    opts = CrawlOptions(
        base_url=base_url,
        max_pages=max_pages,
        since=since,
        full=full,
        rps=rps,
        concurrency=concurrency,
        progress=sys.stderr.isatty() if progress is None else progress,
    )
    from flows.run_lock import SourceBusy

    try:
        check_crawl(source, opts)
    except (KeyError, ValueError) as exc:  # a usage error: exit 2; errors of the crawl are not
        raise fail(str(exc.args[0]) if exc.args else str(exc), 2) from exc  # quotes inside kept
    try:
        summaries = run_crawl(source, str(state.db), opts)
    except SourceBusy as exc:
        raise fail(str(exc)) from exc
    except Exception as exc:
        _fail_if_disk_full(exc)
        raise
    for s in summaries:
        out.print(s.line(), markup=False, highlight=False)
    if any(s.status == "failed" for s in summaries):
        raise typer.Exit(1)


@app.command()
def serve() -> None:
    """Crawl every source at its cron time (a local Prefect server with its scheduler, or
    PREFECT_API_URL's), until Ctrl-C or SIGTERM."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.deployments import DeploymentClash
    from flows.serve import serve_all

    try:
        serve_all(str(state.db))
    except DeploymentClash as exc:
        raise fail(str(exc)) from exc


@app.command()
def reparse(
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Pages done so far (default: on a terminal).")
    ] = None,
    ocr: Annotated[
        bool, typer.Option("--ocr", help="Also read flagged scans with tesseract (slow).")
    ] = False,
) -> None:
    """Re-parse archived raw pages with the current parsers."""
    from flows import cli_checks

    _check(
        lambda: cli_checks.existing_archive(state.db),
        lambda: source is None or cli_checks.known_source(source, state.db),
        lambda: cli_checks.writable_archive(state.db),
    )
    _quiet_prefect(temporary_api=True)
    from flows import reparse as reparse_mod
    from flows.attachments import OcrUnavailable, ocr_available, ocr_scans, reparse_texts
    from flows.prefect_api import ephemeral_api
    from flows.reparse import reparse_archive

    if ocr and ocr_available():  # before minutes of reparsing, not after
        raise fail(f"--ocr: {ocr_available()}")

    tty = sys.stderr.isatty()
    if progress if progress is not None else tty:
        def shown(done: int, total: int) -> None:
            line = f"reparsed {done:,} of {total:,} pages"
            sys.stderr.write(f"\r{line}" if tty else f"{line}\n")
            sys.stderr.flush()

        reparse_mod.on_progress = shown
    try:
        with ephemeral_api():
            summary = reparse_archive(str(state.db), source=source)
    finally:
        reparse_mod.on_progress = None
        if tty and progress is not False:
            sys.stderr.write("\n")
    out.print(summary.line(), markup=False, highlight=False)
    out.print(reparse_texts(str(state.db), source).line(), markup=False, highlight=False)
    if ocr:
        try:
            out.print(ocr_scans(str(state.db)).line(), markup=False, highlight=False)
        except OcrUnavailable as exc:
            raise fail(f"--ocr: {exc}") from exc


@app.command()
def search(
    text: Annotated[
        str,
        typer.Argument(help='Words that must all occur (AND); "a quoted phrase" must occur as written.'),
    ],
    source: Annotated[str | None, typer.Option("--source", help="Only documents of this source.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Hits to show, best first.")] = 20,
) -> None:
    """Full-text search of titles and bodies, best first: every word must occur."""
    from flows import cli_checks
    from warehouse.db import ArchiveBusy
    from warehouse.search import count_matches, search_archive, search_words

    _check(
        lambda: cli_checks.positive("--limit", limit, "hits to show"),
        lambda: cli_checks.since(since),
        lambda: cli_checks.existing_archive(state.db),
        lambda: source is None or cli_checks.known_source(source, state.db),
    )
    try:
        search_words(text)
    except ValueError as exc:
        raise fail(str(exc), 2) from exc
    try:
        hits = search_archive(state.db, text, source=source, since=since, limit=limit)
        total = count_matches(state.db, text, source=source, since=since) if len(hits) == limit else len(hits)
    except (ValueError, FileNotFoundError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    if not hits:
        err.print(f"no documents match {text!r}", markup=False, highlight=False)
        return
    for h in hits:
        out.print(h.render(), highlight=False)
    err.print(f"{len(hits)} of {max(total, len(hits))} matching documents", markup=False, highlight=False)


@app.command()
def export(
    out_path: Annotated[
        Path, typer.Argument(metavar="OUT", help="File to write; its extension (.parquet, .csv, .jsonl) is the format.")
    ],
    fmt: Annotated[
        str | None, typer.Option("--format", help="parquet | csv | jsonl (default: from OUT's extension)")
    ] = None,
    sql: Annotated[str | None, typer.Option("--query", help="Export this read-only query instead.")] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: starts with a UTF-8 BOM so Chinese opens intact.")
    ] = False,
) -> None:
    """Export the documents (or a query) to Parquet, CSV or JSON lines."""
    from flows import cli_checks
    from warehouse.db import ArchiveBusy
    from warehouse.export import export_archive

    chosen = "csv"
    try:
        cli_checks.output_file(out_path)
        chosen = cli_checks.export_format(out_path, fmt)
    except BadValue as exc:
        raise fail(str(exc), 2) from exc
    _check(
        lambda: not excel or chosen == "csv" or cli_checks.choice("--excel needs --format", chosen, ("csv",)),
        lambda: cli_checks.output_file(out_path),
        lambda: cli_checks.existing_archive(state.db),
    )
    try:
        n = export_archive(state.db, out_path, fmt=chosen, sql=sql, bom=excel)
    except (ValueError, FileNotFoundError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    out.print(f"wrote {n} rows to {out_path}", markup=False, highlight=False)


@app.command()
def stats() -> None:
    """Documents per source, issuer and month; reply classes; failures."""
    from warehouse.db import ArchiveBusy
    from warehouse.stats import archive_stats

    try:
        sections = archive_stats(state.db)
    except (FileNotFoundError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    for title, columns, rows in sections:
        out.print(f"[bold]{title}[/bold]")
        table(columns, rows)


@app.command()
def compact() -> None:
    """Re-sort the search index by term (worth it after a large crawl: fewer blocks read per query)."""
    from warehouse.archive import Archive
    from warehouse.db import ArchiveBusy

    if not state.db.exists():
        raise fail(f"no archive at {state.db}: run a crawl or an ingest first")
    try:
        with Archive(state.db) as archive:
            archive.compact_search_index()
    except ArchiveBusy as exc:
        raise fail(str(exc)) from exc
    out.print(f"search index of {state.db} compacted")


@app.command()
def failures(
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    retry: Annotated[
        bool, typer.Option("--retry", help="Queue the crawl failures again; the next crawl of the source fetches them.")
    ] = False,
) -> None:
    """Failed URLs with their reason and attempts (crawls and manual ingests)."""
    from flows import cli_checks
    from warehouse.db import ArchiveBusy
    from warehouse.failures import list_failures, requeue_failures

    _check(
        lambda: cli_checks.existing_archive(state.db),
        lambda: source is None or cli_checks.known_source(source, state.db),
    )
    try:
        rows = list_failures(state.db, source)
        if retry:
            n = requeue_failures(state.db, source)
            err.print(f"{n} URL(s) queued again: `govarchive crawl {source or 'SOURCE'}` fetches them now;"
                      " manual ingests are retried with `govarchive ingest URL`", markup=False, highlight=False)  # fmt: skip
            return
    except ArchiveBusy as exc:
        raise fail(str(exc)) from exc
    if not rows:
        err.print("no failures", markup=False, highlight=False)
        return
    table(["source", "url", "kind", "state", "attempts", "reason", "when (UTC)"],
           [(r.source or "(ingest)", r.url, r.kind, r.state, r.attempts, r.reason, r.when) for r in rows])  # fmt: skip
    err.print(f"{len(rows)} failure(s); `govarchive failures --retry` queues the crawl ones again",
              markup=False, highlight=False)  # fmt: skip


@app.command()
def raw(
    target: Annotated[str, typer.Argument(metavar="URL_OR_FETCH_ID", help="A URL, or a fetch_id from the fetches table.")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the bytes to this file instead of stdout.")] = None,
) -> None:
    """The archived bytes of a page or attachment, as received (out of the WARC files)."""
    from flows import cli_checks
    from warehouse.db import ArchiveBusy
    from warehouse.raw_lookup import raw_copy

    _check(
        lambda: cli_checks.existing_archive(state.db),
        lambda: out_file is None or cli_checks.output_file(out_file),
    )
    try:
        copy = raw_copy(state.db, target)
    except (LookupError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    if out_file is not None:
        out_file.write_bytes(copy.content)
        err.print(f"fetch {copy.fetch_id} ({copy.url}, {copy.status}, {copy.content_type or '?'}):"
                  f" {len(copy.content):,} bytes to {out_file}", markup=False, highlight=False)  # fmt: skip
        return
    if sys.stdout.isatty() and b"\0" in copy.content[:4096]:
        raise fail(f"fetch {copy.fetch_id} is binary ({copy.content_type}); give --out FILE", 2)
    sys.stdout.buffer.write(copy.content)
    sys.stdout.buffer.flush()


@app.command()
def proposal(
    text: Annotated[
        str, typer.Argument(metavar="TEXT_OR_KEY", help="A key (宿州市政协|六届二次会议|0321), a page URL, or words of a title or a proposer's name.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """A proposal with its replies (bureau, date, class, role), reports and copies."""
    import duckdb

    from warehouse.db import ArchiveBusy
    from warehouse.proposals import find

    try:
        keys, found = find(state.db, text)
    except (FileNotFoundError, ArchiveBusy, duckdb.Error) as exc:
        raise fail(str(exc)) from exc
    if not keys:
        raise fail(f"no proposal matches {text!r}")
    if found is None:
        if as_json:
            sys.stdout.write(json.dumps({"matches": keys}, ensure_ascii=False, indent=2) + "\n")
            return
        out.print(f"{len(keys)} proposals match {text!r}; name one by its key:", markup=False, highlight=False)
        for key in keys:
            out.print(f"  {key}", markup=False, highlight=False)
        return
    if as_json:
        sys.stdout.write(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    for line in found.lines():
        out.print(line, markup=False, highlight=False)


@app.command()
def web(
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to serve on.")] = 8321,
    replay_url: Annotated[
        str, typer.Option("--replay-url", help="Where `govarchive replay` serves raw captures.")
    ] = "http://127.0.0.1:8322/archive",
) -> None:
    """Browse and search the archive in a browser (read-only)."""
    from web.serve import serve

    if not state.db.exists():
        raise fail(f"no archive at {state.db}: run a crawl or an ingest first")
    serve(state.db, host=host, port=port, replay_url=replay_url)


@app.command()
def replay(
    port: Annotated[int, typer.Option("--port", help="Port to serve on.")] = 8322,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
) -> None:
    """Replay the raw archive (WARC) with pywb; the newest capture of every URL shows as the page."""
    from web.replay import ReplayError, run_replay

    if not state.db.exists():
        raise fail(f"no archive at {state.db}: run a crawl or an ingest first")
    try:
        sys.exit(run_replay(state.db, host=host, port=port))
    except ReplayError as exc:
        raise fail(str(exc)) from exc


def main() -> None:
    from flows.children import sigterm_as_interrupt

    sigterm_as_interrupt()  # SIGTERM unwinds: a crawl notes it, temporary servers stop
    try:
        own = settings.Settings.from_env()
    except settings.SettingError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    try:
        with settings.use(own):
            app()
    except KeyboardInterrupt:
        typer.echo(INTERRUPTED, err=True)
        sys.exit(130)
    except Exception as exc:  # one line for the user; the traceback on request
        if own.debug:
            raise
        typer.echo(f"error: {type(exc).__name__}: {exc} (GOVARCHIVE_DEBUG=1 shows the traceback)", err=True)
        sys.exit(1)
    except BaseException as exc:
        # Prefect turns SIGTERM into its TerminationSignal while a flow runs: the same stop.
        if type(exc).__name__ != "TerminationSignal":
            raise
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
