"""How long a writer keeps the archive file: crawl policy, so it lives with the crawl's store path.

Each release is a checkpoint and the moment readers of other processes get in; holding saves
a checkpoint per batch, and the bounds keep readers' wait and DuckDB's buffer small.
"""

from __future__ import annotations

import contextlib
import math
import time

from warehouse.archive import Archive


class Lease:
    """The archive file held across batches and let go once held `seconds`, or once
    `max_bytes` of pages were written under it."""

    def __init__(
        self, archive: Archive, *, seconds: float, max_bytes: float = math.inf, bulk: bool = False
    ) -> None:
        self.archive, self.seconds, self.max_bytes, self.bulk = archive, seconds, max_bytes, bulk
        self._stack: contextlib.ExitStack | None = None
        self._since = 0.0
        self._bytes = 0

    @property
    def held(self) -> bool:
        return self._stack is not None

    def hold(self) -> None:
        if self._stack is None:
            self._stack = contextlib.ExitStack()
            self._stack.enter_context(self.archive.holding(bulk=self.bulk))
            self._since, self._bytes = time.monotonic(), 0

    def wrote(self, n_bytes: int = 0) -> None:
        """Count a batch written under the lease; let go if it is due."""
        self._bytes += n_bytes
        if self._bytes >= self.max_bytes or time.monotonic() - self._since >= self.seconds:
            self.release()

    def release(self) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            stack.close()
