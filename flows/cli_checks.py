"""Wrong values refused before anything starts: one clear line, nothing created.

The CLI calls these before it opens the archive, starts Prefect or sends a request:
`--rps 0` once crawled unthrottled (300 pages in 14 s: dangerous on a real site), a
mistyped `--db` on a read command must not leave an empty archive behind, and a
folder nobody can write to is named as such instead of surfacing as a DuckDB error.
"""

from __future__ import annotations

import os
from pathlib import Path

from warehouse.since import parse_since


class BadValue(ValueError):
    """A value the user typed that cannot work; the message says which and why (exit 2)."""


class MissingArchive(BadValue):
    """No archive where --db points (exit 1, as before: nothing to read, not a usage error)."""


# The checks a command strings together with `or` (`source is None or known_source(...)`)
# return True when the value passes, so each reads as one condition.


def positive(option: str, value: float | None, meaning: str) -> bool:
    """`value` must be more than 0 when given."""
    if value is not None and not value > 0:
        raise BadValue(f"{option} must be more than 0 ({meaning}), got {value:g}")
    return True


def since(value: str | None) -> None:
    try:
        parse_since(value)
    except ValueError as exc:
        raise BadValue(str(exc)) from exc


def existing_archive(path: Path) -> None:
    """Read commands read an archive that exists; they never create one."""
    if path.is_dir():
        raise BadValue(f"--db {path} is a folder; give the archive file (e.g. {path / 'archive.duckdb'})")
    if not path.exists():
        raise MissingArchive(f"no archive at {path}: run a crawl or an ingest first (or check --db)")


def writable_archive(path: Path) -> None:
    """A writing command can create (or write) the archive and its WARC folder at `path`."""
    if path.is_dir():
        raise BadValue(f"--db {path} is a folder; give the archive file (e.g. {path / 'archive.duckdb'})")
    folder = path.parent
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise BadValue(f"cannot create the archive's folder {folder}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BadValue(f"the folder {existing} is not writable: cannot create the archive {path} there")
    if path.exists() and not os.access(path, os.W_OK):
        raise BadValue(f"the archive {path} is not writable (read-only file)")


def output_file(path: Path) -> bool:
    """`export OUT`: a file we can write, not a folder."""
    if path.is_dir():
        raise BadValue(f"{path} is a folder; give a file name to write (e.g. {path / 'documents.parquet'})")
    existing = path.parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise BadValue(f"cannot write {path}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise BadValue(f"cannot write {path}: the folder {existing} is not writable")
    return True


EXPORT_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "jsonl",
                   ".ndjson": "jsonl"}  # fmt: skip


def export_format(path: Path, given: str | None) -> str:
    """The format: as given, else from the file's extension; a contradiction is refused."""
    from_name = EXPORT_SUFFIXES.get(path.suffix.lower())
    if given is None:
        if from_name is None:
            raise BadValue(f"cannot tell the format from {path.name!r}: name it .parquet, .csv or"
                           " .jsonl, or give --format parquet|csv|jsonl")  # fmt: skip
        return from_name
    if given not in ("parquet", "csv", "jsonl"):
        raise BadValue(f"--format must be parquet, csv or jsonl, got {given!r}")
    if from_name is not None and from_name != given:
        raise BadValue(f"--format {given} would write {given} into {path.name!r}; name the file"
                       f" .{given} or leave --format out")  # fmt: skip
    return given


def choice(option: str, value: str, allowed: tuple[str, ...]) -> bool:
    if value not in allowed:
        raise BadValue(f"{option} must be one of {', '.join(allowed)}, got {value!r}")
    return True


def sources_file() -> bool:
    """The sources file in force loads: a bad one is one line before anything starts,
    the crawl's early Prefect API server included (`flows.prefect_api.start_early`)."""
    from flows.sources import ConfigError, load_sources

    try:
        load_sources()
    except ConfigError as exc:
        raise BadValue(str(exc.args[0]) if exc.args else str(exc)) from exc
    return True


def known_source(name: str, db: Path | None = None) -> bool:
    """A source name given to a command is configured (or at least in the archive)."""
    from flows.sources import load_sources

    known = set(load_sources())
    if name in known:
        return True
    if db is not None and db.exists():
        try:
            from warehouse.query import run_query

            res = run_query(db, "SELECT DISTINCT source FROM fetches WHERE source IS NOT NULL")
            known |= {r[0] for r in res.rows}
        except Exception:  # noqa: BLE001 - an unreadable archive only loses the suggestion
            pass
        if name in known:
            return True
    raise BadValue(f"unknown source {name!r}; known: {', '.join(sorted(known))}")
