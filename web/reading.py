"""One read-only connection shared by the app's requests, kept for seconds, not for good.

DuckDB admits no writer while any process holds the file, even read-only, so the app
must let go often for a crawl to write. But a connection closed after every request
throws away DuckDB's buffer cache, and at 100,000 documents a cold read of one page of
hit bodies took 1.7-3.5 s instead of 0.1-0.3 s warm (measured, shared machine). So the
connection is kept while requests come, and closed once idle for `keep` seconds or held
`keep` seconds in all; after a close for length it stays closed for `gap` seconds, longer
than a waiting writer's retry interval (0.5 s, warehouse/db.py), so the writer gets in.
A crawl's writer waits up to GOVARCHIVE_LOCK_WAIT (30 s) for its turn: it loses at most
`keep + gap` seconds per batch while someone is browsing. `keep = 0` reads per request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse import db as dbmod

T = TypeVar("T")


class SharedReader:
    def __init__(self, path: Path, *, wait: float, keep: float = 5.0, gap: float = 0.6) -> None:
        self.path, self.wait, self.keep, self.gap = path, wait, keep, gap
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._active = 0
        self._draining = False  # held long enough: no new cursors until it is closed
        self._opened = self._used = self._closed_for_length = 0.0
        self._stop = threading.Event()
        self._reaper: threading.Thread | None = None

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request (raises warehouse.db.ArchiveBusy if a writer holds on)."""
        if self.keep <= 0:
            with dbmod.reader(self.path, wait=self.wait) as con:
                yield con
            return
        con = self._acquire()
        cur = con.cursor()  # a connection of its own to the same database: shares the cache
        try:
            yield cur
        finally:
            cur.close()
            with self._lock:
                self._active -= 1
                self._used = time.monotonic()

    def read(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        with self.cursor() as cur:
            return fn(cur)

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        while True:
            with self._lock:
                if self._con is not None and not self._draining:
                    self._active += 1
                    return self._con
                pause = (
                    0.05 if self._con is not None
                    else self._closed_for_length + self.gap - time.monotonic()
                )
                if pause <= 0:
                    # opened under the lock: other requests wait for this one open
                    self._con = dbmod.open_connection(self.path, read_only=True, wait=self.wait)
                    self._opened = self._used = time.monotonic()
                    self._draining = False
                    self._active += 1
                    self._start_reaper()
                    return self._con
            time.sleep(pause)

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="govarchive-web-reader", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        while not self._stop.wait(0.1):
            with self._lock:
                if self._con is None:
                    return
                now = time.monotonic()
                idle = self._active == 0 and now - self._used >= self.keep
                too_long = now - self._opened >= self.keep
                if too_long:
                    self._draining = True
                if (idle or too_long) and self._active == 0:
                    if too_long:
                        self._closed_for_length = now
                    self._con.close()
                    self._con = None
                    self._draining = False
                    return

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            if self._con is not None and self._active == 0:
                self._con.close()
                self._con = None
