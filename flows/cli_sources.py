"""`govarchive sources [check|add]`: the configured sources, probed live, and new ones added.

A sub-app of its own so that `flows/cli.py` only mounts it; `govarchive sources` with no
subcommand lists the sources as it always has.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from flows.cli_output import fail, out, table

sources_app = typer.Typer(
    help="The configured sources: list them (no subcommand), check them live, add a column.",
    add_completion=False,
    pretty_exceptions_enable=False,
)


@sources_app.callback(invoke_without_command=True)
def sources(ctx: typer.Context) -> None:
    """List the configured sources and their schedules."""
    if ctx.invoked_subcommand is not None:
        return
    from flows.sources import ConfigError, load_sources

    try:
        configured = load_sources()
    except ConfigError as exc:
        raise fail(str(exc), 2) from exc
    rows = [(s.name, s.title, s.schedule, ", ".join(s.start_urls)) for s in configured.values()]
    table(["name", "title", "schedule", "start"], rows)


@sources_app.command("check")
def check(
    source: Annotated[str, typer.Argument(help="A configured source, or 'all'.")] = "all",
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Point the source at a mirror/replica.")
    ] = None,
) -> None:
    """Probe sources live, writing nothing: robots.txt, listing pages, article links, one article parsed.

    Exit 1 if a source found no article link or its article parsed to nothing.
    """
    from flows.check import COLUMNS, check_sources
    from flows.sources import ConfigError, load_sources

    try:
        configured = load_sources()
    except ConfigError as exc:
        raise fail(str(exc), 2) from exc
    if source == "all":
        if base_url:
            raise fail("--base-url points one source at a mirror; name the source, not 'all'", 2)
        chosen = list(configured.values())
    elif source not in configured:
        raise fail(f"unknown source {source!r}; configured: {', '.join(sorted(configured))}", 2)
    else:
        chosen = [configured[source]]
        if base_url:
            try:
                chosen = [chosen[0].rebased(base_url)]
            except ValueError as exc:
                raise fail(str(exc), 2) from exc
    results = asyncio.run(check_sources(chosen))
    table(list(COLUMNS), [r.row() for r in results])
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@sources_app.command("add")
def add(
    listing_url: Annotated[str, typer.Argument(help="A column's listing URL on a known platform.")],
    name: Annotated[str | None, typer.Option("--name", help="The new source's name.")] = None,
    schedule: Annotated[str, typer.Option("--schedule", help="Cron, Asia/Shanghai.")] = "0 7 * * *",
    file: Annotated[
        Path | None, typer.Option("--file", help="Sources file to append to (default: the one in use).")
    ] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow loopback/private addresses.")] = False,
) -> None:
    """Recognise a listing URL of a known platform, probe it like `sources check`, append the entry."""
    from flows.check import COLUMNS
    from flows.safety import private_allowed
    from flows.source_add import add_source
    from flows.sources import ConfigError

    try:
        added = asyncio.run(add_source(listing_url, name=name, schedule=schedule, path=file,
                                       allow_private=private_allowed(allow_private)))  # fmt: skip
    except (ConfigError, ValueError) as exc:
        raise fail(str(exc), 2) from exc
    table(list(COLUMNS), [added.check.row()])
    if not added.written:
        raise fail(f"{added.name} not added to {added.file}: {added.check.problem}")
    out.print(f"added {added.name} to {added.file}:\n{added.entry}", markup=False, highlight=False)
