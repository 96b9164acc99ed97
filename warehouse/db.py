"""Opening the archive file: one writer at a time, readers that wait politely for it.

DuckDB lets one process hold a database file for writing, and while it does no other
process may open it, not even read-only. Writers therefore hold the file only for the
length of a batch, and both sides retry for a while on a lock conflict instead of
failing at once; a second writer that cannot get in gets a clear `ArchiveBusy`.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import migrate
from warehouse.location import DEFAULT_DB, db_path  # noqa: F401 - re-exported

LOCK_WAIT_SECONDS = float(os.environ.get("GOVARCHIVE_LOCK_WAIT", "30"))
# A crawl's writes are small batches; without a cap DuckDB's buffer pool (80% of RAM by
# default) let a crawl's memory swing by ~200 MB at each checkpoint (measured). Readers
# (user queries, search, export) keep DuckDB's default.
WRITER_MEMORY = os.environ.get("GOVARCHIVE_WRITER_MEMORY", "128MB")
# DuckDB checkpoints whenever the WAL passes 16 MB, and each checkpoint rewrites the
# table's last, partly filled row group: a bulk load (reparse, 1,000-document batches)
# spent 3/4 of its commit time in those (measured). A writer checkpoints when it closes
# anyway; a larger WAL only costs a longer replay after a crash.
CHECKPOINT_THRESHOLD = os.environ.get("GOVARCHIVE_CHECKPOINT_THRESHOLD", "1GB")
# One thread: a writer's statements are small appends that gain nothing from a second
# DuckDB thread, and the other core is then free for the loader's tokenizer thread (or the
# crawl's fetching and parsing); a bulk load ran 10% faster so (measured).
WRITER_THREADS = int(os.environ.get("GOVARCHIVE_WRITER_THREADS", "1"))
# A bulk load (reparse, an import) holds the file across many batches: what it commits
# stays in DuckDB's buffer until the checkpoint, ~6 KB per document of text. Under the
# crawl's cap that spilled to temporary files and was read back at the checkpoint: 100,000
# documents loaded in 25.5 s with 128 MB, 19.8 s with 1 GB (measured). A crawl keeps the
# small cap because it releases the file (a checkpoint) every few seconds.
BULK_MEMORY = os.environ.get("GOVARCHIVE_BULK_MEMORY", "1GB")
# DuckDB keeps memory it freed for reuse until a task's peak passes this (128 MB by default)
ALLOCATOR_FLUSH = os.environ.get("GOVARCHIVE_ALLOCATOR_FLUSH", "128MB")
WRITER_CONFIG = {
    "allocator_flush_threshold": ALLOCATOR_FLUSH,
    "memory_limit": WRITER_MEMORY,
    "checkpoint_threshold": CHECKPOINT_THRESHOLD,
    "threads": WRITER_THREADS,
}


# Called once when opening the file has waited WAIT_NOTICE_SECONDS for another process's
# lock: the CLI sets it to say "waiting for the archive…", so a silent pause is explained.
on_wait: Callable[[Path], None] | None = None
WAIT_NOTICE_SECONDS = 1.0


class ArchiveBusy(RuntimeError):
    """Another process holds the archive for writing longer than we were willing to wait."""


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


def waiting_mark(path: Path) -> Path:
    """A file a process touches while it waits for the archive another process holds.

    A long-lived writer (`crawl all`'s writer thread, flows/archive_writer.py) lets go of
    the file for a moment only when its mtime says someone is waiting: pausing every few
    seconds for nobody cost that crawl an eighth of its writer's time (measured).
    """
    return path.parent / f".{path.name}.waiting"


def _mark_waiting(path: Path) -> None:
    with contextlib.suppress(OSError):
        waiting_mark(path).touch()


def open_connection(
    path: Path, *, read_only: bool, wait: float = LOCK_WAIT_SECONDS
) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    deadline = started + wait
    delay = 0.02
    noticed = False
    # The default (1.0-compatible) storage format is kept on purpose: the newest one
    # compresses Chinese bodies 2.6x (DICT_FSST) but made fetching the bodies of a page of
    # search hits take 130-500 ms instead of ~30 ms on 100,000 documents.
    while True:
        try:
            config = {} if read_only else WRITER_CONFIG
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                if _is_lock_error(exc):
                    raise ArchiveBusy(
                        f"the archive {path} is in use by another writer (a crawl?); "
                        f"gave up after {wait:.0f}s: {exc}"
                    ) from exc
                raise
            _mark_waiting(path)
            if not noticed and on_wait is not None and time.monotonic() - started >= WAIT_NOTICE_SECONDS:
                noticed = True
                on_wait(path)
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def ensure_schema(path: Path) -> None:
    """Create the archive (and its folder) if new; upgrade its schema if old."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists()
    try:
        with writer(path, migrate_schema=False) as con:
            migrate.upgrade(con)
    except (duckdb.Error, OSError) as exc:
        # A file half-created on a full disk is not a database and would block every
        # later run: leave none behind (only then: another writer may own a new file).
        if fresh and any(t in str(exc) for t in _DISK_FULL):
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)
        raise


