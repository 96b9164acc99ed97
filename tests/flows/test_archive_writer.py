"""The writer thread of a `crawl all` (flows/archive_writer.py): order, transactions, cancels."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from flows.archive_writer import RECORD, SMALL, STORE, ArchiveWriter, run_db, writer_for
from warehouse import db as dbmod


def _table(path: Path) -> None:
    with dbmod.writer(path) as con:
        con.execute("CREATE TABLE IF NOT EXISTS t (k VARCHAR)")


def _insert(path: Path, k: str) -> str:
    with dbmod.writer(path) as con:
        con.execute("INSERT INTO t VALUES (?)", [k])
    return threading.current_thread().name


def _rows(path: Path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT k FROM t ORDER BY k").fetchall()]
    finally:
        con.close()


def test_calls_run_on_the_writer_thread_small_jobs_first(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    _table(path)
    writer = ArchiveWriter(path).start()
    order: list[str] = []
    gate = threading.Event()

    async def main() -> list[str]:
        assert writer_for(path) is writer
        blocker = asyncio.ensure_future(writer.call(gate.wait, 5))  # the thread is busy with it
        await asyncio.sleep(0.05)
        jobs = [writer.call(order.append, "store", priority=STORE),
                writer.call(order.append, "record", priority=RECORD),
                writer.call(order.append, "small", priority=SMALL)]  # fmt: skip
        futures = [asyncio.ensure_future(j) for j in jobs]
        await asyncio.sleep(0.05)
        gate.set()
        await asyncio.gather(blocker, *futures)
        return [await run_db(path, _insert, path, "x")]

    try:
        names = asyncio.run(main())
    finally:
        writer.close()
    assert order == ["small", "record", "store"]
    assert names == ["archive-writer"]
    assert writer_for(path) is None
    assert _rows(path) == ["x"]


def test_atomic_jobs_queued_together_share_a_transaction_and_a_failure_stays_its_own(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    _table(path)
    writer = ArchiveWriter(path).start()
    gate = threading.Event()

    def bad(path: Path) -> None:
        _insert(path, "half")
        raise ValueError("this one fails")

    try:
        busy = writer.submit(gate.wait, 5)
        time.sleep(0.05)
        ok1 = writer.submit(_insert, path, "a", priority=RECORD, atomic=True)
        failing = writer.submit(bad, path, priority=RECORD, atomic=True)
        ok2 = writer.submit(_insert, path, "b", priority=RECORD, atomic=True)
        gate.set()
        busy.result(5)
        assert ok1.result(5) == ok2.result(5) == "archive-writer"
        with pytest.raises(ValueError, match="this one fails"):
            failing.result(5)
    finally:
        writer.close()
    assert _rows(path) == ["a", "b"]  # the failed job's half was rolled back, the others kept


def test_a_cancelled_caller_still_gets_its_write_landed(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    _table(path)
    writer = ArchiveWriter(path).start()
    gate = threading.Event()

    async def main() -> None:
        busy = asyncio.ensure_future(writer.call(gate.wait, 5))
        await asyncio.sleep(0.05)
        task = asyncio.ensure_future(writer.call(_insert, path, "kept"))
        await asyncio.sleep(0.05)
        task.cancel()
        gate.set()
        with pytest.raises(asyncio.CancelledError):
            await task
        await busy

    try:
        asyncio.run(main())
    finally:
        writer.close()
    assert _rows(path) == ["kept"]


def test_a_reader_of_another_process_says_it_waits_and_gets_in(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    _table(path)
    # pauses for readers only when one says it waits (never on the count of releases here)
    writer = ArchiveWriter(path, hold_seconds=0.3, release_gap=0.3, idle_every=10**6).start()
    read = ("import sys; from pathlib import Path; from warehouse import db\n"
            "with db.reader(Path(sys.argv[1]), wait=20) as con:\n"
            "    print(con.execute('SELECT count(*) FROM t').fetchone()[0])")  # fmt: skip
    try:
        writer.submit(_insert, path, "x").result(5)
        time.sleep(0.5)
        assert writer.releases >= 1 and writer.gaps == 0  # nobody waiting: no pause
        out = subprocess.run([sys.executable, "-c", read, str(path)], capture_output=True, text=True,
                             timeout=60, cwd=Path(__file__).resolve().parents[2])  # fmt: skip
        assert out.stdout.strip() == "1", out.stderr[-500:]  # it got in while the crawl holds on
    finally:
        writer.close()
