"""A crawl in a child process, for tests that kill it or starve it of disk.

    python -m tests.resilience.crawl_child DB SOURCE BASE_URL [BATCH]

Prints `READY` once imports are done (so a killer can aim at the crawl itself, not at
Python's start-up), then one JSON line with the summary. Runs the Prefect-free
`crawl()`: the same steps the flow runs as tasks, without an API server to start.
"""

from __future__ import annotations

import asyncio
import json
import sys

from flows.crawl import crawl
from flows.crawl_options import CrawlOptions


def main(argv: list[str]) -> int:
    db, source, base_url = argv[:3]
    batch = int(argv[3]) if len(argv) > 3 else 5
    print("READY", flush=True)
    opts = CrawlOptions(base_url=base_url, rps=0, concurrency=4, batch_size=batch)
    summary = asyncio.run(crawl(source, db, opts))
    c = summary.counts
    print(json.dumps({"status": summary.status, "new": c.new, "failed": c.failed, "notes": summary.notes}), flush=True)
    return 0 if summary.status == "finished" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
