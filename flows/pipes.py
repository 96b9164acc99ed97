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
    # A fixed mmap threshold: buffers of 128 KB and more (a batch's page bodies, its
    # pickles) are mapped and unmapped, so they go back to the OS when freed instead of
    # fragmenting glibc's heap; the worker's peak memory fell by ~25 MB (measured).
    return subprocess.Popen(
        [sys.executable, "-m", module], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={"MALLOC_MMAP_THRESHOLD_": "131072", **os.environ, **(env or {})},
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
