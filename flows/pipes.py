"""Talking to a worker process: length-prefixed pickles over its stdin and stdout.

Workers are plain `python -m flows.<module>` children, not a multiprocessing pool: fork
is unsafe in a process with threads (Prefect's, asyncio's), and spawn/forkserver re-run
the caller's main script. Only our own child reads what we write, hence pickle.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
from typing import IO

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
    defaults = {
        "MALLOC_MMAP_THRESHOLD_": "131072",
        "GOVARCHIVE_ALLOCATOR_FLUSH": "16MB",
        "ARROW_DEFAULT_MEMORY_POOL": "system",
    }
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
