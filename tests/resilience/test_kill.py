"""SIGKILL at random points, then resume: the archive ends equal to an uninterrupted crawl.

Default: 3 kills (fast). `GOVARCHIVE_SOAK=1`: 20 kills in 4 rounds of 5, each round on a
fresh archive (`GOVARCHIVE_SOAK_KILLS=N` for another count).
After every kill the DuckDB file must open and answer, and every WARC record that
`fetches` points at must read back; a record cut by the kill may only cost its own
file's tail. At the end: same documents, same versions, same frontier, and no payload
stored twice among the records the archive refers to.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.replica.server import ReplicaServer
from tests.resilience.helpers import sql, warc_scan
from warehouse.warc import read_response

ROOT = Path(__file__).resolve().parents[2]
SOURCE, SITE, ARTICLES = "ahsz-kjj", "kjj", 24
KILLS = int(os.environ.get("GOVARCHIVE_SOAK_KILLS", "20" if os.environ.get("GOVARCHIVE_SOAK") else "3"))
KILLS_PER_ROUND = min(5, KILLS)  # a fresh archive every 5 kills, so later kills still land mid-crawl


@pytest.fixture(scope="module")
def rs() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={SITE: ARTICLES}, mode="thread") as server:
        yield server


# How the crawl stores its batches: in its own process, or in a store worker process
# (which large crawls use; forced here on a small one). With the worker, a kill takes the
# whole process group, worker included, mid-write as much as the crawl.
STORES = {"in-process": {"GOVARCHIVE_STORE_WORKER": "0"}, "worker": {"GOVARCHIVE_STORE_WORKER": "always"}}


def _start(db: Path, rs: ReplicaServer, store: str = "in-process") -> tuple[subprocess.Popen[str], float]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.resilience.crawl_child", str(db), SOURCE, rs.base_url(SITE), "4"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **STORES[store]}, start_new_session=True,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY"
    return proc, time.monotonic()


def _run_to_end(db: Path, rs: ReplicaServer, store: str = "in-process") -> float:
    proc, started = _start(db, rs, store)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]
    assert '"status": "finished"' in out
    return time.monotonic() - started


def _state(db: Path) -> dict[str, object]:
    """What must be equal between an interrupted-and-resumed archive and a reference."""
    return {
        "versions": sorted(sql(db, "SELECT url, content_sha256, is_current FROM document_versions")),
        "documents": sql(db, "SELECT count(*), count(DISTINCT url) FROM documents")[0],
        "frontier": sorted(sql(db, "SELECT url, kind, state FROM frontier")),
        "parse_errors": sql(db, "SELECT count(*) FROM parse_errors WHERE NOT resolved")[0],
    }


def _check_readable(db: Path) -> None:
    """The database opens and answers; every WARC record it refers to reads back."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in ("fetches", "document_versions", "frontier", "crawl_runs"):
            con.execute(f"SELECT count(*) FROM {table}").fetchone()
        refs = con.execute("SELECT warc_file, warc_offset FROM fetches WHERE warc_file IS NOT NULL").fetchall()
    finally:
        con.close()
    for file, offset in refs:
        read_response(db.parent, file, offset)


