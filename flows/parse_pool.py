"""Parsing in a worker process, so a crawl uses both cores.

Fetching, WARC writing and DuckDB loading run in the crawl's process; parsing is pure
CPU and holds the GIL, so it goes to a separate process. Only bytes go in and plain
dataclasses come out. Errors come back as values: one bad page never costs a batch.

The worker is a plain `python -m flows.parse_pool` child speaking length-prefixed
pickles over its pipes, not a multiprocessing pool: fork is unsafe in a process with
threads (Prefect's, asyncio's), and spawn/forkserver re-run the caller's main script.
"""

from __future__ import annotations

import logging
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from parsers import Document, ParseError
from warehouse.records import FetchResult

log = logging.getLogger(__name__)
_LEN = struct.Struct("!Q")


@dataclass(slots=True)
class ParseFailure:
    kind: str  # ParseError.kind, or "crash" for an unexpected exception
    message: str


ParseOutcome = Document | ParseFailure


def parse_one(result: FetchResult) -> ParseOutcome:
    from flows.process import parse_result

    try:
        return parse_result(result)
    except ParseError as exc:
        return ParseFailure(exc.kind, str(exc))
    except Exception as exc:  # a parser bug is recorded, not raised
        return ParseFailure("crash", f"{type(exc).__name__}: {exc}")


def parse_inline(results: Sequence[FetchResult]) -> list[ParseOutcome]:
    return [parse_one(r) for r in results]


def _write(stream: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LEN.pack(len(data)))
    stream.write(data)
    stream.flush()


def _read(stream: IO[bytes]) -> object:
    head = stream.read(_LEN.size)
    if len(head) < _LEN.size:
        raise EOFError("parse worker pipe closed")
    (n,) = _LEN.unpack(head)
    data = stream.read(n)
    if len(data) < n:
        raise EOFError("parse worker pipe closed mid-message")
    return pickle.loads(data)  # noqa: S301 - our own child process


class ParsePool:
    """One parse worker process; falls back to parsing inline if the worker dies."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "flows.parse_pool"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def __call__(self, results: Sequence[FetchResult]) -> list[ParseOutcome]:
        # only what parsing needs crosses the pipe
        slim = [
            FetchResult(url=r.url, final_url=r.final_url, status=r.status, headers=r.headers,
                        content=r.content, fetched_at=r.fetched_at)
            for r in results
        ]  # fmt: skip
        proc = self._proc
        if proc is not None:
            try:
                assert proc.stdin is not None and proc.stdout is not None
                _write(proc.stdin, slim)
                return _read(proc.stdout)  # type: ignore[return-value]
            except (OSError, EOFError, pickle.UnpicklingError) as exc:
                log.warning("parse worker failed (%s); parsing in this process from now on", exc)
                self.close()
        return parse_inline(slim)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def pool_worth_it() -> bool:
    """A second process only pays where there is a second core."""
    return (os.cpu_count() or 1) > 1 and os.environ.get("GOVARCHIVE_PARSE_WORKERS", "1") != "0"


def _serve() -> None:
    """The worker: batches in on stdin, outcomes out on stdout, until stdin closes."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            batch = _read(stdin)
        except EOFError:
            return
        _write(stdout, parse_inline(batch))  # type: ignore[arg-type]


if __name__ == "__main__":
    _serve()
