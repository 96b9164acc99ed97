"""The one thread that talks to the archive file during a `crawl all`.

Every host's pace is kept by the event loop (flows/hosts.py), so anything that blocks the
loop delays every host at once. A DuckDB call does: opening the file and its checkpoint
on close cost tens to hundreds of milliseconds, and even on a held connection a frontier
insert or a listing's WARC record takes milliseconds. With 16 sources the loop was blocked
for 19 s of a 40 s crawl (measured: listing writes, crawl_runs bookkeeping, frontier reads,
the periodic release of the file), and a 64-host crawl took 5x its slowest host's time.

So in a `crawl all` every DuckDB call goes to this one thread, through a queue, and the
loop only fetches and paces:

- the thread holds the file (one open connection; a statement on it costs no open or
  checkpoint) and closes it every `hold_seconds`, between two jobs (never in the middle
  of one, so no batch is cut off): a checkpoint, which bounds what DuckDB keeps in memory.
  It stays closed for `release_gap` seconds, for readers of other processes, when one has
  said it is waiting (warehouse/db.py: `waiting_mark`) or at least every `idle_every`
  releases (a reader that does not say so): a pause for nobody every 3 s had cost an
  eighth of the writer's time in a 64-source crawl (measured);
- small jobs (frontier reads, crawl_runs updates) go first, since a source waits for them
  before its next request; then listing records (a walk waits for them only at its end);
  then store cycles (archive + parse + load of a batch), waited for only when the next
  batch is fetched;
- one thread is the one writer the sources share: their store cycles take turns by
  construction;
- a job of several small statements may run `atomic`: in one transaction, one commit
  (each commit is a WAL sync: a listing's record of 8 statements took 38 ms one by one,
  17 ms in one transaction; measured), and atomic jobs of one priority queued together
  (the listing records of many sources) share one transaction. If it fails, each is run
  again on its own, so one job's error is its caller's alone.

`run_db(path, fn, ...)` is what crawl code awaits: on the writer registered for `path` in
this process when there is one (a `crawl all`), else it calls `fn` as it is (a single-source
crawl keeps its own store worker and timing).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import heapq
import itertools
import queue
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from warehouse import db as dbmod
from warehouse.db import ArchiveBusy

T = TypeVar("T")
SMALL = 0  # a source waits for it before its next request
RECORD = 1  # a listing walk's record: waited for only at the walk's end
STORE = 2  # a batch's store cycle: waited for only when the next batch is fetched

GROUP = 32  # atomic jobs of one priority run in one transaction, at most this many

_writers: dict[Path, ArchiveWriter] = {}


class ArchiveWriter:
    """A thread holding the archive file, running the jobs queued for it one at a time."""

    def __init__(self, path: Path, *, hold_seconds: float = 3.0, release_gap: float = 0.5,
                 idle_every: int = 5) -> None:  # fmt: skip
        self.path = path.resolve()
        self.hold_seconds, self.release_gap, self.idle_every = hold_seconds, release_gap, idle_every
        self.releases = self.grouped = 0
        self.gaps = 0  # releases that left the file free for a moment (the tests check when)
        self._queue: queue.PriorityQueue[tuple[int, int, Any]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._thread = threading.Thread(target=self._run, name="archive-writer", daemon=True)
        self._stack = contextlib.ExitStack()

    # -- the crawl's side --------------------------------------------------------------

    def start(self) -> ArchiveWriter:
        if self.path in _writers:
            raise RuntimeError(f"a writer thread for {self.path} is already running")
        _writers[self.path] = self
        self._thread.start()
        return self

    def submit(self, fn: Callable[..., T], *args: Any, priority: int = SMALL, atomic: bool = False,
               **kw: Any) -> concurrent.futures.Future[T]:  # fmt: skip
        fut: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._queue.put((priority, next(self._order), _Job(fut, fn, args, kw, atomic)))
        return fut

    async def call(self, fn: Callable[..., T], *args: Any, priority: int = SMALL, atomic: bool = False,
                   **kw: Any) -> T:  # fmt: skip
        """Run `fn` on the writer thread and wait for it without blocking the loop.

        Cancelled while waiting (Ctrl-C, a Prefect cancel), the job still runs (a write
        queued is a write the crawl counted on: it lands before the cancel goes on).
        """
        waiting = asyncio.wrap_future(self.submit(fn, *args, priority=priority, atomic=atomic, **kw))
        try:
            return await asyncio.shield(waiting)
        except asyncio.CancelledError:
            with contextlib.suppress(BaseException):
                await waiting
            raise

    def call_blocking(self, fn: Callable[..., T], *args: Any, priority: int = SMALL, **kw: Any) -> T:
        """From another (non-loop) thread: run `fn` on the writer thread and wait."""
        if threading.current_thread() is self._thread:
            return fn(*args, **kw)
        return self.submit(fn, *args, priority=priority, **kw).result()

    def on_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def close(self) -> None:
        """Finish the queued jobs, let go of the file, stop the thread."""
        if _writers.get(self.path) is self:
            del _writers[self.path]
        if self._thread.is_alive():
            self._queue.put((99, next(self._order), None))
            self._thread.join()

    # -- the thread's side -------------------------------------------------------------

    def _hold(self) -> float:
        with contextlib.suppress(ArchiveBusy):  # another writer: each write waits its turn
            self._stack.enter_context(dbmod.hold(self.path, threads=True))
        return time.monotonic()

    def _more_like(self, priority: int) -> list[_Job]:
        """The atomic jobs of this priority queued right behind (up to GROUP), taken off the queue."""
        more: list[_Job] = []
        with self._queue.mutex:
            heap = self._queue.queue
            while heap and len(more) < GROUP - 1:
                head_priority, _, head = heap[0]
                if head_priority != priority or head is None or not head.atomic:
                    break
                heapq.heappop(heap)
                more.append(head)
            self._queue.not_full.notify(len(more))
        return more

    def _together(self, group: list[_Job]) -> bool:
        """Run atomic jobs in one transaction (one commit for all); False if that failed
        and nothing was handed over (each is then run on its own, its outcome its own)."""
        con = dbmod.held_here(self.path)
        if con is None:
            return False
        values = []
        try:
            with _transaction(con):
                values = [j.call() for j in group]
        except Exception:
            return False
        for j, value in zip(group, values, strict=True):
            j.fut.set_result(value)
        self.grouped += len(group)
        return True

    def _someone_waits(self, since: float) -> bool:
        try:
            return dbmod.waiting_mark(self.path).stat().st_mtime >= since
        except OSError:
            return False

    def _release(self, held_at: float) -> None:
        """Close the file (a checkpoint); leave it closed a moment if a reader may be waiting."""
        self._stack.close()
        self.releases += 1
        if self._someone_waits(held_at - 1.0) or self.releases % max(1, self.idle_every) == 0:
            self.gaps += 1
            time.sleep(self.release_gap)

    def _run(self) -> None:
        held_since = self._hold()
        held_at = time.time()
        try:
            while True:
                if time.monotonic() - held_since >= self.hold_seconds:
                    self._release(held_at)
                    held_since, held_at = self._hold(), time.time()
                try:
                    wait = max(0.01, held_since + self.hold_seconds - time.monotonic())
                    priority, _, job = self._queue.get(timeout=wait)
                except queue.Empty:
                    continue
                if job is None:
                    return
                group = [job] + (self._more_like(priority) if job.atomic else [])
                group = [j for j in group if j.fut.set_running_or_notify_cancel()]
                if len(group) > 1 and self._together(group):
                    continue
                for j in group:
                    j.run(dbmod.held_here(self.path) if j.atomic else None)
        finally:
            self._stack.close()


class _Job:
    """One queued call and the future its caller waits on."""

    __slots__ = ("fut", "fn", "args", "kw", "atomic")

    def __init__(self, fut: concurrent.futures.Future[Any], fn: Callable[..., Any], args: tuple[Any, ...],
                 kw: dict[str, Any], atomic: bool) -> None:  # fmt: skip
        self.fut, self.fn, self.args, self.kw, self.atomic = fut, fn, args, kw, atomic

    def call(self) -> Any:
        return self.fn(*self.args, **self.kw)

    def run(self, con: Any | None) -> None:
        """Run it, in a transaction of its own on `con` when given; hand over the outcome."""
        try:
            if con is None:
                value = self.call()
            else:
                with _transaction(con):
                    value = self.call()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, whatever it is
            self.fut.set_exception(exc)
        else:
            self.fut.set_result(value)


@contextlib.contextmanager
def _transaction(con: Any) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):  # a failed COMMIT has rolled back already
            con.execute("ROLLBACK")
        raise


def writer_for(path: Path) -> ArchiveWriter | None:
    """The writer thread of this archive in this process (a `crawl all` running), if any."""
    if not _writers:
        return None
    return _writers.get(Path(path).resolve())


async def run_db(path: Path, fn: Callable[..., T], *args: Any, priority: int = SMALL,
                 atomic: bool = False, **kw: Any) -> T:  # fmt: skip
    """`fn(*args)`, a DuckDB call on the archive at `path`: on its writer thread if one runs
    (`atomic`: there, in one transaction; `fn` must not begin one of its own)."""
    writer = writer_for(path)
    if writer is None or writer.on_thread():
        return fn(*args, **kw)
    return await writer.call(fn, *args, priority=priority, atomic=atomic, **kw)