_DISK_FULL = ("No space left on device", "Disk quota exceeded", "File too large")


# Connections held open by `hold()`, by resolved path: writers and readers of this
# process reuse them instead of paying an open and a checkpoint each time.
_held: dict[Path, duckdb.DuckDBPyConnection] = {}
# Held with `threads=True` (a `crawl all`, whose batches are stored in a thread while the
# event loop records listings): other threads get a cursor of the held connection, i.e.
# their own connection to the same open database, with transactions of their own. One
# DuckDB connection must not be used by two threads at once.
_threaded: dict[Path, int] = {}  # path -> the thread holding it


def _for_this_thread(key: Path) -> duckdb.DuckDBPyConnection | None:
    """The held connection if this thread may use it as it is, else None."""
    owner = _threaded.get(key)
    return _held[key] if owner is None or owner == threading.get_ident() else None


def held_here(path: Path) -> duckdb.DuckDBPyConnection | None:
    """The held connection of `path` if this thread's writes go through it (so a
    transaction begun on it spans them), else None."""
    key = path.resolve()
    return _for_this_thread(key) if key in _held else None


@contextlib.contextmanager
def _cursor_of(key: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    cur = _held[key].cursor()
    try:
        yield cur
    finally:
        cur.close()


@contextlib.contextmanager
def hold(
    path: Path, *, bulk: bool = False, threads: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Keep one write connection open for a unit of work (a crawl's batch cycle).

    Opening and closing the file costs tens of milliseconds (a checkpoint each time);
    a crawl makes several small writes per batch, so it holds the file for the batch
    and lets go between batches, which is when readers of other processes get in.
    `bulk` raises the memory cap to BULK_MEMORY for a hold that writes a lot before
    its checkpoint (ignored when the file is already held). `threads`: other threads of
    this process may write meanwhile (each through a cursor of its own, see `_threaded`).
    """
    key = path.resolve()
    if key in _held:
        con = _for_this_thread(key)
        if con is None:
            with _cursor_of(key) as cur:
                yield cur
        else:
            yield con
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    con = open_connection(path, read_only=False)
    if bulk:
        con.execute(f"SET memory_limit = '{BULK_MEMORY}'")
    _held[key] = con
    if threads:
        _threaded[key] = threading.get_ident()
    try:
        yield con
    finally:
        del _held[key]
        _threaded.pop(key, None)
        con.close()


@contextlib.contextmanager
def writer(
    path: Path, *, migrate_schema: bool = True, wait: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived write connection; closing it releases the file for readers."""
    key = path.resolve()
    if key in _held:
        if _for_this_thread(key) is None:
            with _cursor_of(key) as cur:
                yield cur
            return
        held = _held[key]
        if migrate_schema:
            migrate.upgrade(held)
        yield held
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    con = open_connection(path, read_only=False, wait=LOCK_WAIT_SECONDS if wait is None else wait)
    try:
        if migrate_schema:
            migrate.upgrade(con)
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def reader(path: Path, *, wait: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; the file must exist (reading never creates an archive)."""
    if not path.exists():
        raise FileNotFoundError(f"no archive at {path}: run a crawl or an ingest first")
    key = path.resolve()
    if key in _held:
        if _for_this_thread(key) is None:
            with _cursor_of(key) as cur:
                yield cur
        else:
            yield _held[key]
        return
    con = open_connection(path, read_only=True, wait=LOCK_WAIT_SECONDS if wait is None else wait)
    try:
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def registered(
    con: duckdb.DuckDBPyConnection, name: str, column: str, values: list[object], type_: pa.DataType
) -> Iterator[str]:
    """A Python list as a one-column table for the length of a statement or two.

    `x IN (SELECT unnest(?))` with a bound list of 1,000 values ran 50x slower on a
    100,000-row table than a semi join with the same values registered as Arrow (measured).
    """
    con.register(name, pa.table({column: pa.array(values, type_)}))
    try:
        yield name
    finally:
        con.unregister(name)
