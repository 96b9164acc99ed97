"""Shared pieces of the resilience suite: fast policies, archive inspection, WARC scans.

Timeouts and backoffs are tiny here so that every fault is met in well under a second
or two; production defaults live in `FetchPolicy` and `Politeness` and are not changed.
"""

from __future__ import annotations

import asyncio
import functools
import socket
from pathlib import Path
from typing import Any

import duckdb
from warcio.archiveiterator import ArchiveIterator

from flows.fetch import Fetcher, FetchPolicy
from flows.politeness import PoliteFetcher, Politeness
from warehouse.exchange import FetchResult

FAST = {"connect_timeout": 1.0, "read_timeout": 0.6, "total_timeout": 2.0}
FAST_POLITENESS = {"rps": 0, "concurrency": 8, "attempts": 3, "backoff_initial": 0.01, "backoff_max": 0.05}


def policy(**kw: Any) -> FetchPolicy:
    return FetchPolicy(**{**FAST, "allow_private": True, "check_addresses": False, **kw})


def politeness(**kw: Any) -> Politeness:
    return Politeness(**{**FAST_POLITENESS, "respect_robots": False, **kw})


def fetch(url: str, *, polite: Politeness | None = None, **kw: Any) -> FetchResult:
    """One fetch through the real stack (pace and retries when `polite` is given)."""

    async def go() -> FetchResult:
        async with Fetcher(policy(**kw)) as f:
            if polite is None:
                return await f.fetch(url)
            return await PoliteFetcher(f, polite).fetch(url)

    return asyncio.run(go())


def fast_crawl_policies(monkeypatch: Any) -> None:
    """Make `flows.crawl` build fast-failing fetch policies and quick retries."""
    from flows import crawl as crawlmod

    monkeypatch.setattr(crawlmod, "FetchPolicy", functools.partial(FetchPolicy, **FAST))
    monkeypatch.setattr(
        crawlmod, "Politeness", functools.partial(Politeness, attempts=2, backoff_initial=0.01, backoff_max=0.05)
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sql(db: Path, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def warc_scan(root: Path) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """Every readable record in every WARC file: (type, uri, payload digest, record id), and unreadable files.

    Files are read one by one, so a file whose tail was cut by a kill only costs its
    own tail, never the other files.
    """
    records: list[tuple[str, str, str, str]] = []
    broken: list[str] = []
    for path in sorted((root / "warc").glob("*.warc.gz")):
        with open(path, "rb") as fh:
            try:
                for rec in ArchiveIterator(fh):
                    records.append((
                        rec.rec_type,
                        rec.rec_headers.get_header("WARC-Target-URI"),
                        rec.rec_headers.get_header("WARC-Payload-Digest") or "",
                        rec.rec_headers.get_header("WARC-Record-ID") or "",
                    ))  # fmt: skip
                    rec.content_stream().read()
            except Exception:  # noqa: BLE001 - a cut tail is what we are counting
                broken.append(path.name)
    return records, broken


def warcio_check(files: list[Path]) -> str:
    """`warcio check` on the files (digests of every record verified): its complaints, '' if none."""
    import subprocess
    import sys

    assert files, "no WARC files to check"
    warcio = Path(sys.executable).parent / "warcio"
    proc = subprocess.run([str(warcio), "check", "-v", *map(str, files)], capture_output=True, text=True, check=False)
    if proc.returncode == 0:
        return ""
    return (proc.stdout + proc.stderr)[-3000:] or f"warcio check exited {proc.returncode}"
