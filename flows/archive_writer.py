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
  checkpoint) and lets go of it every `hold_seconds`, for `release_gap` seconds, between
  two jobs (never in the middle of one, so no batch is cut off) for readers of other
  processes;
- small jobs (frontier reads, listing records, crawl_runs updates) go ahead of store cycles
  (archive + parse + load of a batch), since a source waits for them before its next
  request, while a stored batch is waited for only when the next one is fetched;
- one thread is the one writer the sources share: their store cycles take turns by
  construction.

`run_db(path, fn, ...)` is what crawl code awaits: on the writer registered for `path` in
this process when there is one (a `crawl all`), else it calls `fn` as it is (a single-source
crawl keeps its own store worker and timing).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import itertools
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from warehouse import db as dbmod
from warehouse.db import ArchiveBusy

T = TypeVar("T")
SMALL = 0  # a source waits for it before its next request
STORE = 1  # a batch's store cycle: waited for only when the next batch is fetched

_writers: dict[Path, ArchiveWriter] = {}


class ArchiveWriter:
    """A thread holding the archive file, running the jobs queued for it one at a time."""

    def __init__(self, path: Path, *, hold_seconds: float = 3.0, release_gap: float = 0.5) -> None:
        self.path = path.resolve()
        self.hold_seconds, self.release_gap = hold_seconds, release_gap
        self.jobs = 0  # run so far (for the benchmark's and tests' curiosity)
        self.busy_seconds = 0.0
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

    def submit(self, fn: Callable[..., T], *args: Any, priority: int = SMALL, **kw: Any) -> concurrent.futures.Future[T]:
        fut: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._queue.put((priority, next(self._order), (fut, fn, args, kw)))
        return fut

    async def call(self, fn: Callable[..., T], *args: Any, priority: int = SMALL, **kw: Any) -> T:
        """Run `fn` on the writer thread and wait for it without blocking the loop.

        Cancelled while waiting (Ctrl-C, a Prefect cancel), the job still runs (a write
        queued is a write the crawl counted on: it lands before the cancel goes on).
        """
        waiting = asyncio.wrap_future(self.submit(fn, *args, priority=priority, **kw))
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

    def _run(self) -> None:
        held_since = self._hold()
        try:
            while True:
                if time.monotonic() - held_since >= self.hold_seconds:
                    self._stack.close()  # a checkpoint; readers of other processes get in
                    time.sleep(self.release_gap)
                    held_since = self._hold()
                try:
                    wait = max(0.01, held_since + self.hold_seconds - time.monotonic())
                    _, _, job = self._queue.get(timeout=wait)
                except queue.Empty:
                    continue
                if job is None:
                    return
                fut, fn, args, kw = job
                if not fut.set_running_or_notify_cancel():
                    continue
                started = time.monotonic()
                try:
                    fut.set_result(fn(*args, **kw))
                except BaseException as exc:  # noqa: BLE001 - handed to the caller, whatever it is
                    fut.set_exception(exc)
                finally:
                    self.jobs += 1
                    self.busy_seconds += time.monotonic() - started
        finally:
            self._stack.close()


def writer_for(path: Path) -> ArchiveWriter | None:
    """The writer thread of this archive in this process (a `crawl all` running), if any."""
    if not _writers:
        return None
    return _writers.get(Path(path).resolve())


async def run_db(path: Path, fn: Callable[..., T], *args: Any, priority: int = SMALL, **kw: Any) -> T:
    """`fn(*args)`, a DuckDB call on the archive at `path`: on its writer thread if one runs."""
    writer = writer_for(path)
    if writer is None or writer.on_thread():
        return fn(*args, **kw)
    return await writer.call(fn, *args, priority=priority, **kw)
