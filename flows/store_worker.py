"""A crawl's store cycles in a worker process, so fetching and storing use both cores.

The crawl's process keeps the network (async httpx, Prefect); this worker owns the
archive while the articles phase runs: it answers "which URLs next" and "store this
batch" (WARC, parse, DuckDB, frontier). One GIL each: measured on 2 cores, the crawl
went from ~160 to ~230 pages/s with the same code split this way.

If the worker dies, the crawl carries on storing in its own process (`StoreCycle`
directly): slower, never lost. An error inside a store cycle comes back as the same
exception, so the crawl reports it as if it had happened in-process.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
from collections.abc import Sequence

from flows import pipes
from flows.process import PageOutcome
from flows.store_cycle import CycleSpec, StoreCycle
from warehouse.frontier import FrontierItem
from warehouse.records import FetchResult


class WorkerFailed(RuntimeError):
    """The worker process is gone (killed, crashed): the caller stores in-process."""


class StoreWorker:
    """The client side: the same `pending` and `store` as `StoreCycle`, in another process."""

    def __init__(self, spec: CycleSpec) -> None:
        self.counts = spec.counts
        # The worker's DuckDB cap: what a hold keeps is bounded (store_cycle.HOLD_BYTES), so
        # 64 MB suffices, and the cap is what the worker's peak memory follows (128 MB:
        # ~450 MB for crawl + worker at 20,000 pages; 64 MB: ~385 MB; measured).
        memory = os.environ.get("GOVARCHIVE_WORKER_MEMORY", "64MB")
        self._proc: subprocess.Popen[bytes] | None = pipes.spawn(
            "flows.store_worker", {"GOVARCHIVE_WRITER_MEMORY": memory}
        )
        self._call(spec)

    def _call(self, request: object) -> object:
        proc = self._proc
        if proc is None:
            raise WorkerFailed("the store worker has stopped")
        try:
            assert proc.stdin is not None and proc.stdout is not None
            pipes.send(proc.stdin, request)
            kind, value = pipes.receive(proc.stdout)  # type: ignore[misc]
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self.close()
            raise WorkerFailed(f"the store worker failed: {exc}") from exc
        if kind == "error":
            raise value
        return value

    def pending(
        self, limit: int, exclude: Sequence[str], settled_before: dt.datetime
    ) -> list[FrontierItem]:
        return self._call(("pending", limit, list(exclude), settled_before))  # type: ignore[return-value]

    def store(self, items: list[FrontierItem], results: list[FetchResult]) -> list[PageOutcome]:
        outcomes, counts = self._call(("store", items, results))  # type: ignore[misc]
        for name in ("fetched", "new", "changed", "unchanged", "failed"):
            setattr(self.counts, name, getattr(counts, name))
        return outcomes

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            pipes.stop(proc)


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
        pipes.serve(handler)
    finally:
        handler.close()
