"""`crawl_child`, SIGKILLed mid-batch: right after its Nth batch of pages is in WARC (fsynced)
and before that batch's `fetches` rows are written, the moment that leaves orphans behind.

    python -m tests.resilience.crawl_child_killed N DB SOURCE BASE_URL [BATCH]

A real SIGKILL, aimed instead of timed, so the test always meets orphan records. Batches
must be stored in this process (GOVARCHIVE_STORE_WORKER=0).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from tests.resilience import crawl_child
from warehouse import fetch_rows


def main(argv: list[str]) -> int:
    n, pages = int(argv[0]), 0
    real = fetch_rows.insert_fetches

    def insert_fetches(con: Any, fetches: Any, *, kind: str, **kw: Any) -> list[int]:
        nonlocal pages
        if kind == "page":
            pages += 1
            if pages == n:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(con, fetches, kind=kind, **kw)

    fetch_rows.insert_fetches = insert_fetches
    return crawl_child.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
