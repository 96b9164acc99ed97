"""Opening the archive file: one writer at a time, readers that wait politely for it.

DuckDB lets one process hold a database file for writing, and while it does no other
process may open it, not even read-only. Writers therefore hold the file only for the
length of a batch, and both sides retry for a while on a lock conflict instead of
failing at once; a second writer that cannot get in gets a clear `ArchiveBusy`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

import settings
from warehouse.location import DEFAULT_DB, db_path  # noqa: F401 - re-exported

# The writer's DuckDB configuration, from the run's settings (`settings.Settings`); why each
# default is what it is:
# - memory_limit (GOVARCHIVE_WRITER_MEMORY, 128MB): a crawl's writes are small batches;
#   without a cap DuckDB's buffer pool (80% of RAM by default) let a crawl's memory swing by
#   ~200 MB at each checkpoint (measured). Readers (queries, search, export) keep the default.
# - checkpoint_threshold (1GB): DuckDB checkpoints whenever the WAL passes 16 MB, and each
#   checkpoint rewrites the table's last, partly filled row group: a bulk load spent 3/4 of its
#   commit time in those (measured). A writer checkpoints when it closes anyway.
# - threads (1): a writer's statements are small appends that gain nothing from a second
#   DuckDB thread, and the other core is then free for the loader's tokenizer thread (or the
#   crawl's fetching and parsing); a bulk load ran 10% faster so (measured).
# - bulk memory (1GB): a bulk load holds the file across many batches, and what it commits
#   stays in DuckDB's buffer until the checkpoint, ~6 KB per document of text; under the
#   crawl's cap that spilled to temporary files: 100,000 documents loaded in 25.5 s with
#   128 MB, 19.8 s with 1 GB (measured). A crawl releases the file every few seconds.
# - allocator_flush_threshold (128MB, DuckDB's default): freed memory DuckDB keeps for reuse.
ALLOCATOR_FLUSH = "128MB"


def writer_config() -> dict[str, str | bool | int | float | list[str]]:
    s = settings.current()
    return {
        "allocator_flush_threshold": s.allocator_flush or ALLOCATOR_FLUSH,
        "memory_limit": s.writer_memory,
        "checkpoint_threshold": s.checkpoint_threshold,
        "threads": s.writer_threads,
    }


def lock_wait() -> float:
    return settings.current().lock_wait


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
    path: Path, *, read_only: bool, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    deadline = started + (lock_wait() if wait is None else wait)
    delay = 0.02
    noticed = False
    # The default (1.0-compatible) storage format is kept on purpose: the newest one
    # compresses Chinese bodies 2.6x (DICT_FSST) but made fetching the bodies of a page of
    # search hits take 130-500 ms instead of ~30 ms on 100,000 documents.
    while True:
        try:
            config = {} if read_only else writer_config()
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
    `bulk` raises the memory cap to the bulk memory cap for a hold that writes a lot before
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
        con.execute(f"SET memory_limit = '{settings.current().bulk_memory}'")
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
def writer(path: Path, *, wait: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived write connection; closing it releases the file for readers.

    It writes the schema as it is: an archive is upgraded once, when opened for a job
    (`migrate.ensure_schema`, which `Archive` calls), not at every write."""
    key = path.resolve()
    if key in _held:
        if _for_this_thread(key) is None:
            with _cursor_of(key) as cur:
                yield cur
            return
        yield _held[key]
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    con = open_connection(path, read_only=False, wait=wait)
    try:
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
    con = open_connection(path, read_only=True, wait=wait)
    try:
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def registered(
    con: duckdb.DuckDBPyConnection, name: str, column: str, values: Sequence[object], type_: pa.DataType
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


def one_row(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...]:
    """The row an aggregate query returns (`SELECT count(*), sum(...) ...`)."""
    row = con.execute(sql, list(params)).fetchone()
    assert row is not None, "an aggregate query returns a row"
    return row


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> Any:
    """The one value an aggregate query returns (`SELECT count(*) ...`)."""
    return one_row(con, sql, params)[0]


def insert_arrow(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> None:
    """Append each Arrow table to the archive table of that name, in one statement each
    (the table's columns in the archive table's order), staged under a temporary name."""
    staged = {name: f"_staged_{name}" for name in tables}
    for name, arrow in tables.items():
        con.register(staged[name], arrow)
    try:
        for name in tables:
            con.execute(f"INSERT INTO {name} SELECT * FROM {staged[name]}")
    finally:
        for name in tables:
            con.unregister(staged[name])


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """INSERT many rows as one set-based statement over an Arrow table.

    DuckDB's `executemany` binds and runs the statement once per row from Python (about
    20 ms a row here, measured); one INSERT ... SELECT over a staged Arrow table is
    hundreds of times faster.
    """
    if not rows:
        return
    staged = pa.Table.from_pylist([dict(zip(columns, r, strict=True)) for r in rows])
    name = f"_staged_{table}"
    con.register(name, staged)
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
    finally:
        con.unregister(name)


def reserve_ids(con: duckdb.DuckDBPyConnection, sequence: str, n: int) -> list[int]:
    if n == 0:
        return []
    ids = con.execute(f"SELECT nextval('{sequence}') AS id FROM range(?)", [n]).fetchnumpy()["id"]
    return ids.tolist()
