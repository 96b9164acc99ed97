"""`make bench`: every benchmark in one go, each in its own process, output as markdown.

Run on a quiet machine: the numbers go into the README's performance table together
with the machine they came from (printed first).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = [
    ["bench/links_bench.py"],  # proposals and copies: linking cost, precision/recall (issue 17)
    ["bench/parse_bench.py"],
    ["bench/real_bench.py"],  # real pages from fetched extractor test sets (skips when absent)
    # the README's crawl rows: with and without Prefect against a running server, then the
    # ephemeral API (the CLI's default) beside Scrapy
    ["-m", "bench.crawl_bench", "--articles", "20000", "--api", "server", "--only", "plain", "--only", "prefect"],
    ["-m", "bench.crawl_bench", "--articles", "20000", "--only", "prefect", "--only", "scrapy"],
    ["bench/warehouse_bench.py"],
    # many hosts at once (N = 4, 16, 64) beside Scrapy's per-domain pacing
    ["-m", "bench.hosts_bench"],
    # attachment text per format beside pypdf / pdfminer.six / openpyxl, and a crawl with it on/off
    ["-m", "bench.attachment_bench"],
]


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
          f"Python {platform.python_version()}\n", flush=True)  # fmt: skip
    failed = 0
    for args in RUNS:
        print(f"## {' '.join(args)}\n", flush=True)
        rc = subprocess.run([sys.executable, *args], cwd=ROOT, check=False).returncode
        failed += rc != 0
        print(flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
