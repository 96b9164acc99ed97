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
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="govarchive: an archive of Chinese government proposal replies and disclosure pages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output is not cut to 80 columns: tables go to files and other programs whole.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True, soft_wrap=True)


class _State:
    db: Path = Path("data/archive.duckdb")


state = _State()


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def _main(
    db: Annotated[
        Path | None,
        typer.Option("--db", envvar="GOVARCHIVE_DB", help="Archive file (DuckDB)."),
    ] = None,
) -> None:
    from warehouse.location import db_path

    state.db = db_path(db)


def _fail_if_disk_full(exc: BaseException) -> None:
    """A full disk ends the command with one line and exit 1 (see flows/storage.py)."""
    from flows.storage import storage_problem

    problem = storage_problem(exc)
    if problem:
        raise fail(problem) from exc


def _quiet_prefect() -> None:
    """Prefect defaults for a command-line run.

    Its INFO lines would drown the one line per URL the user asked for; the first start
    of the ephemeral API migrates its database, which takes longer than Prefect's
    default patience on a small or busy machine; and telemetry has nowhere to go offline.
    """
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    import logging

    import prefect  # noqa: F401 - configures Prefect's logging, which the lines below adjust

    # A failed run logs its traceback at ERROR; the CLI reports known failures (a full
    # disk) in one line itself, and an unknown one still ends in its own traceback.
    # A filter, not a level: Prefect may re-apply its logging config when a run starts.
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _BelowError) for f in logger.filters):
            logger.addFilter(_BelowError())


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
    return failed


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
    from flows import ingest as ingesting
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
        run_file = ingesting.recorded("file") if record else ingesting.ingest_file
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

        run_urls = ingesting.recorded("urls") if record else ingesting.ingest_urls
        try:
            outcomes = asyncio.run(run_urls(list(urls), str(state.db), allow))
            if not no_attachments:
                _ingest_attachments(outcomes, allow)
        except Exception as exc:
            _fail_if_disk_full(exc)
            raise
    if _print_outcomes(outcomes):
        raise typer.Exit(1)


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
    allow_private: Annotated[bool, typer.Option("--allow-private")] = False,
) -> None:
    """Parse one page without touching the archive."""
    import parsers
    from flows.parsing import http_failure, parse_result
    from flows.safety import UnsafeURL, check_url, private_allowed

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
        problem = http_failure(result)
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


def _table(columns: list[str], rows: list[tuple], limit: int | None = None) -> None:
    table = Table(show_lines=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows[:limit] if limit else rows:
        table.add_row(*("NULL" if v is None else str(v) for v in row))
    out.print(table)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run read-only against the archive.")],
    fmt: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",
) -> None:
    """Run read-only SQL and print the result."""
    from warehouse.db import ArchiveBusy
    from warehouse.query import QueryError, run_query

    try:
        res = run_query(state.db, sql)
    except (QueryError, FileNotFoundError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    if fmt == "json":
        rows = [dict(zip(res.columns, r, strict=True)) for r in res.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=1) + "\n")
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(res.columns)
        w.writerows(res.rows)
    else:
        _table(res.columns, res.rows)


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
    since: Annotated[str | None, typer.Option("--since", help="Skip articles listed before DATE.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Revisit every known article.")] = False,
    rps: Annotated[float | None, typer.Option("--rps", help="Requests per second per host.")] = None,
    concurrency: Annotated[int | None, typer.Option("--concurrency")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress")] = None,
) -> None:
    """Crawl a configured source (or all of them)."""
    _quiet_prefect()
    from flows.crawl import CrawlOptions, run_crawl

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
        summaries = run_crawl(source, str(state.db), opts)
    except SourceBusy as exc:
        raise fail(str(exc)) from exc
    except (KeyError, ValueError) as exc:
        raise fail(str(exc).strip("'\""), 2) from exc
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
    ocr: Annotated[
        bool, typer.Option("--ocr", help="Also read flagged scans with tesseract (slow).")
    ] = False,
) -> None:
    """Re-parse archived raw pages with the current parsers."""
    _quiet_prefect()
    from flows.attachments import OcrUnavailable, ocr_available, ocr_scans, reparse_texts
    from flows.prefect_api import ephemeral_api
    from flows.reparse import reparse_archive

    if ocr and ocr_available():  # before minutes of reparsing, not after
        raise fail(f"--ocr: {ocr_available()}")
    with ephemeral_api():
        summary = reparse_archive(str(state.db), source=source)
    out.print(summary.line(), markup=False, highlight=False)
    out.print(reparse_texts(str(state.db), source).line(), markup=False, highlight=False)
    if ocr:
        try:
            out.print(ocr_scans(str(state.db)).line(), markup=False, highlight=False)
        except OcrUnavailable as exc:
            raise fail(f"--ocr: {exc}") from exc


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to look for (Chinese or not).")],
    source: Annotated[str | None, typer.Option("--source")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after DATE.")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 20,
) -> None:
    """Full-text search of titles and bodies, best first."""
    from warehouse.db import ArchiveBusy
    from warehouse.search import search_archive

    try:
        hits = search_archive(state.db, text, source=source, since=since, limit=limit)
    except (ValueError, FileNotFoundError, ArchiveBusy) as exc:
        raise fail(str(exc)) from exc
    if not hits:
        err.print(f"no documents match {text!r}", markup=False, highlight=False)
        return
    for h in hits:
        out.print(h.render(), highlight=False)


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="parquet | csv | jsonl")] = "parquet",
    sql: Annotated[str | None, typer.Option("--query", help="Export this query instead.")] = None,
) -> None:
    """Export the documents (or a query) to Parquet, CSV or JSON lines."""
    from warehouse.db import ArchiveBusy
    from warehouse.export import export_archive

    try:
        n = export_archive(state.db, out_path, fmt=fmt, sql=sql)
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
        _table(columns, rows)


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


def main() -> None:
    from flows.children import sigterm_as_interrupt

    sigterm_as_interrupt()  # SIGTERM unwinds: a crawl notes it, temporary servers stop
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # one line for the user; the traceback on request
        if os.environ.get("GOVARCHIVE_DEBUG"):
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
