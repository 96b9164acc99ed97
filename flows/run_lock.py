"""One crawl per source and archive at a time, whoever starts it (CLI, `serve`, a worker).

Two runs of one source would both walk its frontier (twice the configured rate on its
host) and the second would mark the live first one `interrupted`. The lock is an
`flock` on a small file beside the archive: the kernel drops it when its holder dies,
however it dies, so a killed crawl never blocks the next one, and "a run left
`running` with nobody holding the lock" is exactly "a run that was killed".
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator
from pathlib import Path


class SourceBusy(RuntimeError):
    """Another live run holds this source of this archive."""


def lock_path(archive: Path, source: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", source)
    return archive.parent / f".{archive.name}.locks" / f"{safe}.lock"


@contextlib.contextmanager
def source_lock(archive: Path, source: str) -> Iterator[None]:
    """Hold the source's crawl lock, or raise SourceBusy at once naming the holder."""
    path = lock_path(archive, source)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            raise SourceBusy(
                f"source {source!r} is being crawled into {archive} by another run (pid {holder});"
                " not starting a second one"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