def _payload_report(db: Path) -> dict[str, int | None]:
    """Payloads stored twice among the records `fetches` refers to, and orphan records.

    `stored_twice` is None while the archive has no revisit support (no `warc_type`
    column): then every re-fetch of an unchanged page stores its payload again.
    Orphans are payload-bearing (response) records written just before a kill and never
    recorded in `fetches`; the next writer adopts them (warehouse/orphans.py).
    """
    records, _ = warc_scan(db.parent)
    referenced = {r for (r,) in sql(db, "SELECT warc_record_id FROM fetches WHERE warc_record_id IS NOT NULL")}
    # a revisit record holds no payload, so only unreferenced responses could store one twice
    orphans = sum(1 for r in records if r[0] == "response" and r[3] not in referenced)
    columns = {c for (c,) in sql(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'fetches'")}
    twice = None
    if "warc_type" in columns:
        twice = sql(db, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM fetches"
                        " WHERE warc_type = 'response' AND status BETWEEN 200 AND 299 AND size >= 512"
                        " GROUP BY payload_sha256)")[0][0]  # fmt: skip
    return {"stored_twice": None if twice is None else int(twice), "orphans": orphans}


def _diff(got: dict[str, object], expected: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key in expected:
        a, b = got[key], expected[key]
        if a != b:
            out[key] = ({"extra": sorted(set(a) - set(b)), "missing": sorted(set(b) - set(a))}
                        if isinstance(a, list) else (a, b))  # fmt: skip
    return out


def _killed_round(
    rs: ReplicaServer, db: Path, rng: random.Random, duration: float, store: str
) -> list[str]:
    """Kills on one archive; each aims inside the work still left (it shrinks as runs resume)."""
    points = []
    left = duration
    for _ in range(KILLS_PER_ROUND):
        proc, started = _start(db, rs, store)
        delay = rng.uniform(0.05, max(0.1, left * 0.95))
        try:
            proc.wait(timeout=delay)  # finished before the kill: fine, later runs are incremental
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the crawl and its store worker, if any
        _, err = proc.communicate()
        assert proc.returncode in (0, -signal.SIGKILL), f"the crawl failed by itself:\n{err[-3000:]}"
        elapsed = time.monotonic() - started
        killed = proc.returncode == -signal.SIGKILL
        points.append(f"{elapsed:.2f}{'k' if killed else 'f'}")
        left = max(0.3, left - elapsed * 0.7) if killed else 0.3
        if db.exists():
            _check_readable(db)
    return points


@pytest.mark.timeout(900)
@pytest.mark.parametrize("store", list(STORES))
def test_sigkill_at_random_points_then_resume_equals_uninterrupted(
    rs: ReplicaServer, tmp_path: Path, store: str
) -> None:
    ref = tmp_path / "ref" / "archive.duckdb"
    duration = _run_to_end(ref, rs, store)
    expected = _state(ref)
    assert expected["documents"] == (ARTICLES, ARTICLES)

    rng = random.Random(int(os.environ.get("GOVARCHIVE_SOAK_SEED", "6")))
    rounds = max(1, KILLS // KILLS_PER_ROUND)
    for n in range(rounds):
        db = tmp_path / f"killed-{n}" / "archive.duckdb"
        points = _killed_round(rs, db, rng, duration, store)
        _run_to_end(db, rs, store)  # the resume
        _check_readable(db)
        got = _state(db)
        assert got == expected, f"round {n}: kill points {points}; differences {_diff(got, expected)}"
        statuses = [s for (s,) in sql(db, "SELECT status FROM crawl_runs ORDER BY started_at")]
        assert statuses[-1] == "finished" and set(statuses) <= {"finished", "interrupted"}, statuses
        _, broken = warc_scan(db.parent)
        report = _payload_report(db)
        print(f"\nround {n}: ends at {points} (s; k = killed, f = finished) of a {duration:.1f}s crawl; "
              f"WARC files with a cut tail: {len(broken)}; {report}")  # fmt: skip
        if report["stored_twice"] is not None:
            assert report["stored_twice"] == 0
        assert report["orphans"] == 0  # records a kill left unreferenced were adopted


def test_a_cut_warc_tail_costs_only_that_tail(rs: ReplicaServer, tmp_path: Path) -> None:
    """A record half-written when the process died: the other records and files still read."""
    import asyncio
    import gzip

    from flows.crawl import crawl
    from flows.crawl_options import CrawlOptions

    db = tmp_path / "data" / "archive.duckdb"
    opts = CrawlOptions(base_url=rs.base_url(SITE), rps=0, concurrency=4, batch_size=4, max_pages=1)
    asyncio.run(crawl(SOURCE, str(db), opts))
    [first] = sorted((db.parent / "warc").glob("*.warc.gz"))
    record = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n")
    with first.open("ab") as fh:
        fh.write(record[: len(record) // 2])  # what a SIGKILL mid-write leaves behind
    asyncio.run(crawl(SOURCE, str(db), CrawlOptions(base_url=rs.base_url(SITE), rps=0, full=True)))
    _check_readable(db)  # every record the archive refers to, in both files
    records, broken = warc_scan(db.parent)
    assert broken == [first.name]
    assert len({f for (f,) in sql(db, "SELECT DISTINCT warc_file FROM fetches WHERE warc_file IS NOT NULL")}) == 2
    assert sum(1 for r in records if r[0] in ("response", "revisit")) >= 2 * ARTICLES


def test_death_between_page_and_attachments_loses_no_attachment(
    rs: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic form of what the kill test found: the crawl dies as a batch's attachments
    are being queued. Whatever was written, the next run must still fetch every attachment."""
    import asyncio

    from flows.crawl import crawl
    from flows.crawl_options import CrawlOptions
    from warehouse.frontier import Frontier

    class Died(BaseException):
        pass

    real_add = Frontier.add

    def dying_add(self: Frontier, items, run_id):  # noqa: ANN001
        if any(d.kind == "attachment" for d in items):
            raise Died
        return real_add(self, items, run_id)

    db = tmp_path / "data" / "archive.duckdb"
    opts = CrawlOptions(base_url=rs.base_url(SITE), rps=0, concurrency=4, batch_size=ARTICLES)
    monkeypatch.setattr(Frontier, "add", dying_add)
    with pytest.raises(Died):
        asyncio.run(crawl(SOURCE, str(db), opts))
    monkeypatch.setattr(Frontier, "add", real_add)
    asyncio.run(crawl(SOURCE, str(db), opts))
    expected = sum(len(t.attachments) for t in rs.control.truth(SITE))
    done = sql(db, "SELECT count(*) FROM frontier WHERE kind = 'attachment' AND state = 'done'")[0][0]
    assert expected > 0 and done == expected
