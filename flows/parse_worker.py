"""A `crawl all`'s pages parsed in a child process, on the other core, before they are stored.

In a `crawl all` one thread makes every DuckDB call for every source
(flows/archive_writer.py) and shares the crawl process's one GIL with the fetching, and it
is what limits a crawl of many hosts: at 64 hosts it was busy ~42 s of a 37 s span, a
quarter of that parsing (cProfile of the writer thread). This child parses each fetched
batch first (`flows.store.batch.parse_all`, the same call the store cycle makes), and the
store cycle then loads what came back: the raw responses are still written and recorded
before any document is loaded, and a parse failure is still recorded against its fetch.

If the child cannot start or dies, `parse` answers None and the store cycle parses the
batch itself, as without a worker: slower, nothing lost. A parser bug that kills the
child (not one that raises: that comes back as a `ParseFailure`) thus costs the child,
never the crawl. The child speaks the store worker's length-prefixed pickles on its stdin
and stdout (flows/store/worker.py: why a plain child, not multiprocessing).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import threading
from collections.abc import Sequence
from typing import cast

import settings
from flows.store.batch import ParseOutcome, parse_all, parseable
from flows.store.worker import receive, send, serve, spawn, stop
from warehouse.exchange import FetchResult


class ParseWorker:
    """The crawl's side: `parse(results)` answers `parse_all(parseable(results))`, or None."""

    @classmethod
    def if_worth_it(cls) -> ParseWorker | None:
        """A worker where it pays: with a second core, unless `GOVARCHIVE_STORE_WORKER=0`."""
        if settings.current().store_worker == "0" or (os.cpu_count() or 1) < 2:
            return None
        return cls()

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one batch in the pipe at a time
        self.failure: str | None = None  # why the child stopped answering, if it did
        self._proc: subprocess.Popen[bytes] | None = None
        try:
            self._proc = spawn("flows.parse_worker")
        except OSError as exc:
            self.failure = f"the parse worker did not start: {exc}"

    def parse(self, results: Sequence[FetchResult]) -> list[ParseOutcome] | None:
        """The batch's parse outcomes, in `parseable(results)` order; None: parse it yourself."""
        pages = parseable(results)
        if not pages:
            return []
        with self._lock:
            proc = self._proc
            if proc is None or proc.stdin is None or proc.stdout is None:
                return None
            try:
                send(proc.stdin, pages)
                return cast(list[ParseOutcome], receive(proc.stdout))
            except (OSError, EOFError, pickle.UnpicklingError) as exc:
                self.failure = f"the parse worker stopped ({type(exc).__name__}: {exc}); parsing in the crawl"
                self._proc = None
                stop(proc, timeout=5)
                return None

    def close(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is not None:
            stop(proc)


if __name__ == "__main__":
    serve(parse_all)  # each request a batch of parseable responses, each answer its outcomes
