"""`make demo`: the whole pipeline, offline, against the local replica of the sites.

Starts the replica (its own process, loopback only), crawls every configured source
pointed at it with `--base-url`, then shows what a researcher would ask the archive.
The archive is written to ./data/demo.duckdb (override with GOVARCHIVE_DB).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.replica.server import ReplicaServer

SIZES = {"nxzx": 60, "ahsz-zxta": 45, "ahsz-rdjy": 45, "kjj": 30}
SOURCES = {
    "nxzx-tagz": "www.nxzx.gov.cn",
    "ahsz-zxta": "www.ahsz.gov.cn",
    "ahsz-rdjy": "www.ahsz.gov.cn",
    "ahsz-kjj": "kjj.ahsz.gov.cn",
}
QUERIES = [
    "SELECT source, count(*) AS documents, count(proposal_no) AS replies FROM documents GROUP BY source ORDER BY source",
    "SELECT reply_class, count(*) AS n FROM documents WHERE reply_class IS NOT NULL GROUP BY ALL ORDER BY 1",
    "SELECT proposal_no, session, proposer, reply_class, title FROM documents"
    " WHERE doc_type = 'suggestion_reply' ORDER BY published_at DESC LIMIT 5",
    "SELECT source, status, discovered, fetched, new, changed, unchanged, failed FROM crawl_runs ORDER BY started_at",
]


def govarchive(*args: str, db: str) -> None:
    exe = Path(sys.executable).with_name("govarchive")
    cmd = [str(exe), "--db", db, *args]
    print("\n$ govarchive " + " ".join(a if " " not in a else repr(a) for a in args), flush=True)
    subprocess.run(cmd, check=False)


def main() -> None:
    db = os.environ.get("GOVARCHIVE_DB", "data/demo.duckdb")
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    with ReplicaServer(articles=SIZES, mode="process") as rs:
        print("replica sites:", ", ".join(f"{h} → {u}" for h, u in rs.base_urls.items()), flush=True)
        for source, host in SOURCES.items():
            govarchive("crawl", source, "--base-url", rs.base_url(host), "--rps", "20", db=db)
        rs.control.add("nxzx", 3)
        print("\n(the replica publishes 3 new articles; an incremental crawl fetches only those)")
        govarchive("crawl", "nxzx-tagz", "--base-url", rs.base_url("www.nxzx.gov.cn"), "--rps", "20", db=db)
    for sql in QUERIES:
        govarchive("query", sql, db=db)
    govarchive("search", "乡村振兴", "--limit", "3", db=db)
    print(f"\nThe archive is {db} (open it with the DuckDB CLI too); raw WARC files are in {Path(db).parent / 'warc'}.")
    print("\nTry next:")
    for line in next_commands(db):
        print("  " + line)


def next_commands(db: str) -> list[str]:
    """Three commands to try on the demo's archive, with its --db (tested to run)."""
    exe = ".venv/bin/govarchive"
    return [
        f"{exe} search --db {db} 数字经济 --limit 5",  # in the replica's replies (and the test's page)
        f'{exe} query --db {db} "SELECT published_at, proposer, reply_class, title FROM replies'
        ' ORDER BY published_at DESC LIMIT 10"',
        f"{exe} export --db {db} data/replies.csv --excel --query \"SELECT * FROM replies\"",
    ]


if __name__ == "__main__":
    main()
