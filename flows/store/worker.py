"""A crawl's store cycles in a worker process, so fetching and storing use both cores.

The crawl's process keeps the network (async httpx, Prefect); this worker owns the
archive while the articles phase runs: it answers "which URLs next" and "store this
batch" (WARC, parse, DuckDB, frontier). One GIL each: measured on 2 cores, the crawl
went from ~160 to ~230 pages/s with the same code split this way.

If the worker dies, the crawl carries on storing in its own process (`StoreCycle`
directly): slower, never lost. An error inside a store cycle comes back as the same
exception, so the crawl reports it as if it had happened in-process.

The worker is a plain `python -m flows.store.worker` child talking length-prefixed pickles
over its stdin and stdout, not a multiprocessing pool: fork is unsafe in a process with
threads (Prefect's, asyncio's), and spawn/forkserver re-run the caller's main script. Only
our own child reads what we write, hence pickle.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Sequence
from typing import IO, Any, cast

import settings
from flows.store.batch import PageOutcome
from flows.store.cycle import CycleSpec, StoreCycle
from settings import Settings
from warehouse.exchange import FetchResult
from warehouse.frontier import FrontierItem

_LEN = struct.Struct("!Q")


def send(stream: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LEN.pack(len(data)))
    stream.write(data)
    stream.flush()


def receive(stream: IO[bytes]) -> object:
    head = stream.read(_LEN.size)
    if len(head) < _LEN.size:
        raise EOFError("worker pipe closed")
    (n,) = _LEN.unpack(head)
    data = stream.read(n)
    if len(data) < n:
        raise EOFError("worker pipe closed mid-message")
    return pickle.loads(data)  # noqa: S301 - our own child process


def spawn(module: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start `python -m module`, with `env` added to this process's environment."""
    # Freed memory goes back to the OS rather than waiting in allocators (this process's
    # environment can say otherwise): a fixed mmap threshold, so buffers of 128 KB and more
    # (a batch's page bodies, its pickles) are unmapped when freed instead of fragmenting
    # glibc's heap (the worker's peak fell by ~25 MB); DuckDB's allocator flushed past
    # 16 MB instead of 128 MB, and pyarrow on the system allocator instead of jemalloc's
    # pool (together ~16 MB of the worker's peak at 20,000 pages, no measurable speed cost).
    # (DuckDB's flush threshold is set from the start request: `_Handler`.)
    defaults = {"MALLOC_MMAP_THRESHOLD_": "131072", "ARROW_DEFAULT_MEMORY_POOL": "system"}
    return subprocess.Popen(
        [sys.executable, "-m", module], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**defaults, **os.environ, **(env or {})},
    )  # fmt: skip


def stop(proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    """Close the worker's stdin (its signal to finish) and wait for it."""
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):  # a dead worker's pipe: nothing to tell it
                stream.close()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def serve(handle: object) -> None:
    """A worker's loop: requests in on stdin, answers out on stdout, until stdin closes."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            request = receive(stdin)
        except EOFError:
            return
        send(stdout, handle(request))  # type: ignore[operator]


class WorkerFailed(RuntimeError):
    """The worker process is gone (killed, crashed): the caller stores in-process."""


class StoreWorker:
    """The client side: the same `pending` and `store` as `StoreCycle`, in another process."""

    def __init__(self, spec: CycleSpec) -> None:
        self.counts = spec.counts
        self._proc: subprocess.Popen[bytes] | None = spawn("flows.store.worker")
        self._call(spec)

    def _call(self, request: object) -> object:
        proc = self._proc
        if proc is None:
            raise WorkerFailed("the store worker has stopped")
        try:
            assert proc.stdin is not None and proc.stdout is not None
            send(proc.stdin, request)
            kind, value = cast(tuple[str, Any], receive(proc.stdout))
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self.close()
            raise WorkerFailed(f"the store worker failed: {exc}") from exc
        if kind == "error":
            raise value
        return value

    def pending(
        self, limit: int, exclude: Sequence[str], settled_before: dt.datetime
    ) -> list[FrontierItem]:
        return cast(list[FrontierItem], self._call(("pending", limit, list(exclude), settled_before)))

    def store(self, items: list[FrontierItem], results: list[FetchResult]) -> list[PageOutcome]:
        outcomes, counts = cast(tuple[list[PageOutcome], Any], self._call(("store", items, results)))
        for name in ("fetched", "new", "changed", "unchanged", "failed"):
            setattr(self.counts, name, getattr(counts, name))
        return outcomes

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            stop(proc)


def worker_settings(run: Settings) -> Settings:
    """The run's settings as the worker's writer uses them.

    Its DuckDB cap is `worker_memory`: what a hold keeps is bounded (`hold_mb`), so 64 MB
    suffices, and the cap is what the worker's peak memory follows (128 MB: ~450 MB for
    crawl + worker at 20,000 pages; 64 MB: ~385 MB; measured). DuckDB's allocator flushes
    past 16 MB unless the run says otherwise (see `spawn`).
    """
    return run.replace(writer_memory=run.worker_memory, allocator_flush=run.allocator_flush or "16MB")


class _Handler:
    """The worker side: one StoreCycle, built from the first request."""

    def __init__(self) -> None:
        self.cycle: StoreCycle | None = None

    def __call__(self, request: object) -> tuple[str, object]:
        try:
            return "ok", self._answer(request)
        except Exception as exc:
            return "error", _portable(exc)

    def _answer(self, request: object) -> object:
        if isinstance(request, CycleSpec):
            settings.pin(worker_settings(request.settings))
            self.cycle = StoreCycle(request)
            return None
        assert self.cycle is not None and isinstance(request, tuple)
        if request[0] == "pending":
            return self.cycle.pending(*request[1:])
        if request[0] == "store":
            outcomes = self.cycle.store(*request[1:])
            return outcomes, self.cycle.counts
        raise ValueError(f"unknown request {request[0]!r}")

    def close(self) -> None:
        if self.cycle is not None:
            self.cycle.close()


def _portable(exc: Exception) -> Exception:
    """The exception itself if it survives pickling, else a RuntimeError with its text."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - round trip of our own object
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    handler = _Handler()
    try:
        serve(handler)
    finally:
        handler.close()
